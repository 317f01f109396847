#pragma once

#include "csvwriter.h"

#include <QByteArray>
#include <QList>
#include <QString>
#include <QStringList>

namespace kessai {

// One record of a CSV file as read, with the physical line it starts on (a quoted field may hold
// line breaks, so a record can span several lines) and what was wrong with it, if anything.
struct CsvRecord
{
    enum class Problem {
        None,
        StrayQuote,    // a quote inside an unquoted field, or text after a closing quote
        UnclosedQuote, // a quoted field still open at the end of the file
        Undecodable,   // bytes that are not text in the file's encoding
    };

    int line = 0; // 1-based physical line where the record starts
    QStringList fields;
    Problem problem = Problem::None;

    bool isBlank() const; // no field holds anything but spaces (",,,", an empty line)
    // A translated sentence for problem (empty when None).
    QString problemText() const;
};

// Reads RFC 4180 CSV as spreadsheets and order systems write it: fields quoted with '"' ("" for a
// quote inside), commas, records ended by CRLF, LF or CR, line breaks inside quoted fields. The
// encoding is detected: UTF-8 with a BOM, else UTF-8 if the bytes are valid UTF-8, else CP932
// (Shift_JIS as Windows writes it) through ICU's windows-31j — bytes that are not CP932 either
// mark their record Undecodable rather than slipping in as U+FFFD. A broken record is returned
// with its problem, and reading goes on with the next line, so every broken line can be reported.
class CsvReader
{
public:
    explicit CsvReader(const QByteArray &bytes);
    // Skips the detection (the caller knows the encoding).
    CsvReader(const QByteArray &bytes, CsvEncoding encoding);

    static CsvEncoding detectEncoding(const QByteArray &bytes);
    CsvEncoding encoding() const { return m_encoding; }

    bool atEnd() const { return m_pos >= m_text.size(); }
    // The next record; empty lines are skipped (a line of commas is a record, see isBlank()).
    CsvRecord next();
    QList<CsvRecord> readAll();

private:
    void decode(const QByteArray &bytes);
    // After a quote problem: the rest of the physical line is dropped.
    void skipToLineEnd();
    bool atLineBreak() const;
    void takeLineBreak();

    CsvEncoding m_encoding;
    QString m_text;
    qsizetype m_pos = 0;
    int m_line = 1;
};

} // namespace kessai
