#include "auditcursor.h"

#include "security/crypto.h"

#include <QByteArray>
#include <QList>

namespace kessai::gateway::AuditCursor {

QString encode(qint64 at, qint64 id)
{
    return QString::fromLatin1(crypto::toBase64Url(QByteArray::number(at) + ':' + QByteArray::number(id)));
}

std::optional<std::pair<qint64, qint64>> decode(const QString &text)
{
    const auto decoded = QByteArray::fromBase64Encoding(text.toLatin1(),
                                                        QByteArray::Base64UrlEncoding
                                                            | QByteArray::OmitTrailingEquals
                                                            | QByteArray::AbortOnBase64DecodingErrors);
    if (!decoded)
        return std::nullopt;
    const QList<QByteArray> parts = decoded.decoded.split(':');
    if (parts.size() != 2)
        return std::nullopt;
    bool atOk = false;
    bool idOk = false;
    const qint64 at = parts.at(0).toLongLong(&atOk);
    const qint64 id = parts.at(1).toLongLong(&idOk);
    if (!atOk || !idOk || at < 0 || id < 0)
        return std::nullopt;
    return std::make_pair(at, id);
}

} // namespace kessai::gateway::AuditCursor
