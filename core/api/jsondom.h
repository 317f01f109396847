#pragma once

// Reading the big JSON answers (a page of payments, an export line, a page of statement lines)
// with simdjson (Debian's libsimdjson-dev 3.0, fuzzed upstream continuously) instead of a parser
// of our own: the whole text is validated (RFC 8259, UTF-8, depth at most 1,024) and parsed into
// simdjson's tape, picked for the CPU at run time (AVX2 or AVX-512 where there is one); the
// readers then take the members they want straight from its UTF-8. For core/'s .cpp files only:
// simdjson's types stay out of every public header.
//
// Why the DOM API and not On-Demand: On-Demand skips the members a reader does not ask for
// without validating them (a later gateway's member holding "[1,]" went through), and in
// simdjson 3.0 it is compiled for one implementation chosen by the compiler flags, which for the
// x86-64 baseline is the scalar one. A page of 200 payments read to rows, three rounds of one
// run: this reader 90-136 us, the hand-written pull reader it replaced 165-258 us (0.41-0.63x);
// bench case 9 sets it beside QJsonDocument in every `./dev bench`.

#include <QByteArrayView>
#include <QString>

#include <simdjson.h>

#include <string_view>

namespace kessai::jsondom {

using simdjson::dom::array;
using simdjson::dom::element;
using simdjson::dom::object;

// Parses one JSON text; the root is valid until the next parse on the same thread (one parser
// and one padded buffer per thread, kept for the next text). An empty error on success.
simdjson::error_code parse(QByteArrayView json, element *root);

inline QByteArrayView viewOf(std::string_view text)
{
    return QByteArrayView(text.data(), qsizetype(text.size()));
}

bool readUtf8(element value, std::string_view *text);
bool readString(element value, QString *text);
bool readInteger(element value, qint64 *number);
// A wire time ("2026-11-20T03:04:05Z", domain/jsonwriter.h) or null (0).
bool readTimeOrNull(element value, qint64 *seconds);
// A decimal id in a string ("100000000000000042", > 0), or null (0).
bool readIdOrNull(element value, qint64 *id);

QString errorText(simdjson::error_code error);

} // namespace kessai::jsondom
