#pragma once

#include "bulk/bulkfile.h"
#include "journal/batchjournal.h"

#include <QDialog>

class QCheckBox;
class QLabel;
class QPushButton;
class QTreeWidget;

namespace kessai {

// ファイル処理: what a bulk file will do before anything is sent — the file, its encoding, how
// many captures and cancels, every broken line with its number and why, and what became of this
// same file before (a batch left unfinished is finished, not sent again; one that ran needs an
// explicit "run it again"). Nothing can be confirmed while broken lines remain, unless the user
// chooses to leave them out. Back is the default; the button says how many payments.
class BulkFileDialog final : public QDialog
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(BulkFileDialog)

public:
    // earlier: this user's batches made from the same bytes, newest first.
    BulkFileDialog(const BulkFile &file, const QList<BatchJournal::Batch> &earlier, QWidget *parent = nullptr);

    QPushButton *confirmButton() const { return m_confirm; }
    QTreeWidget *errorList() const { return m_errors; }
    QCheckBox *excludeBox() const { return m_exclude; }
    QCheckBox *againBox() const { return m_again; }

    static QString encodingText(CsvEncoding encoding);

private:
    void update();

    const BulkFile &m_file;
    bool m_unfinished = false;
    bool m_ranBefore = false;
    bool m_canExclude = false;
    QTreeWidget *m_errors;
    QCheckBox *m_exclude;
    QCheckBox *m_again;
    QPushButton *m_confirm;
};

} // namespace kessai
