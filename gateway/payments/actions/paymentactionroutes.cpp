#include "paymentactionroutes.h"

#include "common/clock.h"
#include "domain/jsonwriter.h"
#include "http/router.h"
#include "payments/actionroutesupport.h"
#include "payments/actions/actionoutcome.h"
#include "payments/actions/paymentactionstore.h"
#include "payments/paymentstatemachine.h"

#include <QJsonArray>
#include <QRegularExpression>
#include <QSet>

#include <optional>
#include <variant>

namespace kessai::gateway {

namespace {

using namespace ActionRoutes;
using PaymentStateMachine::Action;

constexpr int MaxItems = 1000;

bool isPaymentId(const QJsonValue &value)
{
    static const QRegularExpression digits(QStringLiteral("^[0-9]{1,18}\\z"));
    return value.isString() && digits.match(value.toString()).hasMatch();
}

struct Item
{
    qint64 paymentId = 0;
    QString paymentIdText;
    bool hasAmount = false;
    std::optional<qint64> amount; // absent, or not a whole number when hasAmount && !amount
};

// Validates the shape of a bulk body; an error names the first offending field.
std::variant<QList<Item>, ApiError> parseItems(const QJsonObject &body)
{
    const QJsonValue itemsValue = body.value(QLatin1String("items"));
    if (!itemsValue.isArray())
        return ApiError::badRequest(QStringLiteral("items (an array) is required."));
    const QJsonArray items = itemsValue.toArray();
    if (items.isEmpty() || items.size() > MaxItems)
        return ApiError::badRequest(QStringLiteral("items must hold 1 to %1 entries.").arg(MaxItems));
    QList<Item> parsed;
    parsed.reserve(items.size());
    for (qsizetype i = 0; i < items.size(); ++i) {
        const QJsonObject object = items.at(i).toObject();
        const QString where = QStringLiteral("items[%1]").arg(i);
        if (!items.at(i).isObject() || !isPaymentId(object.value(QLatin1String("payment_id"))))
            return ApiError::invalidParameter(where + QStringLiteral(".payment_id must be a string of 1-18 digits."));
        Item item;
        item.paymentIdText = object.value(QLatin1String("payment_id")).toString();
        item.paymentId = item.paymentIdText.toLongLong();
        const QJsonValue amount = object.value(QLatin1String("amount"));
        if (!amount.isUndefined() && !amount.isNull()) {
            if (!amount.isDouble())
                return ApiError::invalidParameter(where + QStringLiteral(".amount must be a number."));
            item.hasAmount = true;
            item.amount = integerOf(amount);
        }
        parsed.append(item);
    }
    return parsed;
}

void writeError(JsonWriter &writer, const QString &code, const QString &message)
{
    writer.key(QLatin1StringView("error"))
        .beginObject()
        .key(QLatin1StringView("code"))
        .value(code)
        .key(QLatin1StringView("message"))
        .value(message)
        .endObject();
}

class Routes : public ActionRouteSupport
{
public:
    Routes(PaymentActionStore &actions, IdempotencyStore &idempotency, const Clock &clock)
        : ActionRouteSupport(actions.database(), idempotency, clock)
        , m_actions(actions)
    {}

    void bulk(const HttpRequest &req, HttpResponse &res, const Caller &user,
              const RequestOrigin &origin, Action action) const;
    void changeAmount(const HttpRequest &req, HttpResponse &res, const Caller &user,
                      const RequestOrigin &origin) const;

private:
    PaymentActionStore &m_actions;
};

void Routes::bulk(const HttpRequest &req, HttpResponse &res, const Caller &user,
                  const RequestOrigin &origin, Action action) const
{
    if (!permitted(res, user, origin, action, QStringLiteral("payments")))
        return;
    if (!keyPresent(req, res))
        return;
    const auto body = parseObject(req);
    if (!body) {
        res.sendError(ApiError::badRequest(QStringLiteral("The body must be a JSON object.")));
        return;
    }
    const auto parsed = parseItems(*body);
    if (const auto *error = std::get_if<ApiError>(&parsed)) {
        res.sendError(*error);
        return;
    }
    const QList<Item> &items = std::get<QList<Item>>(parsed);
    const auto key = claim(req, res, user, *body);
    if (!key)
        return;

    const ActionActor actor = actorOf(user, origin);
    // Items refused on their face are decided here; all of them, in order, go to the store in
    // one transaction, which acts on the others and audits every one.
    QList<ActionItem> toAct;
    toAct.reserve(items.size());
    QSet<qint64> seen;
    for (const Item &item : items) {
        ActionItem next{item.paymentId, item.amount};
        if (seen.contains(item.paymentId)) {
            next.refusal.emplace();
            next.refusal->paymentId = item.paymentId;
            next.refusal->errorCode = QStringLiteral("duplicate_item");
            next.refusal->message = QStringLiteral("This payment_id appears earlier in items.");
        } else if (item.hasAmount && (!item.amount || *item.amount < 1 || *item.amount > PaymentActionStore::MaxAmount)) {
            next.refusal.emplace();
            next.refusal->paymentId = item.paymentId;
            next.refusal->errorCode = QStringLiteral("invalid_amount");
            next.refusal->message = QStringLiteral("amount must be a whole number from 1 to %1.").arg(PaymentActionStore::MaxAmount);
        }
        toAct.append(next);
        seen.insert(item.paymentId);
    }
    auto acted = m_actions.actAll(actor, action, toAct, m_clock.now());
    if (!acted) {
        failInternally(res, user, *key, QStringLiteral("payment action failed: ") + acted.error());
        return;
    }

    QByteArray out;
    out.reserve(items.size() * 96 + 64);
    JsonWriter writer(&out);
    writer.beginObject().key(QLatin1StringView("results")).beginArray();
    int succeeded = 0;
    int failed = 0;
    for (qsizetype i = 0; i < items.size(); ++i) {
        const ActionOutcome &outcome = acted->at(i);
        writer.beginObject().key(QLatin1StringView("payment_id")).value(items.at(i).paymentIdText);
        writer.key(QLatin1StringView("ok")).value(outcome.ok);
        if (outcome.ok) {
            writer.key(QLatin1StringView("status")).value(outcome.status);
            writer.key(QLatin1StringView("amount")).value(outcome.amount);
            ++succeeded;
        } else {
            writeError(writer, outcome.errorCode, outcome.message);
            ++failed;
        }
        writer.endObject();
    }
    writer.endArray();
    writer.key(QLatin1StringView("succeeded")).value(succeeded);
    writer.key(QLatin1StringView("failed")).value(failed);
    writer.endObject();
    qCInfo(lcGatewayActions).noquote() << PaymentStateMachine::actionName(action) << "of" << items.size()
                                       << "items:" << succeeded << "ok," << failed << "failed";
    finish(res, user, *key, 200, out);
}

void Routes::changeAmount(const HttpRequest &req, HttpResponse &res, const Caller &user,
                          const RequestOrigin &origin) const
{
    const qint64 paymentId = QString::fromUtf8(req.pathArguments.at(0)).toLongLong();
    if (!permitted(res, user, origin, Action::ChangeAmount, QStringLiteral("payment:") + QString::number(paymentId)))
        return;
    if (!keyPresent(req, res))
        return;
    const auto body = parseObject(req);
    if (!body || !body->value(QLatin1String("amount")).isDouble()) {
        res.sendError(ApiError::badRequest(QStringLiteral("The body must be {\"amount\": N}.")));
        return;
    }
    const auto key = claim(req, res, user, *body);
    if (!key)
        return;
    const std::optional<qint64> amount = integerOf(body->value(QLatin1String("amount")));
    ActionOutcome outcome;
    if (!amount) {
        outcome.errorCode = QStringLiteral("invalid_amount");
        outcome.message = QStringLiteral("amount must be a whole number of yen.");
    } else {
        auto done = m_actions.changeAmount(actorOf(user, origin), paymentId, *amount, m_clock.now());
        if (!done) {
            failInternally(res, user, *key, QStringLiteral("amount change failed: ") + done.error());
            return;
        }
        outcome = done.value();
    }
    QByteArray out;
    JsonWriter writer(&out);
    int status = 200;
    if (outcome.ok) {
        writer.beginObject()
            .key(QLatin1StringView("payment_id"))
            .value(QString::number(outcome.paymentId))
            .key(QLatin1StringView("base_payment_id"))
            .value(QString::number(outcome.basePaymentId))
            .key(QLatin1StringView("status"))
            .value(outcome.status)
            .key(QLatin1StringView("amount"))
            .value(outcome.amount)
            .key(QLatin1StringView("base_status"))
            .value(outcome.baseStatus)
            .endObject();
        qCInfo(lcGatewayActions) << "amount change of" << paymentId << "->" << outcome.paymentId;
    } else {
        const ApiError error = conflictFor(outcome);
        status = httpStatus(error.kind);
        out = errorBody(error, origin.requestId);
    }
    finish(res, user, *key, status, out);
}

} // namespace

void installPaymentActionRoutes(Router &router,
                                const RouteKit &kit,
                                PaymentActionStore &actions,
                                IdempotencyStore &idempotency,
                                const Clock &clock)
{
    using Request = HttpRequest;
    using Response = HttpResponse;
    auto routes = std::make_shared<Routes>(actions, idempotency, clock);

    auto bulk = [&kit, routes](Action action) {
        return kit.authenticated([routes, action](const Request &req, Response &res, const Caller &user,
                                                  const RequestOrigin &origin) {
            routes->bulk(req, res, user, origin, action);
        });
    };
    router.post("/v1/payments/capture", bulk(Action::Capture));
    router.post("/v1/payments/cancel", bulk(Action::Cancel));
    router.post(R"(/v1/payments/([0-9]{1,18})/amount)",
                kit.authenticated([routes](const Request &req, Response &res, const Caller &user,
                                           const RequestOrigin &origin) { routes->changeAmount(req, res, user, origin); }));
}

} // namespace kessai::gateway
