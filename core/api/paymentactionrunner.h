#pragma once

#include "apierror.h"
#include "paymentaction.h"

#include <QObject>
#include <QPointer>

namespace kessai {

class ApiReply;
class MerchantClient;

// How one attempt of a payment action ended, typed.
struct PaymentActionOutcome
{
    enum class Result {
        Answered, // the gateway answered: see items (capture/cancel) or amountChange
        Refused,  // the gateway refused the whole request; nothing was done (error)
        Unknown,  // no readable answer: it may or may not have been done; retry under the same key
    };

    PaymentAction action;
    Result result = Result::Unknown;
    ApiError error;                    // Refused and Unknown
    QList<PaymentActionResult> items;  // Answered capture/cancel: one per item, in request order
    AmountChangeResult amountChange;   // Answered amount change
    QString requestId;

    // Answered, and every item (or the amount change) done.
    bool allDone() const;
};

// Runs confirmed payment actions one at a time to a known end, for every screen that moves money
// (the detail dialog, bulk processing): each new action has its own Idempotency-Key; when the
// answer is lost the action stays pending (Unknown) and no other may start until it is retried
// under the same key — the gateway then applies it once — or discarded by the user.
class PaymentActionRunner final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(PaymentActionRunner)

public:
    enum class State { Idle, Sending, Unknown };
    Q_ENUM(State)

    explicit PaymentActionRunner(MerchantClient *client, QObject *parent = nullptr);
    ~PaymentActionRunner() override;

    State state() const { return m_state; }
    // The action being sent, or whose outcome is unknown; invalid when idle.
    const PaymentAction &pending() const { return m_pending; }

    // Sends a new action; false (and nothing sent) unless idle.
    bool start(const PaymentAction &action);
    // Sends the pending action again under its key; false unless its outcome is unknown.
    bool retry();
    // Gives up the pending action without knowing its outcome; false unless it is unknown.
    bool discard();

Q_SIGNALS:
    void stateChanged(kessai::PaymentActionRunner::State state);
    // After every attempt, once state() says where it ended (Idle, or Unknown to retry).
    void finished(const kessai::PaymentActionOutcome &outcome);

private:
    void send();
    void onFinished(ApiReply *reply);
    void setState(State state);

    QPointer<MerchantClient> m_client;
    PaymentAction m_pending;
    State m_state = State::Idle;
};

} // namespace kessai
