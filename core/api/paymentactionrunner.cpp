#include "paymentactionrunner.h"

#include "apireply.h"
#include "merchantclient.h"

#include <QJsonObject>

#include <algorithm>

namespace kessai {

bool PaymentActionOutcome::allDone() const
{
    if (result != Result::Answered)
        return false;
    if (action.kind() == PaymentAction::Kind::ChangeAmount)
        return !amountChange.paymentId.isEmpty();
    return !items.isEmpty() && std::all_of(items.cbegin(), items.cend(), [](const PaymentActionResult &r) { return r.ok; });
}

PaymentActionRunner::PaymentActionRunner(MerchantClient *client, QObject *parent)
    : QObject(parent)
    , m_client(client)
{
}

// A request in flight is left to finish: aborting would not undo it on the gateway.
PaymentActionRunner::~PaymentActionRunner() = default;

bool PaymentActionRunner::start(const PaymentAction &action)
{
    if (m_state != State::Idle || !action.isValid() || !m_client)
        return false;
    m_pending = action;
    send();
    return true;
}

bool PaymentActionRunner::retry()
{
    if (m_state != State::Unknown || !m_client)
        return false;
    send();
    return true;
}

bool PaymentActionRunner::discard()
{
    if (m_state != State::Unknown)
        return false;
    m_pending = {};
    setState(State::Idle);
    return true;
}

void PaymentActionRunner::send()
{
    ApiReply *reply = m_pending.send(m_client);
    connect(reply, &ApiReply::finished, this, [this, reply] { onFinished(reply); });
    setState(State::Sending);
}

void PaymentActionRunner::onFinished(ApiReply *reply)
{
    PaymentActionOutcome outcome;
    outcome.action = m_pending;
    outcome.requestId = reply->requestId();
    if (!reply->ok()) {
        outcome.error = reply->error();
        outcome.result = PaymentAction::isRetryable(outcome.error) ? PaymentActionOutcome::Result::Unknown
                                                                   : PaymentActionOutcome::Result::Refused;
    } else if (m_pending.kind() == PaymentAction::Kind::ChangeAmount) {
        outcome.amountChange = AmountChangeResult::fromJson(reply->json().object());
        outcome.result = PaymentActionOutcome::Result::Answered;
    } else {
        outcome.items = PaymentActionResult::listFromJson(reply->json().object());
        outcome.result = PaymentActionOutcome::Result::Answered;
    }
    // An answer that does not say what became of each item is no answer: the same key asks the
    // gateway again for the answer it stored, without doing anything twice.
    if (outcome.result == PaymentActionOutcome::Result::Answered
        && (m_pending.kind() == PaymentAction::Kind::ChangeAmount ? outcome.amountChange.paymentId.isEmpty()
                                                                  : outcome.items.size() != m_pending.items().size())) {
        outcome.result = PaymentActionOutcome::Result::Unknown;
        outcome.error.kind = ApiError::Kind::Server;
        outcome.error.code = QStringLiteral("unreadable_answer");
        outcome.error.message = tr("The gateway's answer could not be read.");
        outcome.error.requestId = outcome.requestId;
    }
    if (outcome.result == PaymentActionOutcome::Result::Unknown) {
        setState(State::Unknown);
    } else {
        m_pending = {};
        setState(State::Idle);
    }
    Q_EMIT finished(outcome);
}

void PaymentActionRunner::setState(State state)
{
    if (m_state == state)
        return;
    m_state = state;
    Q_EMIT stateChanged(state);
}

} // namespace kessai
