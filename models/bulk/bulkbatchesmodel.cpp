#include "bulkbatchesmodel.h"

#include "domain/japantime.h"

#include <QFileInfo>
#include <QFont>
#include <QLocale>

namespace kessai {

BulkBatchesModel::BulkBatchesModel(QObject *parent)
    : QAbstractTableModel(parent)
{
}

BulkBatchesModel::~BulkBatchesModel() = default;

void BulkBatchesModel::reload(const BatchJournal *journal, const QString &merchantId, const QString &loginId)
{
    beginResetModel();
    m_batches = journal ? journal->batches(false, merchantId, loginId) : QList<BatchJournal::Batch>();
    endResetModel();
}

void BulkBatchesModel::setRunning(qint64 batchId, int done, int total)
{
    const qint64 before = m_running;
    m_running = batchId;
    m_runningDone = done;
    m_runningTotal = total;
    for (const qint64 id : {before, batchId}) {
        const int row = rowOfBatch(id);
        if (row >= 0)
            Q_EMIT dataChanged(index(row, 0), index(row, ColumnCount - 1));
    }
}

int BulkBatchesModel::rowOfBatch(qint64 batchId) const
{
    for (int row = 0; row < m_batches.size(); ++row) {
        if (m_batches.at(row).id == batchId)
            return row;
    }
    return -1;
}

std::optional<BatchJournal::Batch> BulkBatchesModel::batchAt(int row) const
{
    if (row < 0 || row >= m_batches.size())
        return std::nullopt;
    return m_batches.at(row);
}

QString BulkBatchesModel::kindText(PaymentAction::Kind kind)
{
    switch (kind) {
    case PaymentAction::Kind::Capture:
        return tr("Capture", "売上");
    case PaymentAction::Kind::Cancel:
        return tr("Cancel", "取消");
    case PaymentAction::Kind::ChangeAmount:
        return tr("Change amount", "金額変更");
    }
    return {};
}

QString BulkBatchesModel::sourceText(const QString &source)
{
    if (source == QLatin1String("selection"))
        return tr("Selected payments");
    if (source.startsWith(QLatin1String("retry:")))
        return tr("Retry of batch %1").arg(source.mid(6));
    if (source.startsWith(QLatin1String("file:")))
        return QFileInfo(filePath(source)).fileName();
    return source;
}

QString BulkBatchesModel::filePath(const QString &source)
{
    if (!source.startsWith(QLatin1String("file:")))
        return {};
    const qsizetype hash = source.lastIndexOf(QLatin1String(" sha256:"));
    return source.mid(5, hash < 0 ? -1 : hash - 5);
}

int BulkBatchesModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_batches.size());
}

int BulkBatchesModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QVariant BulkBatchesModel::data(const QModelIndex &index, int role) const
{
    if (!index.isValid() || index.row() >= m_batches.size())
        return {};
    const BatchJournal::Batch &b = m_batches.at(index.row());
    const bool running = b.id == m_running;
    const QLocale locale;
    switch (role) {
    case Qt::DisplayRole:
        switch (index.column()) {
        case CreatedColumn:
            return JapanTime::format(b.created);
        case KindColumn:
            return kindText(b.kind);
        case SourceColumn:
            return sourceText(b.source);
        case ItemsColumn:
            return locale.toString(b.items);
        case SucceededColumn:
            return locale.toString(b.succeeded);
        case FailedColumn:
            return locale.toString(b.failed);
        case SkippedColumn:
            return locale.toString(b.skipped);
        case StateColumn:
            if (running)
                return tr("Running (%1 / %2)").arg(locale.toString(m_runningDone), locale.toString(m_runningTotal));
            return b.finished ? tr("Finished") : tr("Unfinished");
        }
        return {};
    case Qt::TextAlignmentRole:
        if (index.column() >= ItemsColumn && index.column() <= SkippedColumn)
            return QVariant::fromValue(Qt::AlignRight | Qt::AlignVCenter);
        return {};
    case Qt::FontRole:
        if (!b.finished) {
            QFont bold;
            bold.setBold(true);
            return bold;
        }
        return {};
    case Qt::ToolTipRole:
        if (!b.finished && !running)
            return tr("Not every item has its answer yet. Finish it: the same requests are sent again under the "
                      "same keys, so nothing is done twice.");
        if (index.column() == SourceColumn)
            return filePath(b.source);
        return {};
    case BatchIdRole:
        return b.id;
    case FinishedRole:
        return b.finished;
    }
    return {};
}

QVariant BulkBatchesModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return {};
    switch (section) {
    case CreatedColumn:
        return tr("Created (JST)");
    case KindColumn:
        return tr("Action");
    case SourceColumn:
        return tr("From");
    case ItemsColumn:
        return tr("Items");
    case SucceededColumn:
        return tr("Succeeded");
    case FailedColumn:
        return tr("Failed");
    case SkippedColumn:
        return tr("Skipped");
    case StateColumn:
        return tr("State");
    }
    return {};
}

} // namespace kessai
