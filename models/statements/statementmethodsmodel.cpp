#include "statementmethodsmodel.h"

#include "domain/paymentcatalog.h"

#include <QFont>
#include <QLocale>

namespace kessai {

StatementMethodsModel::StatementMethodsModel(QObject *parent)
    : QAbstractTableModel(parent)
{
}

void StatementMethodsModel::setStatement(const Statement &statement)
{
    beginResetModel();
    m_statement = statement;
    m_loaded = true;
    endResetModel();
}

void StatementMethodsModel::clear()
{
    beginResetModel();
    m_statement = Statement();
    m_loaded = false;
    endResetModel();
}

QString StatementMethodsModel::rateText(int rateBp, Yen fixedFee)
{
    const QLocale locale;
    const QString rate = locale.toString(rateBp / 100.0, 'f', 2) + u'%';
    if (fixedFee == 0)
        return rate;
    if (rateBp == 0)
        return formatYen(fixedFee, locale);
    return tr("%1 + %2", "fee rule: rate + fixed fee").arg(rate, formatYen(fixedFee, locale));
}

std::optional<qint64> StatementMethodsModel::number(const StatementFigures &f, int column)
{
    switch (column) {
    case SaleCountColumn:
        return f.saleCount;
    case SaleAmountColumn:
        return f.saleAmount;
    case CancelCountColumn:
        return f.cancelCount;
    case CancelAmountColumn:
        return f.cancelAmount;
    case FeeColumn:
        return f.fee;
    case TaxColumn:
        return f.tax;
    case NetColumn:
        return f.net;
    default:
        return std::nullopt;
    }
}

int StatementMethodsModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() || !m_loaded ? 0 : int(m_statement.methods.size()) + 1;
}

int StatementMethodsModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QVariant StatementMethodsModel::data(const QModelIndex &index, int role) const
{
    if (!m_loaded || index.row() < 0 || index.row() >= rowCount() || index.column() < 0 || index.column() >= ColumnCount)
        return {};
    const bool totals = isTotalsRow(index.row());
    const StatementMethod *method = totals ? nullptr : &m_statement.methods.at(index.row());
    const StatementFigures &figures = totals ? m_statement.figures : method->figures;
    const std::optional<qint64> value = number(figures, index.column());
    const bool isCount = index.column() == SaleCountColumn || index.column() == CancelCountColumn;
    switch (role) {
    case Qt::DisplayRole:
        if (index.column() == MethodColumn)
            return totals ? tr("Total") : PaymentCatalog::typeLabel(method->type);
        if (index.column() == RateColumn)
            return totals ? QString() : rateText(method->rateBp, method->fixedFee);
        if (!value)
            return {};
        return isCount ? QLocale().toString(*value) : formatYen(*value, QLocale());
    case Qt::TextAlignmentRole:
        if (index.column() >= RateColumn)
            return QVariant::fromValue(Qt::AlignRight | Qt::AlignVCenter);
        return {};
    case Qt::FontRole:
        if (totals) {
            QFont font;
            font.setBold(true);
            return font;
        }
        return {};
    case TypeCodeRole:
        return totals ? QString() : method->type;
    case AmountRole:
        return value ? QVariant::fromValue<qint64>(*value) : QVariant();
    default:
        return {};
    }
}

QVariant StatementMethodsModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return {};
    switch (section) {
    case MethodColumn:
        return tr("Payment method");
    case RateColumn:
        return tr("Fee rate");
    case SaleCountColumn:
        return tr("Sales (count)");
    case SaleAmountColumn:
        return tr("Sales");
    case CancelCountColumn:
        return tr("Cancels (count)");
    case CancelAmountColumn:
        return tr("Cancels");
    case FeeColumn:
        return tr("Fees");
    case TaxColumn:
        return tr("Tax on fees");
    case NetColumn:
        return tr("Net");
    default:
        return {};
    }
}

} // namespace kessai
