#include "statement.h"

#include "apireply.h"
#include "jsondom.h"
#include "domain/jsonwriter.h"

#include <QJsonArray>
#include <QJsonObject>

namespace kessai {

using namespace jsondom;

namespace {

// Reads the members of one JSON object into typed fields, remembering whether any was missing
// or of the wrong kind.
class Fields
{
public:
    explicit Fields(const QJsonObject &object)
        : m_object(object)
    {
    }

    qint64 integer(QLatin1StringView key)
    {
        const QJsonValue value = m_object.value(key);
        const qint64 number = value.toInteger(std::numeric_limits<qint64>::min());
        if (!value.isDouble() || number == std::numeric_limits<qint64>::min()) {
            m_ok = false;
            return 0;
        }
        return number;
    }

    QString text(QLatin1StringView key)
    {
        const QJsonValue value = m_object.value(key);
        if (!value.isString())
            m_ok = false;
        return value.toString();
    }

    QDate date(QLatin1StringView key)
    {
        const QDate date = QDate::fromString(text(key), Qt::ISODate);
        if (!date.isValid())
            m_ok = false;
        return date;
    }

    StatementFigures figures()
    {
        StatementFigures f;
        f.saleCount = integer(QLatin1StringView("sale_count"));
        f.saleAmount = integer(QLatin1StringView("sale_amount"));
        f.cancelCount = integer(QLatin1StringView("cancel_count"));
        f.cancelAmount = integer(QLatin1StringView("cancel_amount"));
        f.fee = integer(QLatin1StringView("fee"));
        f.tax = integer(QLatin1StringView("tax"));
        f.net = integer(QLatin1StringView("net"));
        return f;
    }

    bool ok() const { return m_ok; }

private:
    const QJsonObject &m_object;
    bool m_ok = true;
};

} // namespace

StatementFigures &StatementFigures::operator+=(const StatementFigures &other)
{
    saleCount += other.saleCount;
    saleAmount += other.saleAmount;
    cancelCount += other.cancelCount;
    cancelAmount += other.cancelAmount;
    fee += other.fee;
    tax += other.tax;
    net += other.net;
    return *this;
}

StatementFigures Statement::methodTotals() const
{
    StatementFigures total;
    for (const StatementMethod &method : methods)
        total += method.figures;
    return total;
}

bool Statement::isBalanced() const
{
    const auto netOf = [](const StatementFigures &f) { return f.saleAmount - f.cancelAmount - f.fee - f.tax; };
    if (netOf(figures) != figures.net || payout + transferFee + carryOut != figures.net + carryIn)
        return false;
    for (const StatementMethod &method : methods) {
        if (netOf(method.figures) != method.figures.net)
            return false;
    }
    return methods.isEmpty() || methodTotals() == figures;
}

std::optional<Statement> Statement::fromJson(const QJsonObject &object)
{
    Fields fields(object);
    Statement statement;
    statement.id = fields.text(QLatin1StringView("statement_id"));
    statement.periodStart = fields.date(QLatin1StringView("period_start"));
    statement.closingDate = fields.date(QLatin1StringView("closing_date"));
    statement.payoutDate = fields.date(QLatin1StringView("payout_date"));
    qint64 closedAt = 0;
    if (!parseWireSeconds(QStringView(fields.text(QLatin1StringView("closed_at"))), &closedAt))
        return std::nullopt;
    statement.closedAt = closedAt;
    statement.figures = fields.figures();
    statement.carryIn = fields.integer(QLatin1StringView("carry_in"));
    statement.transferFee = fields.integer(QLatin1StringView("transfer_fee"));
    statement.payout = fields.integer(QLatin1StringView("payout"));
    statement.carryOut = fields.integer(QLatin1StringView("carry_out"));
    statement.lineCount = fields.integer(QLatin1StringView("line_count"));
    if (!fields.ok() || statement.id.isEmpty())
        return std::nullopt;
    const QJsonValue methods = object.value(QLatin1StringView("methods"));
    if (methods.isArray()) {
        for (const QJsonValue &value : methods.toArray()) {
            const QJsonObject row = value.toObject();
            Fields method(row);
            StatementMethod m;
            m.type = method.text(QLatin1StringView("type"));
            m.rateBp = int(method.integer(QLatin1StringView("rate_bp")));
            m.fixedFee = method.integer(QLatin1StringView("fixed_fee"));
            m.figures = method.figures();
            if (!method.ok())
                return std::nullopt;
            statement.methods.append(m);
        }
    } else if (!methods.isUndefined()) {
        return std::nullopt;
    }
    return statement;
}

std::optional<StatementListPage> readStatementListPage(const QJsonObject &object)
{
    StatementListPage page;
    const QJsonValue items = object.value(QLatin1StringView("items"));
    if (!items.isArray())
        return std::nullopt;
    for (const QJsonValue &value : items.toArray()) {
        auto statement = Statement::fromJson(value.toObject());
        if (!statement)
            return std::nullopt;
        page.items.append(std::move(*statement));
    }
    const QJsonValue cursor = object.value(QLatin1StringView("next_cursor"));
    if (cursor.isString())
        page.nextCursor = cursor.toString();
    else if (!cursor.isNull() && !cursor.isUndefined())
        return std::nullopt;
    return page;
}

std::optional<StatementListPage> readStatementListPage(const ApiReply &reply)
{
    return reply.ok() ? readStatementListPage(reply.json().object()) : std::nullopt;
}

std::optional<Statement> readStatement(const ApiReply &reply)
{
    return reply.ok() ? Statement::fromJson(reply.json().object()) : std::nullopt;
}

namespace {

bool readLine(element value, StatementLine *line)
{
    object fields;
    if (value.get_object().get(fields))
        return false;
    for (const auto member : fields) {
        const std::string_view key = member.key;
        const element field = member.value;
        std::string_view text;
        bool ok = true;
        if (key == "line_id") {
            ok = readIdOrNull(field, &line->lineId);
        } else if (key == "payment_id") {
            ok = readIdOrNull(field, &line->paymentId);
        } else if (key == "trading_id") {
            ok = field.is_null() || readString(field, &line->tradingId);
        } else if (key == "type") {
            ok = readString(field, &line->type);
        } else if (key == "kind") {
            ok = readString(field, &line->kind);
        } else if (key == "at") {
            ok = readUtf8(field, &text) && parseWireSeconds(viewOf(text), &line->at);
        } else if (key == "amount") {
            ok = readInteger(field, &line->amount);
        } else if (key == "fee") {
            ok = readInteger(field, &line->fee);
        }
        if (!ok)
            return false;
    }
    return line->lineId > 0 && !line->kind.isEmpty();
}

} // namespace

std::optional<StatementLinesPage> readStatementLinesPage(QByteArrayView json, QString *error)
{
    const auto failed = [&](const QString &why) -> std::optional<StatementLinesPage> {
        if (error)
            *error = why;
        return std::nullopt;
    };
    element document;
    object root;
    if (const auto code = parse(json, &document); code)
        return failed(errorText(code));
    if (const auto code = document.get_object().get(root); code)
        return failed(errorText(code));
    StatementLinesPage page;
    for (const auto member : root) {
        bool ok = true;
        if (member.key == "items") {
            array items;
            ok = !member.value.get_array().get(items);
            if (!ok)
                return failed(QStringLiteral("items is not a list"));
            for (const element entry : items) {
                StatementLine line;
                ok = readLine(entry, &line);
                if (!ok)
                    break;
                page.items.append(std::move(line));
            }
        } else if (member.key == "next_cursor") {
            ok = member.value.is_null() || readString(member.value, &page.nextCursor);
        }
        if (!ok)
            return failed(QStringLiteral("a line without a valid line_id, kind or time"));
    }
    return page;
}

} // namespace kessai
