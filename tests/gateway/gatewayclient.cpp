#include "gatewayclient.h"

#include <QEventLoop>
#include <QFile>
#include <QJsonDocument>
#include <QNetworkRequest>
#include <QSslCertificate>
#include <QSslKey>
#include <QTimer>

QString GatewayClient::Response::errorCode() const
{
    return json.value(QLatin1String("error")).toObject().value(QLatin1String("code")).toString();
}

GatewayClient::GatewayClient(const QUrl &baseUrl, const QString &caPath)
    : m_baseUrl(baseUrl)
    , m_ssl(QSslConfiguration::defaultConfiguration())
    , m_network(std::make_unique<QNetworkAccessManager>())
{
    m_ssl.setCaCertificates(QSslCertificate::fromPath(caPath));
    m_ssl.setPeerVerifyMode(QSslSocket::VerifyPeer);
    m_ssl.setProtocol(QSsl::TlsV1_2OrLater);
}

bool GatewayClient::setIdentity(const QString &p12Path, const QString &passphrase, QString *error)
{
    QFile file(p12Path);
    if (!file.open(QIODevice::ReadOnly)) {
        if (error)
            *error = file.errorString();
        return false;
    }
    QSslKey key;
    QSslCertificate certificate;
    QList<QSslCertificate> chain;
    if (!QSslCertificate::importPkcs12(&file, &key, &certificate, &chain, passphrase.toUtf8())) {
        if (error)
            *error = QStringLiteral("importPkcs12 failed (wrong passphrase or unsupported encryption)");
        return false;
    }
    m_ssl.setLocalCertificate(certificate);
    m_ssl.setPrivateKey(key);
    // A new identity must not reuse a connection made with the old one.
    m_network = std::make_unique<QNetworkAccessManager>();
    return true;
}

GatewayClient::Response GatewayClient::get(const QString &pathAndQuery, const QString &token)
{
    return send("GET", pathAndQuery, {}, token);
}

GatewayClient::Response GatewayClient::post(const QString &path, const QJsonObject &body, const QString &token)
{
    return send("POST", path, QJsonDocument(body).toJson(QJsonDocument::Compact), token);
}

GatewayClient::Response GatewayClient::del(const QString &path, const QString &token)
{
    return send("DELETE", path, {}, token);
}

QString GatewayClient::login(const QString &loginId, const QString &password, Response *response)
{
    Response r = post(QStringLiteral("/v1/session"),
                      QJsonObject{{QStringLiteral("login_id"), loginId}, {QStringLiteral("password"), password}});
    const QString token = r.status == 201 ? r.json.value(QLatin1String("token")).toString() : QString();
    if (response)
        *response = r;
    return token;
}

GatewayClient::Response GatewayClient::send(const QByteArray &verb,
                                            const QString &pathAndQuery,
                                            const QByteArray &body,
                                            const QString &token)
{
    QUrl url = m_baseUrl;
    const qsizetype question = pathAndQuery.indexOf(u'?');
    url.setPath(question < 0 ? pathAndQuery : pathAndQuery.left(question));
    if (question >= 0)
        url.setQuery(pathAndQuery.mid(question + 1));
    QNetworkRequest request(url);
    request.setSslConfiguration(m_ssl);
    request.setAttribute(QNetworkRequest::Http2AllowedAttribute, false);
    if (!body.isEmpty())
        request.setHeader(QNetworkRequest::ContentTypeHeader, QByteArrayLiteral("application/json"));
    if (!token.isEmpty())
        request.setRawHeader("Authorization", "Bearer " + token.toLatin1());

    QNetworkReply *reply = m_network->sendCustomRequest(request, verb, body);
    QEventLoop loop;
    QTimer timeout;
    timeout.setSingleShot(true);
    QObject::connect(reply, &QNetworkReply::finished, &loop, &QEventLoop::quit);
    QObject::connect(&timeout, &QTimer::timeout, &loop, &QEventLoop::quit);
    timeout.start(30000);
    loop.exec();

    Response response;
    if (!reply->isFinished()) {
        reply->abort();
        response.errorString = QStringLiteral("timed out");
        response.error = QNetworkReply::TimeoutError;
        reply->deleteLater();
        return response;
    }
    response.status = reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();
    response.error = reply->error();
    response.errorString = reply->errorString();
    response.body = reply->readAll();
    response.requestId = reply->rawHeader("X-Request-Id");
    response.json = QJsonDocument::fromJson(response.body).object();
    reply->deleteLater();
    return response;
}
