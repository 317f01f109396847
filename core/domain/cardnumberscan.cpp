#include "cardnumberscan.h"

#include <QChar>
#include <QList>

#include <algorithm>

namespace kessai {

namespace {

constexpr qsizetype MinDigits = 13;
constexpr qsizetype MaxDigits = 19;

// What people put between the groups of a card number: spaces of any width (ASCII, no-break,
// ideographic, line breaks), hyphens and dashes of any width, the minus sign, and the long vowel
// marks (ー, ｰ) Japanese input often gives for a hyphen.
bool isSeparator(char32_t c)
{
    return QChar::isSpace(c) || QChar::category(c) == QChar::Punctuation_Dash || c == U'\u2212' || c == U'\u30FC'
           || c == U'\uFF70';
}

bool luhnValid(const int *digits, qsizetype count)
{
    int sum = 0;
    for (qsizetype i = 0; i < count; ++i) {
        int digit = digits[count - 1 - i];
        if (i % 2 == 1) {
            digit *= 2;
            if (digit > 9)
                digit -= 9;
        }
        sum += digit;
    }
    return sum % 10 == 0;
}

// One run of digit groups with only separators between them.
class Run
{
public:
    void addDigit(int digit, bool newGroup)
    {
        if (newGroup || m_groupStarts.isEmpty())
            m_groupStarts.append(m_digits.size());
        m_digits.append(digit);
    }
    bool isEmpty() const { return m_digits.isEmpty(); }
    void clear()
    {
        m_digits.clear();
        m_groupStarts.clear();
    }

    bool holdsCardNumber() const
    {
        const qsizetype groups = m_groupStarts.size();
        for (qsizetype first = 0; first < groups; ++first) {
            const qsizetype start = m_groupStarts.at(first);
            // Whole groups one after the other: "4111 1111 1111 1111", "3782-822463-10005".
            for (qsizetype last = first; last < groups; ++last) {
                const qsizetype length = end(last) - start;
                if (length > MaxDigits)
                    break;
                if (length >= MinDigits && luhnValid(m_digits.constData() + start, length))
                    return true;
            }
            // Inside one group longer than a card number: every stretch, for a number glued to
            // other digits.
            const qsizetype size = end(first) - start;
            if (size <= MaxDigits)
                continue;
            for (qsizetype length = MinDigits; length <= std::min(size, MaxDigits); ++length) {
                for (qsizetype offset = 0; offset + length <= size; ++offset) {
                    if (luhnValid(m_digits.constData() + start + offset, length))
                        return true;
                }
            }
        }
        return false;
    }

private:
    qsizetype end(qsizetype group) const
    {
        return group + 1 < m_groupStarts.size() ? m_groupStarts.at(group + 1) : m_digits.size();
    }

    QList<int> m_digits;
    QList<qsizetype> m_groupStarts;
};

} // namespace

bool containsCardNumber(QStringView text)
{
    Run run;
    bool separated = false;
    const QList<uint> codePoints = text.toUcs4();
    for (const uint codePoint : codePoints) {
        const char32_t c = codePoint;
        if (QChar::isDigit(c)) {
            run.addDigit(QChar::digitValue(c), separated);
            separated = false;
        } else if (!run.isEmpty() && isSeparator(c)) {
            separated = true;
        } else {
            if (run.holdsCardNumber())
                return true;
            run.clear();
            separated = false;
        }
    }
    return run.holdsCardNumber();
}

} // namespace kessai
