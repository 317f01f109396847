// Case 8: cold start to the first window.

#include "benchcommon.h"

#include "api/apireply.h"
#include "api/merchantclient.h"
#include "api/paymentquery.h"
#include "consolesession.h"
#include "export/paymentexporter.h"
#include "payments/paymentsmodel.h"
#include "profile/profile.h"
#include "tls/clientidentity.h"

#include <QApplication>
#include <QCommandLineParser>
#include <QCoreApplication>
#include <QDateTime>
#include <QElapsedTimer>
#include <QEventLoop>
#include <QFile>
#include <QGuiApplication>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QRegularExpression>
#include <QSqlDatabase>
#include <QSqlError>
#include <QSqlQuery>
#include <QSqlQueryModel>
#include <QTableView>
#include <QHeaderView>
#include <QTemporaryDir>
#include <QTemporaryFile>
#include <QTimeZone>
#include <QTimer>
#include <QWindow>

#include <algorithm>
#include <cstdio>
#include <functional>
#include <memory>
#include <optional>
#include <vector>


namespace kessai::bench {

// ---- case 8 ---------------------------------------------------------------------------------

// Child: the console's start-up (kessai's main() without the command line) with a profile that
// has no certificate, so the connection dialog is the first window. Prints "exposed MS" when a
// window is exposed and has painted, then "rss KB" after a second of idle.
class ExposeWatcher final : public QObject
{
public:
    bool eventFilter(QObject *watched, QEvent *event) override
    {
        if (!m_seen && event->type() == QEvent::Expose) {
            auto *window = qobject_cast<QWindow *>(watched);
            if (window && window->isExposed()) {
                m_seen = true;
                // After the expose is handled (the widget paints synchronously on expose).
                QTimer::singleShot(0, this, [] {
                    std::printf("exposed\n");
                    std::fflush(stdout);
                    QTimer::singleShot(1000, QCoreApplication::instance(), [] {
                        std::printf("rss %lld\n", procStatusKb("VmRSS"));
                        std::fflush(stdout);
                        QCoreApplication::exit(0);
                    });
                });
            }
        }
        return false;
    }

private:
    bool m_seen = false;
};

int runColdStartChild(int argc, char **argv)
{
    QApplication app(argc, argv);
    QApplication::setOrganizationName(QStringLiteral("Kessai"));
    QApplication::setApplicationName(QStringLiteral("kessai"));
    QApplication::setQuitOnLastWindowClosed(false);
    ExposeWatcher watcher;
    app.installEventFilter(&watcher);
    Profile profile;
    profile.name = QStringLiteral("bench");
    ConsoleSession session(profile);
    session.start(QString());
    QTimer::singleShot(30000, &app, [] { QCoreApplication::exit(2); });
    return app.exec();
}

int runColdStart(const QCommandLineParser &args)
{
    const int reps = std::max(5, args.value(QStringLiteral("reps")).toInt());
    ResultWriter out(args.value(QStringLiteral("out")));
    std::vector<double> times;
    std::vector<double> rss;
    for (int i = 0; i < 1 + reps; ++i) { // one warm-up (page cache)
        QTemporaryDir home;
        QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
        env.insert(QStringLiteral("QT_QPA_PLATFORM"), QStringLiteral("offscreen"));
        env.insert(QStringLiteral("XDG_CONFIG_HOME"), home.path()); // no saved profile
        env.insert(QStringLiteral("HOME"), home.path());
        QProcess child;
        child.setProcessEnvironment(env);
        child.setProcessChannelMode(QProcess::ForwardedErrorChannel);
        QElapsedTimer t;
        t.start();
        child.start(QCoreApplication::applicationFilePath(), {QStringLiteral("coldstart-child")});
        double exposedMs = -1;
        qint64 rssKb = -1;
        while (child.state() != QProcess::NotRunning || child.canReadLine()) {
            if (!child.canReadLine() && !child.waitForReadyRead(30000))
                break;
            while (child.canReadLine()) {
                const QByteArray line = child.readLine().trimmed();
                if (line == "exposed" && exposedMs < 0)
                    exposedMs = msSince(t);
                else if (line.startsWith("rss "))
                    rssKb = line.mid(4).toLongLong();
            }
        }
        child.waitForFinished(30000);
        if (exposedMs < 0 || rssKb < 0)
            fail(QStringLiteral("the cold-start child did not show a window"));
        if (i > 0) {
            times.push_back(exposedMs);
            rss.push_back(double(rssKb) / 1024.0);
        }
    }
    const Stats st = statsOf(times);
    out.row(QStringLiteral("8 cold start to first window (ConnectionDialog, offscreen, via kessai_app)"),
            QStringLiteral("ms"), st, QStringLiteral("target only"), std::nullopt, QStringLiteral("< 500 ms"),
            st.median < 500.0);
    out.row(QStringLiteral("8 RSS at idle, 1 s after the first window"), QStringLiteral("MB"), statsOf(rss),
            QStringLiteral("none (absolute)"), std::nullopt);
    return 0;
}


} // namespace kessai::bench
