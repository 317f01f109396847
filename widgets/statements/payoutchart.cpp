#include "payoutchart.h"

#include "domain/paymentcatalog.h"

#include <QBarCategoryAxis>
#include <QBarSet>
#include <QChart>
#include <QChartView>
#include <QLabel>
#include <QLineSeries>
#include <QLocale>
#include <QMap>
#include <QPointer>
#include <QStackedBarSeries>
#include <QStackedLayout>
#include <QValueAxis>

namespace kessai {

PayoutChart::PayoutChart(QWidget *parent)
    : QWidget(parent)
    , m_view(new QChartView)
    , m_empty(new QLabel(tr("No statements to chart yet.")))
{
    setObjectName(QStringLiteral("payoutChart"));
    m_view->setRenderHint(QPainter::Antialiasing);
    m_view->setMinimumSize(320, 220);
    m_empty->setAlignment(Qt::AlignCenter);
    auto *layout = new QStackedLayout(this);
    layout->addWidget(m_empty);
    layout->addWidget(m_view);
    // QChartView comes with a chart of its own; setChart() would orphan it.
    m_view->chart()->legend()->setAlignment(Qt::AlignBottom);
}

PayoutChart::~PayoutChart()
{
    // setChart() hands the chart to the view's scene; should one ever be left without a scene,
    // delete it after the view (the QPointer knows whether the scene already did).
    const QPointer<QChart> chart = m_view->chart();
    delete m_view;
    delete chart.data();
}

void PayoutChart::setStatements(const QList<Statement> &newestFirst)
{
    m_count = int(newestFirst.size());
    auto *layout = static_cast<QStackedLayout *>(this->layout());
    layout->setCurrentWidget(newestFirst.isEmpty() ? static_cast<QWidget *>(m_empty) : m_view);

    auto *chart = new QChart;
    chart->setTitle(tr("Last %n payouts (payout date): net by payment method, and sales", nullptr, m_count));
    chart->legend()->setAlignment(Qt::AlignBottom);
    chart->setAnimationOptions(QChart::NoAnimation);

    QStringList categories;
    QMap<QString, QList<qreal>> netByType; // type code → per statement, oldest first
    for (qsizetype i = newestFirst.size() - 1; i >= 0; --i) {
        for (const StatementMethod &method : newestFirst.at(i).methods)
            netByType.insert(method.type, {});
    }
    auto *sales = new QLineSeries;
    sales->setName(tr("Sales"));
    qreal top = 0;
    qreal bottom = 0;
    for (qsizetype i = newestFirst.size() - 1; i >= 0; --i) {
        const Statement &s = newestFirst.at(i);
        categories.append(s.payoutDate.toString(QStringLiteral("M/d")));
        qreal positive = 0;
        qreal negative = 0;
        for (auto it = netByType.begin(); it != netByType.end(); ++it) {
            Yen net = 0;
            for (const StatementMethod &method : s.methods) {
                if (method.type == it.key())
                    net = method.figures.net;
            }
            it.value().append(qreal(net) / 1000);
            (net >= 0 ? positive : negative) += qreal(net) / 1000;
        }
        sales->append(qreal(categories.size() - 1), qreal(s.figures.saleAmount) / 1000);
        top = std::max({top, positive, qreal(s.figures.saleAmount) / 1000});
        bottom = std::min(bottom, negative);
    }

    auto *bars = new QStackedBarSeries;
    for (auto it = netByType.cbegin(); it != netByType.cend(); ++it) {
        auto *set = new QBarSet(tr("Net: %1").arg(PaymentCatalog::typeLabel(it.key())));
        for (qreal value : it.value())
            set->append(value);
        bars->append(set);
    }
    chart->addSeries(bars);
    chart->addSeries(sales);

    auto *x = new QBarCategoryAxis;
    x->append(categories);
    chart->addAxis(x, Qt::AlignBottom);
    auto *y = new QValueAxis;
    // In thousands of yen (千円), as Japanese business charts count.
    y->setRange(bottom, top > 0 ? top * 1.05 : 1);
    y->applyNiceNumbers();
    y->setLabelFormat(QStringLiteral("%.0f"));
    y->setTitleText(tr("Thousand yen"));
    chart->addAxis(y, Qt::AlignLeft);
    for (QAbstractSeries *series : chart->series()) {
        series->attachAxis(x);
        series->attachAxis(y);
    }
    QChart *old = m_view->chart();
    m_view->setChart(chart);
    delete old;
}

} // namespace kessai
