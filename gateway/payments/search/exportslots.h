#pragma once

#include <QHash>
#include <QString>

#include <memory>
#include <mutex>

namespace kessai::gateway {

// How many payment exports run at once. An export holds a read worker for as long as its client
// takes to read it (a slow reader, minutes), so a user runs at most perUser at a time and the
// gateway at most total; past either the export is refused (429 too_many_exports) and the
// other requests keep their workers. Thread-safe.
class ExportSlots
{
public:
    ExportSlots(int total, int perUser);

    // Held for as long as the export runs; given back by release() or when the last copy goes.
    class Slot
    {
    public:
        Slot(ExportSlots &owner, QString user);
        ~Slot();
        Slot(const Slot &) = delete;
        Slot &operator=(const Slot &) = delete;
        void release();

    private:
        ExportSlots &m_slots;
        QString m_user;
        bool m_held = true;
    };

    // A slot for this user (merchant and login), or null when the user or the gateway has none left.
    std::shared_ptr<Slot> take(const QString &user);
    int total() const { return m_total; }
    int perUser() const { return m_perUser; }

private:
    void giveBack(const QString &user);

    const int m_total;
    const int m_perUser;
    std::mutex m_mutex;
    int m_running = 0;
    QHash<QString, int> m_byUser;
};

} // namespace kessai::gateway
