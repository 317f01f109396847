#include "ledger.h"

#include "csv/csvreader.h"

#include <QCryptographicHash>
#include <QFile>
#include <QFileInfo>
#include <QRegularExpression>

#include <array>

namespace kessai {

namespace {

QString normalisedHeader(const QString &field)
{
    return field.normalized(QString::NormalizationForm_KC).trimmed().toLower();
}

// Lower case, as normalisedHeader() leaves them ("取引ID" is "取引id").
const std::array TradingIdNames = {
    u"取引id", u"注文番号", u"受注番号", u"受注コード", u"order_id", u"trading_id"};
const std::array AmountNames = {
    u"金額", u"決済金額", u"請求金額", u"合計金額", u"amount", u"total"};

template<typename Names>
QList<int> columnsNamed(const QStringList &header, const Names &names)
{
    QList<int> columns;
    for (int i = 0; i < header.size(); ++i) {
        const QString name = normalisedHeader(header[i]);
        for (const char16_t *candidate : names) {
            if (name == QStringView(candidate)) {
                columns.append(i);
                break;
            }
        }
    }
    return columns;
}

QString columnList(const QList<int> &columns)
{
    QStringList numbers;
    for (const int c : columns)
        numbers.append(QString::number(c + 1));
    return numbers.join(QStringLiteral(", "));
}

constexpr int MaxDigits = 12; // under a trillion yen: 100,000 lines still sum inside qint64

} // namespace

QString LedgerMapping::headerSignature(const QStringList &header)
{
    QStringList fields;
    fields.reserve(header.size());
    for (const QString &field : header)
        fields.append(normalisedHeader(field));
    while (!fields.isEmpty() && fields.constLast().isEmpty())
        fields.removeLast();
    // U+001F (unit separator) cannot be typed into a header, so "a,b" and "a\x1fb" never collide
    // in practice, and a comma inside a quoted header name stays part of its name.
    const QByteArray bytes = fields.join(QChar(0x1F)).toUtf8();
    return QString::fromLatin1(QCryptographicHash::hash(bytes, QCryptographicHash::Sha256).toHex());
}

QList<int> Ledger::tradingIdCandidates(const QStringList &header)
{
    return columnsNamed(header, TradingIdNames);
}

QList<int> Ledger::amountCandidates(const QStringList &header)
{
    return columnsNamed(header, AmountNames);
}

std::optional<LedgerMapping> Ledger::detectMapping(const QStringList &header)
{
    const QList<int> ids = tradingIdCandidates(header);
    const QList<int> amounts = amountCandidates(header);
    if (ids.size() != 1 || amounts.size() != 1)
        return std::nullopt;
    return LedgerMapping{ids.first(), amounts.first()};
}

std::optional<Yen> Ledger::parseAmount(const QString &text)
{
    // NFKC turns full-width digits, '－', '，' and '￥' into their ASCII (and '¥') forms.
    QString s = text.normalized(QString::NormalizationForm_KC).trimmed();
    bool negative = false;
    const auto takeSign = [&s, &negative] {
        if (!negative && (s.startsWith(u'-') || s.startsWith(u'\u2212'))) {
            negative = true;
            s = s.mid(1).trimmed();
        }
    };
    takeSign();
    // A CP932 file's yen sign is byte 0x5C, which windows-31j decodes as a backslash.
    if (s.startsWith(u'¥') || s.startsWith(u'\\')) {
        s = s.mid(1).trimmed();
        takeSign();
    }
    if (s.endsWith(u'円'))
        s = s.chopped(1).trimmed();
    static const QRegularExpression bare(QStringLiteral("^[0-9]{1,%1}$").arg(MaxDigits));
    static const QRegularExpression grouped(
        QStringLiteral("^[0-9]{1,3}(,[0-9]{3}){1,%1}$").arg(MaxDigits / 3 - 1));
    if (!bare.match(s).hasMatch() && !grouped.match(s).hasMatch())
        return std::nullopt;
    s.remove(u',');
    bool ok = false;
    const Yen value = s.toLongLong(&ok);
    if (!ok)
        return std::nullopt;
    return negative ? -value : value;
}

void Ledger::keepSample(CsvReader &reader)
{
    while (!reader.atEnd() && m_sample.size() < SampleLines) {
        const CsvRecord r = reader.next();
        if (r.fields.isEmpty())
            break;
        if (r.problem == CsvRecord::Problem::None && !r.isBlank())
            m_sample.append(r.fields);
    }
}

Ledger Ledger::read(const QString &path, const std::optional<LedgerMapping> &mapping)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly)) {
        Ledger broken;
        broken.m_name = QFileInfo(path).fileName();
        broken.addError(0, tr("Cannot read the ledger file: %1").arg(file.errorString()));
        return broken;
    }
    return parse(file.readAll(), QFileInfo(path).fileName(), mapping);
}

Ledger Ledger::parse(const QByteArray &bytes,
                     const QString &name,
                     const std::optional<LedgerMapping> &mapping)
{
    Ledger l;
    l.m_name = name;
    l.m_sha256 = QCryptographicHash::hash(bytes, QCryptographicHash::Sha256).toHex();
    CsvReader reader(bytes);
    l.m_encoding = reader.encoding();

    CsvRecord header;
    while (!reader.atEnd()) {
        header = reader.next();
        if (!header.fields.isEmpty() &&
            (!header.isBlank() || header.problem != CsvRecord::Problem::None))
            break;
        header = {};
    }
    if (header.fields.isEmpty()) {
        l.addError(0, tr("The ledger file is empty: it needs a header line and a line per order."));
        return l;
    }
    l.m_headerLine = header.line;
    if (header.problem != CsvRecord::Problem::None) {
        l.addError(header.line, header.problemText());
        return l;
    }
    l.m_header = header.fields;

    if (mapping) {
        const int width = int(header.fields.size());
        if (!mapping->isValid() || mapping->tradingIdColumn >= width ||
            mapping->amountColumn >= width) {
            l.addError(
                header.line,
                tr("The chosen columns (取引ID: column %1, amount: column %2) do not fit this "
                   "ledger's header, which has %3 columns.")
                    .arg(mapping->tradingIdColumn + 1)
                    .arg(mapping->amountColumn + 1)
                    .arg(width));
            l.m_needsMapping = true;
            l.keepSample(reader);
            return l;
        }
        l.m_mapping = *mapping;
    } else if (const auto detected = detectMapping(header.fields)) {
        l.m_mapping = *detected;
        l.m_mappingDetected = true;
    } else {
        l.m_needsMapping = true;
        const QList<int> ids = tradingIdCandidates(header.fields);
        const QList<int> amounts = amountCandidates(header.fields);
        if (ids.isEmpty())
            l.addError(
                header.line,
                tr("The header names no 取引ID column (取引ID, 注文番号, 受注番号, 受注コード, "
                   "order_id or trading_id). Choose the column."));
        else if (ids.size() > 1)
            l.addError(header.line,
                       tr("Columns %1 of the header could each be the 取引ID. Choose one.")
                           .arg(columnList(ids)));
        if (amounts.isEmpty())
            l.addError(
                header.line,
                tr("The header names no amount column (金額, 決済金額, 請求金額, 合計金額, amount "
                   "or total). Choose the column."));
        else if (amounts.size() > 1)
            l.addError(header.line,
                       tr("Columns %1 of the header could each be the amount. Choose one.")
                           .arg(columnList(amounts)));
        l.keepSample(reader);
        return l;
    }

    const auto cell = [](const CsvRecord &r, int column) {
        return column < r.fields.size() ? r.fields[column] : QString();
    };
    while (!reader.atEnd()) {
        const CsvRecord r = reader.next();
        if (r.fields.isEmpty())
            break;
        if (r.problem != CsvRecord::Problem::None) {
            l.addError(r.line, r.problemText());
            continue;
        }
        if (r.isBlank())
            continue;
        bool ok = true;
        LedgerEntry entry;
        entry.line = r.line;
        entry.tradingId = cell(r, l.m_mapping.tradingIdColumn)
                              .normalized(QString::NormalizationForm_KC)
                              .trimmed();
        if (entry.tradingId.isEmpty()) {
            l.addError(r.line, tr("The 取引ID is blank."));
            ok = false;
        }
        const QString amount = cell(r, l.m_mapping.amountColumn).trimmed();
        if (amount.isEmpty()) {
            l.addError(r.line, tr("The amount is blank."));
            ok = false;
        } else if (const auto yen = parseAmount(amount)) {
            entry.amount = *yen;
        } else {
            l.addError(
                r.line,
                tr("\"%1\" is not an amount in yen: a whole number such as 12345, 12,345, ¥12,345 "
                   "or 12345円.")
                    .arg(amount));
            ok = false;
        }
        if (ok)
            l.m_entries.append(std::move(entry));
    }
    if (l.m_entries.isEmpty() && l.m_errors.isEmpty())
        l.addError(0, tr("The ledger has a header but no orders."));
    return l;
}

} // namespace kessai
