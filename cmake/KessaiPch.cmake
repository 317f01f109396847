# Precompiled headers. A test or a page spends most of its front-end time in the same Qt and
# standard headers; two precompiled headers, built once per build tree, serve every target:
#   core    — the standard library, QtCore, QtNetwork, QtSql (core, models, gateway, kessaictl,
#             the tests without widgets);
#   widgets — core, plus QtGui and the QtWidgets classes the pages use (widgets, app, GUI tests).
# Targets reuse them (REUSE_FROM), so every target of a build tree must compile with the same
# flags, which kessai_options and the build type already ensure. The headers named here are
# safe to share because none of them looks at a per-target macro (QT_WIDGETS_LIB and friends
# are read only by QtTest, which stays out). CMake adds -Winvalid-pch, so a PCH GCC cannot use
# is a warning, and an error under KESSAI_WERROR, never a silent slowdown.
# Off with -DKESSAI_PCH=OFF, and under clang (the fuzz preset), which checks every macro.
option(KESSAI_PCH "Precompile the Qt and standard headers most sources include" ON)

set(KESSAI_PCH_CORE_HEADERS
    <algorithm> <array> <cstdint> <functional> <memory> <optional> <utility> <vector>
    <QtCore/QBuffer> <QtCore/QByteArray> <QtCore/QCommandLineParser> <QtCore/QCoreApplication>
    <QtCore/QCryptographicHash> <QtCore/QDate> <QtCore/QDateTime> <QtCore/QDir>
    <QtCore/QElapsedTimer> <QtCore/QEventLoop> <QtCore/QFile> <QtCore/QFileInfo> <QtCore/QHash>
    <QtCore/QJsonArray> <QtCore/QJsonDocument> <QtCore/QJsonObject> <QtCore/QList>
    <QtCore/QLocale> <QtCore/QLoggingCategory> <QtCore/QObject> <QtCore/QPointer>
    <QtCore/QProcess> <QtCore/QRegularExpression> <QtCore/QSet> <QtCore/QSettings>
    <QtCore/QStandardPaths> <QtCore/QString> <QtCore/QStringList> <QtCore/QTemporaryDir>
    <QtCore/QTimeZone> <QtCore/QTimer> <QtCore/QUrl> <QtCore/QUrlQuery> <QtCore/QVariant>
    <QtNetwork/QNetworkAccessManager> <QtNetwork/QNetworkReply> <QtNetwork/QNetworkRequest>
    <QtNetwork/QSslCertificate> <QtNetwork/QSslConfiguration> <QtNetwork/QSslKey>
    <QtSql/QSqlDatabase> <QtSql/QSqlError> <QtSql/QSqlQuery>)

set(KESSAI_PCH_WIDGETS_HEADERS ${KESSAI_PCH_CORE_HEADERS}
    <QtGui/QAction> <QtWidgets/QApplication> <QtWidgets/QCheckBox> <QtWidgets/QComboBox>
    <QtWidgets/QDialog> <QtWidgets/QDialogButtonBox> <QtWidgets/QFormLayout>
    <QtWidgets/QHBoxLayout> <QtWidgets/QHeaderView> <QtWidgets/QLabel> <QtWidgets/QLineEdit>
    <QtWidgets/QMessageBox> <QtWidgets/QPushButton> <QtWidgets/QTableView>
    <QtWidgets/QVBoxLayout>)

if(KESSAI_PCH AND CMAKE_CXX_COMPILER_ID STREQUAL "GNU")
    # GCC uses a PCH only where every macro defined when it was built is defined the same way,
    # so a host links only the Qt modules all its users link (QT_CORE_LIB; QT_GUI_LIB and
    # QT_WIDGETS_LIB for widgets) and takes the other modules' include paths alone.
    foreach(kind core widgets)
        add_library(kessai_pch_${kind} OBJECT ${CMAKE_CURRENT_LIST_DIR}/pch.cpp)
        set_target_properties(kessai_pch_${kind} PROPERTIES AUTOMOC OFF AUTOUIC OFF AUTORCC OFF)
        target_link_libraries(kessai_pch_${kind} PRIVATE Qt6::Core kessai_options)
        target_include_directories(kessai_pch_${kind} SYSTEM PRIVATE
            $<TARGET_PROPERTY:Qt6::Network,INTERFACE_INCLUDE_DIRECTORIES>
            $<TARGET_PROPERTY:Qt6::Sql,INTERFACE_INCLUDE_DIRECTORIES>)
    endforeach()
    target_link_libraries(kessai_pch_widgets PRIVATE Qt6::Gui Qt6::Widgets)
    target_precompile_headers(kessai_pch_core PRIVATE ${KESSAI_PCH_CORE_HEADERS})
    target_precompile_headers(kessai_pch_widgets PRIVATE ${KESSAI_PCH_WIDGETS_HEADERS})
endif()

# kessai_use_pch(TARGET core|widgets)
function(kessai_use_pch target kind)
    if(TARGET kessai_pch_${kind})
        target_precompile_headers(${target} REUSE_FROM kessai_pch_${kind})
    endif()
endfunction()
