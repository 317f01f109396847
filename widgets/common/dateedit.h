#pragma once

#include <QDate>
#include <QWidget>

class QCalendarWidget;
class QLineEdit;
class QMenu;
class QToolButton;

namespace kessai {

// A date field that may be empty: the date is typed as people in Japan write it (2026/11/01,
// 20261101, 2026年11月1日, 令和8年…, 11/1) or picked from a calendar that opens at today (F4 or
// Alt+Down). Tab passes through it, empty or not; text that is no date stays as typed, marked,
// and says why in problem().
class DateEdit final : public QWidget
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(DateEdit)

public:
    explicit DateEdit(QWidget *parent = nullptr);
    ~DateEdit() override;

    // The date, or an invalid one when the field is empty or holds no date.
    QDate date() const { return m_date; }
    void setDate(const QDate &date);
    void clear() { setDate({}); }
    bool isEmpty() const;
    // Why the text is not a date (translated); empty when it is one or the field is empty.
    QString problem() const;
    QLineEdit *lineEdit() const { return m_edit; }
    // The day the calendar opens at when the field is empty (tests pin it; Japan's today otherwise).
    void setToday(const QDate &today) { m_today = today; }

    void openCalendar();

Q_SIGNALS:
    void dateChanged(const QDate &date);

protected:
    bool eventFilter(QObject *watched, QEvent *event) override;

private:
    void reread();
    QDate today() const;

    QLineEdit *m_edit;
    QToolButton *m_button;
    QMenu *m_popup;
    QCalendarWidget *m_calendar;
    QDate m_date;
    QDate m_today;
};

} // namespace kessai
