#include "gatewayusers.h"

#include "gatewayfixture.h"

GatewayUsers::GatewayUsers(GatewayFixture &gateway)
    : m_gateway(gateway)
{}

GatewayClient &GatewayUsers::client(const QString &loginId)
{
    auto &slot = m_clients[loginId];
    if (!slot) {
        slot = std::make_unique<GatewayClient>(m_gateway.url(), m_gateway.caPath());
        const GatewayFixture::User user = m_gateway.user(loginId);
        if (!slot->setIdentity(user.p12, user.p12Passphrase))
            qFatal("cannot load the identity of %s", qPrintable(loginId));
    }
    return *slot;
}

QString GatewayUsers::token(const QString &loginId)
{
    QString &token = m_tokens[loginId];
    if (token.isEmpty())
        token = client(loginId).login(loginId, m_gateway.user(loginId).password);
    return token;
}
