#pragma once

#include "common/result.h"

#include <QSqlDatabase>

namespace kessai::gateway {

// A write transaction that takes the write lock up front, so that two writers never deadlock on
// a lock upgrade and a read-then-write inside it sees no other writer's commit in between:
// BEGIN IMMEDIATE on SQLite; on PostgreSQL a READ COMMITTED transaction that first takes one
// transaction-scoped advisory lock (per database), the same one-writer-at-a-time rule.
// Rolled back unless committed.
class Transaction
{
public:
    explicit Transaction(QSqlDatabase db);
    ~Transaction();
    Transaction(const Transaction &) = delete;
    Transaction &operator=(const Transaction &) = delete;

    Result<void> begin();
    Result<void> commit();

private:
    QSqlDatabase m_db;
    bool m_active = false;
};

} // namespace kessai::gateway
