#include "paymentcatalog.h"

#include <QCoreApplication>

namespace kessai {

namespace {

QString translated(const char *text)
{
    return QCoreApplication::translate("kessai::PaymentCatalog", text);
}

struct StatusInfo
{
    int code;
    const char *label;
    StatusTone tone;
};

const QList<StatusInfo> &statusTable()
{
    static const QList<StatusInfo> table = {
        {10, QT_TRANSLATE_NOOP("kessai::PaymentCatalog", "Applied"), StatusTone::Pending},
        {11, QT_TRANSLATE_NOOP("kessai::PaymentCatalog", "Authorization declined"), StatusTone::Failed},
        {12, QT_TRANSLATE_NOOP("kessai::PaymentCatalog", "Payment deadline passed"), StatusTone::Failed},
        {13, QT_TRANSLATE_NOOP("kessai::PaymentCatalog", "3-D Secure aborted"), StatusTone::Failed},
        {15, QT_TRANSLATE_NOOP("kessai::PaymentCatalog", "Application aborted"), StatusTone::Failed},
        {20, QT_TRANSLATE_NOOP("kessai::PaymentCatalog", "Authorized"), StatusTone::Pending},
        {32, QT_TRANSLATE_NOOP("kessai::PaymentCatalog", "Authorization cancelled"), StatusTone::Cancelled},
        {33, QT_TRANSLATE_NOOP("kessai::PaymentCatalog", "Authorization expired"), StatusTone::Failed},
        {40, QT_TRANSLATE_NOOP("kessai::PaymentCatalog", "Cleared"), StatusTone::Done},
        {41, QT_TRANSLATE_NOOP("kessai::PaymentCatalog", "Cleared (cancel period over)"), StatusTone::Done},
        {43, QT_TRANSLATE_NOOP("kessai::PaymentCatalog", "Preliminary payment notice"), StatusTone::Pending},
        {60, QT_TRANSLATE_NOOP("kessai::PaymentCatalog", "Sale cancelled"), StatusTone::Cancelled},
        {61, QT_TRANSLATE_NOOP("kessai::PaymentCatalog", "Preliminary notice cancelled"), StatusTone::Cancelled},
    };
    return table;
}

} // namespace

const QList<PaymentTypeInfo> &PaymentCatalog::types()
{
    static const QList<PaymentTypeInfo> table = {
        {QStringLiteral("01"), QT_TRANSLATE_NOOP("kessai::PaymentCatalog", "ATM"), {10, 12, 40}, 500'000},
        {QStringLiteral("02"),
         QT_TRANSLATE_NOOP("kessai::PaymentCatalog", "Credit card"),
         {11, 13, 20, 32, 33, 40, 41, 60},
         9'999'999},
        {QStringLiteral("03"),
         QT_TRANSLATE_NOOP("kessai::PaymentCatalog", "Convenience store"),
         {10, 12, 43, 40, 61},
         299'999},
        {QStringLiteral("05"), QT_TRANSLATE_NOOP("kessai::PaymentCatalog", "Online banking"), {10, 15, 40}, 500'000},
    };
    return table;
}

const PaymentTypeInfo *PaymentCatalog::type(const QString &code)
{
    for (const PaymentTypeInfo &info : types()) {
        if (info.code == code)
            return &info;
    }
    return nullptr;
}

bool PaymentCatalog::isKnownType(const QString &code)
{
    return type(code) != nullptr;
}

qint64 PaymentCatalog::maxAmount(const QString &code)
{
    const PaymentTypeInfo *info = type(code);
    return info ? info->maxAmount : 0;
}

bool PaymentCatalog::isKnownStatus(int code)
{
    for (const StatusInfo &info : statusTable()) {
        if (info.code == code)
            return true;
    }
    return false;
}

QList<int> PaymentCatalog::allStatuses()
{
    QList<int> codes;
    for (const StatusInfo &info : statusTable())
        codes.append(info.code);
    return codes;
}

QString PaymentCatalog::typeLabel(const QString &code)
{
    const PaymentTypeInfo *info = type(code);
    return info ? translated(info->label) : code;
}

QString PaymentCatalog::statusLabel(int status, const QString &typeCode)
{
    if (typeCode == QLatin1String("02")) {
        if (status == 40)
            return QCoreApplication::translate("kessai::PaymentCatalog", "Captured");
        if (status == 41)
            return QCoreApplication::translate("kessai::PaymentCatalog", "Captured (cancel period over)");
    }
    for (const StatusInfo &info : statusTable()) {
        if (info.code == status)
            return translated(info.label);
    }
    return QString::number(status);
}

StatusTone PaymentCatalog::tone(int status)
{
    for (const StatusInfo &info : statusTable()) {
        if (info.code == status)
            return info.tone;
    }
    return StatusTone::Normal;
}

} // namespace kessai
