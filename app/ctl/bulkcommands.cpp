#include "bulkcommands.h"

#include "api/merchantclient.h"
#include "bulk/bulkfile.h"
#include "bulk/bulkfileresolver.h"
#include "bulk/bulkrunner.h"
#include "ctlsession.h"
#include "domain/japantime.h"
#include "journal/batchjournal.h"
#include "texttable.h"

#include <QDir>
#include <QEventLoop>
#include <QFileInfo>
#include <QLocale>
#include <QStandardPaths>

#include <unistd.h>

namespace kessai::ctl {

namespace {

constexpr int JournalDays = 90;

// One line on a terminal that rewrites itself; nothing at all when stdout is a file or a pipe.
class ProgressLine
{
public:
    ProgressLine()
        : m_enabled(isatty(STDOUT_FILENO) == 1)
    {
    }
    ~ProgressLine() { clear(); }
    ProgressLine(const ProgressLine &) = delete;
    ProgressLine &operator=(const ProgressLine &) = delete;

    void show(const QString &text)
    {
        if (!m_enabled)
            return;
        out() << '\r' << text << "\x1b[K" << Qt::flush;
        m_shown = true;
    }
    void clear()
    {
        if (m_shown)
            out() << "\r\x1b[K" << Qt::flush;
        m_shown = false;
    }

private:
    bool m_enabled;
    bool m_shown = false;
};

QString clock(qint64 ms)
{
    const qint64 s = ms / 1000;
    return QStringLiteral("%1:%2").arg(s / 60).arg(s % 60, 2, 10, QLatin1Char('0'));
}

QString kindWord(PaymentAction::Kind kind)
{
    return kind == PaymentAction::Kind::Cancel ? Ctl::tr("cancel") : Ctl::tr("capture");
}

QString permissionOf(PaymentAction::Kind kind)
{
    return kind == PaymentAction::Kind::Cancel ? QStringLiteral("cancel") : QStringLiteral("capture");
}

std::unique_ptr<BatchJournal> openJournal(const BulkOptions &options)
{
    const QString dir = options.journalDir.isEmpty() ? defaultJournalDir() : options.journalDir;
    QString problem;
    std::unique_ptr<BatchJournal> journal = BatchJournal::open(QDir(dir).filePath(QStringLiteral("journal.sqlite")), &problem);
    if (!journal) {
        complain(Ctl::tr("Cannot open the journal in %1: %2").arg(QDir::toNativeSeparators(dir), problem));
        return nullptr;
    }
    journal->prune(QDateTime::currentDateTimeUtc().addDays(-JournalDays));
    return journal;
}

int login(MerchantClient &client, const BulkOptions &options)
{
    Connection connection;
    QString problem;
    if (!resolveConnection(options.profile, &connection, &problem)) {
        complain(problem);
        return Usage;
    }
    return connectAndLogin(client, connection);
}

bool mayAct(const MerchantClient &client, PaymentAction::Kind kind)
{
    if (client.user().can(permissionOf(kind)))
        return true;
    complain(Ctl::tr("%1 may not %2 payments (no \"%3\" permission); nothing was sent.")
                 .arg(client.user().loginId, kindWord(kind), permissionOf(kind)));
    return false;
}

// Runs one journaled batch to its end and prints what became of it. lines: the file line of
// each item by its place in the batch (empty when the file is not at hand).
int runBatch(MerchantClient &client, BatchJournal &journal, qint64 batchId, const QString &fileLabel,
             const QList<int> &lines)
{
    const QLocale locale;
    const auto before = journal.batch(batchId);
    if (!before) {
        complain(Ctl::tr("Batch %1 is not in the journal.").arg(batchId));
        return Usage;
    }
    BulkRunner runner(&client, &journal, batchId);
    ProgressLine progress;
    QEventLoop loop;
    bool ended = false;
    BulkRunner::End end = BulkRunner::End::Finished;
    ApiError lastError;
    QObject::connect(&runner, &BulkRunner::progress, &loop, [&](int done, int total) {
        const qint64 left = runner.remainingMs();
        progress.show(Ctl::tr("%1 %2 of %3 payments, %4 elapsed%5")
                          .arg(kindWord(before->kind), locale.toString(done), locale.toString(total),
                               clock(runner.elapsedMs()),
                               left < 0 ? QString() : Ctl::tr(", about %1 left").arg(clock(left))));
    });
    QObject::connect(&runner, &BulkRunner::finished, &loop, [&](BulkRunner::End e, const ApiError &error) {
        ended = true;
        end = e;
        lastError = error;
        loop.quit();
    });
    runner.start();
    if (!ended)
        loop.exec();
    progress.clear();

    const auto batch = journal.batch(batchId);
    if (!batch) {
        complain(Ctl::tr("The journal cannot be read: %1").arg(journal.lastError()));
        return SomeFailed;
    }
    bool refusedForPermission = false;
    for (const BatchJournal::Item &item : journal.items(batchId)) {
        if (item.state != BatchJournal::ItemState::Failed)
            continue;
        if (item.errorCode == QLatin1String("forbidden") || item.errorCode == QLatin1String("session_expired")
            || item.errorCode == QLatin1String("unauthenticated"))
            refusedForPermission = true;
        const QString reason = paymentActionErrorText(item.errorCode, item.errorMessage);
        const int line = item.line > 0 ? item.line : lines.value(item.seq, 0);
        if (line > 0)
            err() << fileLabel << ':' << line << ": " << item.paymentId << ": " << reason << Qt::endl;
        else
            err() << item.paymentId << ": " << reason << Qt::endl;
    }
    out() << Ctl::tr("Batch %1 (%2 of %3 payments): %4 succeeded, %5 failed, %6 skipped.")
                 .arg(QString::number(batchId), kindWord(batch->kind), locale.toString(batch->items),
                      locale.toString(batch->succeeded), locale.toString(batch->failed), locale.toString(batch->skipped))
          << Qt::endl;

    switch (end) {
    case BulkRunner::End::Finished:
        break;
    case BulkRunner::End::Interrupted:
        complain(Ctl::tr("Interrupted: %1 Run the same command again, or kessaictl resume %2, to finish the batch; "
                         "nothing will be done twice.")
                     .arg(lastError.displayText())
                     .arg(batchId));
        return lastError.isError() ? std::max(exitCodeFor(lastError), int(SomeFailed)) : int(ConnectionFailed);
    case BulkRunner::End::Cancelled:
        complain(Ctl::tr("Stopped; kessaictl resume %1 finishes the batch.").arg(batchId));
        return SomeFailed;
    case BulkRunner::End::JournalError:
        complain(Ctl::tr("The journal could not be written (%1); nothing more was sent. kessaictl resume %2 goes on "
                         "once it can be.")
                     .arg(journal.lastError())
                     .arg(batchId));
        return SomeFailed;
    }
    if (batch->failed == 0)
        return Done;
    return refusedForPermission ? AuthFailed : SomeFailed;
}

void printFileErrors(const QString &fileLabel, const BulkFile &file)
{
    for (const BulkFileError &e : file.errors()) {
        if (e.line > 0)
            err() << fileLabel << ':' << e.line << ": " << e.message << Qt::endl;
        else
            err() << fileLabel << ": " << e.message << Qt::endl;
    }
    complain(Ctl::tr("%n error(s) in %1; nothing was sent.", nullptr, int(file.errors().size())).arg(fileLabel));
}

} // namespace

QString defaultJournalDir()
{
    return QStandardPaths::writableLocation(QStandardPaths::AppDataLocation);
}

int runFile(PaymentAction::Kind kind, const BulkOptions &options)
{
    // The whole file is checked before connecting: a broken file never costs a login.
    const BulkFile parsed = BulkFile::read(options.file, kind);
    if (!parsed.isClean()) {
        printFileErrors(options.file, parsed);
        return Usage;
    }
    const std::unique_ptr<BatchJournal> journal = openJournal(options);
    if (!journal)
        return Usage;
    MerchantClient client;
    if (const int rc = login(client, options); rc != Done)
        return rc;
    const auto finish = [&client](int rc) {
        waitFor(client.logout());
        return rc;
    };
    if (!mayAct(client, kind))
        return finish(AuthFailed);

    // The same bytes were journaled before: finish that batch (its keys make every item happen
    // once), or, if it finished, say so rather than send it all again.
    const UserInfo &user = client.user();
    int otherUnfinished = 0;
    for (const BatchJournal::Batch &b : journal->batches(false, user.merchantId, user.loginId)) {
        if (b.kind != kind || BulkFile::sha256OfSource(b.source) != parsed.sha256()) {
            otherUnfinished += b.finished ? 0 : 1;
            continue;
        }
        if (!b.finished) {
            out() << Ctl::tr("Finishing batch %1, made from this file on %2 (%3 of %4 payments answered).")
                         .arg(QString::number(b.id), JapanTime::format(b.created), QLocale().toString(b.succeeded + b.failed),
                              QLocale().toString(b.items - b.skipped))
                  << Qt::endl;
            return finish(runBatch(client, *journal, b.id, options.file, parsed.lineNumbers(kind)));
        }
        if (!options.again) {
            complain(Ctl::tr("This file already ran as batch %1 on %2 (%3 succeeded, %4 failed); nothing was sent. "
                             "Use --again to run it once more.")
                         .arg(QString::number(b.id), JapanTime::format(b.created), QString::number(b.succeeded),
                              QString::number(b.failed)));
            return finish(Usage);
        }
    }

    // Another file's batch left unfinished (perhaps this file before it was edited) is not this
    // run's to finish, but it must not be forgotten.
    if (otherUnfinished > 0)
        complain(Ctl::tr("Note: %n other unfinished batch(es) of %1 in the journal; kessaictl resume finishes them.",
                         nullptr, otherUnfinished)
                     .arg(user.loginId));

    BulkFile file = parsed;
    if (file.needsResolving()) {
        ProgressLine progress;
        BulkFileResolver resolver(&client);
        QEventLoop loop;
        QObject::connect(&resolver, &BulkFileResolver::progress, &loop, [&progress](int done, int total) {
            progress.show(Ctl::tr("Looking up 取引ID: %1 of %2").arg(QLocale().toString(done), QLocale().toString(total)));
        });
        QObject::connect(&resolver, &BulkFileResolver::finished, &loop, &QEventLoop::quit);
        resolver.start(file);
        if (resolver.isRunning())
            loop.exec();
        progress.clear();
        if (resolver.error().isError()) {
            complain(resolver.error().displayText());
            return finish(exitCodeFor(resolver.error()));
        }
        file = resolver.result();
        if (!file.isClean()) {
            printFileErrors(options.file, file);
            return finish(Usage);
        }
    }

    const auto batchId = journal->createBatch(kind, file.items(kind), {}, file.journalSource(), user.merchantId,
                                              user.loginId, options.chunkSize, file.lineNumbers(kind));
    if (!batchId) {
        complain(Ctl::tr("Cannot write the journal: %1; nothing was sent.").arg(journal->lastError()));
        return finish(SomeFailed);
    }
    return finish(runBatch(client, *journal, *batchId, options.file, file.lineNumbers(kind)));
}

int listBatches(const BulkOptions &options)
{
    const std::unique_ptr<BatchJournal> journal = openJournal(options);
    if (!journal)
        return Usage;
    const QLocale locale;
    TextTable table({Ctl::tr("Batch"), Ctl::tr("Created"), Ctl::tr("Action"), Ctl::tr("Source"), Ctl::tr("User"),
                     Ctl::tr("Payments"), Ctl::tr("Succeeded"), Ctl::tr("Failed"), Ctl::tr("Skipped"), Ctl::tr("State")},
                    {true, false, false, false, false, true, true, true, true, false});
    const QList<BatchJournal::Batch> batches = journal->batches(options.unfinishedOnly);
    for (const BatchJournal::Batch &b : batches) {
        QString source = b.source;
        if (!BulkFile::sha256OfSource(source).isEmpty()) // "file:NAME sha256:…": the name says enough
            source = source.mid(5, source.lastIndexOf(QLatin1String(" sha256:")) - 5);
        table.addRow({QString::number(b.id), JapanTime::format(b.created), kindWord(b.kind), source,
                      b.merchantId + u'/' + b.loginId, locale.toString(b.items), locale.toString(b.succeeded),
                      locale.toString(b.failed), locale.toString(b.skipped),
                      b.finished ? Ctl::tr("finished")
                                 : Ctl::tr("unfinished (%1 of %2 chunks answered)").arg(b.answeredChunks).arg(b.chunks)});
    }
    out() << table.render();
    out() << (options.unfinishedOnly ? Ctl::tr("%n unfinished batch(es)", nullptr, int(batches.size()))
                                     : Ctl::tr("%n batch(es)", nullptr, int(batches.size())))
          << Qt::endl;
    return Done;
}

int resumeBatches(const BulkOptions &options)
{
    const std::unique_ptr<BatchJournal> journal = openJournal(options);
    if (!journal)
        return Usage;
    MerchantClient client;
    if (const int rc = login(client, options); rc != Done)
        return rc;
    const auto finish = [&client](int rc) {
        waitFor(client.logout());
        return rc;
    };
    QList<BatchJournal::Batch> todo = journal->batches(true, client.user().merchantId, client.user().loginId);
    if (options.batchId > 0) {
        todo.removeIf([&options](const BatchJournal::Batch &b) { return b.id != options.batchId; });
        if (todo.isEmpty()) {
            complain(Ctl::tr("Batch %1 is not an unfinished batch of %2 in this journal.")
                         .arg(QString::number(options.batchId), client.user().loginId));
            return finish(Usage);
        }
    }
    if (todo.isEmpty()) {
        out() << Ctl::tr("Nothing to resume: no unfinished batch of %1.").arg(client.user().loginId) << Qt::endl;
        return finish(Done);
    }
    std::reverse(todo.begin(), todo.end()); // oldest first, as they were started
    int worst = Done;
    for (const BatchJournal::Batch &b : std::as_const(todo)) {
        if (!mayAct(client, b.kind)) {
            worst = std::max(worst, int(AuthFailed));
            continue;
        }
        const QString label = BulkFile::sha256OfSource(b.source).isEmpty()
                                  ? b.source
                                  : b.source.mid(5, b.source.lastIndexOf(QLatin1String(" sha256:")) - 5);
        out() << Ctl::tr("Resuming batch %1 (%2, %3).").arg(QString::number(b.id), kindWord(b.kind), label) << Qt::endl;
        const int rc = runBatch(client, *journal, b.id, label, {});
        worst = std::max(worst, rc);
        if (rc == ConnectionFailed || rc == AuthFailed)
            break;
    }
    return finish(worst);
}

} // namespace kessai::ctl
