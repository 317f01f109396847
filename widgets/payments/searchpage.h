#pragma once

#include "api/paymentquery.h"
#include "common/page.h"
#include "csv/csvwriter.h"
#include "export/tablewriter.h"

#include <QDateTime>

Q_MOC_INCLUDE("export/paymentexporter.h")

class QLabel;
class QPushButton;
class QTableView;

namespace kessai {

class BulkActionBar;
class BulkService;
class MerchantClient;
class SearchConditions;
class PaymentsModel;
class PaymentExporter;
struct ApiError;
struct ExportResult;

// 決済情報照会: filters above, the result table below, loaded page by page as it scrolls.
class SearchPage final : public Page
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(SearchPage)

public:
    // bulk: where 売上 / 取消 of the checked payments go (null: the buttons stay disabled).
    explicit SearchPage(MerchantClient *client, BulkService *bulk = nullptr, QWidget *parent = nullptr);
    ~SearchPage() override;

    PaymentsModel *model() const { return m_model; }
    QTableView *table() const { return m_table; }
    PaymentQuery currentQuery() const;

    // The column layout (order, widths, hidden columns) and the last search, kept across restarts.
    void saveState() const override;
    void restoreState() override;
    // The first time: the newest payments at once.
    void pageShown(bool firstTime) override;
    // Search, refresh (F5), search conditions (Ctrl+F).
    QList<QAction *> menuActions() const override;
    QList<QPair<QString, QString>> keyboardHelp() const override;

public Q_SLOTS:
    void search();
    // Named searches: save the filters on screen under a name, or bring one back and search.
    void saveCurrentSearch(const QString &name);
    bool runSavedSearch(const QString &name);
    void clearFilters();
    void focusFilters();
    // CSV出力 of every payment matching the shown search, without the dialogs (the button asks
    // for path and format, then calls this). Runs on the event loop; exportFinished() tells.
    // options: the header language and the columns chosen in the export dialog.
    void exportTo(const QString &path, kessai::ExportFormat format, const kessai::TableWriter::Options &options = {});
    void exportTo(const QString &path, kessai::CsvEncoding encoding);

Q_SIGNALS:
    void exportFinished(const kessai::ExportResult &result);

protected:
    bool eventFilter(QObject *watched, QEvent *event) override;

private:
    void updateSummary();
    void enterFromFilters();
    void focusResults();
    void openPayment(const QModelIndex &index);
    void followActedPayment();
    void updateStale();
    void updateCheckSummary();
    void showColumnMenu(const QPoint &pos);
    // Column order, widths and visibility as shipped (the column menu's "Reset columns").
    void applyDefaultColumns();
    void applyQuery(const PaymentQuery &query);
    void openSupportLookup();
    void backFromLookup();
    void fillSavedSearchMenu();
    void showError(const ApiError &error);
    void openExport();
    void onExportFinished(const ExportResult &result);

    MerchantClient *m_client = nullptr;
    PaymentsModel *m_model;
    SearchConditions *m_conditions;
    QTableView *m_table;
    QLabel *m_summary;
    QLabel *m_checkSummary;
    QPushButton *m_checkAllButton;
    QPushButton *m_uncheckAllButton;
    QLabel *m_error;
    QLabel *m_note;  // what became of the current row after an action
    QLabel *m_stale; // the conditions on screen are not those of the results
    QPushButton *m_exportButton;
    BulkActionBar *m_bulkBar;
    QList<QAction *> m_menuActions;
    QString m_followId; // the payment acted on, to keep current after the refresh
    int m_followRow = -1;
    QDateTime m_readAt; // when the shown rows were read (UTC)
    // The user's own search, kept aside while "What is this charge?" shows its answer.
    std::optional<PaymentQuery> m_beforeLookup;
    bool m_openLookupHit = false; // the lookup's answer is opened when it is a single payment
    PaymentExporter *m_exporter = nullptr;
};

} // namespace kessai
