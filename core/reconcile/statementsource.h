#pragma once

#include "api/apierror.h"
#include "api/paymentquery.h"
#include "api/statement.h"
#include "reconcile/reconciler.h"

#include <QObject>
#include <QPointer>

namespace kessai {

class KeysetPager;
class MerchantClient;

// The statement side of a reconciliation: a statement's lines as the reconciler takes them.
QList<StatementEntry> statementEntries(const QList<StatementLine> &lines);

// Reads every line of one statement, 1,000 at a time on the event loop (one page in flight),
// for the reconciler; finished() once, with the lines or the gateway's error.
class StatementLinesReader final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(StatementLinesReader)

public:
    explicit StatementLinesReader(MerchantClient *client, QObject *parent = nullptr);
    ~StatementLinesReader() override;

    void start(const QString &statementId);
    void cancel();
    bool isRunning() const { return m_running; }
    const QList<StatementLine> &lines() const { return m_lines; }
    // Reads every line at once in a local event loop: for kessaictl and tests.
    ApiError readAll(const QString &statementId);

Q_SIGNALS:
    void progress(qint64 linesRead);
    void finished(const kessai::ApiError &error); // error.isError() false: lines() holds them all

private:
    QPointer<MerchantClient> m_client;
    KeysetPager *m_pager;
    StatementLineQuery m_query;
    QList<StatementLine> m_lines;
    bool m_running = false;
};

// The other side of a reconciliation without a statement: the payments whose money came in over
// a date range — captured card payments and cleared コンビニ / ATM / 銀行ネット payments (status 40 or
// 41) by their cleared date in Japan time, both ends included — one sale each, for the reconciler.
class CapturedPaymentsReader final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(CapturedPaymentsReader)

public:
    explicit CapturedPaymentsReader(MerchantClient *client, QObject *parent = nullptr);
    ~CapturedPaymentsReader() override;

    // The search the reader walks for a date range.
    static PaymentQuery queryFor(const QDate &from, const QDate &to);

    void start(const QDate &from, const QDate &to);
    void cancel();
    bool isRunning() const { return m_running; }
    const QList<StatementEntry> &entries() const { return m_entries; }
    ApiError readAll(const QDate &from, const QDate &to);

Q_SIGNALS:
    void progress(qint64 paymentsRead);
    void finished(const kessai::ApiError &error);

private:
    QPointer<MerchantClient> m_client;
    KeysetPager *m_pager;
    PaymentQuery m_query;
    QList<StatementEntry> m_entries;
    bool m_running = false;
};

} // namespace kessai
