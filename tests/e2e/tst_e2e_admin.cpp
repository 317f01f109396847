#include "admin/auditmodel.h"
#include "admin/auditpage.h"
#include "connection/certificatedialog.h"
#include "connection/connectiondialog.h"
#include "consolesession.h"
#include "login/logindialog.h"
#include "mainwindow.h"
#include "profile/profile.h"
#include "login/changepassworddialog.h"
#include "login/lockdialog.h"
#include "admin/usereditordialog.h"
#include "admin/usersmodel.h"
#include "admin/userspage.h"
#include "api/merchantclient.h"
#include "domain/japantime.h"
#include "export/auditexport.h"
#include "gatewayfixture.h"
#include "japaneseui.h"
#include "pagelist.h"

#include <QAbstractItemModelTester>
#include <QApplication>
#include <QAction>
#include <QDir>
#include <QDirIterator>
#include <QFile>
#include <QFileInfo>
#include <QLineEdit>
#include <QLabel>
#include <QPushButton>
#include <QSet>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>

#include <sys/stat.h>

using namespace kessai;

// 管理 against a real kessai-gateway: ユーザー管理 creates a user, issues the certificate that user
// then logs in with, revokes it, disables and enables; 操作ログ finds what was done.
class TestE2eAdmin : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase()
    {
        QVERIFY(m_config.isValid());
        qRegisterMetaType<ExportResult>();
        qputenv("XDG_CONFIG_HOME", m_config.path().toUtf8());
        qputenv("XDG_DATA_HOME", m_config.path().toUtf8()); // the consoles' bulk journal
        qputenv("KESSAI_TEST_NO_DIALOGS", "1");
        QVERIFY2(m_gateway.start(300, 3), qPrintable(m_gateway.error()));
        m_ca = loadCaCertificates(m_gateway.caPath());
        QVERIFY(login(m_admin, QStringLiteral("admin")).ok());
        m_page = std::make_unique<UsersPage>(&m_admin);
        m_page->resize(1280, 800);
        m_page->show();
        QSignalSpy loaded(m_page.get(), &UsersPage::usersLoaded);
        m_page->pageShown(true);
        QVERIFY(loaded.wait(10000));
    }

    void listsTheMerchantsUsers()
    {
        QAbstractItemModelTester tester(m_page->model(), QAbstractItemModelTester::FailureReportingMode::QtTest);
        QStringList ids;
        for (const ManagedUser &user : m_page->model()->users())
            ids.append(user.loginId);
        ids.sort();
        QCOMPARE(ids, (QStringList{QStringLiteral("admin"), QStringLiteral("staff"), QStringLiteral("viewer")}));
        const ManagedUser *staff = m_page->model()->userAt(m_page->model()->rowOf(QStringLiteral("staff")));
        QVERIFY(staff->hasActiveCertificate());
        QCOMPARE(staff->certificate->fingerprint.size(), 64);
        QVERIFY(staff->permissions.contains(QStringLiteral("capture")));
        // Oneself: no disable, no revoke, and the page says why.
        m_page->selectUser(QStringLiteral("admin"));
        QVERIFY(!m_page->findChild<QPushButton *>(QStringLiteral("toggleUser"))->isEnabled());
        QVERIFY(!m_page->findChild<QPushButton *>(QStringLiteral("revokeCertificate"))->isEnabled());
        QVERIFY(m_page->findChild<QPushButton *>(QStringLiteral("editUser"))->isEnabled());
        // The admin logged in a moment ago; viewer never did.
        const int adminRow = m_page->model()->rowOf(QStringLiteral("admin"));
        const QString adminLogin = m_page->model()->index(adminRow, UsersModel::LastLoginColumn).data().toString();
        QVERIFY2(adminLogin.startsWith(JapanTime::format(QDateTime::currentSecsSinceEpoch()).left(10)), qPrintable(adminLogin));
        QVERIFY(m_page->model()->userAt(adminRow)->lastLoginAt > 0);
        const int viewerRow = m_page->model()->rowOf(QStringLiteral("viewer"));
        QCOMPARE(m_page->model()->index(viewerRow, UsersModel::LastLoginColumn).data().toString(), QStringLiteral("never"));
    }

    void createsAUserWhoLogsInWithTheIssuedCertificate()
    {
        UserEditorDialog editor(std::nullopt, m_admin.user().role, m_admin.user().permissions, m_admin.user().loginId);
        auto *save = editor.findChild<QPushButton *>(QStringLiteral("userSave"));
        QVERIFY(!save->isEnabled()); // no login ID, no name yet
        editor.setLoginId(QStringLiteral("system"));
        editor.setName(QStringLiteral("アルバイト 四郎"));
        QVERIFY(!save->isEnabled()); // the gateway's own name
        editor.setLoginId(QStringLiteral("parttime.4"));
        QVERIFY(save->isEnabled());
        QVERIFY(meetsPasswordPolicy(editor.initialPassword()));
        editor.setPermission(QStringLiteral("view:02"), true);
        editor.setPermission(QStringLiteral("capture"), true);
        const UserChange change = editor.change();
        QCOMPARE(change.permissions.value(), (QStringList{QStringLiteral("view:02"), QStringLiteral("capture")}));
        QCOMPARE(change.role.value(), QStringLiteral("general"));
        m_password = editor.initialPassword();

        QSignalSpy finished(m_page.get(), &UsersPage::actionFinished);
        m_page->createUser(editor.loginId(), change, m_password);
        QVERIFY(finished.wait(10000));
        QVERIFY2(finished.first().first().toBool(), qPrintable(finished.first().at(1).toString()));
        const ManagedUser *created = m_page->model()->userAt(m_page->model()->rowOf(QStringLiteral("parttime.4")));
        QVERIFY(created);
        QVERIFY(!created->certificate);
        QCOMPARE(m_page->currentLoginId(), QStringLiteral("parttime.4"));

        // The certificate: saved for the owner only, its passphrase once; the new user logs in.
        const QString p12 = m_dir.filePath(QStringLiteral("parttime.4.p12"));
        finished.clear();
        m_page->issueCertificate(QStringLiteral("parttime.4"), p12);
        QVERIFY(finished.wait(10000));
        QVERIFY2(finished.first().first().toBool(), qPrintable(finished.first().at(1).toString()));
        struct stat info{};
        QCOMPARE(::stat(QFile::encodeName(p12).constData(), &info), 0);
        QCOMPARE(info.st_mode & 0777, 0600u);
        m_p12 = p12;
        m_passphrase = m_page->lastPassphrase();
        QCOMPARE(m_passphrase.size(), 24);
        MerchantClient newcomer;
        const ApiResult loggedIn = loginWith(newcomer, QStringLiteral("parttime.4"), m_p12, m_passphrase, m_password);
        QVERIFY2(loggedIn.ok(), qPrintable(loggedIn.error.displayText()));
        QCOMPARE(newcomer.user().permissions, (QStringList{QStringLiteral("view:02"), QStringLiteral("capture")}));
        // Not over an existing file.
        finished.clear();
        m_page->issueCertificate(QStringLiteral("parttime.4"), p12);
        QVERIFY(finished.wait(5000) || !finished.isEmpty());
        QVERIFY(!finished.first().first().toBool());

        // The same login ID again, in other case: the gateway refuses and the page says so.
        finished.clear();
        m_page->createUser(QStringLiteral("PARTTIME.4"), change, m_password);
        QVERIFY(finished.wait(10000));
        QVERIFY(!finished.first().first().toBool());
    }

    // The newcomer's own console, on another desk: nothing in its profile but the gateway's
    // address and CA. They pick the .p12 the admin saved, type its passphrase and their initial
    // password, and work under exactly the rights the admin gave: no administration page.
    void aSecondConsoleImportsTheIssuedCertificateAndLogsIn()
    {
        QVERIFY(!m_p12.isEmpty());
        Profile fresh;
        fresh.name = QStringLiteral("newcomer-desk");
        fresh.gatewayUrl = m_gateway.url();
        fresh.caPath = m_gateway.caPath();
        ConsoleSession session(fresh);
        session.start();
        QTRY_VERIFY(session.connectionDialog() && session.connectionDialog()->isVisible());
        ConnectionDialog *connection = session.connectionDialog();
        auto *p12 = connection->findChild<QLineEdit *>(QStringLiteral("p12Path"));
        auto *passphrase = connection->findChild<QLineEdit *>(QStringLiteral("passphrase"));
        auto *next = connection->findChild<QPushButton *>(QStringLiteral("continueButton"));
        QVERIFY(p12 && passphrase && next);
        QVERIFY(p12->text().isEmpty());
        QTest::keyClicks(p12, m_p12);
        QTest::keyClicks(passphrase, m_passphrase);
        QTest::mouseClick(next, Qt::LeftButton);

        QTRY_VERIFY_WITH_TIMEOUT(session.loginDialog() && session.loginDialog()->isVisible(), 10000);
        LoginDialog *login = session.loginDialog();
        auto *loginId = login->findChild<QLineEdit *>(QStringLiteral("loginId"));
        auto *password = login->findChild<QLineEdit *>(QStringLiteral("password"));
        QVERIFY(loginId && password);
        QCOMPARE(loginId->text(), QStringLiteral("parttime.4")); // read from the certificate
        QTest::keyClicks(password, m_password);
        QTest::keyClick(password, Qt::Key_Return);
        QTRY_VERIFY_WITH_TIMEOUT(session.mainWindow() && session.mainWindow()->isVisible(), 15000);

        MainWindow *window = session.mainWindow();
        QCOMPARE(session.client()->user().loginId, QStringLiteral("parttime.4"));
        const QString who = window->findChild<QLabel *>(QStringLiteral("userLabel"))->text();
        QVERIFY2(who.contains(QStringLiteral("アルバイト 四郎")) && who.contains(QStringLiteral("General user")), qPrintable(who));
        const QStringList pages = window->pageIds();
        QVERIFY(!pages.isEmpty());
        for (const QString &id : pages)
            QVERIFY2(!id.startsWith(QLatin1String("admin/")), qPrintable(id));
        QVERIFY(!window->showPage(QStringLiteral("admin/users")));
        // Nothing the consoles wrote (settings, journal) holds the passphrase or the password.
        QDirIterator files(m_config.path(), QDir::Files, QDirIterator::Subdirectories);
        int scanned = 0;
        while (files.hasNext()) {
            QFile file(files.next());
            QVERIFY(file.open(QIODevice::ReadOnly));
            const QByteArray bytes = file.readAll();
            QVERIFY2(!bytes.contains(m_passphrase.toUtf8()), qPrintable(file.fileName()));
            QVERIFY2(!bytes.contains(m_password.toUtf8()), qPrintable(file.fileName()));
            ++scanned;
        }
        QVERIFY(scanned > 0);
    }

    void changesRightsDisablesAndEnables()
    {
        UserChange more;
        more.permissions = QStringList{QStringLiteral("view:02"), QStringLiteral("view:03"), QStringLiteral("capture")};
        QSignalSpy finished(m_page.get(), &UsersPage::actionFinished);
        m_page->changeUser(QStringLiteral("parttime.4"), more);
        QVERIFY(finished.wait(10000));
        QVERIFY(finished.first().first().toBool());
        QCOMPARE(m_page->model()->userAt(m_page->model()->rowOf(QStringLiteral("parttime.4")))->permissions, *more.permissions);

        UserChange off;
        off.enabled = false;
        finished.clear();
        m_page->changeUser(QStringLiteral("parttime.4"), off);
        QVERIFY(finished.wait(10000));
        QVERIFY(finished.first().first().toBool());
        MerchantClient refused;
        QCOMPARE(loginWith(refused, QStringLiteral("parttime.4"), m_p12, m_passphrase, m_password).error.kind,
                 ApiError::Kind::Authentication);
        UserChange on;
        on.enabled = true;
        finished.clear();
        m_page->changeUser(QStringLiteral("parttime.4"), on);
        QVERIFY(finished.wait(10000));
        MerchantClient back;
        QVERIFY(loginWith(back, QStringLiteral("parttime.4"), m_p12, m_passphrase, m_password).ok());
    }

    // 再発行 of a forgotten password: the gateway makes one, shows it once, and the user must
    // change it at the next login; the old one and the old sessions stop working.
    void resetsAPasswordThatMustBeChanged()
    {
        MerchantClient before;
        QVERIFY(loginWith(before, QStringLiteral("parttime.4"), m_p12, m_passphrase, m_password).ok());
        m_page->selectUser(QStringLiteral("admin"));
        QVERIFY(!m_page->findChild<QPushButton *>(QStringLiteral("resetPassword"))->isEnabled()); // oneself
        m_page->selectUser(QStringLiteral("parttime.4"));
        QVERIFY(m_page->findChild<QPushButton *>(QStringLiteral("resetPassword"))->isEnabled());

        QSignalSpy finished(m_page.get(), &UsersPage::actionFinished);
        QSignalSpy loaded(m_page.get(), &UsersPage::usersLoaded);
        m_page->resetPassword(QStringLiteral("parttime.4"));
        QVERIFY(finished.wait(10000));
        QVERIFY2(finished.first().first().toBool(), qPrintable(finished.first().at(1).toString()));
        const QString temporary = m_page->lastResetPassword();
        QVERIFY(meetsPasswordPolicy(temporary));
        QVERIFY(loaded.count() > 0 || loaded.wait(10000));
        const int row = m_page->model()->rowOf(QStringLiteral("parttime.4"));
        QVERIFY(m_page->model()->userAt(row)->mustChangePassword);
        QVERIFY(m_page->model()->index(row, UsersModel::StateColumn).data().toString().contains(QStringLiteral("reset")));

        QCOMPARE(waitFor(before.me()).error.kind, ApiError::Kind::Authentication); // its session ended
        MerchantClient after;
        QCOMPARE(loginWith(after, QStringLiteral("parttime.4"), m_p12, m_passphrase, m_password).error.kind,
                 ApiError::Kind::Authentication);
        QVERIFY(loginWith(after, QStringLiteral("parttime.4"), m_p12, m_passphrase, temporary).ok());
        QVERIFY(after.user().mustChangePassword);
        QCOMPARE(waitFor(after.searchPayments(PaymentQuery{}, QString(), 10, false)).error.code, QStringLiteral("password_change_required"));
        m_password = QStringLiteral("parttime-own-42");
        QVERIFY(waitFor(after.changePassword(temporary, m_password)).ok());
        QVERIFY(!after.user().mustChangePassword);
        QVERIFY(waitFor(after.searchPayments(PaymentQuery{}, QString(), 10, false)).ok());
    }

    void aRevokedCertificateIsRefusedAtItsNextConnection()
    {
        QSignalSpy finished(m_page.get(), &UsersPage::actionFinished);
        m_page->revokeCertificate(QStringLiteral("parttime.4"));
        QVERIFY(finished.wait(10000));
        QVERIFY(finished.first().first().toBool());
        QVERIFY(m_page->model()->userAt(m_page->model()->rowOf(QStringLiteral("parttime.4")))->certificate->revoked);
        MerchantClient revoked;
        const ApiResult result = loginWith(revoked, QStringLiteral("parttime.4"), m_p12, m_passphrase, m_password);
        QVERIFY(!result.ok());
        QVERIFY2(result.error.kind == ApiError::Kind::Tls || result.error.kind == ApiError::Kind::Connection,
                 qPrintable(result.error.displayText()));
    }

    void auditLogShowsWhatWasDone()
    {
        AuditPage page(&m_admin);
        QAbstractItemModelTester tester(page.model(), QAbstractItemModelTester::FailureReportingMode::QtTest);
        AuditQuery query;
        query.action = QStringLiteral("user_create");
        QSignalSpy loaded(page.model(), &AuditModel::pageLoaded);
        page.search(query);
        QVERIFY(loaded.wait(10000));
        QStringList targets;
        QStringList results;
        for (int row = 0; row < page.model()->rowCount(); ++row) {
            QCOMPARE(page.model()->entryAt(row)->action, QStringLiteral("user_create"));
            targets.append(page.model()->entryAt(row)->target);
            results.append(page.model()->entryAt(row)->result);
        }
        QVERIFY2(targets.contains(QStringLiteral("user:parttime.4")), qPrintable(targets.join(u',')));
        QVERIFY(results.contains(QStringLiteral("conflict"))); // the second, refused attempt
        // A change says what changed; a reset is on record under the admin who did it.
        query.action = QStringLiteral("user_update");
        loaded.clear();
        page.search(query);
        QVERIFY(loaded.wait(10000));
        QStringList details;
        for (int row = 0; row < page.model()->rowCount(); ++row)
            details.append(page.model()->index(row, AuditModel::DetailColumn).data().toString());
        QVERIFY2(details.contains(QStringLiteral("permissions: +view:03")), qPrintable(details.join(u'|')));
        QVERIFY2(details.contains(QStringLiteral("enabled: true → false")), qPrintable(details.join(u'|')));
        query.action = QStringLiteral("password_reset");
        loaded.clear();
        page.search(query);
        QVERIFY(loaded.wait(10000));
        QCOMPARE(page.model()->rowCount(), 1);
        QCOMPARE(page.model()->entryAt(0)->loginId, QStringLiteral("admin"));
        QCOMPARE(page.model()->entryAt(0)->target, QStringLiteral("user:parttime.4"));
        query = AuditQuery();
        query.action = QStringLiteral("certificate_revoke");
        query.from = QDate::currentDate().addDays(-1);
        query.to = QDate::currentDate().addDays(1);
        loaded.clear();
        page.search(query);
        QVERIFY(loaded.wait(10000));
        QCOMPARE(page.model()->rowCount(), 1);
        QVERIFY(page.model()->entryAt(0)->target.startsWith(QLatin1String("user:parttime.4 cert:")));
        QCOMPARE(page.model()->entryAt(0)->loginId, QStringLiteral("admin"));

        // "About" a user, typed in the filter row: the account and its certificates, nothing else.
        page.search(AuditQuery());
        auto *target = page.findChild<QLineEdit *>(QStringLiteral("auditTarget"));
        QVERIFY(target);
        target->setFocus();
        QTest::keyClicks(target, QStringLiteral("parttime.4"));
        loaded.clear();
        QTest::keyClick(target, Qt::Key_Return);
        QVERIFY(loaded.wait(10000));
        QCOMPARE(page.currentQuery().target, QStringLiteral("parttime.4"));
        QVERIFY(page.model()->rowCount() >= 4); // created, changed, reset, certificate issued and revoked, logins
        QSet<QString> actions;
        for (int row = 0; row < page.model()->rowCount(); ++row) {
            const QString &about = page.model()->entryAt(row)->target;
            QVERIFY2(about.startsWith(QLatin1String("user:parttime.4")) || about == QLatin1String("parttime.4"), qPrintable(about));
            actions.insert(page.model()->entryAt(row)->action);
        }
        QVERIFY(actions.contains(QStringLiteral("user_create")));
        QVERIFY(actions.contains(QStringLiteral("certificate_revoke")));
        QVERIFY(actions.contains(QStringLiteral("login")));
        QVERIFY(actions.contains(QStringLiteral("password_change")));
    }

    // 操作ログ → Export: every entry of the filters (more than a page of the table), with the time
    // in Japan time, the action in words and as its code; nothing under the name when cancelled.
    void auditLogExports()
    {
        AuditPage page(&m_admin);
        page.resize(1280, 800);
        page.show();
        QVERIFY(QTest::qWaitForWindowExposed(&page));
        QSignalSpy loaded(page.model(), &AuditModel::pageLoaded);
        AuditQuery everything;
        page.search(everything);
        QVERIFY(loaded.wait(10000));
        QVERIFY(page.findChild<QAction *>(QStringLiteral("auditExportAction"))->isEnabled());
        QVERIFY(page.menuActions().contains(page.findChild<QAction *>(QStringLiteral("auditExportAction"))));

        // All of the log, as the gateway holds it now.
        MerchantClient &client = m_admin;
        QList<AuditEntry> all;
        QString cursor;
        do {
            const ApiResult page1 = waitFor(client.audit(everything, cursor, 1000));
            QVERIFY(page1.ok());
            const auto read = readAuditPage(page1.json.object());
            QVERIFY(read);
            all += read->items;
            cursor = read->nextCursor;
        } while (!cursor.isEmpty());
        QVERIFY(all.size() > 10);

        const QString path = QDir(m_config.path()).filePath(QStringLiteral("audit.csv"));
        QSignalSpy finished(&page, &AuditPage::exportFinished);
        page.exportTo(path, ExportFormat::CsvUtf8);
        QVERIFY(finished.wait(15000));
        const auto result = finished.first().first().value<ExportResult>();
        QVERIFY2(result.ok(), qPrintable(result.errorText()));
        // Entries written while exporting (none here) would only be newer than the first row.
        QVERIFY(result.rows >= all.size());
        QFile file(path);
        QVERIFY(file.open(QIODevice::ReadOnly));
        const QStringList lines = QString::fromUtf8(file.readAll()).split(QStringLiteral("\r\n"), Qt::SkipEmptyParts);
        QCOMPARE(lines.size(), result.rows + 1);
        QCOMPARE(lines.first(), QStringLiteral("Time,User,Action,Action code,Target,Result,From,Request ID,Detail"));
        const AuditEntry &oldest = all.last();
        QVERIFY2(lines.last().startsWith(JapanTime::format(oldest.at) + u','), qPrintable(lines.last()));
        QVERIFY2(lines.last().contains(u',' + oldest.action + u','), qPrintable(lines.last()));
        QVERIFY(QStringList(lines).filter(QStringLiteral("permissions: +view:03")).size() == 1);

        // A filter is what gets exported; Excel gets a workbook.
        AuditQuery creates;
        creates.action = QStringLiteral("user_create");
        page.search(creates);
        const QString xlsx = QDir(m_config.path()).filePath(QStringLiteral("audit.xlsx"));
        finished.clear();
        TableWriter::Options english;
        english.englishHeader = true;
        page.exportTo(xlsx, ExportFormat::Xlsx, english);
        QVERIFY(finished.wait(15000));
        const auto created = finished.first().first().value<ExportResult>();
        QVERIFY2(created.ok(), qPrintable(created.errorText()));
        int creations = 0;
        for (const AuditEntry &entry : std::as_const(all))
            creations += entry.action == QLatin1String("user_create");
        QCOMPARE(created.rows, creations);
        QVERIFY(QFileInfo(xlsx).size() > 0);
        QCOMPARE(AuditExporter::defaultFileName(creates, QDate(2026, 12, 4), ExportFormat::CsvUtf8Bom),
                 QStringLiteral("audit_20261204.csv"));
        creates.from = QDate(2026, 12, 1);
        creates.to = QDate(2026, 12, 3);
        QCOMPARE(AuditExporter::defaultFileName(creates, QDate(2026, 12, 4), ExportFormat::Xlsx),
                 QStringLiteral("audit_20261201-20261203.xlsx"));
    }

    // A general user without manage_users gets no admin page, and the gateway refuses it anyway.
    void staffSeesNoAdministration()
    {
        MerchantClient staff;
        QVERIFY(login(staff, QStringLiteral("staff")).ok());
        for (const PageEntry *entry : PageList::allowedFor(staff.user()))
            QVERIFY2(entry->group != PageEntry::Group::Administration, qPrintable(entry->id));
        bool adminHasUsers = false;
        for (const PageEntry *entry : PageList::allowedFor(m_admin.user()))
            adminHasUsers = adminHasUsers || entry->id == QLatin1String("admin/users");
        QVERIFY(adminHasUsers);
        QCOMPARE(waitFor(staff.users()).error.kind, ApiError::Kind::Permission);
        QCOMPARE(waitFor(staff.audit({}, QString(), 10)).error.kind, ApiError::Kind::Permission);
    }

    void japaneseScreenshots()
    {
        const test::JapaneseUi japanese;
        QVERIFY2(japanese.loaded(), qPrintable(japanese.error()));
        const QString dir = test::screenshotDirectory();
        QVERIFY(!dir.isEmpty());
        UsersPage page(&m_admin);
        page.resize(1280, 800);
        page.show();
        QVERIFY(QTest::qWaitForWindowExposed(&page));
        QSignalSpy loaded(&page, &UsersPage::usersLoaded);
        page.pageShown(true);
        QVERIFY(loaded.wait(10000));
        page.selectUser(QStringLiteral("staff"));
        QTest::qWait(100);
        QVERIFY(page.grab().save(QDir(dir).filePath(QStringLiteral("users-ja.png"))));
        const ManagedUser staff = *page.model()->userAt(page.model()->rowOf(QStringLiteral("staff")));
        UserEditorDialog editor(staff, m_admin.user().role, m_admin.user().permissions, m_admin.user().loginId);
        editor.show();
        QVERIFY(QTest::qWaitForWindowExposed(&editor));
        QVERIFY(editor.grab().save(QDir(dir).filePath(QStringLiteral("user-editor-ja.png"))));
        AuditPage audit(&m_admin);
        audit.resize(1280, 800);
        audit.show();
        QVERIFY(QTest::qWaitForWindowExposed(&audit));
        QSignalSpy auditLoaded(audit.model(), &AuditModel::pageLoaded);
        audit.pageShown(true);
        QVERIFY(auditLoaded.wait(10000));
        QTest::qWait(100);
        QVERIFY(audit.grab().save(QDir(dir).filePath(QStringLiteral("audit-ja.png"))));
        // The lock over an unattended console and the certificate's details, as a Japanese user sees them.
        LockDialog lock(&m_admin, LockDialog::Reason::Idle, 15);
        lock.setRunningWork(QCoreApplication::translate("kessai::ConsoleSession", "Bulk processing %1 is running and goes on while the console is locked.").arg(12));
        lock.show();
        QVERIFY(QTest::qWaitForWindowExposed(&lock));
        QVERIFY(lock.findChild<QLabel *>(QStringLiteral("lockReason"))->text().contains(QStringLiteral("15分間")));
        QVERIFY(lock.grab().save(QDir(dir).filePath(QStringLiteral("lock-ja.png"))));
        CertificateDialog certificate(m_admin.identity(), nullptr, m_admin.identity().notAfter().addDays(-5));
        certificate.show();
        QVERIFY(QTest::qWaitForWindowExposed(&certificate));
        QVERIFY(certificate.grab().save(QDir(dir).filePath(QStringLiteral("certificate-ja.png"))));
        ChangePasswordDialog change(&m_admin, ChangePasswordDialog::Mode::Required);
        change.show();
        QVERIFY(QTest::qWaitForWindowExposed(&change));
        QVERIFY(change.findChild<QLabel *>(QStringLiteral("passwordHint"))->text().contains(QStringLiteral("現在のパスワード")));
        QVERIFY(change.grab().save(QDir(dir).filePath(QStringLiteral("change-password-ja.png"))));
        qInfo("screenshots in %s", qPrintable(dir));
    }

    void cleanupTestCase() { m_page.reset(); }

private:
    ApiResult login(MerchantClient &client, const QString &loginId)
    {
        const GatewayFixture::User user = m_gateway.user(loginId);
        return loginWith(client, loginId, user.p12, user.p12Passphrase, user.password);
    }

    ApiResult loginWith(MerchantClient &client, const QString &loginId, const QString &p12, const QString &passphrase,
                        const QString &password)
    {
        const auto loaded = ClientIdentity::load(p12, passphrase);
        if (!loaded.ok()) {
            ApiResult failed;
            failed.error.kind = ApiError::Kind::Tls;
            failed.error.message = loaded.message;
            return failed;
        }
        client.setBaseUrl(m_gateway.url());
        client.setIdentity(loaded.identity, m_ca);
        return waitFor(client.login(loginId, password));
    }

    QTemporaryDir m_config;
    QTemporaryDir m_dir;
    GatewayFixture m_gateway;
    QList<QSslCertificate> m_ca;
    MerchantClient m_admin;
    std::unique_ptr<UsersPage> m_page;
    QString m_password;
    QString m_p12;
    QString m_passphrase;
};

QTEST_MAIN(TestE2eAdmin)
#include "tst_e2e_admin.moc"
