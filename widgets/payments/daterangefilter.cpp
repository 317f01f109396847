#include "daterangefilter.h"

#include "common/dateedit.h"
#include "domain/japantime.h"

#include <QHBoxLayout>
#include <QLabel>
#include <QMenu>
#include <QToolButton>

namespace kessai {

namespace {

DateEdit *makeDateEdit(const QString &name)
{
    auto *edit = new DateEdit;
    edit->setObjectName(name);
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
    // The menu's own arrow would be drawn over the word: the word carries its arrow instead.
    m_presets->setText(tr("Period") + QStringLiteral(" ▾"));
    m_presets->setPopupMode(QToolButton::InstantPopup);
    m_presets->setStyleSheet(QStringLiteral("QToolButton::menu-indicator { image: none; width: 0px; }"));
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
    m_presets->setFocusPolicy(Qt::NoFocus); // Tab goes from date to date; the presets are a click away
    for (DateEdit *edit : {m_from, m_to})
        connect(edit, &DateEdit::dateChanged, this, &DateRangeFilter::changed);
}

DateRangeFilter::~DateRangeFilter() = default;

QDate DateRangeFilter::today() const
{
    return m_today.isValid() ? m_today : JapanTime::today(); // the gateway's dates are Japan's
}

void DateRangeFilter::setToday(const QDate &today)
{
    m_today = today;
    m_from->setToday(today);
    m_to->setToday(today);
}

QDate DateRangeFilter::from() const
{
    return m_from->date();
}

QDate DateRangeFilter::to() const
{
    return m_to->date();
}

void DateRangeFilter::setRange(const QDate &from, const QDate &to)
{
    m_from->setDate(from);
    m_to->setDate(to);
}

QString DateRangeFilter::problem() const
{
    if (!m_from->problem().isEmpty())
        return m_from->problem();
    if (!m_to->problem().isEmpty())
        return m_to->problem();
    if (from().isValid() && to().isValid() && from() > to())
        return tr("The period is reversed: the first date must not be later than the second.");
    return {};
}

QWidget *DateRangeFilter::problemField() const
{
    if (!m_from->problem().isEmpty())
        return m_from;
    if (!m_to->problem().isEmpty())
        return m_to;
    return problem().isEmpty() ? nullptr : m_from;
}

void DateRangeFilter::clear()
{
    setRange({}, {});
}

} // namespace kessai
