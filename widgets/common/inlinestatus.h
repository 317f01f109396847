#pragma once

#include <QWidget>

class QLabel;
class QProgressBar;

namespace kessai {

// The strip under a small dialog's fields (log in, unlock, change password): the gateway's
// refusal in red, selectable and wrapped, and a thin busy bar while a request runs. Hidden parts
// take no room.
class InlineStatus final : public QWidget
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(InlineStatus)

public:
    // errorObjectName: the error label's object name (tests find it by that).
    explicit InlineStatus(const QString &errorObjectName, QWidget *parent = nullptr);

    void showError(const QString &text);
    void clearError();
    void setBusy(bool busy);
    bool isBusy() const;

private:
    QLabel *m_error;
    QProgressBar *m_progress;
};

} // namespace kessai
