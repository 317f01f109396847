#pragma once

#include "http/caller.h"
#include "http/request.h"
#include "http/response.h"

#include <QJsonObject>
#include <QString>

#include <optional>

namespace kessai::gateway {

class Clock;
class IdempotencyStore;

// The Idempotency-Key protocol of the routes that move money (docs/api.md): a key is claimed
// per merchant with a hash of the request, its answer is stored and replayed for a retry, and a
// request that failed inside releases its key so that a retry does the whole request.
class IdempotentRoute
{
public:
    IdempotentRoute(IdempotencyStore &store, const Clock &clock)
        : m_store(store)
        , m_clock(clock)
    {}

    // Answers 400 unless the request carries a well-formed Idempotency-Key.
    static bool keyPresent(const HttpRequest &req, HttpResponse &res);
    // Returns the key when the caller should do the work; otherwise the answer (a replay, a
    // mismatch, a request still running) has been sent.
    std::optional<QString> claim(const HttpRequest &req, HttpResponse &res, const Caller &user,
                                 const QJsonObject &canonicalBody) const;
    // Stores the answer for replays and sends it.
    void finish(HttpResponse &res, const Caller &user, const QString &key, int status, const QByteArray &body) const;
    // Logs what failed, releases the key and answers 500.
    void failInternally(HttpResponse &res, const Caller &user, const QString &key, const QString &what) const;

private:
    IdempotencyStore &m_store;
    const Clock &m_clock;
};

} // namespace kessai::gateway
