#include "certificateexpiry.h"

#include "domain/japantime.h"

#include <QCoreApplication>

namespace kessai {

CertificateExpiry CertificateExpiry::of(const QDateTime &notAfter, const QDateTime &now)
{
    CertificateExpiry expiry;
    if (!notAfter.isValid() || now >= notAfter) {
        expiry.level = Level::Expired;
        return expiry;
    }
    expiry.daysLeft = int(now.secsTo(notAfter) / 86400);
    if (expiry.daysLeft <= UrgentDays)
        expiry.level = Level::Urgent;
    else if (expiry.daysLeft <= SoonDays)
        expiry.level = Level::Soon;
    return expiry;
}

QString CertificateExpiry::text(const QDateTime &notAfter) const
{
    const QString when = JapanTime::format(notAfter);
    switch (level) {
    case Level::Fine:
        return {};
    case Level::Expired:
        return QCoreApplication::translate("kessai::CertificateExpiry",
                                           "Your certificate expired on %1. Ask an administrator for a new one.")
            .arg(when);
    case Level::Soon:
    case Level::Urgent:
        if (daysLeft == 0)
            return QCoreApplication::translate("kessai::CertificateExpiry",
                                               "Your certificate expires today (%1). Ask an administrator for a new one now.")
                .arg(when);
        return QCoreApplication::translate("kessai::CertificateExpiry",
                                           "Your certificate expires in %n day(s) (%1). Ask an administrator for a new one.",
                                           nullptr, daysLeft)
            .arg(when);
    }
    return {};
}

} // namespace kessai
