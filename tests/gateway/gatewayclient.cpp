#include "gatewayclient.h"

#include <algorithm>

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

QNetworkRequest GatewayClient::request(const QString &pathAndQuery, const QByteArray &body, const QString &token,
                                       const QList<std::pair<QByteArray, QByteArray>> &headers) const
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
    for (const auto &header : headers)
        request.setRawHeader(header.first, header.second);
    return request;
}

GatewayClient::Response GatewayClient::post(const QString &path, const QByteArray &body, const QString &token,
                                            const QList<std::pair<QByteArray, QByteArray>> &headers)
{
    return send("POST", path, body, token, headers);
}

QByteArray GatewayClient::Response::header(const QByteArray &name) const
{
    for (const auto &pair : headers) {
        if (pair.first.compare(name, Qt::CaseInsensitive) == 0)
            return pair.second;
    }
    return {};
}

GatewayClient::Response GatewayClient::read(QNetworkReply *reply)
{
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
    response.headers = reply->rawHeaderPairs();
    response.json = QJsonDocument::fromJson(response.body).object();
    reply->deleteLater();
    return response;
}

GatewayClient::Response GatewayClient::send(const QByteArray &verb,
                                            const QString &pathAndQuery,
                                            const QByteArray &body,
                                            const QString &token,
                                            const QList<std::pair<QByteArray, QByteArray>> &headers)
{
    QNetworkReply *reply = m_network->sendCustomRequest(request(pathAndQuery, body, token, headers), verb, body);
    QEventLoop loop;
    QTimer timeout;
    timeout.setSingleShot(true);
    QObject::connect(reply, &QNetworkReply::finished, &loop, &QEventLoop::quit);
    QObject::connect(&timeout, &QTimer::timeout, &loop, &QEventLoop::quit);
    timeout.start(30000);
    loop.exec();
    return read(reply);
}

QNetworkReply *GatewayClient::start(const QByteArray &verb, const QString &pathAndQuery, const QByteArray &body,
                                    const QString &token, const QList<std::pair<QByteArray, QByteArray>> &headers)
{
    // One manager per request: each gets its own connection, so the requests really overlap.
    m_parallel.push_back(std::make_unique<QNetworkAccessManager>());
    return m_parallel.back()->sendCustomRequest(request(pathAndQuery, body, token, headers), verb, body);
}

QList<GatewayClient::Response> GatewayClient::finish(const QList<QNetworkReply *> &replies)
{
    QEventLoop loop;
    QTimer timeout;
    timeout.setSingleShot(true);
    QObject::connect(&timeout, &QTimer::timeout, &loop, &QEventLoop::quit);
    auto allFinished = [&replies] {
        return std::all_of(replies.cbegin(), replies.cend(), [](QNetworkReply *reply) { return reply->isFinished(); });
    };
    for (QNetworkReply *reply : replies) {
        QObject::connect(reply, &QNetworkReply::finished, &loop, [&loop, allFinished] {
            if (allFinished())
                loop.quit();
        });
    }
    timeout.start(30000);
    if (!allFinished())
        loop.exec();
    QList<Response> responses;
    for (QNetworkReply *reply : replies)
        responses.append(read(reply));
    return responses;
}
