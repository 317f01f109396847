#pragma once

#include <QByteArray>
#include <QJsonObject>
#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QSslConfiguration>
#include <QString>
#include <QUrl>

#include <memory>
#include <utility>
#include <vector>

// A synchronous Merchant API client for gateway tests: Qt Network with the user's PKCS#12
// identity and the merchant CA, one keep-alive connection reused across requests.
class GatewayClient
{
public:
    struct Response
    {
        int status = 0; // 0 = no HTTP response (TLS or connection failure)
        QNetworkReply::NetworkError error = QNetworkReply::NoError;
        QString errorString;
        QByteArray body;
        QJsonObject json;
        QByteArray requestId;
        QList<QNetworkReply::RawHeaderPair> headers;

        QByteArray header(const QByteArray &name) const;

        QString errorCode() const;
    };

    GatewayClient(const QUrl &baseUrl, const QString &caPath);

    // False with *error on a wrong passphrase or an unreadable file.
    bool setIdentity(const QString &p12Path, const QString &passphrase, QString *error = nullptr);

    Response get(const QString &pathAndQuery, const QString &token = {});
    Response post(const QString &path, const QJsonObject &body, const QString &token = {});
    Response del(const QString &path, const QString &token = {});
    // A raw body with extra headers (Idempotency-Key, …).
    Response post(const QString &path, const QByteArray &body, const QString &token,
                  const QList<std::pair<QByteArray, QByteArray>> &headers);
    // Sends without waiting, each on a connection of its own; wait with finish().
    QNetworkReply *start(const QByteArray &verb, const QString &pathAndQuery, const QByteArray &body,
                         const QString &token, const QList<std::pair<QByteArray, QByteArray>> &headers = {});
    // Waits for every reply (up to 30 s) and reads them, in order.
    static QList<Response> finish(const QList<QNetworkReply *> &replies);
    // POST /v1/session; the token or empty.
    QString login(const QString &loginId, const QString &password, Response *response = nullptr);

    // Any verb on this client's keep-alive connection.
    Response send(const QByteArray &verb, const QString &pathAndQuery, const QByteArray &body, const QString &token,
                  const QList<std::pair<QByteArray, QByteArray>> &headers = {});

private:
    QNetworkRequest request(const QString &pathAndQuery, const QByteArray &body, const QString &token,
                            const QList<std::pair<QByteArray, QByteArray>> &headers) const;
    static Response read(QNetworkReply *reply);

    QUrl m_baseUrl;
    QSslConfiguration m_ssl;
    std::unique_ptr<QNetworkAccessManager> m_network;
    std::vector<std::unique_ptr<QNetworkAccessManager>> m_parallel;
};
