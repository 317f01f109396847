#include "statementdocument.h"

#include "domain/japantime.h"
#include "domain/paymentcatalog.h"
#include "statements/statementmethodsmodel.h"

#include <QCoreApplication>
#include <QFileInfo>
#include <QLocale>
#include <QPageLayout>
#include <QPageSize>
#include <QPdfWriter>
#include <QSaveFile>
#include <QTextDocument>

namespace kessai {

namespace {

QString tr(const char *text, const char *comment = nullptr, int n = -1)
{
    return QCoreApplication::translate("kessai::StatementDocument", text, comment, n);
}

QString date(const QDate &d)
{
    return d.toString(QStringLiteral("yyyy/MM/dd"));
}

} // namespace

QString StatementDocument::html(const Statement &s, const Merchant &merchant)
{
    const QLocale locale;
    const auto yen = [&locale](Yen amount) { return formatYen(amount, locale).toHtmlEscaped(); };
    const auto count = [&locale](qint64 n) { return locale.toString(n).toHtmlEscaped(); };
    const auto esc = [](const QString &text) { return text.toHtmlEscaped(); };

    QString h;
    h += QStringLiteral("<html><head><style>"
                        "body { font-size: 9.5pt; }"
                        "h1 { font-size: 16pt; text-align: center; margin-bottom: 12px; }"
                        "table.grid { border-collapse: collapse; }"
                        "table.grid th { background: #e8e8e8; border: 1px solid #888; padding: 3px 5px; font-weight: normal; white-space: nowrap; }"
                        "table.grid td { border: 1px solid #888; padding: 3px 5px; }"
                        "td.n { text-align: right; white-space: nowrap; }"
                        "tr.total td { font-weight: bold; background: #f4f4f4; }"
                        "</style></head><body>");
    h += QStringLiteral("<h1>%1</h1>").arg(esc(tr("Settlement statement")));
    // The header block: who, which period, when paid.
    h += QStringLiteral("<table width=\"100%\"><tr><td width=\"55%\" valign=\"top\">");
    h += QStringLiteral("<p><b>%1</b><br/>%2</p>")
             .arg(esc(merchant.name), esc(tr("Merchant ID: %1").arg(merchant.id)));
    h += QStringLiteral("</td><td valign=\"top\"><table class=\"grid\" width=\"100%\">");
    const auto headerRow = [&esc](const QString &label, const QString &value) {
        return QStringLiteral("<tr><th align=\"left\">%1</th><td>%2</td></tr>").arg(esc(label), esc(value));
    };
    h += headerRow(tr("Statement number"), s.id);
    h += headerRow(tr("Period"), tr("%1 – %2", "statement period").arg(date(s.periodStart), date(s.closingDate)));
    h += headerRow(tr("Closing date"), date(s.closingDate));
    h += headerRow(tr("Payout date"), date(s.payoutDate));
    h += QStringLiteral("</table></td></tr></table>");

    h += QStringLiteral("<p style=\"font-size: 13pt; margin-top: 14px;\">%1&nbsp;&nbsp;<b>%2</b></p>")
             .arg(esc(tr("Payout amount")), yen(s.payout));

    // By payment method, then the totals.
    h += QStringLiteral("<h3>%1</h3>").arg(esc(tr("By payment method")));
    h += QStringLiteral("<table class=\"grid\" width=\"100%\"><tr>");
    for (const char *column : {QT_TRANSLATE_NOOP("kessai::StatementDocument", "Payment method"),
                               QT_TRANSLATE_NOOP("kessai::StatementDocument", "Fee rate"),
                               QT_TRANSLATE_NOOP("kessai::StatementDocument", "Sales (count)"),
                               QT_TRANSLATE_NOOP("kessai::StatementDocument", "Sales"),
                               QT_TRANSLATE_NOOP("kessai::StatementDocument", "Cancels (count)"),
                               QT_TRANSLATE_NOOP("kessai::StatementDocument", "Cancels"),
                               QT_TRANSLATE_NOOP("kessai::StatementDocument", "Fees"),
                               QT_TRANSLATE_NOOP("kessai::StatementDocument", "Tax on fees"),
                               QT_TRANSLATE_NOOP("kessai::StatementDocument", "Net")})
        h += QStringLiteral("<th>%1</th>").arg(esc(tr(column)));
    h += QStringLiteral("</tr>");
    const auto figureCells = [&](const StatementFigures &f) {
        return QStringLiteral("<td class=\"n\">%1</td><td class=\"n\">%2</td><td class=\"n\">%3</td><td class=\"n\">%4</td>"
                              "<td class=\"n\">%5</td><td class=\"n\">%6</td><td class=\"n\">%7</td>")
            .arg(count(f.saleCount), yen(f.saleAmount), count(f.cancelCount), yen(f.cancelAmount), yen(f.fee), yen(f.tax),
                 yen(f.net));
    };
    for (const StatementMethod &method : s.methods) {
        h += QStringLiteral("<tr><td>%1</td><td class=\"n\">%2</td>%3</tr>")
                 .arg(esc(PaymentCatalog::typeLabel(method.type)),
                      esc(StatementMethodsModel::rateText(method.rateBp, method.fixedFee)), figureCells(method.figures));
    }
    h += QStringLiteral("<tr class=\"total\"><td>%1</td><td></td>%2</tr></table>")
             .arg(esc(tr("Total")), figureCells(s.figures));
    if (s.methods.isEmpty())
        h += QStringLiteral("<p>%1</p>").arg(esc(tr("No sales or cancels in this period.")));

    // From the net to the payout.
    h += QStringLiteral("<h3>%1</h3>").arg(esc(tr("Payout")));
    h += QStringLiteral("<table class=\"grid\" width=\"55%\">");
    const auto payoutRow = [&](const QString &label, Yen amount, bool total = false) {
        return QStringLiteral("<tr%1><td>%2</td><td class=\"n\">%3</td></tr>")
            .arg(total ? QStringLiteral(" class=\"total\"") : QString(), esc(label), yen(amount));
    };
    h += payoutRow(tr("Sales"), s.figures.saleAmount);
    h += payoutRow(tr("Cancels"), -s.figures.cancelAmount);
    h += payoutRow(tr("Fees"), -s.figures.fee);
    h += payoutRow(tr("Consumption tax on fees (10%)"), -s.figures.tax);
    h += payoutRow(tr("Net"), s.figures.net, true);
    h += payoutRow(tr("Carried in from the previous statement"), s.carryIn);
    h += payoutRow(tr("Transfer fee"), -s.transferFee);
    h += payoutRow(tr("Carried over to the next statement"), -s.carryOut);
    h += payoutRow(tr("Payout amount"), s.payout, true);
    h += QStringLiteral("</table>");
    if (s.payout == 0 && s.carryOut != 0)
        h += QStringLiteral("<p>%1</p>")
                 .arg(esc(tr("Nothing is paid out for this period: the balance is carried over to the next statement.")));
    h += QStringLiteral("<p style=\"color: #555; margin-top: 16px;\">%1</p>")
             .arg(esc(tr("Consumption tax is rounded down once per statement. %Ln line(s). Closed %1 (Japan time).", nullptr,
                         int(s.lineCount))
                          .arg(JapanTime::format(s.closedAt))));
    h += QStringLiteral("</body></html>");
    return h;
}

bool StatementDocument::writePdf(const Statement &statement, const Merchant &merchant, const QString &path, QString *error)
{
    QSaveFile file(path);
    if (!file.open(QIODevice::WriteOnly)) {
        if (error)
            *error = file.errorString();
        return false;
    }
    {
        QPdfWriter pdf(&file);
        pdf.setPageLayout(QPageLayout(QPageSize(QPageSize::A4), QPageLayout::Portrait, QMarginsF(15, 15, 15, 15),
                                      QPageLayout::Millimeter));
        pdf.setResolution(300);
        pdf.setTitle(tr("Settlement statement %1").arg(date(statement.payoutDate)));
        pdf.setCreator(QStringLiteral("Kessai"));
        QTextDocument document;
        document.setHtml(html(statement, merchant));
        // Not paginated by us: print() breaks it into A4 pages and numbers them at the bottom.
        document.print(&pdf);
    }
    if (!file.commit()) {
        if (error)
            *error = file.errorString();
        return false;
    }
    return true;
}

QString StatementDocument::defaultFileName(const Statement &statement)
{
    return QStringLiteral("statement_%1.pdf").arg(statement.payoutDate.toString(QStringLiteral("yyyyMMdd")));
}

} // namespace kessai
