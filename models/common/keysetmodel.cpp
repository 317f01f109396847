#include "keysetmodel.h"

#include "api/apireply.h"

#include <QSignalBlocker>

#include <algorithm>

namespace kessai {

namespace {

QList<qint64> sorted(const QSet<qint64> &ids)
{
    QList<qint64> list(ids.cbegin(), ids.cend());
    std::sort(list.begin(), list.end());
    return list;
}

} // namespace

KeysetModel::KeysetModel(QObject *parent)
    : QAbstractTableModel(parent)
    , m_pager(new KeysetPager(this))
    , m_refreshPager(new KeysetPager(this))
{
    const auto page = [this](const QString &cursor, int limit) { return requestPage(cursor, limit); };
    const auto count = [this] { return requestCount(); };
    m_pager->setRequests(page, [this](ApiReply &reply) { return readPage(reply, false); }, count);
    m_refreshPager->setRequests(page, [this](ApiReply &reply) { return readPage(reply, true); }, count);
    connect(m_pager, &KeysetPager::pageRead, this, &KeysetModel::onPageRead);
    connect(m_pager, &KeysetPager::failed, this, &KeysetModel::onFailed);
    connect(m_pager, &KeysetPager::loadingChanged, this, [this](bool loading) {
        if (!m_refreshing)
            Q_EMIT loadingChanged(loading);
    });
    connect(m_refreshPager, &KeysetPager::pageRead, this, &KeysetModel::onRefreshRead);
    connect(m_refreshPager, &KeysetPager::failed, this, &KeysetModel::onFailed);
    for (KeysetPager *pager : {m_pager, m_refreshPager}) {
        connect(pager, &KeysetPager::totalChanged, this, [this](qint64 total) {
            if (total >= 0)
                setTotal(total);
        });
    }
}

KeysetModel::~KeysetModel()
{
    // Nothing is told about requests dropped while the model goes away.
    const QSignalBlocker quietPager(m_pager);
    const QSignalBlocker quietRefresh(m_refreshPager);
    m_pager->stop();
    m_refreshPager->stop();
}

void KeysetModel::setTotal(qint64 total)
{
    if (m_total == total)
        return;
    m_total = total;
    Q_EMIT totalChanged(m_total);
    if (m_allMatching)
        Q_EMIT checkedCountChanged(checkedCount());
}

void KeysetModel::clear()
{
    const bool wasLoading = isLoading();
    {
        QSignalBlocker quiet(m_pager); // one loadingChanged, below
        m_pager->stop();
    }
    m_refreshPager->stop();
    m_refreshing = false;
    beginResetModel();
    clearRows();
    endResetModel();
    setTotal(-1);
    if (wasLoading)
        Q_EMIT loadingChanged(false);
}

void KeysetModel::startWalk()
{
    m_pager->restart(true);
    m_pager->fetch(m_pageSize);
}

void KeysetModel::onPageRead()
{
    appendReadRows();
}

void KeysetModel::onFailed(const ApiError &error)
{
    // The walk ends here: no more fetching until the next search.
    if (m_refreshing) {
        m_refreshing = false;
        QSignalBlocker quiet(m_pager);
        m_pager->resumeAt(m_resumeCursor);
        Q_EMIT loadingChanged(false);
    }
    if (error.kind != ApiError::Kind::Cancelled)
        Q_EMIT errorOccurred(error);
}

void KeysetModel::refresh()
{
    if (m_refreshing)
        return;
    // Stop paging further; the re-read covers as many rows as are loaded now. Should it fail,
    // paging goes on from where it was.
    m_resumeCursor = m_pager->isExhausted() ? QString() : m_pager->cursor();
    {
        QSignalBlocker quiet(m_pager);
        m_pager->stop();
    }
    m_refreshing = true;
    m_refreshTarget = std::max(rowCount(), m_pageSize);
    Q_EMIT loadingChanged(true);
    m_refreshPager->restart(true);
    m_refreshPager->fetch(std::min(1000, m_refreshTarget));
}

void KeysetModel::onRefreshRead()
{
    if (!m_refreshPager->isExhausted() && refreshRowCount() < m_refreshTarget) {
        m_refreshPager->fetch(std::min(1000, m_refreshTarget - refreshRowCount()));
        return;
    }
    m_refreshing = false;
    applyRefresh();
    {
        // Paging goes on from where the re-read ended.
        QSignalBlocker quiet(m_pager);
        m_pager->resumeAt(m_refreshPager->cursor());
    }
    Q_EMIT loadingChanged(false);
    Q_EMIT refreshed();
}

bool KeysetModel::canFetchMore(const QModelIndex &parent) const
{
    return !parent.isValid() && m_pager->isStarted() && !isLoading() && !m_pager->isExhausted();
}

void KeysetModel::fetchMore(const QModelIndex &parent)
{
    if (canFetchMore(parent))
        m_pager->fetch(m_pageSize);
}

void KeysetModel::setCheckedId(qint64 id, bool checked)
{
    if (id == 0 || isCheckedId(id) == checked)
        return;
    if (m_allMatching) {
        if (checked)
            m_excluded.remove(id);
        else
            m_excluded.insert(id);
    } else if (checked) {
        m_checked.insert(id);
    } else {
        m_checked.remove(id);
    }
    const int row = rowOfId(id);
    if (row >= 0)
        Q_EMIT dataChanged(index(row, checkColumn()), index(row, checkColumn()), {Qt::CheckStateRole});
    Q_EMIT checkedCountChanged(checkedCount());
}

void KeysetModel::checkAllMatching()
{
    m_allMatching = true;
    m_excluded.clear();
    m_checked.clear();
    emitAllChecksChanged();
}

void KeysetModel::clearChecks()
{
    m_allMatching = false;
    m_excluded.clear();
    m_checked.clear();
    emitAllChecksChanged();
}

void KeysetModel::emitAllChecksChanged()
{
    if (rowCount() > 0)
        Q_EMIT dataChanged(index(0, checkColumn()), index(rowCount() - 1, checkColumn()), {Qt::CheckStateRole});
    Q_EMIT checkedCountChanged(checkedCount());
}

qint64 KeysetModel::checkedCount() const
{
    if (!m_allMatching)
        return m_checked.size();
    return m_total < 0 ? -1 : std::max<qint64>(0, m_total - m_excluded.size());
}

QList<qint64> KeysetModel::checkedIds() const
{
    return sorted(m_checked);
}

QList<qint64> KeysetModel::excludedIds() const
{
    return sorted(m_excluded);
}

} // namespace kessai
