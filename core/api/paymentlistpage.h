#pragma once

#include <QByteArrayView>
#include <QList>
#include <QString>

#include <optional>

namespace kessai {

// One payment of a GET /v1/payments page, as the result table and the CSV export use it
// (the card and customer objects are skipped).
struct PaymentListItem
{
    // What the signed-in user may do to the payment now (the row's `actions`), as bits.
    enum Action : quint8 { NoAction = 0, Capture = 1, Cancel = 2, ChangeAmount = 4 };

    qint64 paymentId = 0;
    QString tradingId;
    QString type;        // "02"; equal texts share one QString within a page
    int status = 0;
    qint64 amount = 0;   // yen
    QString institution; // shared like type
    qint64 tradeTime = 0; // seconds since the epoch (UTC); 0 = none
    qint64 dueTime = 0;
    qint64 clearedTime = 0;
    qint64 authExpiresTime = 0; // a card authorization's lapse (オーソリ有効期限); 0 = none
    QString customerName;       // empty when the payment has none
    quint16 cardLast4 = NoCard; // the card's last 4 digits as a number (0042 is 42)
    quint8 actions = NoAction; // Action bits

    static constexpr quint16 NoCard = 0xFFFF;
    // "0042", or empty for a payment without a card.
    QString cardLast4Text() const;
};

struct PaymentListPage
{
    QList<PaymentListItem> items;
    QString nextCursor; // empty after the last page
    qint64 total = -1;  // -1 = not counted
};

// Reads a page answer straight from its UTF-8 bytes (simdjson On-Demand: no QJsonDocument). nullopt,
// with *error saying why, if the text is not such a page.
std::optional<PaymentListPage> readPaymentListPage(QByteArrayView json, QString *error = nullptr);

// Reads one payment object (a list row, or a line of GET /v1/payments/export) from its UTF-8
// bytes; false, with *error saying why, if the text is not exactly one such object.
bool readPaymentListItem(QByteArrayView json, PaymentListItem *item, QString *error = nullptr);

// The total of a count answer (GET /v1/payments/count and every other …/count); nullopt if the
// reply failed or says no total.
std::optional<qint64> readTotal(const class ApiReply &reply);
// The summed amount of a count answer asked with sum=amount (the total line); nullopt if the
// reply failed or says none.
std::optional<qint64> readTotalAmount(const class ApiReply &reply);

} // namespace kessai
