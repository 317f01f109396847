#pragma once

#include "common/page.h"
#include "reconcile/ledger.h"
#include "reconcile/reconciler.h"
#include "reconcile/reconcilestore.h"

#include <QPointer>

#include <memory>
#include <optional>

class QCheckBox;
class QRadioButton;
class QComboBox;
class QLabel;
class QPushButton;
class QTableView;

namespace kessai {

class MerchantClient;
class ReconcileFilterModel;
class ReconcileModel;
class CapturedPaymentsReader;
class DateEdit;
class StatementLinesReader;
struct ApiError;

// 消込: the merchant's order ledger (a CSV from their cart or accounting software) against a
// statement's payments, by 取引ID, sale and cancel lines netted. Each row gets one status —
// matched, amount differs, not paid, not in the ledger, duplicate — with totals per status, a
// filter, a note and a "resolved" mark per row, and a report. The work is kept as a workspace in
// the console's local database, so it can span days.
class ReconcilePage final : public Page
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(ReconcilePage)

public:
    explicit ReconcilePage(MerchantClient *client, QWidget *parent = nullptr);
    ~ReconcilePage() override;

    void pageShown(bool firstTime) override;
    QList<QAction *> menuActions() const override;

    // Reads the ledger; the mapping given, else the remembered one for its header, else the one
    // its header names, else the user is asked. False (after saying why) when it cannot be used.
    bool openLedger(const QString &path, const std::optional<LedgerMapping> &mapping = std::nullopt);
    void setStatement(const QString &statementId);
    // Reconcile against the payments captured or cleared in this range (Japan time, both ends
    // included) instead of a statement.
    void setDateRange(const QDate &from, const QDate &to);
    // Reconciles the open ledger against the chosen statement (reconciled() when done).
    void reconcile();
    // Opens a saved workspace.
    bool openWorkspace(qint64 id);
    qint64 workspaceId() const { return m_workspaceId; }
    bool exportReportTo(const QString &path);

    ReconcileModel *model() const { return m_model; }
    ReconcileFilterModel *filter() const { return m_filter; }
    ReconcileStore *store();

Q_SIGNALS:
    void reconciled(qint64 workspaceId);
    void statementsLoaded();

private:
    void loadStatements();
    void loadWorkspaces();
    void askLedger();
    void askExport();
    std::optional<LedgerMapping> askMapping(const Ledger &ledger);
    void updateSummary();
    void updateButtons();
    void showError(const QString &text);
    void sideRead(const QList<StatementEntry> &entries, const ApiError &error);

    QPointer<MerchantClient> m_client;
    std::unique_ptr<ReconcileStore> m_store;
    std::optional<Ledger> m_ledger;
    QString m_ledgerPath;
    qint64 m_workspaceId = 0;
    ReconcileModel *m_model;
    ReconcileFilterModel *m_filter;
    StatementLinesReader *m_reader;
    CapturedPaymentsReader *m_captured;
    QRadioButton *m_byStatement;
    QRadioButton *m_byDates;
    DateEdit *m_from;
    DateEdit *m_to;
    QLabel *m_ledgerLabel;
    QPushButton *m_openLedger;
    QComboBox *m_statement;
    QPushButton *m_run;
    QComboBox *m_workspace;
    QPushButton *m_removeWorkspace;
    QLabel *m_summary;
    QComboBox *m_statusFilter;
    QCheckBox *m_hideResolved;
    QTableView *m_view;
    QPushButton *m_export;
    QLabel *m_error;
    QAction *m_openAction;
    QAction *m_exportAction;
};

} // namespace kessai
