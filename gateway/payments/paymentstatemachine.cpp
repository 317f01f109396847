#include "paymentstatemachine.h"

namespace kessai::gateway::PaymentStateMachine {

namespace {

const QString Atm = QStringLiteral("01");
const QString Card = QStringLiteral("02");
const QString Cvs = QStringLiteral("03");
const QString Bank = QStringLiteral("05");

} // namespace

int initialStatus(const QString &type)
{
    if (type == Card)
        return 20;
    if (type == Cvs || type == Atm || type == Bank)
        return 10;
    return 0;
}

const QList<Transition> &transitions()
{
    static const QList<Transition> table = {
        // Card: capture (≤ authorized) or cancel an authorization while it lives; cancel or
        // change a capture within 60 days of it. An amount change keeps the status on the new
        // payment and cancels the old one (32 / 60).
        {Card, 20, Action::Capture, 40, Anchor::TradeTime, AuthorizationLifetimeSeconds},
        {Card, 20, Action::Cancel, 32, Anchor::TradeTime, AuthorizationLifetimeSeconds},
        {Card, 20, Action::ChangeAmount, 32, Anchor::TradeTime, AuthorizationLifetimeSeconds},
        {Card, 40, Action::Cancel, 60, Anchor::ClearedTime, CancelWindowSeconds},
        {Card, 40, Action::ChangeAmount, 60, Anchor::ClearedTime, CancelWindowSeconds},
        // CVS: 速報 (43) then 消込 (40), or the notice withdrawn (61), or the deadline (12).
        {Cvs, 10, Action::Pay, 40, Anchor::None, 0},
        {Cvs, 10, Action::Preliminary, 43, Anchor::None, 0},
        {Cvs, 43, Action::Pay, 40, Anchor::None, 0},
        {Cvs, 10, Action::Expire, 12, Anchor::None, 0},
        {Cvs, 43, Action::Expire, 61, Anchor::None, 0},
        // ATM: paid or past its deadline. Bank net: paid or abandoned.
        {Atm, 10, Action::Pay, 40, Anchor::None, 0},
        {Atm, 10, Action::Expire, 12, Anchor::None, 0},
        {Bank, 10, Action::Pay, 40, Anchor::None, 0},
        {Bank, 10, Action::Expire, 15, Anchor::None, 0},
    };
    return table;
}

const QList<TimedTransition> &timedTransitions()
{
    static const QList<TimedTransition> table = {
        {Card, 20, 33, Anchor::TradeTime, AuthorizationLifetimeSeconds},
        {Card, 40, 41, Anchor::ClearedTime, CancelWindowSeconds},
        {Cvs, 10, 12, Anchor::DueTime, 0},
        {Atm, 10, 12, Anchor::DueTime, 0},
        {Bank, 10, 15, Anchor::DueTime, 0},
    };
    return table;
}

qint64 anchorTime(Anchor anchor, const Times &times)
{
    switch (anchor) {
    case Anchor::TradeTime:
        return times.trade;
    case Anchor::ClearedTime:
        return times.cleared;
    case Anchor::DueTime:
        return times.due;
    case Anchor::None:
        break;
    }
    return 0;
}

std::optional<Transition> find(const QString &type, int status, Action action)
{
    for (const Transition &t : transitions()) {
        if (t.type == type && t.from == status && t.action == action)
            return t;
    }
    return std::nullopt;
}

bool windowOpen(const Transition &transition, const Times &times, qint64 now)
{
    if (transition.windowAnchor == Anchor::None)
        return true;
    const qint64 anchor = anchorTime(transition.windowAnchor, times);
    // A payment without the anchoring time cannot be inside its window.
    return anchor > 0 && now < anchor + transition.windowSeconds;
}

std::optional<TimedTransition> timedFrom(const QString &type, int status)
{
    for (const TimedTransition &t : timedTransitions()) {
        if (t.type == type && t.from == status)
            return t;
    }
    return std::nullopt;
}

std::optional<qint64> deadline(const QString &type, int status, const Times &times)
{
    const auto timed = timedFrom(type, status);
    if (!timed)
        return std::nullopt;
    const qint64 anchor = anchorTime(timed->anchor, times);
    if (anchor <= 0)
        return std::nullopt;
    return anchor + timed->afterSeconds;
}

bool expiredFor(const QString &type, int status, Action action)
{
    for (const TimedTransition &t : timedTransitions()) {
        if (t.type == type && t.to == status && find(type, t.from, action))
            return true;
    }
    return false;
}

QStringList possibleActions(const QString &type, int status, const Times &times, qint64 now)
{
    QStringList actions;
    for (Action action : {Action::Capture, Action::Cancel, Action::ChangeAmount}) {
        const auto transition = find(type, status, action);
        if (transition && windowOpen(*transition, times, now))
            actions.append(actionName(action));
    }
    return actions;
}

QString actionName(Action action)
{
    switch (action) {
    case Action::Capture:
        return QStringLiteral("capture");
    case Action::Cancel:
        return QStringLiteral("cancel");
    case Action::ChangeAmount:
        return QStringLiteral("change_amount");
    case Action::Pay:
        return QStringLiteral("pay");
    case Action::Preliminary:
        return QStringLiteral("preliminary");
    case Action::Expire:
        return QStringLiteral("expire");
    }
    return {};
}

QString permissionFor(Action action)
{
    switch (action) {
    case Action::Capture:
    case Action::Cancel:
    case Action::ChangeAmount:
        return actionName(action);
    case Action::Pay:
    case Action::Preliminary:
    case Action::Expire:
        break;
    }
    return {};
}

} // namespace kessai::gateway::PaymentStateMachine
