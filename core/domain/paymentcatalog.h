#pragma once

#include <QList>
#include <QString>

namespace kessai {

// PAYGENT's payment types (決済種別) and statuses (決済ステータス) as data: a new type is a row in
// the catalogue, not a code branch. Labels are translated at the point of display.

enum class PaymentStatus : int {
    Applied = 10,                 // 申込済
    AuthorizationNg = 11,         // オーソリNG
    PaymentExpired = 12,          // 支払期限切
    ThreeDSecureAborted = 13,     // 3Dセキュア中断
    ApplicationAborted = 15,      // 申込中断
    Authorized = 20,              // オーソリOK
    AuthorizationCancelled = 32,  // オーソリ取消済
    AuthorizationExpired = 33,    // オーソリ期限切
    Cleared = 40,                 // 消込済 (card: 売上済)
    ClearedCancelWindowClosed = 41, // 消込済（売上取消期限切）
    PreliminaryDetected = 43,     // 速報検知済
    SaleCancelled = 60,           // 売上取消済
    PreliminaryCancelled = 61,    // 速報取消済
};

enum class StatusTone { Normal, Pending, Done, Failed, Cancelled };

// The smallest amount of any payment, in yen.
constexpr qint64 MinPaymentAmount = 1;

struct PaymentTypeInfo
{
    QString code;        // "02"
    const char *label;   // untranslated source text (QT_TRANSLATE_NOOP "kessai::PaymentCatalog")
    QList<int> statuses; // statuses a payment of this type can be in, PAYGENT order
    qint64 maxAmount;    // the largest amount one payment of this type may have, in yen
};

class PaymentCatalog
{
public:
    static const QList<PaymentTypeInfo> &types();
    static const PaymentTypeInfo *type(const QString &code);
    static bool isKnownType(const QString &code);
    static bool isKnownStatus(int code);
    static QList<int> allStatuses();
    // The largest amount of one payment of this type (0 for an unknown type). The gateway
    // enforces it; the console uses it to say the limit before asking.
    static qint64 maxAmount(const QString &code);

    // Translated labels. The status label depends on the type: 40 is 売上済 for a card.
    static QString typeLabel(const QString &code);
    static QString statusLabel(int status, const QString &typeCode = QString());
    static StatusTone tone(int status);
};

} // namespace kessai
