#include "merchantclient.h"

#include "tls/tlsconfiguration.h"

#include <QCoreApplication>
#include <QJsonArray>
#include <QJsonObject>
#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QNetworkRequest>
#include <QUuid>

namespace kessai {

UserInfo UserInfo::fromJson(const QJsonObject &object)
{
    UserInfo u;
    u.loginId = object.value(QLatin1String("login_id")).toString();
    u.name = object.value(QLatin1String("name")).toString();
    u.role = object.value(QLatin1String("role")).toString();
    const QJsonObject merchant = object.value(QLatin1String("merchant")).toObject();
    u.merchantId = merchant.value(QLatin1String("id")).toString();
    u.merchantName = merchant.value(QLatin1String("name")).toString();
    for (const QJsonValue &p : object.value(QLatin1String("permissions")).toArray())
        u.permissions.append(p.toString());
    u.mustChangePassword = object.value(QLatin1String("must_change_password")).toBool();
    return u;
}

MerchantClient::MerchantClient(QObject *parent)
    : QObject(parent)
    , m_nam(new QNetworkAccessManager(this))
    , m_ssl(gatewayTlsConfiguration(ClientIdentity(), {})) // trusts nothing until setIdentity()
{
    m_nam->setRedirectPolicy(QNetworkRequest::ManualRedirectPolicy);
}

MerchantClient::~MerchantClient()
{
    // Answers still running hold their network replies: they go before the manager that made
    // them (a reply aborted after its manager is gone crashes inside Qt).
    qDeleteAll(findChildren<PaymentExportStream *>(Qt::FindDirectChildrenOnly));
    qDeleteAll(findChildren<ApiReply *>(Qt::FindDirectChildrenOnly));
}

void MerchantClient::setNetworkAccessManager(QNetworkAccessManager *nam)
{
    if (m_nam->parent() == this)
        delete m_nam;
    m_nam = nam;
}

bool MerchantClient::setBaseUrl(const QUrl &url)
{
    m_baseUrl = url;
    m_baseUrl.setPath(QString());
    return isSecure();
}

namespace {

ApiError insecureUrl()
{
    ApiError error;
    error.kind = ApiError::Kind::Connection;
    error.code = QStringLiteral("insecure_url");
    error.message = QCoreApplication::translate("kessai::MerchantClient",
                                                "The gateway URL must start with https:// — nothing was sent.");
    return error;
}

} // namespace

ApiReply *MerchantClient::refuseInsecure()
{
    return track(new ApiReply(insecureUrl(), this));
}

void MerchantClient::setIdentity(const ClientIdentity &identity, const QList<QSslCertificate> &caCertificates)
{
    m_identity = identity;
    m_ssl = gatewayTlsConfiguration(identity, caCertificates);
    // A changed identity must never ride on a connection made with the old one.
    m_nam->clearAccessCache();
    m_token.clear();
    m_user = {};
}

QNetworkRequest MerchantClient::makeRequest(const QString &path, const QUrlQuery &query) const
{
    QUrl url = m_baseUrl;
    url.setPath(path);
    if (!query.isEmpty())
        url.setQuery(query);
    QNetworkRequest request(url);
    request.setSslConfiguration(m_ssl);
    request.setAttribute(QNetworkRequest::Http2AllowedAttribute, false);
    request.setHeader(QNetworkRequest::ContentTypeHeader, QStringLiteral("application/json"));
    request.setRawHeader("Accept", "application/json");
    request.setTransferTimeout(30000);
    if (!m_token.isEmpty())
        request.setRawHeader("Authorization", "Bearer " + m_token);
    return request;
}

ApiReply *MerchantClient::track(QNetworkReply *reply)
{
    return track(new ApiReply(reply, this));
}

ApiReply *MerchantClient::track(ApiReply *apiReply)
{
    // The request went out with the token of this moment (makeRequest).
    noteSent(m_token);
    connect(apiReply, &ApiReply::finished, this, [this, apiReply, sentWith = m_token] {
        noteError(apiReply->error(), sentWith);
        noteDone(sentWith);
        apiReply->deleteLater();
    });
    return apiReply;
}

PaymentExportStream *MerchantClient::track(PaymentExportStream *stream)
{
    noteSent(m_token);
    connect(stream, &PaymentExportStream::finished, this, [this, stream, sentWith = m_token] {
        noteError(stream->error(), sentWith);
        noteDone(sentWith);
        stream->deleteLater();
    });
    return stream;
}

void MerchantClient::noteSent(const QByteArray &token)
{
    if (!token.isEmpty())
        ++m_inFlight[token];
}

void MerchantClient::noteDone(const QByteArray &token)
{
    const auto it = m_inFlight.find(token);
    if (it == m_inFlight.end() || --it.value() > 0)
        return;
    m_inFlight.erase(it);
    if (m_replaced.remove(token))
        endReplacedSession(token);
}

void MerchantClient::endReplacedSession(const QByteArray &token)
{
    if (!isSecure())
        return;
    QNetworkRequest request = makeRequest(QStringLiteral("/v1/session"));
    request.setRawHeader("Authorization", "Bearer " + token);
    QNetworkReply *reply = m_nam->deleteResource(request);
    connect(reply, &QNetworkReply::finished, reply, &QObject::deleteLater);
}

void MerchantClient::noteError(const ApiError &e, const QByteArray &sentWith)
{
    static const QStringList sessionEnders{QStringLiteral("session_expired"), QStringLiteral("unauthenticated"),
                                           QStringLiteral("certificate_expired"), QStringLiteral("certificate_revoked")};
    // A refusal of the session a request was sent with; a late one for a session that has since
    // been replaced (the user logged in again meanwhile) says nothing about the current one.
    if (e.kind == ApiError::Kind::Authentication && !m_token.isEmpty() && sentWith == m_token && sessionEnders.contains(e.code)) {
        m_token.clear();
        Q_EMIT sessionExpired();
    }
}

ApiReply *MerchantClient::postSession(const QString &loginId, const QString &password)
{
    const QJsonObject body{{QStringLiteral("login_id"), loginId}, {QStringLiteral("password"), password}};
    return track(m_nam->post(makeRequest(QStringLiteral("/v1/session")), QJsonDocument(body).toJson(QJsonDocument::Compact)));
}

void MerchantClient::takeSession(const QJsonObject &answer)
{
    m_token = answer.value(QLatin1String("token")).toString().toLatin1();
    m_user = UserInfo::fromJson(answer.value(QLatin1String("user")).toObject());
    m_sessionExpiresAt = QDateTime::fromString(answer.value(QLatin1String("expires_at")).toString(), Qt::ISODate);
}

ApiReply *MerchantClient::login(const QString &loginId, const QString &password)
{
    m_token.clear();
    m_sessionExpiresAt = {};
    if (!isSecure())
        return refuseInsecure();
    ApiReply *reply = postSession(loginId, password);
    connect(reply, &ApiReply::finished, this, [this, reply] {
        if (!reply->ok())
            return;
        takeSession(reply->json().object());
        Q_EMIT loggedIn();
    });
    return reply;
}

ApiReply *MerchantClient::reauthenticate(const QString &password)
{
    if (!isSecure())
        return refuseInsecure();
    const QString loginId = m_user.loginId;
    ApiReply *reply = postSession(loginId, password);
    connect(reply, &ApiReply::finished, this, [this, reply, loginId] {
        if (!reply->ok())
            return;
        const QJsonObject answer = reply->json().object();
        // The same person only: the lock screen never lets someone else in under this window.
        if (UserInfo::fromJson(answer.value(QLatin1String("user")).toObject()).loginId.compare(loginId, Qt::CaseInsensitive) != 0)
            return;
        const QByteArray replaced = m_token; // empty when the gateway already ended it
        takeSession(answer);
        if (!replaced.isEmpty() && replaced != m_token) {
            if (m_inFlight.contains(replaced))
                m_replaced.insert(replaced);
            else
                endReplacedSession(replaced);
        }
        Q_EMIT sessionRenewed();
    });
    return reply;
}

ApiReply *MerchantClient::logout()
{
    if (!isSecure()) {
        m_token.clear();
        m_sessionExpiresAt = {};
        m_user = {};
        Q_EMIT loggedOut();
        return refuseInsecure();
    }
    ApiReply *reply = track(m_nam->deleteResource(makeRequest(QStringLiteral("/v1/session"))));
    m_token.clear();
    m_sessionExpiresAt = {};
    m_user = {};
    Q_EMIT loggedOut();
    return reply;
}

ApiReply *MerchantClient::me()
{
    return get(QStringLiteral("/v1/me"));
}

ApiReply *MerchantClient::changePassword(const QString &currentPassword, const QString &newPassword)
{
    ApiReply *reply = post(QStringLiteral("/v1/me/password"),
                           QJsonDocument(QJsonObject{{QStringLiteral("current_password"), currentPassword},
                                                     {QStringLiteral("new_password"), newPassword}}));
    connect(reply, &ApiReply::finished, this, [this, reply] {
        if (reply->ok())
            m_user.mustChangePassword = false;
    });
    return reply;
}

namespace {

QUrlQuery pageQuery(const PaymentQuery &query, const QString &cursor, int limit, bool count)
{
    QUrlQuery q;
    query.addTo(q);
    if (!cursor.isEmpty())
        q.addQueryItem(QStringLiteral("cursor"), cursor);
    q.addQueryItem(QStringLiteral("limit"), QString::number(limit));
    if (!count)
        q.addQueryItem(QStringLiteral("count"), QStringLiteral("false"));
    return q;
}

} // namespace

ApiReply *MerchantClient::searchPayments(const PaymentQuery &query, const QString &cursor, int limit, bool count)
{
    return get(QStringLiteral("/v1/payments"), pageQuery(query, cursor, limit, count));
}

ApiReply *MerchantClient::paymentPage(const PaymentQuery &query, const QString &cursor, int limit)
{
    return get(QStringLiteral("/v1/payments"), pageQuery(query, cursor, limit, false), ApiReply::Body::Raw);
}

PaymentExportStream *MerchantClient::exportPayments(const PaymentQuery &query)
{
    if (!isSecure())
        return track(new PaymentExportStream(insecureUrl(), this));
    QUrlQuery q;
    query.addTo(q);
    QNetworkRequest request = makeRequest(QStringLiteral("/v1/payments/export"), q);
    // Errors still come as JSON.
    request.setRawHeader("Accept", "application/x-ndjson, application/json");
    return track(new PaymentExportStream(m_nam->get(request), this));
}

ApiReply *MerchantClient::countPayments(const PaymentQuery &query, bool withAmount)
{
    QUrlQuery q;
    query.addTo(q);
    if (withAmount)
        q.addQueryItem(QStringLiteral("sum"), QStringLiteral("amount"));
    return get(QStringLiteral("/v1/payments/count"), q);
}

ApiReply *MerchantClient::paymentDetail(const QString &paymentId)
{
    return get(QStringLiteral("/v1/payments/") + QString::fromLatin1(QUrl::toPercentEncoding(paymentId)));
}

ApiReply *MerchantClient::statements(int year, const QString &cursor, int limit)
{
    QUrlQuery query;
    if (year > 0)
        query.addQueryItem(QStringLiteral("year"), QString::number(year));
    if (!cursor.isEmpty())
        query.addQueryItem(QStringLiteral("cursor"), cursor);
    query.addQueryItem(QStringLiteral("limit"), QString::number(limit));
    return get(QStringLiteral("/v1/statements"), query);
}

ApiReply *MerchantClient::statement(const QString &statementId)
{
    return get(QStringLiteral("/v1/statements/") + QString::fromLatin1(QUrl::toPercentEncoding(statementId)));
}

ApiReply *MerchantClient::statementLines(const StatementLineQuery &lines, const QString &cursor, int limit)
{
    QUrlQuery query;
    if (!lines.types.isEmpty())
        query.addQueryItem(QStringLiteral("type"), lines.types.join(u','));
    if (!lines.kinds.isEmpty())
        query.addQueryItem(QStringLiteral("kind"), lines.kinds.join(u','));
    if (!cursor.isEmpty())
        query.addQueryItem(QStringLiteral("cursor"), cursor);
    query.addQueryItem(QStringLiteral("limit"), QString::number(limit));
    return get(QStringLiteral("/v1/statements/") + QString::fromLatin1(QUrl::toPercentEncoding(lines.statementId))
                   + QStringLiteral("/lines"),
               query, ApiReply::Body::Raw);
}

namespace {

QString userPath(const QString &loginId, const QString &tail = QString())
{
    return QStringLiteral("/v1/users/") + QString::fromLatin1(QUrl::toPercentEncoding(loginId)) + tail;
}

QJsonObject changeJson(const UserChange &change)
{
    QJsonObject object;
    if (change.name)
        object.insert(QStringLiteral("name"), *change.name);
    if (change.role)
        object.insert(QStringLiteral("role"), *change.role);
    if (change.permissions)
        object.insert(QStringLiteral("permissions"), QJsonArray::fromStringList(*change.permissions));
    if (change.enabled)
        object.insert(QStringLiteral("enabled"), *change.enabled);
    return object;
}

} // namespace

ApiReply *MerchantClient::users()
{
    return get(QStringLiteral("/v1/users"));
}

ApiReply *MerchantClient::createUser(const QString &loginId, const UserChange &user, const QString &initialPassword)
{
    QJsonObject body = changeJson(user);
    body.insert(QStringLiteral("login_id"), loginId);
    body.insert(QStringLiteral("password"), initialPassword);
    return post(QStringLiteral("/v1/users"), QJsonDocument(body));
}

ApiReply *MerchantClient::updateUser(const QString &loginId, const UserChange &change)
{
    if (!isSecure())
        return refuseInsecure();
    QNetworkRequest request = makeRequest(userPath(loginId));
    request.setHeader(QNetworkRequest::ContentTypeHeader, QByteArrayLiteral("application/json"));
    return track(new ApiReply(m_nam->sendCustomRequest(request, QByteArrayLiteral("PATCH"),
                                                       QJsonDocument(changeJson(change)).toJson(QJsonDocument::Compact)),
                              this));
}

ApiReply *MerchantClient::unlockUser(const QString &loginId)
{
    return post(userPath(loginId, QStringLiteral("/unlock")), QJsonDocument(QJsonObject()));
}

ApiReply *MerchantClient::resetUserPassword(const QString &loginId)
{
    return post(userPath(loginId, QStringLiteral("/password")), QJsonDocument(QJsonObject()));
}

ApiReply *MerchantClient::issueCertificate(const QString &loginId)
{
    return post(userPath(loginId, QStringLiteral("/certificate")), QJsonDocument(QJsonObject()));
}

ApiReply *MerchantClient::revokeCertificate(const QString &loginId)
{
    if (!isSecure())
        return refuseInsecure();
    return track(new ApiReply(m_nam->deleteResource(makeRequest(userPath(loginId, QStringLiteral("/certificate")))), this));
}

ApiReply *MerchantClient::audit(const AuditQuery &filter, const QString &cursor, int limit)
{
    QUrlQuery query;
    if (!filter.loginId.isEmpty())
        query.addQueryItem(QStringLiteral("login_id"), filter.loginId);
    if (!filter.action.isEmpty())
        query.addQueryItem(QStringLiteral("action"), filter.action);
    if (!filter.result.isEmpty())
        query.addQueryItem(QStringLiteral("result"), filter.result);
    if (!filter.target.isEmpty())
        query.addQueryItem(QStringLiteral("target"), QString::fromLatin1(QUrl::toPercentEncoding(filter.target)));
    // Whole days in Japan time: the gateway reads a plain date as 00:00 JST; the end is exclusive.
    if (filter.from.isValid())
        query.addQueryItem(QStringLiteral("from"), filter.from.toString(Qt::ISODate));
    if (filter.to.isValid())
        query.addQueryItem(QStringLiteral("to"), filter.to.addDays(1).toString(Qt::ISODate));
    if (!cursor.isEmpty())
        query.addQueryItem(QStringLiteral("cursor"), cursor);
    query.addQueryItem(QStringLiteral("limit"), QString::number(limit));
    return get(QStringLiteral("/v1/audit"), query);
}

ApiReply *MerchantClient::get(const QString &path, const QUrlQuery &query, ApiReply::Body body)
{
    if (!isSecure())
        return refuseInsecure();
    return track(new ApiReply(m_nam->get(makeRequest(path, query)), this, body));
}

ApiReply *MerchantClient::postBytes(const QString &path, const QByteArray &json, const QByteArray &idempotencyKey)
{
    if (!isSecure())
        return refuseInsecure();
    QNetworkRequest request = makeRequest(path);
    if (!idempotencyKey.isEmpty())
        request.setRawHeader("Idempotency-Key", idempotencyKey);
    return track(m_nam->post(request, json));
}

ApiReply *MerchantClient::post(const QString &path, const QJsonDocument &body, const QByteArray &idempotencyKey)
{
    if (!isSecure())
        return refuseInsecure();
    QNetworkRequest request = makeRequest(path);
    if (!idempotencyKey.isEmpty())
        request.setRawHeader("Idempotency-Key", idempotencyKey);
    return track(m_nam->post(request, body.toJson(QJsonDocument::Compact)));
}

QByteArray MerchantClient::newIdempotencyKey()
{
    return QUuid::createUuid().toByteArray(QUuid::WithoutBraces);
}

namespace {

QJsonDocument itemsBody(const QList<PaymentActionItem> &items)
{
    QJsonArray array;
    for (const PaymentActionItem &item : items) {
        QJsonObject object{{QStringLiteral("payment_id"), item.paymentId}};
        if (item.amount != 0)
            object.insert(QStringLiteral("amount"), item.amount);
        array.append(object);
    }
    return QJsonDocument(QJsonObject{{QStringLiteral("items"), array}});
}

QString paymentPath(const QString &paymentId)
{
    return QStringLiteral("/v1/payments/") + QString::fromLatin1(QUrl::toPercentEncoding(paymentId));
}

} // namespace

ApiReply *MerchantClient::capturePayments(const QList<PaymentActionItem> &items, const QByteArray &idempotencyKey)
{
    return post(QStringLiteral("/v1/payments/capture"), itemsBody(items), idempotencyKey);
}

ApiReply *MerchantClient::cancelPayments(const QList<PaymentActionItem> &items, const QByteArray &idempotencyKey)
{
    return post(QStringLiteral("/v1/payments/cancel"), itemsBody(items), idempotencyKey);
}

ApiReply *MerchantClient::changeAmount(const QString &paymentId, Yen amount, const QByteArray &idempotencyKey)
{
    return post(paymentPath(paymentId) + QStringLiteral("/amount"),
                QJsonDocument(QJsonObject{{QStringLiteral("amount"), amount}}), idempotencyKey);
}

} // namespace kessai
