#pragma once

#include "api/statement.h"
#include "common/page.h"
#include "export/tablewriter.h"

#include <QHash>
#include <QPointer>

class QAction;
class QComboBox;
class QLabel;
class QPushButton;
class QSplitter;
class QTabWidget;
class QTableView;

namespace kessai {

class MerchantClient;
class PayoutChart;
class StatementLinesExporter;
class StatementLinesModel;
class StatementMethodsModel;
class StatementsModel;
struct ApiError;
struct ExportResult;

// 支払明細: the merchant's statements newest first (filtered by payout year); the chosen one's
// breakdown by payment method with the payout arithmetic and a chart of the last payouts; its
// lines filtered by method and kind, each opening its payment; and the exports an accountant
// files (the summary and the lines, CSV or Excel).
class StatementsPage final : public Page
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(StatementsPage)

public:
    explicit StatementsPage(MerchantClient *client, QWidget *parent = nullptr);
    ~StatementsPage() override;

    void pageShown(bool firstTime) override;
    QList<QAction *> menuActions() const override;
    QList<QPair<QString, QString>> keyboardHelp() const override;
    void saveState() const override;
    void restoreState() override;

    // The statement shown below the list (with its methods once they arrived), or nullptr.
    const Statement *shownStatement() const;
    void showStatement(const QString &statementId);
    void setYear(int year); // 0 = every year
    // Filters of the lines tab: a payment type code and a kind ("sale", "cancel"); empty = all.
    void setLineFilter(const QString &type, const QString &kind);

    // The exports, without asking (the buttons ask for the path and format first).
    // options: the header language and the columns chosen (its sheet name is the page's).
    bool exportSummaryTo(const QString &path, ExportFormat format, TableWriter::Options options = {});
    void exportLinesTo(const QString &path, ExportFormat format, TableWriter::Options options = {});
    // 支払明細書 as a PDF (A4, fonts embedded); false (after saying why) if it could not be written.
    bool exportPdfTo(const QString &path);

    StatementsModel *statementsModel() const { return m_statements; }
    StatementMethodsModel *methodsModel() const { return m_methods; }
    StatementLinesModel *linesModel() const { return m_lines; }
    PayoutChart *chart() const { return m_chart; }

Q_SIGNALS:
    void statementShown(const QString &statementId); // its method rows have arrived
    void linesExportFinished(const kessai::ExportResult &result);

private:
    void reload();
    void currentStatementChanged();
    void detailArrived(const Statement &statement);
    void loadLines();
    void updateLinesSummary();
    void updateYears();
    void requestChart();
    void openLine(const QModelIndex &index);
    void askExportSummary();
    void askExportLines();
    void askExportPdf();
    void showError(const ApiError &error);

    QPointer<MerchantClient> m_client;
    StatementsModel *m_statements;
    StatementMethodsModel *m_methods;
    StatementLinesModel *m_lines;
    QComboBox *m_year;
    QPushButton *m_reload;
    QPushButton *m_exportSummary;
    QPushButton *m_exportLines;
    QPushButton *m_exportPdf;
    QSplitter *m_splitter;
    QTableView *m_statementView;
    QLabel *m_heading;
    QTabWidget *m_tabs;
    QTableView *m_methodView;
    QLabel *m_payout;
    PayoutChart *m_chart;
    QComboBox *m_lineType;
    QComboBox *m_lineKind;
    QLabel *m_lineSummary;
    QTableView *m_lineView;
    QLabel *m_error;
    QAction *m_reloadAction;
    QAction *m_exportSummaryAction;
    QAction *m_exportLinesAction;
    QAction *m_exportPdfAction;
    QHash<QString, Statement> m_details; // closed statements never change: kept once read
    QString m_shownId;
    bool m_lineColumnsSized = false; // from the saved layout, or to the first page's contents
    QList<QString> m_chartIds;
    StatementLinesExporter *m_exporter = nullptr;
};

} // namespace kessai
