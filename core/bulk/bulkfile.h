#pragma once

#include "api/paymentaction.h"
#include "csv/csvwriter.h"
#include "domain/money.h"

#include <QByteArray>
#include <QCoreApplication>
#include <QList>
#include <QString>

#include <optional>

namespace kessai {

// One line of a bulk-action file that passed every check.
struct BulkFileLine
{
    int line = 0; // physical line in the file where its record starts
    PaymentAction::Kind kind = PaymentAction::Kind::Capture;
    QString paymentId; // 決済ID; empty until resolved when the line gave only a 取引ID
    QString tradingId; // 取引ID as given (may be empty)
    Yen amount = 0;    // 0: none given (capture the authorized amount / cancel whatever it is)
};

// What is wrong with one line (or with the whole file: line 0), said for the user.
struct BulkFileError
{
    int line = 0;
    QString message;
};

// A bulk capture / cancel file (ファイル処理) read and checked: a CSV with a header naming its
// columns — 決済ID or payment_id, 取引ID or trading_id (one of the two per line), 処理区分 or
// action (売上 / 取消 / capture / cancel; optional when the caller fixes the action), 金額 or
// amount (optional: a partial capture, or for a cancel the amount it must still have). Every
// broken line is reported with its line number; nothing may be sent while errors() is not empty.
// Lines that give only a 取引ID get their 決済ID from BulkFileResolver.
class BulkFile
{
    Q_DECLARE_TR_FUNCTIONS(kessai::BulkFile)

public:
    // fixedKind: the action the caller runs (kessaictl capture / cancel); the action column may
    // then be left out, and a line that names the other action is an error.
    static BulkFile parse(const QByteArray &bytes, const QString &name,
                          std::optional<PaymentAction::Kind> fixedKind = std::nullopt);
    // Reads the file at path; an unreadable file is one error on line 0.
    static BulkFile read(const QString &path, std::optional<PaymentAction::Kind> fixedKind = std::nullopt);

    const QString &name() const { return m_name; }
    CsvEncoding encoding() const { return m_encoding; }
    // SHA-256 of the file's bytes, hex: the same file has the same hash whatever its name.
    const QByteArray &sha256() const { return m_sha256; }
    // How a batch made from this file is named in the journal: "file:NAME sha256:HEX". Running
    // the same file again finds its unfinished batch by the hash.
    QString journalSource() const;
    static QByteArray sha256OfSource(const QString &source);

    const QList<BulkFileLine> &lines() const { return m_lines; }
    QList<BulkFileLine> &lines() { return m_lines; }
    const QList<BulkFileError> &errors() const { return m_errors; }
    bool isClean() const { return m_errors.isEmpty(); }
    void addError(int line, const QString &message);
    // Errors in line order (a resolver adds its own after the parser's).
    void sortErrors();

    // Lines that still need their 決済ID looked up, or their 取引ID checked against it.
    bool needsResolving() const;
    // After resolving: a payment named on two lines is an error on the later one.
    void checkDuplicatePayments();

    // The clean lines of one action, in file order, as batch items and their line numbers.
    QList<PaymentActionItem> items(PaymentAction::Kind kind) const;
    QList<int> lineNumbers(PaymentAction::Kind kind) const;
    int count(PaymentAction::Kind kind) const;

    // "売上" / "取消": the words the file uses for an action.
    static QString actionWord(PaymentAction::Kind kind);
    static bool isPaymentId(const QString &text);
    static bool isTradingId(const QString &text);
    // Whole yen from 1 to 9,999,999: "1000", "1,000", "¥1,000", "1000円", full-width digits;
    // commas only between groups of three ("1,00" is refused, it may have meant 1.00).
    static std::optional<Yen> parseAmount(const QString &text);

private:
    QString m_name;
    CsvEncoding m_encoding = CsvEncoding::Utf8;
    QByteArray m_sha256;
    QList<BulkFileLine> m_lines;
    QList<BulkFileError> m_errors;
};

} // namespace kessai
