#pragma once

#include "common/page.h"
#include "export/paymentexporter.h" // ExportResult
#include "export/tablewriter.h"

#include <QPointer>

class QComboBox;
class QLabel;
class QLineEdit;
class QPushButton;
class QTableView;

namespace kessai {

class AuditExporter;
class AuditModel;
class DateEdit;
class MerchantClient;
struct AuditQuery;

// 操作ログ: who did what, when, to which payment, user or statement, and with what result —
// filtered by user, action, result, what it was about (決済ID, 取引ID, login ID) and days (Japan
// time), newest first, paged like every list; exported whole through the export engine.
class AuditPage final : public Page
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(AuditPage)

public:
    explicit AuditPage(MerchantClient *client, QWidget *parent = nullptr);
    ~AuditPage() override;

    void pageShown(bool firstTime) override;
    QList<QAction *> menuActions() const override;

    void search(const AuditQuery &query);
    AuditQuery currentQuery() const;
    AuditModel *model() const { return m_model; }

    // Every entry the current filters find (not only the rows loaded) to a file; exportTo is
    // what the Export dialog calls (tests call it directly).
    void askExport();
    void exportTo(const QString &path, ExportFormat format, TableWriter::Options options = {});

Q_SIGNALS:
    void exportFinished(const kessai::ExportResult &result);

private:
    void searchFromFilters();
    void showEntry(const QModelIndex &index);
    void updateSummary();

    QPointer<MerchantClient> m_client;
    AuditModel *m_model;
    QLineEdit *m_loginId;
    QLineEdit *m_target;
    QComboBox *m_action;
    QComboBox *m_result;
    DateEdit *m_from;
    DateEdit *m_to;
    QPushButton *m_search;
    QTableView *m_view;
    QLabel *m_summary;
    QAction *m_reloadAction;
    QAction *m_exportAction;
    AuditExporter *m_exporter = nullptr;
};

} // namespace kessai
