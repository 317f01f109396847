#pragma once

#include "api/apireply.h"

#include <QByteArray>
#include <QDate>
#include <QList>
#include <QString>
#include <QStringList>

#include <optional>

class QJsonObject;

namespace kessai {

// A user of the merchant as the admin API describes it (GET /v1/users; docs/api.md "Users and
// certificates").
struct ManagedUser
{
    struct Certificate
    {
        QString fingerprint; // 64 hex, SHA-256 of the DER certificate
        qint64 notAfter = 0; // seconds since the epoch (UTC)
        bool revoked = false;
    };

    QString loginId;
    QString name;
    QString role; // "admin" or "general"
    QStringList permissions; // effective, in catalogue order
    bool enabled = true;
    bool mustChangePassword = false; // an admin reset the password; the user has not changed it yet
    qint64 lockedUntil = 0; // 0 = not locked; may lie in the past (the lock has run out)
    qint64 lastLoginAt = 0; // the last successful login; 0 = never
    std::optional<Certificate> certificate; // the newest one issued, revoked or not

    bool isAdmin() const { return role == QLatin1String("admin"); }
    bool isLocked(qint64 now) const { return lockedUntil > now; }
    bool hasActiveCertificate() const { return certificate && !certificate->revoked; }

    static std::optional<ManagedUser> fromJson(const QJsonObject &object);
    static std::optional<QList<ManagedUser>> listFromJson(const QJsonObject &object);
};

// What an admin sends to create a user or change one.
struct UserChange
{
    std::optional<QString> name;
    std::optional<QString> role;
    std::optional<QStringList> permissions;
    std::optional<bool> enabled;

    bool isEmpty() const { return !name && !role && !permissions && !enabled; }
};

// A certificate the gateway has just issued: the PKCS#12 and its passphrase exist only here.
struct IssuedCertificate
{
    QByteArray p12;
    QString passphrase;
    QString fingerprint;
    qint64 notAfter = 0;

    static std::optional<IssuedCertificate> fromJson(const QJsonObject &object);
};

// Every permission the gateway knows, in its catalogue order, with what it allows (translated).
struct PermissionInfo
{
    QString name;      // "view:02", "capture", …
    QString label;     // "View credit card payments"
    QString sentence;  // what holding it lets the user do
};
QList<PermissionInfo> permissionCatalogue();

// A password that meets the gateway's policy (≥ 12 characters with letters and digits): 16
// characters from a set without look-alikes (no 0/O, 1/l/I), from the system's random source.
QString generateInitialPassword();
// Whether the gateway's policy accepts the password (for the form, before asking it).
bool meetsPasswordPolicy(const QString &password);

// One entry of the audit log (GET /v1/audit).
struct AuditEntry
{
    qint64 at = 0; // seconds since the epoch (UTC)
    QString loginId;
    QString action;
    QString target;
    QString result;
    QString origin;
    QString requestId;
    QString detail; // what changed (a user_update's before → after); empty when there is nothing more
};

struct AuditLogPage
{
    QList<AuditEntry> items;
    QString nextCursor;
};
std::optional<AuditLogPage> readAuditPage(const QJsonObject &object);

// Typed answers of the admin API from a finished reply (nullopt when it failed or is not such an
// answer): widgets and models get types, never wire JSON.
std::optional<QList<ManagedUser>> readUsers(const ApiReply &reply);
std::optional<ManagedUser> readManagedUser(const ApiReply &reply);
std::optional<IssuedCertificate> readIssuedCertificate(const ApiReply &reply);
// The generated password of POST /v1/users/{id}/password (shown once).
std::optional<QString> readResetPassword(const ApiReply &reply);
std::optional<AuditLogPage> readAuditPage(const ApiReply &reply);

// The audit log's filters: who, what, the outcome, and a time range of whole days in Japan time
// (both ends included).
struct AuditQuery
{
    QString loginId;
    QString action;
    QString result;
    QString target; // a 決済ID, 取引ID, login ID or statement ID the entries are about
    QDate from, to;

    bool operator==(const AuditQuery &) const = default;
};

// The action names the gateway writes, for the filter (docs/api.md "Audit").
QStringList auditActions();
// An action or result code in words (translated), the code itself when unknown.
QString auditActionLabel(const QString &action);

} // namespace kessai
