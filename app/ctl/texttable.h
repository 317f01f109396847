#pragma once

#include <QList>
#include <QString>
#include <QStringList>

namespace kessai {

// Plain-text table for terminals: columns padded by display width, where CJK characters take
// two cells, so Japanese headers and store names line up.
class TextTable
{
public:
    explicit TextTable(QStringList headers, QList<bool> rightAligned = {});
    void addRow(QStringList cells);
    QString render() const;

    static int displayWidth(const QString &text);

private:
    QStringList m_headers;
    QList<bool> m_right;
    QList<QStringList> m_rows;
};

} // namespace kessai
