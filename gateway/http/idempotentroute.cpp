#include "idempotentroute.h"

#include "common/clock.h"
#include "http/idempotencystore.h"

#include <QJsonDocument>
#include <QLoggingCategory>

// These lines were the payment actions' before idempotency had a home in http/; they keep the
// category operators filter them by.
Q_LOGGING_CATEGORY(lcGatewayIdempotency, "gateway.actions", QtInfoMsg)

namespace kessai::gateway {

bool IdempotentRoute::keyPresent(const HttpRequest &req, HttpResponse &res)
{
    if (!req.hasHeader("Idempotency-Key")) {
        res.sendError(ApiError::badRequest(QStringLiteral("The Idempotency-Key header is required.")));
        return false;
    }
    if (!IdempotencyStore::isValidKey(req.header("Idempotency-Key"))) {
        res.sendError(ApiError::invalidParameter(
                               QStringLiteral("Idempotency-Key must be 1-64 characters of A-Z a-z 0-9 _ -.")));
        return false;
    }
    return true;
}

std::optional<QString> IdempotentRoute::claim(const HttpRequest &req, HttpResponse &res,
                                     const Caller &user, const QJsonObject &canonicalBody) const
{
    const QString key = req.header("Idempotency-Key");
    const QString hash = IdempotencyStore::requestHash(user.loginId, req.method,
                                                       req.path,
                                                       QJsonDocument(canonicalBody).toJson(QJsonDocument::Compact));
    auto claimed = m_store.claim(user.merchantId, key, hash, m_clock.now());
    if (!claimed) {
        qCWarning(lcGatewayIdempotency).noquote() << "idempotency claim failed:" << claimed.error();
        res.sendError(ApiError::internal());
        return std::nullopt;
    }
    switch (claimed->outcome) {
    case IdempotencyStore::Outcome::Claimed:
        return key;
    case IdempotencyStore::Outcome::Replay:
        res.setHeader("Idempotent-Replayed", "true");
        res.sendJsonText(claimed->httpStatus, claimed->response);
        return std::nullopt;
    case IdempotencyStore::Outcome::Mismatch:
        res.sendError({ErrorKind::Unprocessable, QStringLiteral("idempotency_mismatch"),
                              QStringLiteral("This Idempotency-Key was used with a different request.")});
        return std::nullopt;
    case IdempotencyStore::Outcome::InProgress:
        res.sendError({ErrorKind::Conflict, QStringLiteral("idempotency_in_progress"),
                              QStringLiteral("A request with this Idempotency-Key is still running; retry later.")});
        return std::nullopt;
    }
    return std::nullopt;
}

void IdempotentRoute::finish(HttpResponse &res, const Caller &user, const QString &key, int status,
                    const QByteArray &body) const
{
    if (auto stored = m_store.complete(user.merchantId, key, status, body, m_clock.now()); !stored) {
        // The work is done and committed; only the replay is lost. Answer it anyway.
        qCWarning(lcGatewayIdempotency).noquote() << "storing the idempotent answer failed:" << stored.error();
    }
    res.sendJsonText(status, body);
}

void IdempotentRoute::failInternally(HttpResponse &res, const Caller &user, const QString &key,
                            const QString &what) const
{
    qCWarning(lcGatewayIdempotency).noquote() << what;
    // Nothing of the request was committed (a bulk request is one transaction), so the key is
    // released and a retry with it does the whole request.
    if (auto released = m_store.release(user.merchantId, key); !released)
        qCWarning(lcGatewayIdempotency).noquote() << "releasing the idempotency key failed:" << released.error();
    res.sendError(ApiError::internal());
}

} // namespace kessai::gateway
