#include "dateedit.h"

#include "domain/japantime.h"

#include <QCalendarWidget>
#include <QHBoxLayout>
#include <QKeyEvent>
#include <QLineEdit>
#include <QMenu>
#include <QToolButton>
#include <QWidgetAction>

namespace kessai {

namespace {

const QString DisplayFormat = QStringLiteral("yyyy/MM/dd");

} // namespace

DateEdit::DateEdit(QWidget *parent)
    : QWidget(parent)
    , m_edit(new QLineEdit)
    , m_button(new QToolButton)
    , m_popup(new QMenu(this))
    , m_calendar(new QCalendarWidget)
{
    m_edit->setObjectName(QStringLiteral("dateText"));
    m_edit->setPlaceholderText(tr("yyyy/mm/dd"));
    m_edit->setMaxLength(20);
    // A whole date stays readable; Esc or select-and-delete empties the field.
    m_edit->setMinimumWidth(m_edit->fontMetrics().horizontalAdvance(QStringLiteral("0000/00/00")) + 14);
    m_edit->installEventFilter(this);
    setFocusProxy(m_edit);
    // Mouse only: the keyboard opens the calendar with F4 or Alt+Down, and Tab never stops here.
    m_button->setObjectName(QStringLiteral("calendarButton"));
    m_button->setArrowType(Qt::DownArrow);
    m_button->setFocusPolicy(Qt::NoFocus);
    m_button->setToolTip(tr("Pick a date (F4)"));
    m_calendar->setObjectName(QStringLiteral("calendar"));
    m_calendar->setGridVisible(true);
    auto *holder = new QWidgetAction(m_popup);
    holder->setDefaultWidget(m_calendar);
    m_popup->addAction(holder);

    auto *layout = new QHBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->setSpacing(0);
    layout->addWidget(m_edit, 1);
    layout->addWidget(m_button);

    connect(m_button, &QToolButton::clicked, this, &DateEdit::openCalendar);
    connect(m_calendar, &QCalendarWidget::activated, this, [this](const QDate &date) {
        m_popup->close();
        setDate(date);
        m_edit->setFocus();
    });
    connect(m_calendar, &QCalendarWidget::clicked, m_calendar, &QCalendarWidget::activated);
    connect(m_edit, &QLineEdit::textChanged, this, &DateEdit::reread);
    // The date in one form once the user leaves the field.
    connect(m_edit, &QLineEdit::editingFinished, this, [this] {
        if (m_date.isValid() && m_edit->text() != m_date.toString(DisplayFormat))
            m_edit->setText(m_date.toString(DisplayFormat));
    });
}

DateEdit::~DateEdit() = default;

QDate DateEdit::today() const
{
    return m_today.isValid() ? m_today : JapanTime::today();
}

void DateEdit::setDate(const QDate &date)
{
    m_edit->setText(date.isValid() ? date.toString(DisplayFormat) : QString());
}

bool DateEdit::isEmpty() const
{
    return m_edit->text().trimmed().isEmpty();
}

QString DateEdit::problem() const
{
    if (isEmpty() || m_date.isValid())
        return {};
    return tr("\"%1\" is not a date; write it as 2026/11/01.").arg(m_edit->text().trimmed());
}

void DateEdit::reread()
{
    const QDate date = JapanTime::parseDate(m_edit->text(), today().year());
    const bool bad = !isEmpty() && !date.isValid();
    m_edit->setStyleSheet(bad ? QStringLiteral("QLineEdit { border: 1px solid #b01c1c; }") : QString());
    m_edit->setToolTip(problem());
    if (date == m_date)
        return;
    m_date = date;
    Q_EMIT dateChanged(m_date);
}

void DateEdit::openCalendar()
{
    const QDate shown = m_date.isValid() ? m_date : today();
    m_calendar->setSelectedDate(shown);
    m_calendar->setCurrentPage(shown.year(), shown.month());
    m_popup->popup(mapToGlobal(QPoint(0, height())));
    m_calendar->setFocus();
}

bool DateEdit::eventFilter(QObject *watched, QEvent *event)
{
    if (watched == m_edit && event->type() == QEvent::KeyPress) {
        const auto *key = static_cast<QKeyEvent *>(event);
        if (key->key() == Qt::Key_F4 || (key->key() == Qt::Key_Down && key->modifiers() & Qt::AltModifier)) {
            openCalendar();
            return true;
        }
    }
    return QWidget::eventFilter(watched, event);
}

} // namespace kessai
