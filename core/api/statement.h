#pragma once

#include "domain/money.h"

#include <QByteArrayView>
#include <QDate>
#include <QList>
#include <QString>
#include <QStringList>

#include <optional>

class QJsonObject;

namespace kessai {

// The money figures a statement and each of its method rows share (docs/api.md, "Statements").
// cancelAmount is positive; net = saleAmount − cancelAmount − fee − tax.
struct StatementFigures
{
    qint64 saleCount = 0;
    Yen saleAmount = 0;
    qint64 cancelCount = 0;
    Yen cancelAmount = 0;
    Yen fee = 0;
    Yen tax = 0;
    Yen net = 0;

    StatementFigures &operator+=(const StatementFigures &other);
    bool operator==(const StatementFigures &) const = default;
};

// One payment method's row of a statement.
struct StatementMethod
{
    QString type; // "02"
    int rateBp = 0; // 325 = 3.25 %
    Yen fixedFee = 0;
    StatementFigures figures;
};

// One settlement period's statement (支払明細) as GET /v1/statements and /v1/statements/{id}
// answer it; methods only in the latter.
struct Statement
{
    QString id; // digits
    QDate periodStart;
    QDate closingDate; // 締め日
    QDate payoutDate;  // 支払日
    qint64 closedAt = 0; // seconds since the epoch (UTC)
    StatementFigures figures;
    Yen carryIn = 0;
    Yen transferFee = 0;
    Yen payout = 0;
    Yen carryOut = 0;
    qint64 lineCount = 0;
    QList<StatementMethod> methods;

    // The sum of the method rows (equal to figures for a statement the gateway sent).
    StatementFigures methodTotals() const;
    // Whether payout + transfer fee + carry-out = net + carry-in and the methods add up: the
    // gateway's promise, checked before a statement is shown or exported.
    bool isBalanced() const;

    // nullopt if a field is missing or of the wrong kind.
    static std::optional<Statement> fromJson(const QJsonObject &object);
};

struct StatementListPage
{
    QList<Statement> items;
    QString nextCursor; // empty after the last page
};

std::optional<StatementListPage> readStatementListPage(const QJsonObject &object);
// The same, from a finished reply (nullopt when it failed or is not such an answer): widgets and
// models get types, never wire JSON.
std::optional<StatementListPage> readStatementListPage(const class ApiReply &reply);
std::optional<Statement> readStatement(const class ApiReply &reply);

// One line of a statement: a money event of one payment.
struct StatementLine
{
    qint64 lineId = 0;
    qint64 paymentId = 0; // 0 = a line without a payment (later kinds)
    QString tradingId;
    QString type; // "02"
    QString kind; // "sale", "cancel", later kinds as the gateway names them
    qint64 at = 0; // seconds since the epoch (UTC)
    Yen amount = 0; // signed: a cancel is negative
    Yen fee = 0;    // signed
};

struct StatementLinesPage
{
    QList<StatementLine> items;
    QString nextCursor;
};

// Reads a GET /v1/statements/{id}/lines answer from its bytes; nullopt (with *error) if it is
// not one.
std::optional<StatementLinesPage> readStatementLinesPage(QByteArrayView json, QString *error = nullptr);

// What a statement-lines walk reads: a statement's lines of some types and kinds.
struct StatementLineQuery
{
    QString statementId;
    QStringList types; // empty = all
    QStringList kinds; // empty = all

    bool operator==(const StatementLineQuery &) const = default;
};

} // namespace kessai
