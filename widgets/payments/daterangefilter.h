#pragma once

#include <QDate>
#include <QWidget>

class QDateEdit;
class QToolButton;

namespace kessai {

// A range of whole days (from, to; either may be open) with presets: today, yesterday, this
// month, last month. An empty end shows blank.
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

    // Days relative to this date (tests pin it).
    void setToday(const QDate &today) { m_today = today; }

Q_SIGNALS:
    void changed();

private:
    QDate today() const;
    QDateEdit *m_from;
    QDateEdit *m_to;
    QToolButton *m_presets;
    QDate m_today;
};

} // namespace kessai
