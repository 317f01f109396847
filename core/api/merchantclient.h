#pragma once

#include "apireply.h"
#include "paymentaction.h"
#include "paymentexportstream.h"
#include "domain/money.h"
#include "paymentquery.h"
#include "statement.h"
#include "useradmin.h"
#include "tls/clientidentity.h"

#include <QDateTime>
#include <QHash>
#include <QList>
#include <QObject>
#include <QSet>
#include <QSslConfiguration>
#include <QStringList>
#include <QUrl>

class QNetworkAccessManager;
class QNetworkRequest;

namespace kessai {

// The signed-in user as GET /v1/me describes it.
struct UserInfo
{
    QString loginId;
    QString name;
    QString role;
    QString merchantId;
    QString merchantName;
    QStringList permissions;
    // An admin reset the password: the gateway refuses everything but changing it.
    bool mustChangePassword = false;

    bool isAdmin() const { return role == QLatin1String("admin"); }
    bool can(const QString &permission) const { return permissions.contains(permission); }
    static UserInfo fromJson(const QJsonObject &object);
};

// The Merchant API client shared by the console and kessaictl: one mutual-TLS identity, one
// session token held in memory only, HTTP/1.1 keep-alive.
class MerchantClient final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(MerchantClient)

public:
    explicit MerchantClient(QObject *parent = nullptr);
    ~MerchantClient() override;

    // For tests: answers come from this manager instead (a fake that serves canned replies).
    void setNetworkAccessManager(QNetworkAccessManager *nam);

    // Only https: a password or a token never goes over a plain connection. False (and every
    // later call refused without sending anything) for any other scheme.
    bool setBaseUrl(const QUrl &url);
    QUrl baseUrl() const { return m_baseUrl; }
    // The client certificate and the CA that signed the gateway's certificate. An empty CA list
    // means the CA chain that came with the certificate (its PKCS#12), never the system's CAs
    // (see tls/tlsconfiguration.h).
    void setIdentity(const ClientIdentity &identity, const QList<QSslCertificate> &caCertificates);
    // The certificate this client signs in with (its details, its expiry).
    const ClientIdentity &identity() const { return m_identity; }

    bool isLoggedIn() const { return !m_token.isEmpty(); }
    const UserInfo &user() const { return m_user; }

    // POST /v1/session; on success the token and user are kept and loggedIn() is emitted.
    ApiReply *login(const QString &loginId, const QString &password);
    // The same login again for the signed-in user (the lock screen): the current token stays in
    // use until the new one arrives, so requests running meanwhile (a batch, an export) go on;
    // on success the new session replaces it and sessionRenewed() is emitted. The replaced
    // session is ended on the gateway (DELETE /v1/session) once no request sent with it is still
    // running: a stolen old token is worth nothing, and no running work is cut off.
    ApiReply *reauthenticate(const QString &password);
    // When the gateway ends the current session at the latest (its absolute timeout); invalid
    // when not logged in.
    QDateTime sessionExpiresAt() const { return m_sessionExpiresAt; }
    // DELETE /v1/session; forgets the token at once, whatever the answer.
    ApiReply *logout();
    ApiReply *me();
    // POST /v1/me/password: the signed-in user's own password. On success (204) the gateway has
    // ended the user's other sessions and user().mustChangePassword is false.
    ApiReply *changePassword(const QString &currentPassword, const QString &newPassword);
    // GET /v1/payments. count=false lets the gateway skip the total.
    ApiReply *searchPayments(const PaymentQuery &query, const QString &cursor, int limit, bool count);
    // The same page uncounted, its body kept raw (ApiReply::body()) for readPaymentListPage().
    ApiReply *paymentPage(const PaymentQuery &query, const QString &cursor, int limit);
    // GET /v1/payments/export: every payment of the search (its filters and order), streamed as
    // JSON Lines and read as it arrives (see PaymentExportStream). Needs the `export` permission.
    PaymentExportStream *exportPayments(const PaymentQuery &query);
    // GET /v1/payments/count: the total of a search, asked for beside the rows.
    // withAmount: the summed amount too (the answer's "amount"; see docs/api.md).
    ApiReply *countPayments(const PaymentQuery &query, bool withAmount = false);
    // GET /v1/payments/{id}: the payment, its events and the actions this user may take.
    ApiReply *paymentDetail(const QString &paymentId);

    // POST /v1/payments/capture and /cancel (売上, 取消), items processed in order; the answer is
    // 200 with one PaymentActionResult per item (see PaymentActionResult::listFromJson).
    ApiReply *capturePayments(const QList<PaymentActionItem> &items, const QByteArray &idempotencyKey);
    ApiReply *cancelPayments(const QList<PaymentActionItem> &items, const QByteArray &idempotencyKey);
    // POST /v1/payments/{id}/amount (金額変更); the answer is an AmountChangeResult.
    ApiReply *changeAmount(const QString &paymentId, Yen amount, const QByteArray &idempotencyKey);

    // GET /v1/statements (支払明細), newest first; year 0 = every year. Read with
    // readStatementListPage(reply.json().object()).
    ApiReply *statements(int year, const QString &cursor, int limit);
    // GET /v1/statements/{id}: the statement with its method rows (Statement::fromJson).
    ApiReply *statement(const QString &statementId);
    // GET /v1/statements/{id}/lines, the body kept raw for readStatementLinesPage().
    ApiReply *statementLines(const StatementLineQuery &query, const QString &cursor, int limit);

    // The admin API (needs manage_users; docs/api.md "Users and certificates", "Audit").
    ApiReply *users(); // ManagedUser::listFromJson
    ApiReply *createUser(const QString &loginId, const UserChange &user, const QString &initialPassword);
    ApiReply *updateUser(const QString &loginId, const UserChange &change);
    ApiReply *unlockUser(const QString &loginId);
    ApiReply *resetUserPassword(const QString &loginId); // readResetPassword
    ApiReply *issueCertificate(const QString &loginId); // IssuedCertificate::fromJson
    ApiReply *revokeCertificate(const QString &loginId);
    ApiReply *audit(const AuditQuery &query, const QString &cursor, int limit); // readAuditPage

    // Generic calls for later endpoints.
    ApiReply *get(const QString &path, const QUrlQuery &query = {}, ApiReply::Body body = ApiReply::Body::Json);
    // idempotencyKey, when given, goes out as the Idempotency-Key header: the gateway answers a
    // repeated key with the stored answer instead of acting twice (bulk actions require one).
    ApiReply *post(const QString &path, const QJsonDocument &body, const QByteArray &idempotencyKey = {});
    // The same with a body already written as JSON text (a registration, whose card number must
    // not pass through a QJsonDocument the caller cannot wipe).
    ApiReply *postBytes(const QString &path, const QByteArray &json, const QByteArray &idempotencyKey = {});
    // A fresh random key (a UUID) for one logical action; keep it for every retry of that action.
    static QByteArray newIdempotencyKey();

Q_SIGNALS:
    void loggedIn();
    // reauthenticate() succeeded: a new token for the same user.
    void sessionRenewed();
    void loggedOut();
    // The gateway said the session is over (idle or absolute timeout, or revoked).
    void sessionExpired();

private:
    QNetworkRequest makeRequest(const QString &path, const QUrlQuery &query = {}) const;
    ApiReply *track(QNetworkReply *reply);
    ApiReply *track(ApiReply *reply);
    PaymentExportStream *track(PaymentExportStream *stream);
    void noteError(const ApiError &error, const QByteArray &sentWith);
    // Counts the requests in flight per token, so a replaced session ends after its last one.
    void noteSent(const QByteArray &token);
    void noteDone(const QByteArray &token);
    // DELETE /v1/session for a token that is no longer ours: not tracked, its answer ignored.
    void endReplacedSession(const QByteArray &token);
    ApiReply *postSession(const QString &loginId, const QString &password);
    // Keeps the token, user and expiry of a POST /v1/session answer.
    void takeSession(const QJsonObject &answer);
    ApiReply *refuseInsecure();
    bool isSecure() const { return m_baseUrl.scheme() == QLatin1String("https") && m_baseUrl.isValid(); }

    QNetworkAccessManager *m_nam;
    QUrl m_baseUrl;
    QSslConfiguration m_ssl;
    ClientIdentity m_identity;
    QByteArray m_token;
    QHash<QByteArray, int> m_inFlight;
    QSet<QByteArray> m_replaced; // to end once their requests are done
    QDateTime m_sessionExpiresAt;
    UserInfo m_user;
};

} // namespace kessai
