#include "exportslots.h"

namespace kessai::gateway {

ExportSlots::ExportSlots(int total, int perUser)
    : m_total(qMax(1, total))
    , m_perUser(qMax(1, perUser))
{}

ExportSlots::Slot::Slot(ExportSlots &owner, QString user)
    : m_slots(owner)
    , m_user(std::move(user))
{}

ExportSlots::Slot::~Slot()
{
    release();
}

void ExportSlots::Slot::release()
{
    if (!m_held)
        return;
    m_held = false;
    m_slots.giveBack(m_user);
}

std::shared_ptr<ExportSlots::Slot> ExportSlots::take(const QString &user)
{
    {
        std::lock_guard lock(m_mutex);
        int &mine = m_byUser[user];
        if (m_running >= m_total || mine >= m_perUser) {
            if (mine == 0)
                m_byUser.remove(user);
            return nullptr;
        }
        ++mine;
        ++m_running;
    }
    return std::make_shared<Slot>(*this, user);
}

void ExportSlots::giveBack(const QString &user)
{
    std::lock_guard lock(m_mutex);
    --m_running;
    auto found = m_byUser.find(user);
    if (found != m_byUser.end() && --found.value() <= 0)
        m_byUser.erase(found);
}

} // namespace kessai::gateway
