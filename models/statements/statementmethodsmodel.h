#pragma once

#include "api/statement.h"

#include <QAbstractTableModel>

namespace kessai {

// One statement's breakdown by payment method (内訳), then its totals line: count and amount of
// sales and cancels, the fee with its rate, the tax on fees and the net.
class StatementMethodsModel final : public QAbstractTableModel
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(StatementMethodsModel)

public:
    enum Column {
        MethodColumn,
        RateColumn,
        SaleCountColumn,
        SaleAmountColumn,
        CancelCountColumn,
        CancelAmountColumn,
        FeeColumn,
        TaxColumn,
        NetColumn,
        ColumnCount
    };
    enum Role {
        TypeCodeRole = Qt::UserRole + 1, // QString, empty on the totals line
        AmountRole,                      // qint64 of a number column
    };

    explicit StatementMethodsModel(QObject *parent = nullptr);

    void setStatement(const Statement &statement);
    void clear();
    const Statement &statement() const { return m_statement; }
    bool isTotalsRow(int row) const { return row == int(m_statement.methods.size()); }

    // "3.25%", "130円", "1.50% + 10円"; the fee rule of a method row.
    static QString rateText(int rateBp, Yen fixedFee);
    // The number of a cell (counts and yen), for display, exports and tests alike.
    static std::optional<qint64> number(const StatementFigures &figures, int column);

    int rowCount(const QModelIndex &parent = QModelIndex()) const override;
    int columnCount(const QModelIndex &parent = QModelIndex()) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;

private:
    Statement m_statement;
    bool m_loaded = false;
};

} // namespace kessai
