#pragma once

#include "api/statement.h"

#include <QWidget>

QT_BEGIN_NAMESPACE
class QChart;
class QChartView;
QT_END_NAMESPACE

class QLabel;

namespace kessai {

// The last payouts at a glance (Qt Charts): per statement, the net of each payment method as
// stacked bars, and the sales as a line over them. Statements come newest first (as the list
// shows them) and are drawn oldest to newest, left to right.
class PayoutChart final : public QWidget
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(PayoutChart)

public:
    explicit PayoutChart(QWidget *parent = nullptr);
    ~PayoutChart() override;

    // Statements with their method rows.
    void setStatements(const QList<Statement> &newestFirst);
    int statementCount() const { return m_count; }

private:
    QChartView *m_view;
    QLabel *m_empty;
    int m_count = 0;
};

} // namespace kessai
