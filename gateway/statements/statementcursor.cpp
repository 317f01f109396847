#include "statementcursor.h"

#include <QByteArray>
#include <QRegularExpression>

namespace kessai::gateway::StatementCursor {

QString encode(Kind kind, qint64 key)
{
    const QByteArray plain = QByteArray(1, char(kind)) + ':' + QByteArray::number(key);
    return QString::fromLatin1(plain.toBase64(QByteArray::Base64UrlEncoding | QByteArray::OmitTrailingEquals));
}

std::optional<qint64> decode(Kind kind, const QString &text)
{
    static const QRegularExpression base64url(QStringLiteral("^[A-Za-z0-9_-]{1,64}\\z"));
    if (!base64url.match(text).hasMatch())
        return std::nullopt;
    const QByteArray decoded = QByteArray::fromBase64(text.toLatin1(), QByteArray::Base64UrlEncoding);
    if (decoded.size() < 3 || decoded.at(0) != char(kind) || decoded.at(1) != ':')
        return std::nullopt;
    bool ok = false;
    const qint64 key = decoded.mid(2).toLongLong(&ok);
    if (!ok || QByteArray::number(key) != decoded.mid(2))
        return std::nullopt;
    return key;
}

} // namespace kessai::gateway::StatementCursor
