#pragma once

#include "gatewayclient.h"

#include <QString>

#include <map>
#include <memory>

class GatewayFixture;

// One logged-in GatewayClient per demo user of a running GatewayFixture, made on first use:
// for tests that act as several users in turn.
class GatewayUsers
{
public:
    explicit GatewayUsers(GatewayFixture &gateway);

    // The user's client (their certificate); aborts the test run if the identity cannot load.
    GatewayClient &client(const QString &loginId);
    // The user's session token, logging in on first use (empty if the login failed).
    QString token(const QString &loginId);
    GatewayClient::Response get(const QString &loginId, const QString &pathAndQuery)
    {
        return client(loginId).get(pathAndQuery, token(loginId));
    }

private:
    GatewayFixture &m_gateway;
    std::map<QString, std::unique_ptr<GatewayClient>> m_clients;
    std::map<QString, QString> m_tokens;
};
