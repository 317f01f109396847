#pragma once

#include "reconcile/ledger.h"

#include <QDialog>

class QComboBox;
class QLabel;
class QPushButton;
class QTableWidget;

namespace kessai {

// Which column of an order ledger holds the 取引ID and which the amount, when its header does not
// say so clearly: both chosen from the header's names (the likeliest preselected), the file's
// first lines shown beneath with the chosen columns marked, and a warning when the amount
// column's first lines are not amounts. OK only for two different columns. The page remembers
// the choice for files with the same header.
class LedgerMappingDialog final : public QDialog
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(LedgerMappingDialog)

public:
    explicit LedgerMappingDialog(const Ledger &ledger, QWidget *parent = nullptr);

    LedgerMapping mapping() const;

private:
    void update();

    QStringList m_header;
    QList<QStringList> m_sample;
    QComboBox *m_tradingId = nullptr;
    QComboBox *m_amount = nullptr;
    QTableWidget *m_preview = nullptr;
    QLabel *m_warning = nullptr;
    QPushButton *m_ok = nullptr;
};

} // namespace kessai
