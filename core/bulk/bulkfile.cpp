#include "bulkfile.h"

#include "csv/csvreader.h"

#include <QCryptographicHash>
#include <QFile>
#include <QFileInfo>
#include <QHash>
#include <QRegularExpression>

#include <algorithm>
#include <array>

namespace kessai {

namespace {

enum class Column { PaymentId, TradingId, Action, Amount };

constexpr Yen MaxAmount = 9'999'999;

// Header names as order systems write them: Japanese or the API's own, any case, any width.
std::optional<Column> columnNamed(const QString &header)
{
    const QString name = header.normalized(QString::NormalizationForm_KC).trimmed().toLower();
    if (name == QStringLiteral(u"決済id") || name == QLatin1String("payment_id"))
        return Column::PaymentId;
    if (name == QStringLiteral(u"取引id") || name == QLatin1String("trading_id"))
        return Column::TradingId;
    if (name == QStringLiteral(u"処理区分") || name == QLatin1String("action"))
        return Column::Action;
    if (name == QStringLiteral(u"金額") || name == QLatin1String("amount"))
        return Column::Amount;
    return std::nullopt;
}

std::optional<PaymentAction::Kind> actionNamed(const QString &text)
{
    const QString word = text.normalized(QString::NormalizationForm_KC).trimmed().toLower();
    if (word == QStringLiteral(u"売上") || word == QLatin1String("capture"))
        return PaymentAction::Kind::Capture;
    if (word == QStringLiteral(u"取消") || word == QLatin1String("cancel"))
        return PaymentAction::Kind::Cancel;
    return std::nullopt;
}

QString normalizedId(const QString &text)
{
    return text.normalized(QString::NormalizationForm_KC).trimmed();
}

} // namespace

QString BulkFile::actionWord(PaymentAction::Kind kind)
{
    return kind == PaymentAction::Kind::Cancel ? QStringLiteral(u"取消") : QStringLiteral(u"売上");
}

bool BulkFile::isPaymentId(const QString &text)
{
    static const QRegularExpression digits(QStringLiteral("^[0-9]{1,18}$"));
    return digits.match(text).hasMatch();
}

bool BulkFile::isTradingId(const QString &text)
{
    static const QRegularExpression id(QStringLiteral("^[A-Za-z0-9_]{1,25}$"));
    return id.match(text).hasMatch();
}

std::optional<Yen> BulkFile::parseAmount(const QString &text)
{
    QString plain = text.normalized(QString::NormalizationForm_KC).trimmed();
    plain.remove(u'¥').remove(u'円');
    plain = plain.trimmed();
    static const QRegularExpression grouped(QStringLiteral("^[0-9]{1,3}(,[0-9]{3})*$"));
    static const QRegularExpression bare(QStringLiteral("^[0-9]{1,18}$"));
    if (!bare.match(plain).hasMatch() && !grouped.match(plain).hasMatch())
        return std::nullopt;
    Yen amount = 0;
    if (!parseYen(plain, &amount) || amount < 1 || amount > MaxAmount)
        return std::nullopt;
    return amount;
}

void BulkFile::addError(int line, const QString &message)
{
    m_errors.append({line, message});
}

void BulkFile::sortErrors()
{
    std::stable_sort(m_errors.begin(), m_errors.end(),
                     [](const BulkFileError &a, const BulkFileError &b) { return a.line < b.line; });
}

QString BulkFile::journalSource() const
{
    return QStringLiteral("file:%1 sha256:%2").arg(m_name, QString::fromLatin1(m_sha256));
}

QByteArray BulkFile::sha256OfSource(const QString &source)
{
    const qsizetype at = source.lastIndexOf(QLatin1String(" sha256:"));
    if (!source.startsWith(QLatin1String("file:")) || at < 0)
        return {};
    return source.mid(at + 8).toLatin1();
}

BulkFile BulkFile::read(const QString &path, std::optional<PaymentAction::Kind> fixedKind)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly)) {
        BulkFile broken;
        broken.m_name = QFileInfo(path).fileName();
        broken.addError(0, tr("Cannot read the file: %1").arg(file.errorString()));
        return broken;
    }
    return parse(file.readAll(), QFileInfo(path).fileName(), fixedKind);
}

BulkFile BulkFile::parse(const QByteArray &bytes, const QString &name, std::optional<PaymentAction::Kind> fixedKind)
{
    BulkFile f;
    f.m_name = name;
    f.m_sha256 = QCryptographicHash::hash(bytes, QCryptographicHash::Sha256).toHex();
    CsvReader reader(bytes);
    f.m_encoding = reader.encoding();

    // The header: the first record that is not blank.
    CsvRecord header;
    while (!reader.atEnd()) {
        header = reader.next();
        if (!header.fields.isEmpty() && (!header.isBlank() || header.problem != CsvRecord::Problem::None))
            break;
        header = {};
    }
    if (header.fields.isEmpty()) {
        f.addError(0, tr("The file is empty: it needs a header line and at least one line to process."));
        return f;
    }
    if (header.problem != CsvRecord::Problem::None) {
        f.addError(header.line, header.problemText());
        return f;
    }
    std::array<int, 4> columns{-1, -1, -1, -1}; // field index of each Column, -1 when absent
    const auto has = [&columns](Column c) { return columns[size_t(c)] >= 0; };
    for (int i = 0; i < header.fields.size(); ++i) {
        const QString text = header.fields[i].trimmed();
        if (text.isEmpty() && i == header.fields.size() - 1)
            continue; // a trailing comma
        const std::optional<Column> column = columnNamed(text);
        if (!column) {
            f.addError(header.line, tr("Unknown column \"%1\". The columns are 決済ID (payment_id), 取引ID (trading_id), "
                                       "処理区分 (action) and 金額 (amount).")
                                        .arg(text));
        } else if (has(*column)) {
            f.addError(header.line, tr("The column \"%1\" is there twice.").arg(text));
        } else {
            columns[size_t(*column)] = i;
        }
    }
    if (!has(Column::PaymentId) && !has(Column::TradingId))
        f.addError(header.line, tr("The file needs a 決済ID (payment_id) or 取引ID (trading_id) column."));
    if (!has(Column::Action) && !fixedKind)
        f.addError(header.line, tr("The file needs a 処理区分 (action) column: 売上 (capture) or 取消 (cancel)."));
    if (!f.m_errors.isEmpty())
        return f;

    const int width = int(header.fields.size());
    QHash<QString, int> paymentLines; // 決済ID -> first line
    QHash<QString, int> tradingLines; // 取引ID -> first line (lines that give only a 取引ID)
    const auto cell = [&columns](const CsvRecord &r, Column c) {
        const int i = columns[size_t(c)];
        return i >= 0 && i < r.fields.size() ? r.fields[i].trimmed() : QString();
    };
    while (!reader.atEnd()) {
        const CsvRecord r = reader.next();
        if (r.fields.isEmpty())
            break;
        if (r.problem == CsvRecord::Problem::None && r.isBlank())
            continue;
        if (r.problem != CsvRecord::Problem::None) {
            f.addError(r.line, r.problemText());
            continue;
        }
        const bool extra = std::any_of(r.fields.cbegin() + std::min<qsizetype>(width, r.fields.size()), r.fields.cend(),
                                       [](const QString &v) { return !v.trimmed().isEmpty(); });
        if (extra) {
            f.addError(r.line, tr("This line has %1 fields, but the header has %2.").arg(r.fields.size()).arg(width));
            continue;
        }
        const int before = int(f.m_errors.size());
        BulkFileLine line;
        line.line = r.line;
        const QString paymentId = normalizedId(cell(r, Column::PaymentId));
        const QString tradingId = normalizedId(cell(r, Column::TradingId));
        if (paymentId.isEmpty() && tradingId.isEmpty())
            f.addError(r.line, tr("Neither 決済ID (payment_id) nor 取引ID (trading_id) is given."));
        if (!paymentId.isEmpty() && !isPaymentId(paymentId))
            f.addError(r.line, tr("\"%1\" is not a 決済ID (payment_id): 1 to 18 digits.").arg(cell(r, Column::PaymentId)));
        if (!tradingId.isEmpty() && !isTradingId(tradingId))
            f.addError(r.line, tr("\"%1\" is not a 取引ID (trading_id): 1 to 25 letters, digits or _.")
                                   .arg(cell(r, Column::TradingId)));
        line.paymentId = paymentId;
        line.tradingId = tradingId;

        const QString action = cell(r, Column::Action);
        if (action.isEmpty()) {
            if (fixedKind)
                line.kind = *fixedKind;
            else
                f.addError(r.line, tr("処理区分 (action) is empty: 売上 (capture) or 取消 (cancel)."));
        } else if (const auto kind = actionNamed(action); !kind) {
            f.addError(r.line, tr("Unknown 処理区分 (action) \"%1\": 売上 (capture) or 取消 (cancel).").arg(action));
        } else if (fixedKind && *kind != *fixedKind) {
            f.addError(r.line, tr("This line says %1, but the file is run as %2.").arg(actionWord(*kind), actionWord(*fixedKind)));
        } else {
            line.kind = *kind;
        }

        const QString amount = cell(r, Column::Amount);
        if (!amount.isEmpty()) {
            if (const auto yen = parseAmount(amount))
                line.amount = *yen;
            else
                f.addError(r.line, tr("金額 (amount) \"%1\" is not an amount in yen: a whole number from 1 to 9,999,999.")
                                       .arg(amount));
        }
        if (int(f.m_errors.size()) != before)
            continue;

        if (!paymentId.isEmpty()) {
            if (const int first = paymentLines.value(paymentId); first > 0) {
                f.addError(r.line, tr("Payment %1 is already on line %2.").arg(paymentId).arg(first));
                continue;
            }
            paymentLines.insert(paymentId, r.line);
        } else {
            if (const int first = tradingLines.value(tradingId); first > 0) {
                f.addError(r.line, tr("取引ID %1 is already on line %2.").arg(tradingId).arg(first));
                continue;
            }
            tradingLines.insert(tradingId, r.line);
        }
        f.m_lines.append(line);
    }
    if (f.m_lines.isEmpty() && f.m_errors.isEmpty())
        f.addError(0, tr("The file has a header but no line to process."));
    return f;
}

bool BulkFile::needsResolving() const
{
    return std::any_of(m_lines.cbegin(), m_lines.cend(), [](const BulkFileLine &l) { return !l.tradingId.isEmpty(); });
}

void BulkFile::checkDuplicatePayments()
{
    QHash<QString, int> firstLine;
    QList<BulkFileLine> kept;
    kept.reserve(m_lines.size());
    for (const BulkFileLine &l : std::as_const(m_lines)) {
        if (l.paymentId.isEmpty()) {
            kept.append(l);
            continue;
        }
        if (const int first = firstLine.value(l.paymentId); first > 0) {
            addError(l.line, l.tradingId.isEmpty()
                                 ? tr("Payment %1 is already on line %2.").arg(l.paymentId).arg(first)
                                 : tr("取引ID %1 is payment %2, which is already on line %3.")
                                       .arg(l.tradingId, l.paymentId)
                                       .arg(first));
            continue;
        }
        firstLine.insert(l.paymentId, l.line);
        kept.append(l);
    }
    m_lines = kept;
    sortErrors();
}

QList<PaymentActionItem> BulkFile::items(PaymentAction::Kind kind) const
{
    QList<PaymentActionItem> items;
    for (const BulkFileLine &l : m_lines) {
        if (l.kind == kind)
            items.append({l.paymentId, l.amount});
    }
    return items;
}

QList<int> BulkFile::lineNumbers(PaymentAction::Kind kind) const
{
    QList<int> numbers;
    for (const BulkFileLine &l : m_lines) {
        if (l.kind == kind)
            numbers.append(l.line);
    }
    return numbers;
}

int BulkFile::count(PaymentAction::Kind kind) const
{
    return int(std::count_if(m_lines.cbegin(), m_lines.cend(), [kind](const BulkFileLine &l) { return l.kind == kind; }));
}

} // namespace kessai
