#pragma once

#include <QList>
#include <QString>

namespace kessai::gateway {

// The reference gateway's card issuer: it approves every valid card except the documented test
// numbers below, which decline with PAYGENT's detail codes (docs/api.md, "Test cards"). The
// reference gateway has no card network behind it, so this is its issuer in every mode.
namespace SandboxIssuer {

struct TestCard
{
    const char *number;
    const char *detailCode; // empty: approved
    const char *reason;     // English, for the API message and the docs
};

const QList<TestCard> &testCards();

struct Decision
{
    bool approved = true;
    QString detailCode; // 1G12, 1G44, 1G83, 1G02 when declined
    QString message;
};

// The issuer's answer to an authorization of this (normalized, valid) card number.
Decision authorize(const QString &digits);

} // namespace SandboxIssuer

} // namespace kessai::gateway
