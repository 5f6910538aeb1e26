// SPDX-License-Identifier: GPL-3.0-or-later
// QML tests of the window (tests/qml/tst_*.qml) with a real ChatController on a temporary store and
// the fake model server, exposed to them as `chat`.
#include "chatcontroller.h"
#include "fakellmserver.h"

#include <QFile>
#include <QQmlContext>
#include <QQmlEngine>
#include <QQmlExtensionPlugin>
#include <QTemporaryDir>
#include <QtQuickTest>

#include <memory>

using namespace Qt::StringLiterals;

Q_IMPORT_QML_PLUGIN(BatonPlugin)

class Setup : public QObject
{
    Q_OBJECT

public:
    Setup() = default;

public Q_SLOTS:
    void qmlEngineAvailable(QQmlEngine *engine)
    {
        m_llm = std::make_unique<FakeLlmServer>();
        m_llm->setEchoDelayMs(30); // long enough to see a reply stream
        if (!m_llm->listen())
            qFatal("cannot start the fake model");
        QFile ini(m_dir.filePath(u"baton.ini"_s));
        if (!ini.open(QIODevice::WriteOnly))
            qFatal("cannot write the config");
        // Telegram has a home, so the handoff menu offers it; no gateway runs, so it never completes.
        ini.write("[llm]\nbase_url=" + m_llm->baseUrl().toString().toUtf8() + "\nmodel=fake-model\n"
            + "[telegram]\nenabled=true\nhome_chat=-100123\n");
        ini.close();
        m_controller = std::make_unique<ChatController>(AppPaths { m_dir.path(), m_dir.filePath(u"baton.ini"_s) });
        if (!m_controller->open())
            qFatal("%s", qPrintable(m_controller->errorText()));
        engine->rootContext()->setContextProperty(u"chat"_s, m_controller.get());
    }

private:
    QTemporaryDir m_dir;
    std::unique_ptr<FakeLlmServer> m_llm;
    std::unique_ptr<ChatController> m_controller;
};

QUICK_TEST_MAIN_WITH_SETUP(qmlwindow, Setup)
#include "tst_qmlwindow.moc"
