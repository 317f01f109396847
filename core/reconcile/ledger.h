#pragma once

#include "csv/csvwriter.h"
#include "domain/money.h"

#include <QByteArray>
#include <QCoreApplication>
#include <QList>
#include <QString>
#include <QStringList>

#include <optional>

namespace kessai {

class CsvReader;

// One order of the merchant's ledger (注文台帳): its 取引ID, amount and the file line it is on.
struct LedgerEntry
{
    QString tradingId; // NFKC-normalised and trimmed (a full-width "ＡＢＣ１" is "ABC1")
    Yen amount = 0;
    int line = 0; // 1-based physical line where the record starts
};

// What is wrong with one ledger line (or with the whole file: line 0), said for the user.
struct LedgerError
{
    int line = 0;
    QString message;
};

// Which columns of a ledger hold the 取引ID and the amount (0-based field indexes). Found from the
// header when it names them, else chosen by the user — and remembered per header signature, so
// the next export of the same software needs no choice.
struct LedgerMapping
{
    int tradingIdColumn = -1;
    int amountColumn = -1;

    bool isValid() const
    {
        return tradingIdColumn >= 0 && amountColumn >= 0 && tradingIdColumn != amountColumn;
    }
    bool operator==(const LedgerMapping &) const = default;

    // A stable key for a header row: SHA-256 (hex) of its fields normalised as detection sees
    // them (NFKC, trimmed, lower case), trailing empty fields dropped. The same software's export
    // has the same signature whatever its encoding, BOM or file name.
    static QString headerSignature(const QStringList &header);
};

// A ledger CSV read and checked: UTF-8 (with or without a BOM) or CP932, as CsvReader detects it.
// The first non-blank record is the header. The 取引ID column is found by the names 取引ID,
// 注文番号, 受注番号, 受注コード, order_id, trading_id and the amount by 金額, 決済金額, 請求金額,
// 合計金額, amount, total (any case, any width, trimmed). When either is missing or named twice the
// ledger needsMapping() and holds no entries until it is read again with a mapping.
// Every broken line (a bad amount, a blank 取引ID, a CSV quoting problem) is an error with its
// line number; a line with an error is never an entry (an unreadable amount is never 0 yen).
class Ledger
{
    Q_DECLARE_TR_FUNCTIONS(kessai::Reconcile)

public:
    static Ledger parse(const QByteArray &bytes,
                        const QString &name,
                        const std::optional<LedgerMapping> &mapping = std::nullopt);
    // Reads the file at path; an unreadable file is one error on line 0.
    static Ledger read(const QString &path,
                       const std::optional<LedgerMapping> &mapping = std::nullopt);

    // The columns whose header names the 取引ID / the amount.
    static QList<int> tradingIdCandidates(const QStringList &header);
    static QList<int> amountCandidates(const QStringList &header);
    // The mapping the header names unambiguously, if it does.
    static std::optional<LedgerMapping> detectMapping(const QStringList &header);

    // Whole yen: "12345", "12,345", "¥12,345", "12345円", full-width digits, a leading minus
    // ("-1,000", "¥-1,000", "-¥1,000"); at most 12 digits. Commas only between groups of three.
    static std::optional<Yen> parseAmount(const QString &text);

    const QString &name() const { return m_name; }
    CsvEncoding encoding() const { return m_encoding; }
    // SHA-256 of the file's bytes, hex.
    const QByteArray &sha256() const { return m_sha256; }

    const QStringList &header() const { return m_header; } // as written in the file
    int headerLine() const { return m_headerLine; }
    QString headerSignature() const { return LedgerMapping::headerSignature(m_header); }
    // The mapping the entries were read with (detected or given); invalid when none could be used.
    const LedgerMapping &mapping() const { return m_mapping; }
    bool mappingDetected() const { return m_mappingDetected; }
    // The header does not name the columns unambiguously and no mapping was given.
    bool needsMapping() const { return m_needsMapping; }
    // When needsMapping(): the first lines after the header as written (at most SampleLines), so
    // whoever chooses the columns sees what they hold.
    static constexpr int SampleLines = 5;
    const QList<QStringList> &sample() const { return m_sample; }

    const QList<LedgerEntry> &entries() const { return m_entries; }
    const QList<LedgerError> &errors() const { return m_errors; }
    bool isClean() const { return m_errors.isEmpty(); }

private:
    void addError(int line, const QString &message) { m_errors.append({line, message}); }
    void keepSample(CsvReader &reader);

    QString m_name;
    CsvEncoding m_encoding = CsvEncoding::Utf8;
    QByteArray m_sha256;
    QStringList m_header;
    int m_headerLine = 0;
    LedgerMapping m_mapping;
    bool m_mappingDetected = false;
    bool m_needsMapping = false;
    QList<QStringList> m_sample;
    QList<LedgerEntry> m_entries;
    QList<LedgerError> m_errors;
};

} // namespace kessai
