#pragma once

#include "tls/clientidentity.h"

#include <QDialog>

namespace kessai {

// The signed-in user's certificate: subject, issuer, serial number, SHA-256 fingerprint and
// validity, with how long it has left (a warning from 30 days before its end). Every value can
// be selected and copied, to quote to an administrator.
class CertificateDialog final : public QDialog
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(CertificateDialog)

public:
    explicit CertificateDialog(const ClientIdentity &identity, QWidget *parent = nullptr,
                               const QDateTime &now = QDateTime::currentDateTimeUtc());
    ~CertificateDialog() override;
};

} // namespace kessai
