#include "paymentactionroutes.h"

#include "domain/jsonwriter.h"
#include "payments/paymentstatemachine.h"
#include "payments/registrationrules.h"
#include "payments/sandboxissuer.h"
#include "security/permissions.h"
#include "storage/idempotencystore.h"
#include "storage/paymentactionstore.h"
#include "storage/registrationstore.h"
#include "storage/sandboxclock.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QLoggingCategory>
#include <QRegularExpression>
#include <QSet>

#include <httplib.h>

#include <cmath>
#include <optional>

Q_LOGGING_CATEGORY(lcGatewayActions, "gateway.actions", QtInfoMsg)

namespace kessai::gateway {

namespace {

using PaymentStateMachine::Action;

constexpr int MaxItems = 1000;
constexpr qint64 MaxAdvanceDays = 3650;

ApiError forbidden()
{
    return {403, QStringLiteral("forbidden"), QStringLiteral("You do not have the permission for this action.")};
}

ApiError conflictFor(const ActionOutcome &outcome)
{
    if (outcome.errorCode == QLatin1String("not_found"))
        return ApiError::notFound(outcome.message);
    if (outcome.errorCode == QLatin1String("invalid_amount"))
        return {400, outcome.errorCode, outcome.message};
    return {409, outcome.errorCode, outcome.message};
}

ActionActor actorOf(const AuthenticatedUser &user, const RequestOrigin &origin)
{
    return {user.user.loginId, user.user.merchantId, user.user.permissions, origin.address, origin.requestId};
}

std::optional<QJsonObject> parseObject(const httplib::Request &req, bool emptyIsObject = false)
{
    if (emptyIsObject && req.body.empty())
        return QJsonObject();
    QJsonParseError error;
    const QJsonDocument document = QJsonDocument::fromJson(QByteArray::fromStdString(req.body), &error);
    if (error.error != QJsonParseError::NoError || !document.isObject())
        return std::nullopt;
    return document.object();
}

// A JSON number that is a whole number of yen (or days) within qint64.
std::optional<qint64> integerOf(const QJsonValue &value)
{
    if (!value.isDouble())
        return std::nullopt;
    const double number = value.toDouble();
    if (!std::isfinite(number) || std::floor(number) != number || std::fabs(number) > 9.0e15)
        return std::nullopt;
    return static_cast<qint64>(number);
}

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

// A registration's answer when its fields are wrong: every offending field, by name, never with
// its value. bad_request when a required field is missing, invalid_parameter otherwise.
QByteArray fieldErrorBody(const QList<RegistrationRules::FieldError> &errors, const QString &requestId, int *status)
{
    *status = 400;
    QString message = errors.first().message;
    if (errors.size() > 1)
        message += QStringLiteral(" (and %1 more: see fields)").arg(errors.size() - 1);
    QByteArray out;
    JsonWriter writer(&out);
    writer.beginObject().key(QLatin1StringView("error")).beginObject();
    writer.key(QLatin1StringView("code"))
        .value(RegistrationRules::anyMissing(errors) ? QStringLiteral("bad_request") : QStringLiteral("invalid_parameter"));
    writer.key(QLatin1StringView("message")).value(message);
    writer.key(QLatin1StringView("request_id")).value(requestId);
    writer.key(QLatin1StringView("fields")).beginArray();
    for (const RegistrationRules::FieldError &error : errors) {
        writer.beginObject()
            .key(QLatin1StringView("field"))
            .value(error.field)
            .key(QLatin1StringView("reason"))
            .value(error.reason)
            .key(QLatin1StringView("message"))
            .value(error.message)
            .endObject();
    }
    writer.endArray().endObject().endObject();
    return out;
}

QByteArray errorBody(const QString &code, const QString &message, const QString &requestId, const QString &detailCode = {})
{
    QByteArray out;
    JsonWriter writer(&out);
    writer.beginObject().key(QLatin1StringView("error")).beginObject();
    writer.key(QLatin1StringView("code")).value(code);
    writer.key(QLatin1StringView("message")).value(message);
    writer.key(QLatin1StringView("request_id")).value(requestId);
    writer.optional(QLatin1StringView("detail_code"), detailCode);
    writer.endObject().endObject();
    return out;
}

// The 201 answer of a registration: the payment as the detail shows it, without events and
// actions. Card: brand, first 6, last 4 and expiry only.
QByteArray registeredBody(const RegistrationRules::Registration &r, const RegistrationOutcome &outcome)
{
    QByteArray out;
    JsonWriter w(&out);
    w.beginObject();
    w.key(QLatin1StringView("payment_id")).value(QString::number(outcome.paymentId));
    w.key(QLatin1StringView("trading_id")).value(r.tradingId);
    w.key(QLatin1StringView("type")).value(r.type);
    w.key(QLatin1StringView("status")).value(outcome.status);
    w.key(QLatin1StringView("amount")).value(r.amount);
    w.key(QLatin1StringView("institution")).value(r.institution);
    w.key(QLatin1StringView("trade_time")).wireTime(outcome.tradeTime);
    if (outcome.dueTime > 0)
        w.key(QLatin1StringView("due_time")).wireTime(outcome.dueTime);
    if (outcome.clearedTime > 0)
        w.key(QLatin1StringView("cleared_time")).wireTime(outcome.clearedTime);
    if (!r.card.isEmpty()) {
        w.key(QLatin1StringView("authorized_amount")).value(r.amount);
        w.key(QLatin1StringView("card")).beginObject();
        w.key(QLatin1StringView("brand")).value(r.card.brand);
        w.key(QLatin1StringView("bin")).value(r.card.bin);
        w.key(QLatin1StringView("last4")).value(r.card.last4);
        w.key(QLatin1StringView("expiry")).value(r.card.expiry);
        w.endObject();
        w.key(QLatin1StringView("payment_class")).value(r.paymentClass);
        if (r.splitCount > 0)
            w.key(QLatin1StringView("split_count")).value(r.splitCount);
    }
    if (!r.customer.name.isEmpty() || !r.customer.phone.isEmpty() || !r.customer.email.isEmpty()) {
        w.key(QLatin1StringView("customer")).beginObject();
        w.key(QLatin1StringView("name")).value(r.customer.name);
        w.key(QLatin1StringView("kana")).value(r.customer.kana);
        w.key(QLatin1StringView("email")).value(r.customer.email);
        w.key(QLatin1StringView("phone")).value(r.customer.phone);
        w.endObject();
    }
    w.optional(QLatin1StringView("receipt_number"), outcome.receiptNumber);
    w.optional(QLatin1StringView("payment_number"), outcome.paymentNumber);
    w.endObject();
    return out;
}

class Routes
{
public:
    Routes(const PaymentActionRouteKit &kit, PaymentActionStore &actions, IdempotencyStore &idempotency, SandboxClock &clock,
           RegistrationStore &registrations, const QByteArray &cardDigestKey)
        : m_kit(kit)
        , m_actions(actions)
        , m_idempotency(idempotency)
        , m_clock(clock)
        , m_registrations(registrations)
        , m_cardDigestKey(cardDigestKey)
    {}

    void bulk(const httplib::Request &req, httplib::Response &res, const AuthenticatedUser &user,
              const RequestOrigin &origin, Action action) const;
    void changeAmount(const httplib::Request &req, httplib::Response &res, const AuthenticatedUser &user,
                      const RequestOrigin &origin) const;
    void sandboxMove(const httplib::Request &req, httplib::Response &res, const AuthenticatedUser &user,
                     const RequestOrigin &origin, Action action) const;
    void sandboxClock(const httplib::Request &req, httplib::Response &res, const AuthenticatedUser &user,
                      const RequestOrigin &origin, bool advance) const;
    void registerPayment(const httplib::Request &req, httplib::Response &res, const AuthenticatedUser &user,
                         const RequestOrigin &origin) const;

private:
    // Permission, Idempotency-Key and claim, shared by the idempotent routes. Returns the key
    // when the caller should do the work; otherwise the answer has been sent.
    std::optional<QString> claim(const httplib::Request &req, httplib::Response &res, const AuthenticatedUser &user,
                                 const QJsonObject &canonicalBody) const;
    void finish(httplib::Response &res, const AuthenticatedUser &user, const QString &key, int status,
                const QByteArray &body) const;
    void failInternally(httplib::Response &res, const AuthenticatedUser &user, const QString &key,
                        const QString &what) const;
    bool permitted(httplib::Response &res, const AuthenticatedUser &user, const RequestOrigin &origin,
                   Action action, const QString &target) const;
    // Answers 403 (audited as auditAction on target) unless the user holds permission.
    bool holds(httplib::Response &res, const AuthenticatedUser &user, const RequestOrigin &origin,
               const QString &permission, const QString &auditAction, const QString &target) const;

    PaymentActionRouteKit m_kit;
    PaymentActionStore &m_actions;
    IdempotencyStore &m_idempotency;
    SandboxClock &m_clock;
    RegistrationStore &m_registrations;
    QByteArray m_cardDigestKey;
};

bool Routes::permitted(httplib::Response &res, const AuthenticatedUser &user, const RequestOrigin &origin,
                       Action action, const QString &target) const
{
    return holds(res, user, origin, PaymentStateMachine::permissionFor(action),
                 QStringLiteral("payment_") + PaymentStateMachine::actionName(action), target);
}

bool Routes::holds(httplib::Response &res, const AuthenticatedUser &user, const RequestOrigin &origin,
                   const QString &permission, const QString &auditAction, const QString &target) const
{
    if (!permission.isEmpty() && user.user.permissions.contains(permission))
        return true;
    auto audited = m_actions.auditRefusal(actorOf(user, origin), auditAction, target, QStringLiteral("forbidden"),
                                          m_clock.now());
    if (!audited)
        qCWarning(lcGatewayActions).noquote() << "audit failed:" << audited.error();
    m_kit.sendError(res, forbidden());
    return false;
}

std::optional<QString> Routes::claim(const httplib::Request &req, httplib::Response &res,
                                     const AuthenticatedUser &user, const QJsonObject &canonicalBody) const
{
    const QString key = QString::fromStdString(req.get_header_value("Idempotency-Key"));
    const QString hash = IdempotencyStore::requestHash(user.user.loginId, QString::fromStdString(req.method),
                                                       QString::fromStdString(req.path),
                                                       QJsonDocument(canonicalBody).toJson(QJsonDocument::Compact));
    auto claimed = m_idempotency.claim(user.user.merchantId, key, hash, m_clock.now());
    if (!claimed) {
        qCWarning(lcGatewayActions).noquote() << "idempotency claim failed:" << claimed.error();
        m_kit.sendError(res, ApiError::internal());
        return std::nullopt;
    }
    switch (claimed->outcome) {
    case IdempotencyStore::Outcome::Claimed:
        return key;
    case IdempotencyStore::Outcome::Replay:
        res.set_header("Idempotent-Replayed", "true");
        m_kit.sendJsonText(res, claimed->httpStatus, claimed->response);
        return std::nullopt;
    case IdempotencyStore::Outcome::Mismatch:
        m_kit.sendError(res, {422, QStringLiteral("idempotency_mismatch"),
                              QStringLiteral("This Idempotency-Key was used with a different request.")});
        return std::nullopt;
    case IdempotencyStore::Outcome::InProgress:
        m_kit.sendError(res, {409, QStringLiteral("idempotency_in_progress"),
                              QStringLiteral("A request with this Idempotency-Key is still running; retry later.")});
        return std::nullopt;
    }
    return std::nullopt;
}

void Routes::finish(httplib::Response &res, const AuthenticatedUser &user, const QString &key, int status,
                    const QByteArray &body) const
{
    if (auto stored = m_idempotency.complete(user.user.merchantId, key, status, body, m_clock.now()); !stored) {
        // The work is done and committed; only the replay is lost. Answer it anyway.
        qCWarning(lcGatewayActions).noquote() << "storing the idempotent answer failed:" << stored.error();
    }
    m_kit.sendJsonText(res, status, body);
}

void Routes::failInternally(httplib::Response &res, const AuthenticatedUser &user, const QString &key,
                            const QString &what) const
{
    qCWarning(lcGatewayActions).noquote() << what;
    // Nothing of the request was committed (a bulk request is one transaction), so the key is
    // released and a retry with it does the whole request.
    if (auto released = m_idempotency.release(user.user.merchantId, key); !released)
        qCWarning(lcGatewayActions).noquote() << "releasing the idempotency key failed:" << released.error();
    m_kit.sendError(res, ApiError::internal());
}

bool keyPresent(const httplib::Request &req, httplib::Response &res, const PaymentActionRouteKit &kit)
{
    if (!req.has_header("Idempotency-Key")) {
        kit.sendError(res, ApiError::badRequest(QStringLiteral("The Idempotency-Key header is required.")));
        return false;
    }
    if (!IdempotencyStore::isValidKey(QString::fromStdString(req.get_header_value("Idempotency-Key")))) {
        kit.sendError(res, ApiError::invalidParameter(
                               QStringLiteral("Idempotency-Key must be 1-64 characters of A-Z a-z 0-9 _ -.")));
        return false;
    }
    return true;
}

void Routes::bulk(const httplib::Request &req, httplib::Response &res, const AuthenticatedUser &user,
                  const RequestOrigin &origin, Action action) const
{
    if (!permitted(res, user, origin, action, QStringLiteral("payments")))
        return;
    if (!keyPresent(req, res, m_kit))
        return;
    const auto body = parseObject(req);
    if (!body) {
        m_kit.sendError(res, ApiError::badRequest(QStringLiteral("The body must be a JSON object.")));
        return;
    }
    const auto parsed = parseItems(*body);
    if (const auto *error = std::get_if<ApiError>(&parsed)) {
        m_kit.sendError(res, *error);
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

void Routes::changeAmount(const httplib::Request &req, httplib::Response &res, const AuthenticatedUser &user,
                          const RequestOrigin &origin) const
{
    const qint64 paymentId = QString::fromStdString(req.matches[1].str()).toLongLong();
    if (!permitted(res, user, origin, Action::ChangeAmount, QStringLiteral("payment:") + QString::number(paymentId)))
        return;
    if (!keyPresent(req, res, m_kit))
        return;
    const auto body = parseObject(req);
    if (!body || !body->value(QLatin1String("amount")).isDouble()) {
        m_kit.sendError(res, ApiError::badRequest(QStringLiteral("The body must be {\"amount\": N}.")));
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
        status = error.httpStatus;
        writer.beginObject();
        writer.key(QLatin1StringView("error"))
            .beginObject()
            .key(QLatin1StringView("code"))
            .value(error.code)
            .key(QLatin1StringView("message"))
            .value(error.message)
            .key(QLatin1StringView("request_id"))
            .value(origin.requestId)
            .endObject();
        writer.endObject();
    }
    finish(res, user, *key, status, out);
}

void Routes::sandboxMove(const httplib::Request &req, httplib::Response &res, const AuthenticatedUser &user,
                         const RequestOrigin &origin, Action action) const
{
    const qint64 paymentId = QString::fromStdString(req.matches[1].str()).toLongLong();
    const auto body = parseObject(req, true);
    if (!body) {
        m_kit.sendError(res, ApiError::badRequest(QStringLiteral("The body must be a JSON object.")));
        return;
    }
    if (action == Action::Pay) {
        const QJsonValue preliminary = body->value(QLatin1String("preliminary"));
        if (!preliminary.isUndefined() && !preliminary.isBool()) {
            m_kit.sendError(res, ApiError::invalidParameter(QStringLiteral("preliminary must be true or false.")));
            return;
        }
        if (preliminary.toBool())
            action = Action::Preliminary;
    }
    auto done = m_actions.act(actorOf(user, origin), action, paymentId, std::nullopt, m_clock.now());
    if (!done) {
        qCWarning(lcGatewayActions).noquote() << "sandbox action failed:" << done.error();
        m_kit.sendError(res, ApiError::internal());
        return;
    }
    if (!done->ok) {
        m_kit.sendError(res, conflictFor(done.value()));
        return;
    }
    QByteArray out;
    JsonWriter(&out)
        .beginObject()
        .key(QLatin1StringView("payment_id"))
        .value(QString::number(paymentId))
        .key(QLatin1StringView("status"))
        .value(done->status)
        .endObject();
    m_kit.sendJsonText(res, 200, out);
}

void Routes::sandboxClock(const httplib::Request &req, httplib::Response &res, const AuthenticatedUser &user,
                          const RequestOrigin &origin, bool advance) const
{
    if (advance) {
        // The payment clock is the whole sandbox's: only an admin moves it, and every move is
        // in the audit log.
        const auto audit = [&](const QString &target, const QString &result) {
            if (auto audited = m_actions.auditRefusal(actorOf(user, origin), QStringLiteral("sandbox_clock"), target, result,
                                                      m_clock.now());
                !audited)
                qCWarning(lcGatewayActions).noquote() << "audit failed:" << audited.error();
        };
        if (user.user.role != QLatin1String("admin")) {
            audit(QStringLiteral("clock"), QStringLiteral("forbidden"));
            m_kit.sendError(res, forbidden());
            return;
        }
        const auto body = parseObject(req);
        const std::optional<qint64> days = body ? integerOf(body->value(QLatin1String("advance_days"))) : std::nullopt;
        if (!days || *days < 0 || *days > MaxAdvanceDays) {
            m_kit.sendError(res, ApiError::invalidParameter(
                                     QStringLiteral("advance_days must be a whole number from 0 to %1.").arg(MaxAdvanceDays)));
            return;
        }
        if (auto advanced = m_clock.advance(*days); !advanced) {
            qCWarning(lcGatewayActions).noquote() << "advancing the sandbox clock failed:" << advanced.error();
            m_kit.sendError(res, ApiError::internal());
            return;
        }
        audit(QStringLiteral("clock:+%1d").arg(*days), QStringLiteral("ok"));
    }
    auto offset = m_clock.offsetSeconds();
    if (!offset) {
        qCWarning(lcGatewayActions).noquote() << "reading the sandbox clock failed:" << offset.error();
        m_kit.sendError(res, ApiError::internal());
        return;
    }
    QByteArray out;
    JsonWriter(&out)
        .beginObject()
        .key(QLatin1StringView("now"))
        .wireTime(m_clock.now())
        .key(QLatin1StringView("offset_days"))
        .value(offset.value() / PaymentStateMachine::Day)
        .endObject();
    m_kit.sendJsonText(res, 200, out);
}

void Routes::registerPayment(const httplib::Request &req, httplib::Response &res, const AuthenticatedUser &user,
                             const RequestOrigin &origin) const
{
    const QString auditAction = QStringLiteral("payment_register");
    if (!holds(res, user, origin, QStringLiteral("register"), auditAction, QStringLiteral("payments")))
        return;
    if (!keyPresent(req, res, m_kit))
        return;
    const auto body = parseObject(req);
    if (!body) {
        m_kit.sendError(res, ApiError::badRequest(QStringLiteral("The body must be a JSON object.")));
        return;
    }
    // Registering a payment one may not look at afterwards is refused like any other lack of
    // permission; an unknown type is a field error below.
    const QJsonValue type = body->value(QLatin1String("type"));
    if (type.isString() && RegistrationRules::maxAmount(type.toString()) > 0
        && !holds(res, user, origin, Permissions::view(type.toString()), auditAction, QStringLiteral("payments")))
        return;
    const auto parsed = RegistrationRules::parse(*body, m_clock.now());
    if (const auto *errors = std::get_if<QList<RegistrationRules::FieldError>>(&parsed)) {
        int status = 400;
        const QByteArray out = fieldErrorBody(*errors, origin.requestId, &status);
        m_kit.sendJsonText(res, status, out);
        return;
    }
    const RegistrationRules::Registration &registration = std::get<RegistrationRules::Registration>(parsed);
    // The hash sees keyed digests instead of the card number and security code.
    const auto key = claim(req, res, user, RegistrationRules::digestedForHash(*body, m_cardDigestKey));
    if (!key)
        return;

    const ActionActor actor = actorOf(user, origin);
    const auto refuse = [&](const RegistrationOutcome &refusal) {
        qCInfo(lcGatewayActions).noquote() << "register of type" << registration.type << "refused:" << refusal.errorCode;
        finish(res, user, *key, 409, errorBody(refusal.errorCode, refusal.message, origin.requestId));
    };
    // A used trading id is refused before the issuer is asked: no authorization for an order
    // that cannot be registered, and no "declined" for a request that was wrong anyway.
    auto duplicate = m_registrations.refuseDuplicate(actor, registration.tradingId, m_clock.now());
    if (!duplicate) {
        failInternally(res, user, *key, QStringLiteral("trading id check failed: ") + duplicate.error());
        return;
    }
    if (duplicate.value()) {
        refuse(*duplicate.value());
        return;
    }
    if (registration.type == QLatin1String("02")) {
        const SandboxIssuer::Decision decision = SandboxIssuer::authorize(registration.cardNumber);
        if (!decision.approved) {
            // PAYGENT creates no payment for a declined authorization: only the audit row
            // (without the card) remembers it, and the trading id stays free for a retry.
            if (auto audited = m_registrations.auditDecline(actor, registration.tradingId, decision.detailCode, m_clock.now());
                !audited) {
                failInternally(res, user, *key, QStringLiteral("audit of a declined card failed: ") + audited.error());
                return;
            }
            qCInfo(lcGatewayActions).noquote() << "register of type 02 declined:" << decision.detailCode;
            finish(res, user, *key, 402,
                   errorBody(QStringLiteral("card_declined"), QStringLiteral("The card was declined: ") + decision.message,
                             origin.requestId, decision.detailCode));
            return;
        }
    }
    auto done = m_registrations.registerPayment(actor, registration, m_clock.now());
    if (!done) {
        failInternally(res, user, *key, QStringLiteral("registration failed: ") + done.error());
        return;
    }
    if (!done->ok) {
        refuse(done.value());
        return;
    }
    qCInfo(lcGatewayActions).noquote() << "register of type" << registration.type << "->" << done->paymentId << "status"
                                       << done->status;
    finish(res, user, *key, 201, registeredBody(registration, done.value()));
}

} // namespace

void installPaymentActionRoutes(httplib::Server &server,
                                const PaymentActionRouteKit &kit,
                                PaymentActionStore &actions,
                                IdempotencyStore &idempotency,
                                SandboxClock &clock,
                                RegistrationStore &registrations,
                                const QByteArray &cardDigestKey)
{
    using httplib::Request;
    using httplib::Response;
    auto routes = std::make_shared<Routes>(kit, actions, idempotency, clock, registrations, cardDigestKey);

    auto bulk = [&kit, routes](Action action) {
        return kit.authenticated([routes, action](const Request &req, Response &res, const AuthenticatedUser &user,
                                                  const RequestOrigin &origin) {
            routes->bulk(req, res, user, origin, action);
        });
    };
    server.Post("/v1/payments",
                kit.authenticated([routes](const Request &req, Response &res, const AuthenticatedUser &user,
                                           const RequestOrigin &origin) { routes->registerPayment(req, res, user, origin); }));
    server.Post("/v1/payments/capture", bulk(Action::Capture));
    server.Post("/v1/payments/cancel", bulk(Action::Cancel));
    server.Post(R"(/v1/payments/([0-9]{1,18})/amount)",
                kit.authenticated([routes](const Request &req, Response &res, const AuthenticatedUser &user,
                                           const RequestOrigin &origin) { routes->changeAmount(req, res, user, origin); }));

    if (!clock.sandbox())
        return; // the sandbox paths stay unknown: 404
    auto move = [&kit, routes](Action action) {
        return kit.authenticated([routes, action](const Request &req, Response &res, const AuthenticatedUser &user,
                                                  const RequestOrigin &origin) {
            routes->sandboxMove(req, res, user, origin, action);
        });
    };
    server.Post(R"(/v1/sandbox/payments/([0-9]{1,18})/pay)", move(Action::Pay));
    server.Post(R"(/v1/sandbox/payments/([0-9]{1,18})/expire)", move(Action::Expire));
    server.Post("/v1/sandbox/clock",
                kit.authenticated([routes](const Request &req, Response &res, const AuthenticatedUser &user,
                                           const RequestOrigin &origin) { routes->sandboxClock(req, res, user, origin, true); }));
    server.Get("/v1/sandbox/clock",
               kit.authenticated([routes](const Request &req, Response &res, const AuthenticatedUser &user,
                                          const RequestOrigin &origin) { routes->sandboxClock(req, res, user, origin, false); }));
}

} // namespace kessai::gateway
