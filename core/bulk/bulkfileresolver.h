#pragma once

#include "api/apierror.h"
#include "bulkfile.h"

#include <QObject>
#include <QPointer>

namespace kessai {

class ApiReply;
class MerchantClient;

// Turns the 取引ID of a bulk file's lines into 決済ID (GET /v1/payments?trading_id=…, a few
// lookups at a time): no payment is an error on that line, several are an error naming them (the
// user gives the 決済ID instead). A line that gives both is checked: the 決済ID must be one of
// that 取引ID's payments. Then a payment named on two lines is an error. Only reads: nothing is
// captured or cancelled here.
class BulkFileResolver final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(BulkFileResolver)

public:
    explicit BulkFileResolver(MerchantClient *client, QObject *parent = nullptr);
    ~BulkFileResolver() override;

    void start(const BulkFile &file);
    void cancel();
    bool isRunning() const { return m_running; }

    // The file with every line's 決済ID, or with the lines that could not be resolved as errors.
    const BulkFile &result() const { return m_file; }
    // The gateway could not be asked (connection, TLS, session, permission): the result is not
    // complete and must not be used.
    const ApiError &error() const { return m_error; }

    // For the command line: runs to the end in a local event loop.
    static BulkFile resolve(MerchantClient *client, const BulkFile &file, ApiError *error);

    static constexpr int InFlight = 6; // Qt's connections per host

Q_SIGNALS:
    void progress(int done, int total);
    void finished();

private:
    void sendMore();
    void onAnswer(int index, ApiReply *reply);
    void finish();
    void abortAll();

    QPointer<MerchantClient> m_client;
    BulkFile m_file;
    QList<int> m_todo; // indexes into m_file.lines() still to look up
    int m_next = 0;
    int m_inFlight = 0;
    int m_done = 0;
    bool m_running = false;
    ApiError m_error;
    QList<QPointer<ApiReply>> m_replies;
};

} // namespace kessai
