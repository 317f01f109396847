#pragma once

#include <QDate>
#include <QWidget>

class QToolButton;

namespace kessai {

class DateEdit;

// A range of whole days (from, to; either may be open) with presets: today, yesterday, this
// month, last month. Each end is typed or picked (DateEdit); an empty end is open.
class DateRangeFilter final : public QWidget
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(DateRangeFilter)

public:
    explicit DateRangeFilter(QWidget *parent = nullptr);
    ~DateRangeFilter() override;

    QDate from() const;
    QDate to() const;
    void setRange(const QDate &from, const QDate &to);
    void clear();
    // Why an end is not a date, or the range is reversed (translated); empty when it is usable.
    QString problem() const;
    // The end to correct, when problem() says something.
    QWidget *problemField() const;

    // Days relative to this date (tests pin it).
    void setToday(const QDate &today);

Q_SIGNALS:
    void changed();

private:
    QDate today() const;
    DateEdit *m_from;
    DateEdit *m_to;
    QToolButton *m_presets;
    QDate m_today;
};

} // namespace kessai
