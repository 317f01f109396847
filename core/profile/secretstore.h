#pragma once

#include <QObject>
#include <QString>

#include <functional>
#include <optional>

namespace kessai {

// The OS keychain (qtkeychain). Where there is none (CI, a bare X session) every call fails fast
// and the caller treats that as "not remembered", never as an error that blocks the user.
class SecretStore final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(SecretStore)

public:
    explicit SecretStore(QObject *parent = nullptr);
    ~SecretStore() override;

    // The callbacks run on this object's thread; a missing secret or keychain gives nullopt/false.
    void read(const QString &key, std::function<void(std::optional<QString>)> done);
    void write(const QString &key, const QString &secret, std::function<void(bool)> done = {});
    void remove(const QString &key, std::function<void(bool)> done = {});

    static QString serviceName();
};

} // namespace kessai
