// The CSV reader behind bulk files and reconciliation imports (core/csv/csvreader): whatever the
// bytes and the encoding, no crash and an end; records start on lines in order; a record read
// without a problem, written back by CsvWriter and read again, has the same fields.

#include "fuzzcheck.h"

#include "csv/csvreader.h"
#include "csv/csvwriter.h"

#include <QBuffer>

#include <cstdint>

using namespace kessai;

namespace {

void readAndCheck(const QByteArray &bytes, CsvReader &reader)
{
    const qsizetype lineBreaks = bytes.count('\n') + bytes.count('\r');
    const QList<CsvRecord> records = reader.readAll();
    KESSAI_FUZZ_CHECK(reader.atEnd());
    int lastLine = 0;
    for (const CsvRecord &record : records) {
        KESSAI_FUZZ_CHECK(!record.fields.isEmpty());
        KESSAI_FUZZ_CHECK(record.line > lastLine);
        KESSAI_FUZZ_CHECK(record.line <= lineBreaks + 1);
        lastLine = record.line;
        KESSAI_FUZZ_CHECK((record.problem == CsvRecord::Problem::None) == record.problemText().isEmpty());
        if (record.problem != CsvRecord::Problem::None)
            continue;
        for (const QString &field : record.fields)
            KESSAI_FUZZ_CHECK(!field.contains(QChar(u'\uFFFD')));
        // One empty field is written as an empty line, which is no record.
        if (record.fields.size() == 1 && record.fields.first().isEmpty())
            continue;

        QByteArray written;
        QBuffer device(&written);
        device.open(QIODevice::WriteOnly);
        CsvWriter writer(&device, CsvOptions{CsvEncoding::Utf8, false, false});
        // A record of its own first, as a U+FEFF at the very start of a file is its BOM.
        KESSAI_FUZZ_CHECK(!writer.writeRow({QStringLiteral("first")}).isError());
        KESSAI_FUZZ_CHECK(!writer.writeRow(record.fields).isError());
        CsvReader again(written, CsvEncoding::Utf8);
        KESSAI_FUZZ_CHECK(again.next().fields == QStringList{QStringLiteral("first")});
        const CsvRecord reread = again.next();
        KESSAI_FUZZ_CHECK(reread.problem == CsvRecord::Problem::None);
        KESSAI_FUZZ_CHECK(reread.fields == record.fields);
        KESSAI_FUZZ_CHECK(again.atEnd());
    }
}

} // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    const QByteArray bytes(reinterpret_cast<const char *>(data), qsizetype(size));

    CsvReader detected(bytes);
    if (detected.encoding() == CsvEncoding::Utf8)
        KESSAI_FUZZ_CHECK(QString::fromUtf8(bytes).toUtf8() == bytes);
    readAndCheck(bytes, detected);

    // The CP932 decoder also sees bytes that the detection would have taken for UTF-8.
    if (detected.encoding() != CsvEncoding::Cp932) {
        CsvReader cp932(bytes, CsvEncoding::Cp932);
        readAndCheck(bytes, cp932);
    }
    return 0;
}
