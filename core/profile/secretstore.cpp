#include "secretstore.h"

#include <QLoggingCategory>

#include <qt6keychain/keychain.h>

Q_LOGGING_CATEGORY(lcSecrets, "kessai.secrets", QtInfoMsg)

namespace kessai {

SecretStore::SecretStore(QObject *parent)
    : QObject(parent)
{
}

SecretStore::~SecretStore() = default;

QString SecretStore::serviceName()
{
    return QStringLiteral("Kessai");
}

void SecretStore::read(const QString &key, std::function<void(std::optional<QString>)> done)
{
    auto *job = new QKeychain::ReadPasswordJob(serviceName(), this);
    job->setAutoDelete(true);
    job->setKey(key);
    connect(job, &QKeychain::Job::finished, this, [job, done = std::move(done)] {
        if (job->error() != QKeychain::NoError) {
            if (job->error() != QKeychain::EntryNotFound)
                qCInfo(lcSecrets) << "keychain unavailable, nothing remembered:" << job->errorString();
            done(std::nullopt);
            return;
        }
        done(job->textData());
    });
    job->start();
}

void SecretStore::write(const QString &key, const QString &secret, std::function<void(bool)> done)
{
    auto *job = new QKeychain::WritePasswordJob(serviceName(), this);
    job->setAutoDelete(true);
    job->setKey(key);
    job->setTextData(secret);
    connect(job, &QKeychain::Job::finished, this, [job, done = std::move(done)] {
        const bool ok = job->error() == QKeychain::NoError;
        if (!ok)
            qCInfo(lcSecrets) << "keychain unavailable, passphrase not remembered:" << job->errorString();
        if (done)
            done(ok);
    });
    job->start();
}

void SecretStore::remove(const QString &key, std::function<void(bool)> done)
{
    auto *job = new QKeychain::DeletePasswordJob(serviceName(), this);
    job->setAutoDelete(true);
    job->setKey(key);
    connect(job, &QKeychain::Job::finished, this, [job, done = std::move(done)] {
        if (done)
            done(job->error() == QKeychain::NoError || job->error() == QKeychain::EntryNotFound);
    });
    job->start();
}

} // namespace kessai
