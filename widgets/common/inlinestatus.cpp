#include "inlinestatus.h"

#include <QLabel>
#include <QProgressBar>
#include <QVBoxLayout>

namespace kessai {

InlineStatus::InlineStatus(const QString &errorObjectName, QWidget *parent)
    : QWidget(parent)
    , m_error(new QLabel)
    , m_progress(new QProgressBar)
{
    m_error->setObjectName(errorObjectName);
    m_error->setWordWrap(true);
    m_error->setStyleSheet(QStringLiteral("color: #b01c1c;"));
    m_error->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_error->hide();
    m_progress->setRange(0, 0);
    m_progress->setTextVisible(false);
    m_progress->setMaximumHeight(6);
    m_progress->hide();
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(m_error);
    layout->addWidget(m_progress);
}

void InlineStatus::showError(const QString &text)
{
    m_error->setText(text);
    m_error->show();
}

void InlineStatus::clearError()
{
    m_error->hide();
}

void InlineStatus::setBusy(bool busy)
{
    m_progress->setVisible(busy);
}

bool InlineStatus::isBusy() const
{
    return m_progress->isVisibleTo(this);
}

} // namespace kessai
