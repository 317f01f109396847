#pragma once

#include "reconcile/ledger.h"
#include "reconcile/reconciler.h"

#include <QByteArray>
#include <QCoreApplication>
#include <QDate>
#include <QDateTime>
#include <QList>
#include <QString>
#include <QVariant>

#include <memory>
#include <optional>

namespace kessai {

// The console's local store of reconciliation workspaces (消込の作業), so that matching a statement
// against a ledger can span days: which ledger file (path and SHA-256) was matched against which
// statement (its id, or a payout date range), with which column mapping, the resulting rows, and
// per row the user's note and "resolved" mark. Also the column mappings the user chose, keyed by
// the ledger header's signature. SQLite, WAL, schema versioned by PRAGMA user_version; one
// connection of its own per store. It holds 取引IDs and amounts, never a card number.
class ReconcileStore
{
    Q_DECLARE_TR_FUNCTIONS(kessai::Reconcile)

public:
    struct Workspace
    {
        qint64 id = 0;
        QString name;
        QString merchantId;
        QDateTime created; // UTC
        QDateTime updated; // UTC; a note or mark changed
        QString ledgerPath;
        QByteArray ledgerSha256; // hex
        QString headerSignature;
        LedgerMapping mapping;
        std::optional<qint64> statementId; // one statement, or
        QDate payoutFrom;                  // a payout date range (inclusive; null when statementId)
        QDate payoutTo;
        // Filled when read back.
        int rowCount = 0;
        int resolvedCount = 0;
    };

    static constexpr int SchemaVersion = 1;

    // Opens (creating or upgrading if needed) the store file; null with *error said on failure
    // (also for a file written by a newer console).
    static std::unique_ptr<ReconcileStore> open(const QString &path, QString *error = nullptr);
    ~ReconcileStore();
    ReconcileStore(const ReconcileStore &) = delete;
    ReconcileStore &operator=(const ReconcileStore &) = delete;

    // Saves a workspace and its rows (their notes and marks too) in one transaction; its id.
    std::optional<qint64> createWorkspace(const Workspace &workspace,
                                          const QList<ReconcileRow> &rows);
    // Newest first; only one merchant's when merchantId is given.
    QList<Workspace> workspaces(const QString &merchantId = QString()) const;
    std::optional<Workspace> workspace(qint64 id) const;
    // Every row in the order saved: a row's index is its number for setNote / setResolved.
    QList<ReconcileRow> rows(qint64 workspaceId) const;
    bool setNote(qint64 workspaceId, int row, const QString &note);
    bool setResolved(qint64 workspaceId, int row, bool resolved);
    bool removeWorkspace(qint64 id);

    // The mapping the user chose for a ledger header (LedgerMapping::headerSignature()).
    bool rememberMapping(const QString &headerSignature, const LedgerMapping &mapping);
    std::optional<LedgerMapping> rememberedMapping(const QString &headerSignature) const;

    QString lastError() const { return m_error; }

private:
    explicit ReconcileStore(const QString &connection);
    bool exec(const QString &sql);
    bool migrate();
    bool updateRow(const QString &sql, const QVariant &value, qint64 workspaceId, int row);

    QString m_connection;
    mutable QString m_error;
};

} // namespace kessai
