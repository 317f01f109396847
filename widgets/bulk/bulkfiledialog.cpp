#include "bulkfiledialog.h"

#include "domain/japantime.h"
#include "domain/money.h"

#include <QCheckBox>
#include <QDialogButtonBox>
#include <QDir>
#include <QFileInfo>
#include <QHeaderView>
#include <QLabel>
#include <QLocale>
#include <QPushButton>
#include <QTreeWidget>
#include <QVBoxLayout>

namespace kessai {

QString BulkFileDialog::encodingText(CsvEncoding encoding)
{
    switch (encoding) {
    case CsvEncoding::Utf8Bom:
        return tr("UTF-8 (with BOM)");
    case CsvEncoding::Utf8:
        return tr("UTF-8");
    case CsvEncoding::Cp932:
        return tr("Shift_JIS (CP932)");
    }
    return {};
}

BulkFileDialog::BulkFileDialog(const BulkFile &file, const QList<BatchJournal::Batch> &earlier, QWidget *parent)
    : QDialog(parent)
    , m_file(file)
    , m_errors(new QTreeWidget)
    , m_exclude(new QCheckBox(tr("&Leave out the broken lines and run the rest")))
    , m_again(new QCheckBox(tr("Run this file &again")))
    , m_confirm(nullptr)
{
    setObjectName(QStringLiteral("bulkFileDialog"));
    setWindowTitle(tr("Bulk file"));
    const QLocale locale;

    auto *headline = new QLabel(tr("%1 — %2").arg(QFileInfo(file.name()).fileName(), encodingText(file.encoding())));
    headline->setToolTip(QDir::toNativeSeparators(file.name()));
    headline->setObjectName(QStringLiteral("headline"));
    QFont bold = headline->font();
    bold.setBold(true);
    headline->setFont(bold);

    const int captures = file.count(PaymentAction::Kind::Capture);
    const int cancels = file.count(PaymentAction::Kind::Cancel);
    int partial = 0;
    Yen partialTotal = 0;
    for (const BulkFileLine &line : file.lines()) {
        if (line.kind == PaymentAction::Kind::Capture && line.amount > 0) {
            ++partial;
            partialTotal += line.amount;
        }
    }
    QStringList preview;
    if (captures > 0)
        preview << (partial > 0 ? tr("Capture (売上): %1 payments — %2 for the amounts given, %3 in total; the rest for "
                                     "their authorized amounts")
                                      .arg(locale.toString(captures), locale.toString(partial),
                                           formatYen(partialTotal, locale))
                                : tr("Capture (売上): %1 payments, each for its authorized amount").arg(locale.toString(captures)));
    if (cancels > 0)
        preview << tr("Cancel (取消): %1 payments").arg(locale.toString(cancels));
    if (preview.isEmpty())
        preview << tr("No line of this file can be sent.");
    auto *summary = new QLabel(preview.join(u'\n'));
    summary->setObjectName(QStringLiteral("summary"));

    // What this file did before: finish, never repeat by accident.
    auto *earlierNote = new QLabel;
    earlierNote->setObjectName(QStringLiteral("earlierNote"));
    earlierNote->setWordWrap(true);
    for (const BatchJournal::Batch &batch : earlier)
        (batch.finished ? m_ranBefore : m_unfinished) = true;
    if (m_unfinished) {
        earlierNote->setText(tr("This file's batch did not finish last time. Running it finishes what is left under the "
                                "same keys: nothing is captured or cancelled twice."));
    } else if (m_ranBefore) {
        const BatchJournal::Batch &last = earlier.first();
        earlierNote->setText(tr("This file already ran as batch %1 on %2 (%3 succeeded, %4 failed). Running it again "
                                "sends every line once more.")
                                 .arg(last.id)
                                 .arg(JapanTime::format(last.created), locale.toString(last.succeeded),
                                      locale.toString(last.failed)));
        earlierNote->setStyleSheet(QStringLiteral("color: #b00020"));
    }
    earlierNote->setVisible(m_unfinished || m_ranBefore);
    m_again->setObjectName(QStringLiteral("againBox"));
    m_again->setVisible(m_ranBefore && !m_unfinished);

    auto *errorNote = new QLabel;
    errorNote->setObjectName(QStringLiteral("errorNote"));
    errorNote->setWordWrap(true);
    errorNote->setText(tr("%n line(s) of this file cannot be sent. Fix the file and open it again, or leave those "
                          "lines out.",
                          nullptr, int(file.errors().size())));
    errorNote->setStyleSheet(QStringLiteral("color: #b00020"));
    m_errors->setObjectName(QStringLiteral("errorList"));
    m_errors->setRootIsDecorated(false);
    m_errors->setUniformRowHeights(true);
    m_errors->setHeaderLabels({tr("Line"), tr("What is wrong")});
    for (const BulkFileError &error : file.errors()) {
        auto *row = new QTreeWidgetItem(m_errors, {error.line > 0 ? locale.toString(error.line) : tr("File"), error.message});
        row->setTextAlignment(0, Qt::AlignRight | Qt::AlignVCenter);
        row->setToolTip(1, error.message);
    }
    m_errors->header()->setSectionResizeMode(0, QHeaderView::ResizeToContents);
    m_exclude->setObjectName(QStringLiteral("excludeBox"));
    const bool broken = !file.errors().isEmpty();
    // A file-wide problem (no header, unreadable) leaves nothing to run.
    const bool fileWide = std::any_of(file.errors().cbegin(), file.errors().cend(),
                                      [](const BulkFileError &e) { return e.line == 0; });
    errorNote->setVisible(broken);
    m_errors->setVisible(broken);
    m_canExclude = broken && !fileWide && !file.lines().isEmpty();
    m_exclude->setVisible(m_canExclude);

    auto *buttons = new QDialogButtonBox;
    m_confirm = buttons->addButton(QString(), QDialogButtonBox::AcceptRole);
    m_confirm->setObjectName(QStringLiteral("confirmButton"));
    m_confirm->setAutoDefault(false);
    QPushButton *back = buttons->addButton(tr("&Back", "leave without doing the action"), QDialogButtonBox::RejectRole);
    back->setObjectName(QStringLiteral("backButton"));
    back->setDefault(true);
    connect(buttons, &QDialogButtonBox::accepted, this, &QDialog::accept);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    connect(m_exclude, &QCheckBox::toggled, this, &BulkFileDialog::update);
    connect(m_again, &QCheckBox::toggled, this, &BulkFileDialog::update);

    auto *layout = new QVBoxLayout(this);
    layout->addWidget(headline);
    layout->addWidget(summary);
    layout->addWidget(earlierNote);
    layout->addWidget(m_again);
    layout->addWidget(errorNote);
    layout->addWidget(m_errors, 1);
    layout->addWidget(m_exclude);
    if (!broken)
        layout->addStretch(1);
    layout->addWidget(buttons);
    resize(720, broken ? 480 : 280);
    update();
}

void BulkFileDialog::update()
{
    const int count = int(m_file.lines().size());
    const QString n = QLocale().toString(count);
    const int captures = m_file.count(PaymentAction::Kind::Capture);
    if (m_unfinished)
        m_confirm->setText(tr("Finish the batch"));
    else if (captures == count)
        m_confirm->setText(tr("Capture %1 payments", "bulk capture button: 3,000件を売上確定する").arg(n));
    else if (captures == 0)
        m_confirm->setText(tr("Cancel %1 payments", "bulk cancel button: 3,000件を取消する").arg(n));
    else
        m_confirm->setText(tr("Process %1 payments", "capture and cancel lines: 3,000件を処理する").arg(n));
    // An unfinished batch of these bytes was confirmed once already: it is finished as it was.
    const bool clean = m_unfinished || m_file.errors().isEmpty() || (m_canExclude && m_exclude->isChecked());
    const bool allowed = m_unfinished || !m_ranBefore || m_again->isChecked();
    m_confirm->setEnabled(count > 0 && clean && allowed);
}

} // namespace kessai
