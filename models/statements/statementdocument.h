#pragma once

#include "api/statement.h"

#include <QString>

class QTextDocument;

namespace kessai {

// The statement as the document an accountant files (支払明細書): a header block with the
// merchant, the period, the closing and payout dates; the table by payment method with its
// totals; the way from the net to the payout. Rendered as a PDF on A4 with the Japanese fonts
// embedded and page numbers, or onto an image to look at.
namespace StatementDocument {

struct Merchant
{
    QString id;   // "M0001"
    QString name; // "デモショップ"
};

// The document's HTML (escaped; amounts as the locale writes yen).
QString html(const Statement &statement, const Merchant &merchant);

// Writes the PDF to path atomically (a temporary file renamed on success); false with *error
// saying why.
bool writePdf(const Statement &statement, const Merchant &merchant, const QString &path, QString *error = nullptr);

// "statement_20261130.pdf"
QString defaultFileName(const Statement &statement);

} // namespace StatementDocument

} // namespace kessai
