#pragma once

#include <QStringView>

namespace kessai {

// A card number typed where none belongs (a customer's or a user's name, an e-mail address, any
// free text the gateway stores): 13 to 19 digits that pass the Luhn check, half- or full-width
// (any Unicode decimal digit), possibly grouped by spaces or hyphens of any width. Whole groups
// that follow each other with only separators between them are tried together, as a number is
// typed in groups ("4111 1111 1111 1111" in "山田 12 4111 1111 1111 1111"); inside one unbroken
// run of more than 19 digits every stretch of 13 to 19 is tried, so a number glued to other
// digits is found too. Shared by the gateway, which refuses such a field, and the
// console, which says so before anything is sent. It says whether, never what: no caller may
// repeat the value.
bool containsCardNumber(QStringView text);

} // namespace kessai
