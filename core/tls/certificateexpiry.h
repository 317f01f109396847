#pragma once

#include <QDateTime>
#include <QString>

namespace kessai {

// How close a client certificate is to its end, for the warnings a user gets 30 and 7 days
// before it (at start and once a day): a certificate that lapses locks its user out until an
// administrator issues a new one, so they should hear of it while there is time.
struct CertificateExpiry
{
    enum class Level {
        Fine,    // more than SoonDays left
        Soon,    // SoonDays or fewer
        Urgent,  // UrgentDays or fewer
        Expired, // past notAfter
    };
    static constexpr int SoonDays = 30;
    static constexpr int UrgentDays = 7;

    Level level = Level::Fine;
    int daysLeft = 0; // whole days until notAfter (0 on its last day)

    static CertificateExpiry of(const QDateTime &notAfter, const QDateTime &now = QDateTime::currentDateTimeUtc());
    bool needsWarning() const { return level != Level::Fine; }
    // "The certificate expires in 5 days (2026/12/08 09:00)." and the like, translated; empty when Fine.
    QString text(const QDateTime &notAfter) const;
};

} // namespace kessai
