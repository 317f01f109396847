#include "sandboxissuer.h"

namespace kessai::gateway::SandboxIssuer {

const QList<TestCard> &testCards()
{
    // Luhn-valid numbers; brands by BIN. The approving ones are the networks' public test cards.
    static const QList<TestCard> cards = {
        {"4111111111111111", "", "approved (VISA)"},
        {"5555555555554444", "", "approved (Mastercard)"},
        {"3530111333300000", "", "approved (JCB)"},
        {"378282246310005", "", "approved (AMEX)"},
        {"36227206271667", "", "approved (Diners)"},
        {"4000000000000002", "1G12", "The card cannot be used."},
        {"4000000000000127", "1G44", "The security code is wrong."},
        {"4000000000000069", "1G83", "The card has expired or its expiry is wrong."},
        {"4000000000009995", "1G02", "The balance or credit limit is insufficient."},
    };
    return cards;
}

Decision authorize(const QString &digits)
{
    for (const TestCard &card : testCards()) {
        if (digits == QLatin1String(card.number) && *card.detailCode != '\0') {
            Decision decision;
            decision.approved = false;
            decision.detailCode = QString::fromLatin1(card.detailCode);
            decision.message = QString::fromLatin1(card.reason);
            return decision;
        }
    }
    return {};
}

} // namespace kessai::gateway::SandboxIssuer
