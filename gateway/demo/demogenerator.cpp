#include "demogenerator.h"

#include "payments/paymentnumbers.h"
#include "payments/paymentstore.h"

#include <QDateTime>
#include <QTimeZone>

#include <algorithm>
#include <array>
#include <random>
#include <vector>

namespace kessai::gateway {

namespace {

constexpr qint64 Day = 86400;
constexpr qint64 HistoryDays = 395; // 13 months
constexpr qint64 AuthorizationLifetime = 60 * Day;
constexpr qint64 CancelWindow = 60 * Day;
const QString System = QStringLiteral("system");

// Unbiased enough for demo data and, unlike std::uniform_int_distribution, identical on every
// standard library: the seed alone decides the data.
class Random
{
public:
    explicit Random(quint64 seed)
        : m_engine(seed)
    {}
    qint64 between(qint64 low, qint64 high) // inclusive
    {
        return low + static_cast<qint64>(m_engine() % static_cast<quint64>(high - low + 1));
    }
    int percent() { return static_cast<int>(between(0, 99)); }
    template<typename T, size_t N>
    const T &pick(const std::array<T, N> &items)
    {
        return items[static_cast<size_t>(between(0, static_cast<qint64>(N) - 1))];
    }

private:
    std::mt19937_64 m_engine;
};

struct Name
{
    QString kanji;
    QString kana;
    QString romaji;
};

const std::array<Name, 20> FamilyNames = {{
    {QStringLiteral("佐藤"), QStringLiteral("サトウ"), QStringLiteral("sato")},
    {QStringLiteral("鈴木"), QStringLiteral("スズキ"), QStringLiteral("suzuki")},
    {QStringLiteral("高橋"), QStringLiteral("タカハシ"), QStringLiteral("takahashi")},
    {QStringLiteral("田中"), QStringLiteral("タナカ"), QStringLiteral("tanaka")},
    {QStringLiteral("伊藤"), QStringLiteral("イトウ"), QStringLiteral("ito")},
    {QStringLiteral("渡辺"), QStringLiteral("ワタナベ"), QStringLiteral("watanabe")},
    {QStringLiteral("山本"), QStringLiteral("ヤマモト"), QStringLiteral("yamamoto")},
    {QStringLiteral("中村"), QStringLiteral("ナカムラ"), QStringLiteral("nakamura")},
    {QStringLiteral("小林"), QStringLiteral("コバヤシ"), QStringLiteral("kobayashi")},
    {QStringLiteral("加藤"), QStringLiteral("カトウ"), QStringLiteral("kato")},
    {QStringLiteral("吉田"), QStringLiteral("ヨシダ"), QStringLiteral("yoshida")},
    {QStringLiteral("山田"), QStringLiteral("ヤマダ"), QStringLiteral("yamada")},
    {QStringLiteral("佐々木"), QStringLiteral("ササキ"), QStringLiteral("sasaki")},
    {QStringLiteral("山口"), QStringLiteral("ヤマグチ"), QStringLiteral("yamaguchi")},
    {QStringLiteral("松本"), QStringLiteral("マツモト"), QStringLiteral("matsumoto")},
    {QStringLiteral("井上"), QStringLiteral("イノウエ"), QStringLiteral("inoue")},
    {QStringLiteral("木村"), QStringLiteral("キムラ"), QStringLiteral("kimura")},
    {QStringLiteral("林"), QStringLiteral("ハヤシ"), QStringLiteral("hayashi")},
    {QStringLiteral("清水"), QStringLiteral("シミズ"), QStringLiteral("shimizu")},
    {QStringLiteral("髙橋"), QStringLiteral("タカハシ"), QStringLiteral("takahashi")},
}};

const std::array<Name, 20> GivenNames = {{
    {QStringLiteral("花子"), QStringLiteral("ハナコ"), QStringLiteral("hanako")},
    {QStringLiteral("太郎"), QStringLiteral("タロウ"), QStringLiteral("taro")},
    {QStringLiteral("翔太"), QStringLiteral("ショウタ"), QStringLiteral("shota")},
    {QStringLiteral("陽菜"), QStringLiteral("ヒナ"), QStringLiteral("hina")},
    {QStringLiteral("蓮"), QStringLiteral("レン"), QStringLiteral("ren")},
    {QStringLiteral("結衣"), QStringLiteral("ユイ"), QStringLiteral("yui")},
    {QStringLiteral("大輔"), QStringLiteral("ダイスケ"), QStringLiteral("daisuke")},
    {QStringLiteral("美咲"), QStringLiteral("ミサキ"), QStringLiteral("misaki")},
    {QStringLiteral("健一"), QStringLiteral("ケンイチ"), QStringLiteral("kenichi")},
    {QStringLiteral("さくら"), QStringLiteral("サクラ"), QStringLiteral("sakura")},
    {QStringLiteral("直樹"), QStringLiteral("ナオキ"), QStringLiteral("naoki")},
    {QStringLiteral("愛"), QStringLiteral("アイ"), QStringLiteral("ai")},
    {QStringLiteral("拓也"), QStringLiteral("タクヤ"), QStringLiteral("takuya")},
    {QStringLiteral("由美"), QStringLiteral("ユミ"), QStringLiteral("yumi")},
    {QStringLiteral("誠"), QStringLiteral("マコト"), QStringLiteral("makoto")},
    {QStringLiteral("恵子"), QStringLiteral("ケイコ"), QStringLiteral("keiko")},
    {QStringLiteral("浩二"), QStringLiteral("コウジ"), QStringLiteral("koji")},
    {QStringLiteral("真由美"), QStringLiteral("マユミ"), QStringLiteral("mayumi")},
    {QStringLiteral("悠斗"), QStringLiteral("ユウト"), QStringLiteral("yuto")},
    {QStringLiteral("彩"), QStringLiteral("アヤ"), QStringLiteral("aya")},
}};

struct Brand
{
    QString name;
    std::array<const char *, 3> bins;
    int weight;
};

const std::array<Brand, 5> Brands = {{
    {QStringLiteral("VISA"), {"411111", "454742", "426684"}, 45},
    {QStringLiteral("Mastercard"), {"510000", "540000", "552200"}, 25},
    {QStringLiteral("JCB"), {"353011", "356600", "358000"}, 20},
    {QStringLiteral("AMEX"), {"371449", "378282", "377777"}, 6},
    {QStringLiteral("Diners"), {"361234", "365432", "300000"}, 4},
}};

const std::array<QString, 5> Chains = {QStringLiteral("ローソン"),
                                       QStringLiteral("ファミリーマート"),
                                       QStringLiteral("セブン-イレブン"),
                                       QStringLiteral("ミニストップ"),
                                       QStringLiteral("デイリーヤマザキ")};
const std::array<QString, 5> Banks = {QStringLiteral("三菱UFJ銀行"),
                                      QStringLiteral("三井住友銀行"),
                                      QStringLiteral("みずほ銀行"),
                                      QStringLiteral("楽天銀行"),
                                      QStringLiteral("ゆうちょ銀行")};
const std::array<QString, 3> AtmNetworks = {QStringLiteral("ゆうちょATM"),
                                            QStringLiteral("郵貯ATM"),
                                            QStringLiteral("ペイジー")};

struct Step
{
    int status;
    qint64 at;
};

// The generated payment and the status history that led to it.
struct Generated
{
    PaymentRecord payment;
    std::vector<Step> steps;
};

qint64 amountFor(Random &random, qint64 maximum)
{
    // Mostly everyday amounts, a few large ones; yen rounded to tens like real carts.
    const int bucket = random.percent();
    qint64 amount = 0;
    if (bucket < 60)
        amount = random.between(50, 1000) * 10;
    else if (bucket < 90)
        amount = random.between(1000, 5000) * 10;
    else
        amount = random.between(5000, maximum / 10);
    return std::min(amount * (bucket < 90 ? 1 : 10), maximum);
}

void fillCustomer(Random &random, Customer &customer, int serial)
{
    const Name &family = random.pick(FamilyNames);
    const Name &given = random.pick(GivenNames);
    customer.name = family.kanji + u' ' + given.kanji;
    customer.kana = family.kana + u' ' + given.kana;
    customer.email = given.romaji + u'.' + family.romaji + QString::number(serial % 1000)
                     + QStringLiteral("@example.jp");
    const std::array<const char *, 3> mobile = {"090", "080", "070"};
    customer.phone = QString::fromLatin1(random.pick(mobile)) + u'-'
                     + QString::number(random.between(1000, 9999)) + u'-'
                     + QString::number(random.between(1000, 9999));
}

void generateCard(Random &random, qint64 now, Generated &g)
{
    PaymentRecord &p = g.payment;
    p.type = QStringLiteral("02");
    int roll = static_cast<int>(random.between(0, 99));
    const Brand *brand = &Brands[0];
    for (const Brand &candidate : Brands) {
        if (roll < candidate.weight) {
            brand = &candidate;
            break;
        }
        roll -= candidate.weight;
    }
    p.institution = brand->name;
    p.card.brand = brand->name;
    p.card.bin = QString::fromLatin1(random.pick(brand->bins));
    p.card.last4 = QStringLiteral("%1").arg(random.between(0, 9999), 4, 10, QLatin1Char('0'));
    const QDate tradeDate = QDateTime::fromSecsSinceEpoch(p.tradeTime, Qt::UTC).date();
    p.card.expiry = QStringLiteral("%1/%2")
                        .arg(random.between(1, 12), 2, 10, QLatin1Char('0'))
                        .arg((tradeDate.year() + static_cast<int>(random.between(1, 5))) % 100, 2, 10, QLatin1Char('0'));
    p.amount = amountFor(random, 500000);

    const int outcome = random.percent();
    if (outcome < 4) {
        g.steps = {{11, p.tradeTime}};
        return;
    }
    if (outcome < 6) {
        g.steps = {{13, p.tradeTime}};
        return;
    }
    p.authorizedAmount = p.amount;
    g.steps = {{20, p.tradeTime}};
    const qint64 age = now - p.tradeTime;
    const int fate = random.percent();
    if (fate < 7) {
        g.steps.push_back({32, p.tradeTime + random.between(600, std::max<qint64>(601, std::min(age, 3 * Day)))});
        return;
    }
    if (fate < 20 && age < AuthorizationLifetime)
        return; // still authorized, waiting for capture
    if (fate < 27 && age >= AuthorizationLifetime) {
        g.steps.push_back({33, p.tradeTime + AuthorizationLifetime});
        return;
    }
    const qint64 capture = p.tradeTime + random.between(60, std::max<qint64>(61, std::min(age, 5 * Day)));
    if (capture >= now)
        return;
    p.clearedTime = capture;
    g.steps.push_back({40, capture});
    if (fate >= 92 && capture + Day < now) {
        g.steps.push_back({60, capture + random.between(3600, std::min(now - capture, CancelWindow))});
        return;
    }
    if (now - capture > CancelWindow)
        g.steps.push_back({41, capture + CancelWindow});
}

void generateConvenienceStore(Random &random, qint64 now, Generated &g)
{
    PaymentRecord &p = g.payment;
    p.type = QStringLiteral("03");
    p.institution = random.pick(Chains);
    p.amount = amountFor(random, 300000);
    p.dueTime = p.tradeTime + random.between(3, 10) * Day;
    g.steps = {{10, p.tradeTime}};
    const int fate = random.percent();
    const qint64 paidAt = p.tradeTime + random.between(3600, p.dueTime - p.tradeTime);
    if (paidAt < now && fate < 80) {
        // The store's preliminary notice comes first, the confirmed payment a few days later.
        g.steps.push_back({43, paidAt});
        const qint64 confirmed = paidAt + random.between(2, 4) * Day;
        if (fate < 3) {
            g.steps.push_back({61, paidAt + random.between(600, Day)});
        } else if (confirmed < now) {
            p.clearedTime = confirmed;
            g.steps.push_back({40, confirmed});
        }
    } else if (p.dueTime < now) {
        g.steps.push_back({12, p.dueTime});
    }
}

void generateAtm(Random &random, qint64 now, Generated &g)
{
    PaymentRecord &p = g.payment;
    p.type = QStringLiteral("01");
    p.institution = random.pick(AtmNetworks);
    p.amount = amountFor(random, 500000);
    p.dueTime = p.tradeTime + random.between(3, 14) * Day;
    g.steps = {{10, p.tradeTime}};
    const qint64 paidAt = p.tradeTime + random.between(600, p.dueTime - p.tradeTime);
    if (paidAt < now && random.percent() < 82) {
        p.clearedTime = paidAt;
        g.steps.push_back({40, paidAt});
    } else if (p.dueTime < now) {
        g.steps.push_back({12, p.dueTime});
    }
}

void generateBank(Random &random, qint64 now, Generated &g)
{
    PaymentRecord &p = g.payment;
    p.type = QStringLiteral("05");
    p.institution = random.pick(Banks);
    p.amount = amountFor(random, 500000);
    p.dueTime = p.tradeTime + Day;
    g.steps = {{10, p.tradeTime}};
    const int fate = random.percent();
    const qint64 doneAt = p.tradeTime + random.between(60, 3600);
    if (doneAt >= now)
        return;
    if (fate < 88) {
        p.clearedTime = doneAt;
        g.steps.push_back({40, doneAt});
    } else if (fate < 97 || p.dueTime < now) {
        g.steps.push_back({15, doneAt});
    }
}

Generated brochurePayment(int index, qint64 tradeTime)
{
    Generated g;
    PaymentRecord &p = g.payment;
    p.tradeTime = tradeTime;
    p.tradingId = QStringLiteral("paygent%1").arg(index + 1, 2, 10, QLatin1Char('0'));
    switch (index) {
    case 0:
        p.type = QStringLiteral("05");
        p.institution = QStringLiteral("三菱東京UFJ");
        p.amount = 1200;
        p.dueTime = tradeTime + Day;
        p.clearedTime = tradeTime + 300;
        g.steps = {{10, tradeTime}, {40, p.clearedTime}};
        p.customer = {QStringLiteral("山田 太郎"), QStringLiteral("ヤマダ タロウ"),
                      QStringLiteral("taro.yamada@example.jp"), QStringLiteral("090-1111-2222")};
        break;
    case 1:
        p.type = QStringLiteral("02");
        p.institution = QStringLiteral("VISA");
        p.amount = 6300;
        p.authorizedAmount = 6300;
        p.card = {QStringLiteral("VISA"), QStringLiteral("411111"), QStringLiteral("1111"), QStringLiteral("12/30")};
        g.steps = {{20, tradeTime}};
        p.customer = {QStringLiteral("佐藤 花子"), QStringLiteral("サトウ ハナコ"),
                      QStringLiteral("hanako.sato@example.jp"), QStringLiteral("080-3333-4444")};
        break;
    case 2:
        p.type = QStringLiteral("03");
        p.institution = QStringLiteral("ローソン");
        p.amount = 12000;
        p.dueTime = tradeTime + 7 * Day;
        p.clearedTime = tradeTime + 2 * Day;
        g.steps = {{10, tradeTime}, {43, tradeTime + Day}, {40, p.clearedTime}};
        p.customer = {QStringLiteral("鈴木 一郎"), QStringLiteral("スズキ イチロウ"),
                      QStringLiteral("ichiro.suzuki@example.jp"), QStringLiteral("070-5555-6666")};
        break;
    case 3:
        p.type = QStringLiteral("03");
        p.institution = QStringLiteral("ファミリーマート");
        p.amount = 8000;
        p.dueTime = tradeTime + 10 * Day;
        g.steps = {{10, tradeTime}};
        p.customer = {QStringLiteral("高橋 美咲"), QStringLiteral("タカハシ ミサキ"),
                      QStringLiteral("misaki.takahashi@example.jp"), QStringLiteral("090-7777-8888")};
        break;
    default:
        p.type = QStringLiteral("01");
        p.institution = QStringLiteral("郵貯ATM");
        p.amount = 25000;
        p.dueTime = tradeTime + 7 * Day;
        p.clearedTime = tradeTime + Day;
        g.steps = {{10, tradeTime}, {40, p.clearedTime}};
        p.customer = {QStringLiteral("田中 健一"), QStringLiteral("タナカ ケンイチ"),
                      QStringLiteral("kenichi.tanaka@example.jp"), QStringLiteral("080-9999-0000")};
        break;
    }
    return g;
}

} // namespace

Result<qint64> DemoGenerator::generate(PaymentStore &store, const Database &database, const Options &options)
{
    if (options.count < BrochurePayments)
        return makeError(QStringLiteral("--payments must be at least %1 (the brochure payments)").arg(BrochurePayments));
    auto highest = store.maxPaymentId();
    if (!highest)
        return makeError(highest.error());
    const qint64 firstId = std::max(PaymentStore::FirstPaymentId, highest.value() + 1);

    Random random(options.seed);
    const qint64 now = options.now;
    // Anchor to the day so that runs on the same day with the same seed agree.
    const qint64 today = now - now % Day;
    const qint64 start = today - HistoryDays * Day;

    // Time slot and brochure index (-1 = generated); sorted so payment ids grow with time.
    std::vector<std::pair<qint64, int>> timeSlots;
    timeSlots.reserve(static_cast<size_t>(options.count));
    for (int i = 0; i < BrochurePayments; ++i)
        timeSlots.emplace_back(today - (BrochurePayments + 2 - i) * Day + 10 * 3600 + i * 600, i);
    // Stratified: the i-th payment falls in the i-th equal slice of the history, so even a small
    // merchant trades (and has statements) in every month. One draw per payment, as before.
    const qint64 drawn = options.count - BrochurePayments;
    const qint64 span = now - 60 - start;
    for (qint64 i = 0; i < drawn; ++i) {
        const qint64 low = start + span * i / drawn;
        timeSlots.emplace_back(random.between(low, std::max(low, start + span * (i + 1) / drawn - 1)), -1);
    }
    std::sort(timeSlots.begin(), timeSlots.end());

    PaymentStore::BulkLoader loader(database);
    if (auto begun = loader.begin(now); !begun)
        return makeError(begun.error());

    qint64 currentDay = -1;
    QString dayPrefix;
    int daySerial = 0;
    qint64 written = 0;
    for (const auto &[tradeTime, brochureIndex] : timeSlots) {
        Generated g;
        if (brochureIndex >= 0) {
            g = brochurePayment(brochureIndex, tradeTime);
        } else {
            g.payment.tradeTime = tradeTime;
            if (tradeTime / Day != currentDay) {
                currentDay = tradeTime / Day;
                dayPrefix = QStringLiteral("ORD")
                            + QDateTime::fromSecsSinceEpoch(tradeTime, Qt::UTC).toString(QStringLiteral("yyyyMMdd"))
                            + u'_';
                daySerial = 0;
            }
            g.payment.tradingId = dayPrefix + QStringLiteral("%1").arg(++daySerial, 5, 10, QLatin1Char('0'));
            const int kind = random.percent();
            if (kind < 55)
                generateCard(random, now, g);
            else if (kind < 80)
                generateConvenienceStore(random, now, g);
            else if (kind < 90)
                generateAtm(random, now, g);
            else
                generateBank(random, now, g);
            fillCustomer(random, g.payment.customer, static_cast<int>(written));
        }
        PaymentRecord &p = g.payment;
        // Nothing happens in the future: late steps of very recent payments are clamped to now.
        for (Step &step : g.steps)
            step.at = std::min(step.at, now);
        p.clearedTime = std::min(p.clearedTime, now);
        p.paymentId = firstId + written;
        p.merchantId = options.merchantId;
        p.status = g.steps.back().status;
        // Derived from the id rather than drawn, so adding them left the seeded data unchanged.
        if (p.type == QLatin1String("03"))
            p.receiptNumber = PaymentNumbers::receiptNumber(p.paymentId);
        else if (p.type == QLatin1String("01"))
            p.paymentNumber = PaymentNumbers::atmPaymentNumber(p.paymentId);
        if (auto added = loader.add(p); !added)
            return makeError(added.error());
        int previous = 0;
        for (const Step &step : g.steps) {
            if (auto added = loader.addEvent({p.paymentId, step.at, System, previous, step.status, p.amount}); !added)
                return makeError(added.error());
            previous = step.status;
        }
        ++written;
    }
    if (auto finished = loader.finish(); !finished)
        return makeError(finished.error());
    return written;
}

} // namespace kessai::gateway
