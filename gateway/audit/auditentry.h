#pragma once

#include "common/apierror.h"
#include "common/result.h"

#include <QList>
#include <QMultiMap>
#include <QString>

#include <optional>
#include <utility>

namespace kessai::gateway {

// One row of the audit trail: who did what, when (UTC), from where, on what, with what result.
struct AuditEntry
{
    qint64 at = 0;
    QString loginId;
    QString merchantId;
    QString action; // login, logout, login_certificate_mismatch, …
    QString target;
    QString result; // ok or an error code
    QString origin; // client IP
    QString requestId;
    QString detail; // what changed, where the action says (user_update: "role: general → admin; …")
};

struct AuditQuery
{
    std::optional<qint64> from; // inclusive
    std::optional<qint64> to;   // exclusive
    QString loginId;
    QString action;
    QString result;
    // What the entries are about: a payment (its 決済ID, or its 取引ID), a user's login id (their
    // certificates too) or a statement id; empty = anything.
    QString target;
    // Keyset position: rows strictly older than (at, id).
    std::optional<std::pair<qint64, qint64>> before;
    int limit = 100;
};

struct AuditRow
{
    qint64 id = 0;
    qint64 at = 0;
    QString loginId;
    QString action;
    QString target;
    QString result;
    QString origin;
    QString requestId;
    QString detail;
};

struct AuditPage
{
    QList<AuditRow> items;
    bool more = false;
};

struct AuditPageResult
{
    AuditPage page;
    QString nextCursor; // empty: no more pages
};

} // namespace kessai::gateway
