#include "customerfold.h"

#include "db/database.h"

#include <unicode/normalizer2.h>
#include <unicode/unistr.h>

#include <QList>
#include <QVariant>

namespace kessai::gateway::CustomerFold {

namespace {

constexpr QChar FieldSeparator(0x1f);

// Hiragana and the katakana they stand for are one code point 0x60 apart: ぁ..ゖ and ゝゞ.
QChar katakanaOf(QChar c)
{
    const char16_t u = c.unicode();
    if ((u >= 0x3041 && u <= 0x3096) || u == 0x309d || u == 0x309e)
        return QChar(char16_t(u + 0x60));
    return c;
}

} // namespace

QString fold(const QString &text)
{
    UErrorCode status = U_ZERO_ERROR;
    const icu::Normalizer2 *normalizer = icu::Normalizer2::getNFKCCasefoldInstance(status);
    QString normalized;
    if (U_SUCCESS(status)) {
        const icu::UnicodeString source(reinterpret_cast<const UChar *>(text.constData()), static_cast<int32_t>(text.size()));
        const icu::UnicodeString folded = normalizer->normalize(source, status);
        if (U_SUCCESS(status))
            normalized = QString(reinterpret_cast<const QChar *>(folded.getBuffer()), folded.length());
    }
    if (U_FAILURE(status)) // ICU's data is part of libicudata: this does not happen in practice
        normalized = text.normalized(QString::NormalizationForm_KC).toCaseFolded();
    QString out;
    out.reserve(normalized.size());
    for (const QChar c : std::as_const(normalized)) {
        if (c.isSpace() || c == FieldSeparator)
            continue;
        out.append(katakanaOf(c));
    }
    return out;
}

QString searchText(const QString &name, const QString &kana, const QString &phone)
{
    QString digits = fold(phone);
    digits.remove(u'-');
    return fold(name) + FieldSeparator + fold(kana) + FieldSeparator + digits;
}

Result<void> fillMissing(const QSqlDatabase &db)
{
    // By keyset pages of payment ids: no SELECT stays open while its table is updated.
    constexpr int PageRows = 1000;
    qint64 after = 0;
    qint64 filled = 0;
    for (;;) {
        auto page = runQuery(db,
                             QStringLiteral("SELECT payment_id, customer_name, customer_kana, customer_phone FROM payments"
                                            " WHERE payment_id > ? AND customer_fold IS NULL ORDER BY payment_id LIMIT ?"),
                             {after, PageRows});
        if (!page)
            return makeError(page.error());
        QList<std::pair<qint64, QString>> rows;
        while (page.value().next()) {
            rows.append({page.value().value(0).toLongLong(),
                         searchText(page.value().value(1).toString(), page.value().value(2).toString(),
                                    page.value().value(3).toString())});
        }
        page.value().finish();
        for (const auto &[paymentId, text] : std::as_const(rows)) {
            auto updated = runQuery(db, QStringLiteral("UPDATE payments SET customer_fold = ? WHERE payment_id = ?"), {text, paymentId});
            if (!updated)
                return makeError(updated.error());
        }
        filled += rows.size();
        if (rows.size() < PageRows)
            break;
        after = rows.constLast().first;
    }
    if (filled > 0)
        qCInfo(lcGatewayDb) << "folded the customer texts of" << filled << "payments";
    return {};
}

} // namespace kessai::gateway::CustomerFold
