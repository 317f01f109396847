// `merchant add` and `user add`: the first merchant and administrator of a real gateway, made
// through the same services as the admin API, with `system` as the actor.

#include "commands.h"

#include "commandsupport.h"

#include "ca/certificateauthority.h"
#include "common/clock.h"
#include "db/database.h"
#include "db/transaction.h"
#include "domain/cardnumberscan.h"
#include "domain/paymentcatalog.h"
#include "http/caller.h"
#include "http/requestorigin.h"
#include "security/passwordhasher.h"
#include "security/permissions.h"
#include "sessions/accountstore.h"
#include "statements/statementstore.h"
#include "users/adminstore.h"
#include "users/useradmin.h"

#include <QDateTime>
#include <QFile>
#include <QFileInfo>
#include <QJsonArray>
#include <QJsonObject>
#include <QSet>

#include <unistd.h>

namespace kessai::gateway {

using CommandSupport::print;

namespace {

// The actor of command-line administration in the audit log, as for timed status changes.
const QString SystemActor = QStringLiteral("system");
const QString CommandLineOrigin = QStringLiteral("command line");
constexpr qsizetype MaxMerchantNameLength = 64;
constexpr qint64 MaxYen = 9999999;

QString describe(const ApiError &error)
{
    return QStringLiteral("%1 (%2)").arg(error.message, error.code);
}

QString yen(qint64 amount)
{
    return QStringLiteral("%1 yen").arg(amount);
}

// Removes the file it was given unless kept: a refused or failed `user add` leaves no empty
// or partial PKCS#12 behind.
class NewFile
{
public:
    explicit NewFile(const QString &path)
        : m_file(path)
    {}
    ~NewFile()
    {
        if (m_created && !m_kept) {
            m_file.close();
            m_file.remove();
        }
    }
    Q_DISABLE_COPY_MOVE(NewFile)

    // O_CREAT | O_EXCL with mode 0600: an existing file or symbolic link is never opened.
    Result<void> create()
    {
        const QFileInfo info(m_file.fileName());
        if (info.exists() || info.isSymLink())
            return makeError(QStringLiteral("%1 exists; refusing to overwrite it").arg(m_file.fileName()));
        if (!m_file.open(QIODevice::WriteOnly | QIODevice::NewOnly, QFileDevice::ReadOwner | QFileDevice::WriteOwner))
            return makeError(QStringLiteral("cannot create %1: %2").arg(m_file.fileName(), m_file.errorString()));
        m_created = true;
        return {};
    }
    Result<void> writeAndKeep(const QByteArray &data)
    {
        if (m_file.write(data) != data.size() || !m_file.flush() || ::fsync(m_file.handle()) != 0)
            return makeError(QStringLiteral("cannot write %1: %2").arg(m_file.fileName(), m_file.errorString()));
        m_file.close();
        m_kept = true;
        return {};
    }

private:
    QFile m_file;
    bool m_created = false;
    bool m_kept = false;
};

Caller systemCaller(const QString &merchantId, const QString &merchantName)
{
    Caller caller;
    caller.loginId = SystemActor;
    caller.merchantId = merchantId;
    caller.merchantName = merchantName;
    caller.name = QStringLiteral("kessai-gateway");
    caller.role = QStringLiteral("admin");
    caller.permissions = Permissions::all();
    return caller;
}

} // namespace

std::optional<qint64> MerchantOptions::parseYen(const QString &text)
{
    bool ok = false;
    const qint64 value = text.toLongLong(&ok);
    if (!ok || value < 0 || value > MaxYen || text.startsWith(u'+'))
        return std::nullopt;
    return value;
}

std::optional<std::pair<QString, SettlementRules::FeeRate>> MerchantOptions::parseFee(const QString &text, QString *why)
{
    const QStringList parts = text.split(u':');
    if (parts.size() != 3) {
        *why = QStringLiteral("expects TYPE:RATE_BP:FIXED_YEN, e.g. 02:325:0");
        return std::nullopt;
    }
    const QString &type = parts.at(0);
    if (!PaymentCatalog::isKnownType(type)) {
        QStringList known;
        for (const PaymentTypeInfo &info : PaymentCatalog::types())
            known.append(info.code);
        *why = QStringLiteral("unknown payment type %1 (known: %2)").arg(type, known.join(u','));
        return std::nullopt;
    }
    bool ok = false;
    const int rateBp = parts.at(1).toInt(&ok);
    if (!ok || rateBp < 0 || rateBp > SettlementRules::MaxRateBp || parts.at(1).startsWith(u'+')) {
        *why = QStringLiteral("the rate is basis points from 0 to %1 (325 = 3.25 %)").arg(SettlementRules::MaxRateBp);
        return std::nullopt;
    }
    const auto fixedFee = parseYen(parts.at(2));
    if (!fixedFee) {
        *why = QStringLiteral("the fixed fee is yen from 0 to %1").arg(MaxYen);
        return std::nullopt;
    }
    return std::pair<QString, SettlementRules::FeeRate>(type, {rateBp, *fixedFee});
}

Result<void> Commands::addMerchant(const QString &dataDir, const QString &databaseOption, const MerchantOptions &options)
{
    if (!AccountStore::isValidMerchantId(options.merchantId))
        return makeError(QStringLiteral("--id: a merchant id is M and 4 to 8 digits (M0001), not %1").arg(options.merchantId));
    const QString name = options.name.trimmed();
    if (name.isEmpty() || name.size() > MaxMerchantNameLength)
        return makeError(QStringLiteral("--name: 1 to %1 characters").arg(MaxMerchantNameLength));
    for (const QChar ch : name) {
        if (ch.category() == QChar::Other_Control)
            return makeError(QStringLiteral("--name: no control characters"));
    }
    if (containsCardNumber(name))
        return makeError(QStringLiteral("--name: must not hold a card number"));
    QSet<QString> feeTypes;
    for (const auto &[type, rate] : options.fees) {
        if (feeTypes.contains(type))
            return makeError(QStringLiteral("--fee: type %1 is given twice").arg(type));
        feeTypes.insert(type);
    }

    Database database(CommandSupport::databaseLocation(dataDir, databaseOption));
    if (auto ready = CommandSupport::requireGatewaySchema(dataDir, database); !ready)
        return ready;
    auto db = database.connection();
    if (!db)
        return makeError(db.error());
    AccountStore accounts(database);
    StatementStore statements(database);
    SystemClock clock;
    const qint64 now = clock.now();

    // The merchant, its fees and its audit entry are one transaction: all or nothing.
    Transaction transaction(*db);
    if (auto begun = transaction.begin(); !begun)
        return begun;
    auto existing = accounts.merchantName(options.merchantId);
    if (!existing)
        return makeError(existing.error());
    if (existing.value())
        return makeError(QStringLiteral("merchant %1 exists already (%2)").arg(options.merchantId, *existing.value()));
    if (auto created = accounts.createMerchant(options.merchantId, name, now); !created)
        return created;
    for (const auto &[type, rate] : options.fees) {
        if (auto stored = statements.setFeeRate(options.merchantId, type, rate); !stored)
            return stored;
    }
    if (options.transferFee) {
        if (auto stored = statements.setTransferFee(options.merchantId, *options.transferFee); !stored)
            return stored;
    }
    AuditEntry entry;
    entry.at = now;
    entry.loginId = SystemActor;
    entry.merchantId = options.merchantId;
    entry.action = QStringLiteral("merchant_create");
    entry.target = QStringLiteral("merchant:") + options.merchantId;
    entry.result = QStringLiteral("ok");
    entry.origin = CommandLineOrigin;
    if (auto audited = accounts.audit(entry); !audited)
        return audited;
    if (auto committed = transaction.commit(); !committed)
        return committed;

    auto schedule = statements.feeSchedule(options.merchantId);
    if (!schedule)
        return makeError(schedule.error());
    print(QStringLiteral("Created merchant %1 %2").arg(options.merchantId, name));
    for (const PaymentTypeInfo &type : PaymentCatalog::types()) {
        const SettlementRules::FeeRate rate = schedule->rateFor(type.code);
        print(QStringLiteral("  fee %1: %2 bp + %3%4")
                  .arg(type.code)
                  .arg(rate.rateBp)
                  .arg(yen(rate.fixedFee), schedule->rates.contains(type.code) ? QString() : QStringLiteral(" (default)")));
    }
    print(QStringLiteral("  transfer fee: %1%2")
              .arg(yen(schedule->transferFee), options.transferFee ? QString() : QStringLiteral(" (default)")));
    return {};
}

Result<void> Commands::addUser(const QString &dataDir, const QString &databaseOption, const UserOptions &options)
{
    // Everything that can be checked without writing is checked first: a refusal leaves no
    // user, no certificate and no file.
    Database database(CommandSupport::databaseLocation(dataDir, databaseOption));
    if (auto ready = CommandSupport::requireGatewaySchema(dataDir, database); !ready)
        return ready;
    AccountStore accounts(database);
    auto merchantName = accounts.merchantName(options.merchantId);
    if (!merchantName)
        return makeError(merchantName.error());
    if (!merchantName.value())
        return makeError(QStringLiteral("--merchant: no merchant %1; create it with kessai-gateway merchant add").arg(options.merchantId));
    auto authority = CertificateAuthority::load(dataDir);
    if (!authority)
        return makeError(QStringLiteral("cannot use the merchant CA of %1: %2").arg(dataDir, authority.error()));

    const QString p12Path = QFileInfo(options.p12Path).absoluteFilePath();
    NewFile p12(p12Path);
    if (auto created = p12.create(); !created)
        return created;

    SystemClock clock;
    AdminStore adminStore(database);
    UserAdmin admin(accounts, adminStore, clock, std::move(authority).value());
    const Caller actor = systemCaller(options.merchantId, *merchantName.value());
    const RequestOrigin origin{QString(), CommandLineOrigin, QString()};

    // The admin API's own validation and audit (user_create, refusals included), with a
    // password nobody has chosen.
    const QString password = PasswordHasher::generate();
    const QJsonObject body{{QStringLiteral("login_id"), options.loginId},
                           {QStringLiteral("name"), options.name},
                           {QStringLiteral("role"), options.role},
                           {QStringLiteral("permissions"), QJsonArray::fromStringList(options.permissions)},
                           {QStringLiteral("password"), password}};
    auto user = admin.create(actor, origin, body);
    if (!user.ok())
        return makeError(QStringLiteral("user %1 not created: %2").arg(options.loginId, describe(user.error())));

    auto issued = admin.issueCertificate(actor, origin, options.loginId);
    if (!issued.ok())
        return makeError(QStringLiteral("user %1 was created, but its certificate was not issued: %2")
                             .arg(options.loginId, describe(issued.error())));
    if (auto written = p12.writeAndKeep(issued.value().pkcs12); !written)
        return makeError(QStringLiteral("user %1 was created and a certificate issued, but %2").arg(options.loginId, written.error()));

    const ManagedUser &created = user.value();
    print(QStringLiteral("Created user %1 of %2 %3: %4, role %5, permissions %6")
              .arg(created.loginId, options.merchantId, *merchantName.value(), created.name, created.role,
                   created.permissions.isEmpty() ? QStringLiteral("none") : created.permissions.join(u',')));
    print(QStringLiteral("  certificate: %1 (SHA-256 %2…, valid until %3)")
              .arg(p12Path,
                   issued.value().fingerprint.left(16),
                   QDateTime::fromSecsSinceEpoch(issued.value().notAfter, Qt::UTC).toString(Qt::ISODate)));
    print(QStringLiteral("  login ID:    %1").arg(created.loginId));
    print(QStringLiteral("  password:    %1").arg(password));
    print(QStringLiteral("  passphrase:  %1").arg(issued.value().passphrase));
    print(QStringLiteral("These are shown once and stored nowhere (the gateway keeps only a hash of the password)."));
    print(QStringLiteral("Hand the .p12 file and the password to %1, and the passphrase by another channel"
                         " (in person, by phone), never in the same message as the file.")
              .arg(created.loginId));
    print(QStringLiteral("%1 can change this password in the console (File > Change password…) or with POST /v1/me/password.")
              .arg(created.loginId));
    return {};
}

} // namespace kessai::gateway
