#include "statementroutes.h"

#include "audit/auditlog.h"
#include "common/clock.h"
#include "domain/payment.h"
#include "http/router.h"
#include "http/wire.h"
#include "statements/statementcursor.h"
#include "statements/statementstore.h"

#include <QDateTime>
#include <QJsonArray>
#include <QJsonObject>
#include <QLoggingCategory>
#include <QMultiMap>
#include <QRegularExpression>
#include <QUrlQuery>

Q_LOGGING_CATEGORY(lcGatewayStatements, "gateway.statements", QtInfoMsg)

namespace kessai::gateway {

namespace {

using namespace SettlementRules;

const QString StatementsPermission = QStringLiteral("statements");
constexpr int MaxLimit = 1000;
constexpr int DefaultLimit = 100;
constexpr const char *StatementPath = R"(/v1/statements/([0-9]{1,18}))";

// One value per parameter; a parameter given twice is refused like in the payment search.
std::variant<std::optional<QString>, ApiError> single(const QMultiMap<QString, QString> &params, const QString &name)
{
    const QStringList values = params.values(name);
    if (values.size() > 1)
        return ApiError::invalidParameter(QStringLiteral("%1 is given more than once.").arg(name));
    if (values.isEmpty())
        return std::optional<QString>();
    return std::optional<QString>(values.first());
}

std::variant<int, ApiError> parseLimit(const std::optional<QString> &text)
{
    if (!text)
        return DefaultLimit;
    static const QRegularExpression digits(QStringLiteral("^[0-9]{1,4}\\z"));
    const int limit = digits.match(*text).hasMatch() ? text->toInt() : 0;
    if (limit < 1 || limit > MaxLimit)
        return ApiError::invalidParameter(QStringLiteral("limit must be from 1 to %1.").arg(MaxLimit));
    return limit;
}

std::optional<QDate> parseDate(const QString &text)
{
    static const QRegularExpression pattern(QStringLiteral("^[0-9]{4}-[0-9]{2}-[0-9]{2}\\z"));
    if (!pattern.match(text).hasMatch())
        return std::nullopt;
    const QDate date = QDate::fromString(text, Qt::ISODate);
    if (!date.isValid())
        return std::nullopt;
    return date;
}

std::variant<StatementListQuery, ApiError> parseListQuery(const QMultiMap<QString, QString> &params)
{
    StatementListQuery query;
    QMap<QString, std::optional<QString>> values;
    for (const QString &name : {QStringLiteral("year"), QStringLiteral("payout_from"), QStringLiteral("payout_to"),
                                QStringLiteral("cursor"), QStringLiteral("limit")}) {
        auto value = single(params, name);
        if (const auto *error = std::get_if<ApiError>(&value))
            return *error;
        values.insert(name, std::get<std::optional<QString>>(value));
    }
    auto limit = parseLimit(values.value(QStringLiteral("limit")));
    if (const auto *error = std::get_if<ApiError>(&limit))
        return *error;
    query.limit = std::get<int>(limit);
    for (const QString &name : {QStringLiteral("payout_from"), QStringLiteral("payout_to")}) {
        const std::optional<QString> text = values.value(name);
        if (!text)
            continue;
        const auto date = parseDate(*text);
        if (!date)
            return ApiError::invalidParameter(QStringLiteral("%1 must be a date YYYY-MM-DD.").arg(name));
        (name == QLatin1String("payout_from") ? query.payoutFrom : query.payoutTo) = date;
    }
    if (const std::optional<QString> year = values.value(QStringLiteral("year"))) {
        static const QRegularExpression pattern(QStringLiteral("^[0-9]{4}\\z"));
        if (!pattern.match(*year).hasMatch() || year->toInt() < 1970)
            return ApiError::invalidParameter(QStringLiteral("year must be a year from 1970, four digits."));
        // The year of the payout date; combined with payout_from / payout_to it narrows them.
        const QDate first(year->toInt(), 1, 1);
        const QDate next(year->toInt() + 1, 1, 1);
        query.payoutFrom = query.payoutFrom ? std::max(*query.payoutFrom, first) : first;
        query.payoutTo = query.payoutTo ? std::min(*query.payoutTo, next) : next;
    }
    if (const std::optional<QString> cursor = values.value(QStringLiteral("cursor"))) {
        const auto key = StatementCursor::decode(StatementCursor::Kind::Statements, *cursor);
        if (!key)
            return ApiError::invalidParameter(QStringLiteral("cursor is not a statement cursor."));
        query.beforePeriodStart = key;
    }
    return query;
}

std::variant<StatementLineQuery, ApiError> parseLineQuery(const QMultiMap<QString, QString> &params)
{
    StatementLineQuery query;
    QMap<QString, std::optional<QString>> values;
    for (const QString &name :
         {QStringLiteral("type"), QStringLiteral("kind"), QStringLiteral("cursor"), QStringLiteral("limit")}) {
        auto value = single(params, name);
        if (const auto *error = std::get_if<ApiError>(&value))
            return *error;
        values.insert(name, std::get<std::optional<QString>>(value));
    }
    auto limit = parseLimit(values.value(QStringLiteral("limit")));
    if (const auto *error = std::get_if<ApiError>(&limit))
        return *error;
    query.limit = std::get<int>(limit);
    if (const std::optional<QString> types = values.value(QStringLiteral("type"))) {
        static const QRegularExpression code(QStringLiteral("^[0-9]{2}\\z"));
        for (const QString &type : types->split(u',')) {
            if (!code.match(type).hasMatch())
                return ApiError::invalidParameter(QStringLiteral("type must be a comma list of two-digit payment type codes."));
            if (!query.types.contains(type))
                query.types.append(type);
        }
    }
    if (const std::optional<QString> kinds = values.value(QStringLiteral("kind"))) {
        // Later kinds (chargeback, fee, adjustment…) are further words of the same shape.
        static const QRegularExpression word(QStringLiteral("^[a-z][a-z_]{0,31}\\z"));
        for (const QString &kind : kinds->split(u',')) {
            if (!word.match(kind).hasMatch())
                return ApiError::invalidParameter(QStringLiteral("kind must be a comma list of line kinds (sale, cancel)."));
            if (!query.kinds.contains(kind))
                query.kinds.append(kind);
        }
    }
    if (const std::optional<QString> cursor = values.value(QStringLiteral("cursor"))) {
        const auto key = StatementCursor::decode(StatementCursor::Kind::Lines, *cursor);
        if (!key)
            return ApiError::invalidParameter(QStringLiteral("cursor is not a line cursor."));
        query.afterLineId = key;
    }
    return query;
}

void insertFigures(QJsonObject &object, const Figures &figures)
{
    object.insert(QStringLiteral("sale_count"), figures.saleCount);
    object.insert(QStringLiteral("sale_amount"), figures.saleAmount);
    object.insert(QStringLiteral("cancel_count"), figures.cancelCount);
    object.insert(QStringLiteral("cancel_amount"), figures.cancelAmount);
    object.insert(QStringLiteral("fee"), figures.fee);
    object.insert(QStringLiteral("tax"), figures.tax);
    object.insert(QStringLiteral("net"), figures.net);
}

QJsonObject statementJson(const StatementRecord &record, bool withMethods)
{
    QJsonObject object{{QStringLiteral("statement_id"), QString::number(record.statementId)},
                       {QStringLiteral("period_start"), record.period.first.toString(Qt::ISODate)},
                       {QStringLiteral("closing_date"), record.period.last.toString(Qt::ISODate)},
                       {QStringLiteral("payout_date"), record.period.payoutDate.toString(Qt::ISODate)},
                       {QStringLiteral("closed_at"), wireTime(record.closedAt)}};
    insertFigures(object, record.figures.totals);
    object.insert(QStringLiteral("carry_in"), record.figures.carryIn);
    object.insert(QStringLiteral("transfer_fee"), record.figures.transferFee);
    object.insert(QStringLiteral("payout"), record.figures.payout);
    object.insert(QStringLiteral("carry_out"), record.figures.carryOut);
    object.insert(QStringLiteral("line_count"), record.lineCount);
    if (withMethods) {
        QJsonArray methods;
        for (const MethodFigures &method : record.figures.methods) {
            QJsonObject row{{QStringLiteral("type"), method.type},
                            {QStringLiteral("rate_bp"), method.rate.rateBp},
                            {QStringLiteral("fixed_fee"), method.rate.fixedFee}};
            insertFigures(row, method.figures);
            methods.append(row);
        }
        object.insert(QStringLiteral("methods"), methods);
    }
    return object;
}

QJsonObject lineJson(const StatementLineRecord &line)
{
    auto orNull = [](qint64 id) { return id == 0 ? QJsonValue(QJsonValue::Null) : QJsonValue(QString::number(id)); };
    return QJsonObject{{QStringLiteral("line_id"), QString::number(line.lineId)},
                       {QStringLiteral("payment_id"), orNull(line.paymentId)},
                       {QStringLiteral("trading_id"), line.tradingId.isEmpty() ? QJsonValue(QJsonValue::Null) : QJsonValue(line.tradingId)},
                       {QStringLiteral("type"), line.type},
                       {QStringLiteral("kind"), line.kind},
                       {QStringLiteral("at"), wireTime(line.at)},
                       {QStringLiteral("amount"), line.amount},
                       {QStringLiteral("fee"), line.fee}};
}

ApiError forbidden()
{
    return {ErrorKind::Forbidden, QStringLiteral("forbidden"), QStringLiteral("You do not have the permission for statements.")};
}

class Routes
{
public:
    Routes(const RouteKit &kit, StatementStore &statements, AuditLog &audit, const Clock &paymentClock, const Clock &clock)
        : m_kit(kit)
        , m_statements(statements)
        , m_audit(audit)
        , m_paymentClock(paymentClock)
        , m_clock(clock)
    {}

    // Session, then the permission, then the periods that have ended are closed.
    RouteKit::Handler guarded(const QString &action, RouteKit::AuthenticatedHandler handler) const
    {
        return m_kit.authenticated([this, action, handler](const HttpRequest &req, HttpResponse &res,
                                                           const Caller &user, const RequestOrigin &origin) {
            if (!user.permissions.contains(StatementsPermission)) {
                audit(user, origin, action, statementTarget(req), QStringLiteral("forbidden"));
                res.sendError(forbidden());
                return;
            }
            if (auto closed = m_statements.closeDue(user.merchantId, m_paymentClock.now()); !closed) {
                qCWarning(lcGatewayStatements).noquote() << "closing statements failed:" << closed.error();
                res.sendError(ApiError::internal());
                return;
            }
            handler(req, res, user, origin);
        });
    }

    void list(const HttpRequest &req, HttpResponse &res, const Caller &user) const
    {
        auto query = parseListQuery(req.query);
        if (const auto *error = std::get_if<ApiError>(&query)) {
            res.sendError(*error);
            return;
        }
        auto page = m_statements.list(user.merchantId, std::get<StatementListQuery>(query));
        if (!page) {
            qCWarning(lcGatewayStatements).noquote() << "statement list failed:" << page.error();
            res.sendError(ApiError::internal());
            return;
        }
        QJsonArray items;
        for (const StatementRecord &record : page->items)
            items.append(statementJson(record, false));
        QJsonValue next(QJsonValue::Null);
        if (page->more)
            next = StatementCursor::encode(StatementCursor::Kind::Statements, page->items.constLast().period.start);
        res.sendJson(200, QJsonObject{{QStringLiteral("items"), items}, {QStringLiteral("next_cursor"), next}});
    }

    // The statement of this merchant, or a 404 that is audited as a refused access.
    std::optional<StatementRecord> ownStatement(const HttpRequest &req, HttpResponse &res,
                                                const Caller &user, const RequestOrigin &origin) const
    {
        const qint64 statementId = QString::fromUtf8(req.pathArguments.at(0)).toLongLong();
        auto found = m_statements.find(user.merchantId, statementId);
        if (!found) {
            qCWarning(lcGatewayStatements).noquote() << "statement lookup failed:" << found.error();
            res.sendError(ApiError::internal());
            return std::nullopt;
        }
        if (!found.value()) {
            audit(user, origin, QStringLiteral("statement_view"), statementTarget(req), QStringLiteral("not_found"));
            res.sendError(ApiError::notFound(QStringLiteral("No such statement.")));
            return std::nullopt;
        }
        return found.value();
    }

    void detail(const HttpRequest &req, HttpResponse &res, const Caller &user,
                const RequestOrigin &origin) const
    {
        if (const auto record = ownStatement(req, res, user, origin))
            res.sendJson(200, statementJson(*record, true));
    }

    void lines(const HttpRequest &req, HttpResponse &res, const Caller &user,
               const RequestOrigin &origin) const
    {
        auto query = parseLineQuery(req.query);
        if (const auto *error = std::get_if<ApiError>(&query)) {
            res.sendError(*error);
            return;
        }
        const auto record = ownStatement(req, res, user, origin);
        if (!record)
            return;
        auto page = m_statements.lines(record->statementId, std::get<StatementLineQuery>(query));
        if (!page) {
            qCWarning(lcGatewayStatements).noquote() << "statement lines failed:" << page.error();
            res.sendError(ApiError::internal());
            return;
        }
        QJsonArray items;
        for (const StatementLineRecord &line : page->items)
            items.append(lineJson(line));
        QJsonValue next(QJsonValue::Null);
        if (page->more)
            next = StatementCursor::encode(StatementCursor::Kind::Lines, page->items.constLast().lineId);
        res.sendJson(200,
                       QJsonObject{{QStringLiteral("statement_id"), QString::number(record->statementId)},
                                   {QStringLiteral("items"), items},
                                   {QStringLiteral("next_cursor"), next}});
    }

private:
    static QString statementTarget(const HttpRequest &req)
    {
        if (req.pathArguments.isEmpty())
            return QStringLiteral("statements");
        return QStringLiteral("statement:") + QString::fromUtf8(req.pathArguments.at(0));
    }

    void audit(const Caller &user, const RequestOrigin &origin, const QString &action, const QString &target,
               const QString &result) const
    {
        auto audited = m_audit.write({m_clock.now(), user.loginId, user.merchantId, action, target, result,
                                         origin.address, origin.requestId, {}});
        if (!audited)
            qCWarning(lcGatewayStatements).noquote() << "audit failed:" << audited.error();
    }

    RouteKit m_kit;
    StatementStore &m_statements;
    AuditLog &m_audit;
    const Clock &m_paymentClock;
    const Clock &m_clock;
};

} // namespace

void installStatementRoutes(Router &router,
                            const RouteKit &kit,
                            StatementStore &statements,
                            AuditLog &audit,
                            const Clock &paymentClock,
                            const Clock &clock)
{
    using Request = HttpRequest;
    using Response = HttpResponse;
    // Shared by the handlers, which live as long as the server.
    auto routes = std::make_shared<Routes>(kit, statements, audit, paymentClock, clock);

    router.get("/v1/statements",
               routes->guarded(QStringLiteral("statement_list"),
                               [routes](const Request &req, Response &res, const Caller &user,
                                        const RequestOrigin &) { routes->list(req, res, user); }));
    router.get(StatementPath,
               routes->guarded(QStringLiteral("statement_view"),
                               [routes](const Request &req, Response &res, const Caller &user,
                                        const RequestOrigin &origin) { routes->detail(req, res, user, origin); }));
    router.get(std::string(StatementPath) + "/lines",
               routes->guarded(QStringLiteral("statement_view"),
                               [routes](const Request &req, Response &res, const Caller &user,
                                        const RequestOrigin &origin) { routes->lines(req, res, user, origin); }));
}

} // namespace kessai::gateway
