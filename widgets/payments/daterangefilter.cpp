#include "daterangefilter.h"

#include "domain/japantime.h"

#include <QDateEdit>
#include <QHBoxLayout>
#include <QLabel>
#include <QMenu>
#include <QToolButton>

namespace kessai {

namespace {

// QDateEdit cannot be empty; its minimum shown as blank stands for "no bound".
const QDate NoDate(2000, 1, 1);

QDateEdit *makeDateEdit(const QString &name)
{
    auto *edit = new QDateEdit;
    edit->setObjectName(name);
    edit->setCalendarPopup(true);
    edit->setMinimumDate(NoDate);
    edit->setSpecialValueText(QStringLiteral(" "));
    edit->setDisplayFormat(QStringLiteral("yyyy/MM/dd"));
    edit->setDate(NoDate);
    return edit;
}

} // namespace

DateRangeFilter::DateRangeFilter(QWidget *parent)
    : QWidget(parent)
    , m_from(makeDateEdit(QStringLiteral("from")))
    , m_to(makeDateEdit(QStringLiteral("to")))
    , m_presets(new QToolButton)
{
    m_presets->setObjectName(QStringLiteral("presets"));
    m_presets->setText(tr("Period"));
    m_presets->setPopupMode(QToolButton::InstantPopup);
    auto *menu = new QMenu(m_presets);
    auto addPreset = [this, menu](const QString &text, const QString &name, auto range) {
        QAction *action = menu->addAction(text);
        action->setObjectName(name);
        connect(action, &QAction::triggered, this, [this, range] {
            const auto [from, to] = range(today());
            setRange(from, to);
        });
    };
    addPreset(tr("Today"), QStringLiteral("today"), [](QDate d) { return std::pair{d, d}; });
    addPreset(tr("Yesterday"), QStringLiteral("yesterday"), [](QDate d) { return std::pair{d.addDays(-1), d.addDays(-1)}; });
    addPreset(tr("This month"), QStringLiteral("thisMonth"), [](QDate d) {
        return std::pair{QDate(d.year(), d.month(), 1), QDate(d.year(), d.month(), d.daysInMonth())};
    });
    addPreset(tr("Last month"), QStringLiteral("lastMonth"), [](QDate d) {
        const QDate first = QDate(d.year(), d.month(), 1).addMonths(-1);
        return std::pair{first, QDate(first.year(), first.month(), first.daysInMonth())};
    });
    menu->addSeparator();
    QAction *clearAction = menu->addAction(tr("Clear"));
    connect(clearAction, &QAction::triggered, this, &DateRangeFilter::clear);
    m_presets->setMenu(menu);

    auto *layout = new QHBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(m_from, 1);
    layout->addWidget(new QLabel(QStringLiteral("〜")));
    layout->addWidget(m_to, 1);
    layout->addWidget(m_presets);
    for (QDateEdit *edit : {m_from, m_to})
        connect(edit, &QDateEdit::dateChanged, this, &DateRangeFilter::changed);
}

DateRangeFilter::~DateRangeFilter() = default;

QDate DateRangeFilter::today() const
{
    return m_today.isValid() ? m_today : JapanTime::today(); // the gateway's dates are Japan's
}

QDate DateRangeFilter::from() const
{
    return m_from->date() == NoDate ? QDate() : m_from->date();
}

QDate DateRangeFilter::to() const
{
    return m_to->date() == NoDate ? QDate() : m_to->date();
}

void DateRangeFilter::setRange(const QDate &from, const QDate &to)
{
    m_from->setDate(from.isValid() ? from : NoDate);
    m_to->setDate(to.isValid() ? to : NoDate);
}

void DateRangeFilter::clear()
{
    setRange({}, {});
}

} // namespace kessai
