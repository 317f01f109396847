#pragma once

#include "api/apierror.h"
#include "api/keysetpager.h"

#include <QAbstractTableModel>
#include <QHash>
#include <QList>
#include <QSet>

#include <optional>
#include <vector>

namespace kessai {

class ApiReply;

// The base of every table that pages through the gateway (search results, statement lines,
// users, audit log): rows fetched lazily as the view scrolls through one KeysetPager, the total
// beside them, refresh() that reads the loaded rows again and merges them in place (no reset:
// checks, selection and scroll position stay), errors as a signal, and check marks by row
// identity — "all matching" (全件チェック) included. A table adds its rows, columns and roles.
class KeysetModel : public QAbstractTableModel
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(KeysetModel)

public:
    ~KeysetModel() override;

    void setPageSize(int rows) { m_pageSize = rows; }
    int pageSize() const { return m_pageSize; }

    bool isStarted() const { return m_pager->isStarted(); }
    bool isLoading() const { return m_pager->isLoading() || m_refreshing; }
    bool isExhausted() const { return m_pager->isExhausted() && !m_refreshing; }
    // -1 while the count has not arrived.
    qint64 total() const { return m_total; }

    // Drops the rows and any request in flight.
    void clear();
    // Reads the loaded rows again and merges them in place.
    void refresh();

    // Check marks by row identity. With "all matching" every row the walk would read counts as
    // checked, loaded or not, less the ones unchecked since.
    bool isCheckedId(qint64 id) const { return m_allMatching ? !m_excluded.contains(id) : m_checked.contains(id); }
    void setCheckedId(qint64 id, bool checked);
    void checkAllMatching();
    void clearChecks();
    bool isAllMatchingChecked() const { return m_allMatching; }
    // -1 when all matching are checked and the total is not known yet.
    qint64 checkedCount() const;
    QList<qint64> checkedIds() const;  // explicit checks (without all matching), ascending
    QList<qint64> excludedIds() const; // unchecked after all matching, ascending

    bool canFetchMore(const QModelIndex &parent) const override;
    void fetchMore(const QModelIndex &parent) override;

Q_SIGNALS:
    void totalChanged(qint64 total);
    void loadingChanged(bool loading);
    void checkedCountChanged(qint64 count);
    void pageLoaded(int rowsAdded);
    void refreshed();
    void errorOccurred(const kessai::ApiError &error);

protected:
    explicit KeysetModel(QObject *parent = nullptr);

    // A new walk from the first page, with its count (after the table has set what to read).
    void startWalk();

    // What a table tells the base.
    virtual ApiReply *requestPage(const QString &cursor, int limit) = 0;
    virtual ApiReply *requestCount() { return nullptr; }
    // Reads a page's rows aside (for the end of the list, or for the re-read of refresh()) and
    // returns the next cursor; nullopt when the answer cannot be read (mark the reply malformed).
    virtual std::optional<QString> readPage(ApiReply &reply, bool refreshing) = 0;
    // Inserts the rows read aside for the end of the list (appendRows does it).
    virtual void appendReadRows() = 0;
    // How many rows the re-read holds so far, and applying it (mergeRows does it).
    virtual int refreshRowCount() const = 0;
    virtual void applyRefresh() = 0;
    // Forgets every row; called between beginResetModel and endResetModel.
    virtual void clearRows() = 0;
    // The row showing this identity, or -1; and the column holding the check box.
    virtual int rowOfId(qint64 id) const = 0;
    virtual int checkColumn() const { return 0; }

    // Appends fresh rows (skipping identities already shown).
    template<class Row, class IdOf>
    int appendRows(std::vector<Row> &rows, QHash<qint64, int> &rowOfIdHash, std::vector<Row> fresh, IdOf idOf)
    {
        std::erase_if(fresh, [&](const Row &row) { return rowOfIdHash.contains(idOf(row)); });
        if (fresh.empty())
            return 0;
        const int first = int(rows.size());
        beginInsertRows(QModelIndex(), first, first + int(fresh.size()) - 1);
        for (Row &row : fresh) {
            rowOfIdHash.insert(idOf(row), int(rows.size()));
            rows.push_back(std::move(row));
        }
        endInsertRows();
        return int(fresh.size());
    }

    // Applies a re-read of the loaded rows without a reset: rows that stay keep their persistent
    // indexes (the view's selection, current row and scroll position follow them by identity).
    template<class Row, class IdOf>
    void mergeRows(std::vector<Row> &rows, QHash<qint64, int> &rowOfIdHash, std::vector<Row> fresh, IdOf idOf)
    {
        QSet<qint64> seen;
        std::erase_if(fresh, [&](const Row &row) {
            const qint64 id = idOf(row);
            if (seen.contains(id))
                return true;
            seen.insert(id);
            return false;
        });
        const int newCount = int(fresh.size());
        if (newCount < int(rows.size())) {
            beginRemoveRows(QModelIndex(), newCount, int(rows.size()) - 1);
            rows.resize(size_t(newCount));
            endRemoveRows();
        }
        const int common = int(rows.size());
        QHash<qint64, int> newRowOfId;
        newRowOfId.reserve(newCount);
        for (int i = 0; i < newCount; ++i)
            newRowOfId.insert(idOf(fresh[size_t(i)]), i);

        Q_EMIT layoutAboutToBeChanged({}, QAbstractItemModel::VerticalSortHint);
        const QModelIndexList from = persistentIndexList();
        QModelIndexList to;
        to.reserve(from.size());
        for (const QModelIndex &index : from) {
            const int row = newRowOfId.value(idOf(rows[size_t(index.row())]), -1);
            to.append(row >= 0 && row < common ? createIndex(row, index.column()) : QModelIndex());
        }
        for (int i = 0; i < common; ++i)
            rows[size_t(i)] = fresh[size_t(i)];
        changePersistentIndexList(from, to);
        Q_EMIT layoutChanged({}, QAbstractItemModel::VerticalSortHint);

        if (newCount > common) {
            beginInsertRows(QModelIndex(), common, newCount - 1);
            for (int i = common; i < newCount; ++i)
                rows.push_back(std::move(fresh[size_t(i)]));
            endInsertRows();
        }
        rowOfIdHash = std::move(newRowOfId);
    }

private:
    void onPageRead();
    void onRefreshRead();
    void onFailed(const ApiError &error);
    void setTotal(qint64 total);
    void emitAllChecksChanged();

    KeysetPager *m_pager;        // the rows shown, page by page as the view scrolls
    KeysetPager *m_refreshPager; // re-reads the loaded rows for refresh()
    qint64 m_total = -1;
    int m_pageSize = 200;
    int m_refreshTarget = 0;
    QString m_resumeCursor; // where paging goes on if a refresh fails
    bool m_refreshing = false;
    QSet<qint64> m_checked;  // without m_allMatching
    QSet<qint64> m_excluded; // with m_allMatching
    bool m_allMatching = false;
};

} // namespace kessai
