#pragma once

#include <QList>
#include <QString>
#include <QStringList>

#include <optional>

namespace kessai::gateway {

// The payment state machine as data: per payment type, which action moves which status where,
// within which time window, and which statuses fall due on their own (expiry, deadlines).
// PaymentRules (the detail's `actions`), the action endpoints, the sandbox and the lazy expiry
// sweep all read this one table.
namespace PaymentStateMachine {

constexpr qint64 Day = 86400;
constexpr qint64 AuthorizationLifetimeSeconds = 60 * Day; // card 20 → 33
constexpr qint64 CancelWindowSeconds = 60 * Day;          // card 40 → 41, from the capture

enum class Action {
    Capture,      // merchant: 売上
    Cancel,       // merchant: 取消
    ChangeAmount, // merchant: 金額変更 (new payment_id)
    Pay,          // sandbox: the customer paid (CVS: 速報 then 消込)
    Preliminary,  // sandbox: CVS 速報 only
    Expire,       // sandbox: the deadline passed / the notice was withdrawn
};

// Which time of a payment a window or a deadline counts from.
enum class Anchor { None, TradeTime, ClearedTime, DueTime };

struct Transition
{
    QString type;
    int from = 0;
    Action action = Action::Capture;
    int to = 0;
    Anchor windowAnchor = Anchor::None; // the action is refused (`expired`) once
    qint64 windowSeconds = 0;           // anchor + windowSeconds has passed
};

// A status that changes by itself when its deadline passes.
struct TimedTransition
{
    QString type;
    int from = 0;
    int to = 0;
    Anchor anchor = Anchor::None;
    qint64 afterSeconds = 0;
};

// The status a new payment of this type starts in: a card authorization 20, the others 10
// (申込済, waiting for the customer); 0 for an unknown type.
int initialStatus(const QString &type);

const QList<Transition> &transitions();
const QList<TimedTransition> &timedTransitions();

// The times of a payment the rules look at (epoch seconds; 0 = none).
struct Times
{
    qint64 trade = 0;
    qint64 cleared = 0;
    qint64 due = 0;
};

qint64 anchorTime(Anchor anchor, const Times &times);

// The transition of this action from this status, whatever the time.
std::optional<Transition> find(const QString &type, int status, Action action);
// True when the action's window is open at `now`.
bool windowOpen(const Transition &transition, const Times &times, qint64 now);
// When the current status falls due by itself; nullopt if never.
std::optional<qint64> deadline(const QString &type, int status, const Times &times);
std::optional<TimedTransition> timedFrom(const QString &type, int status);
// True when `status` was reached by a timed transition from a status that allowed `action`:
// the action is refused as `expired` rather than `status_not_allowed`.
bool expiredFor(const QString &type, int status, Action action);

// The merchant actions possible now, in the contract's order: capture, cancel, change_amount.
QStringList possibleActions(const QString &type, int status, const Times &times, qint64 now);
QString actionName(Action action); // capture, cancel, change_amount, pay, preliminary, expire
// The permission a merchant action needs (the action's name); empty for sandbox actions.
QString permissionFor(Action action);

} // namespace PaymentStateMachine

} // namespace kessai::gateway
