// SPDX-License-Identifier: GPL-3.0-or-later
// QML tests of the window (tests/qml/tst_*.qml) with a real ChatController on a temporary store and
// the fake model server, reached as the window reaches it: the ChatController singleton.
#include "chatcontroller.h"
#include "fakehttpserver.h"
#include "fakellmserver.h"
#include "settingscontroller.h"
#include "store/database.h"
#include "store/sessionstore.h"
#include "testpalette.h"

#include <QDesktopServices>
#include <QDir>
#include <QFile>
#include <QGuiApplication>
#include <QPointer>
#include <QQmlEngine>
#include <QQmlExtensionPlugin>
#include <QQuickTextDocument>
#include <QTemporaryDir>
#include <QTextBlock>
#include <QTextDocument>
#include <QTextLayout>
#include <QtQuickTest>

#include <memory>

using namespace Qt::StringLiterals;

Q_IMPORT_QML_PLUGIN(BatonPlugin)

/// A local web server that counts what the window fetches, a session of untrusted text that
/// points at it, and what the window asked the desktop to open; the `Probe` singleton of
/// `import BatonTest`.
class Probe : public QObject
{
    Q_OBJECT
    QML_ELEMENT
    QML_SINGLETON
    Q_PROPERTY(QString url READ url CONSTANT)
    Q_PROPERTY(QStringList paths READ paths NOTIFY pathsChanged)
    Q_PROPERTY(QString sessionId MEMBER m_sessionId CONSTANT)
    Q_PROPERTY(QString title MEMBER m_title CONSTANT)
    Q_PROPERTY(QStringList opened MEMBER m_opened NOTIFY openedChanged)
    /// Where a test saves its screenshots (BATON_SCREENSHOT_DIR), or "" for nowhere.
    Q_PROPERTY(QString screenshotDir READ screenshotDir CONSTANT)

public:
    /// Seeds the session of untrusted text in the store under @p dataDir.
    explicit Probe(const QString &dataDir)
        : m_server([this](const FakeHttpRequest &request, QTcpSocket *socket) {
            m_paths << QString::fromUtf8(request.path);
            Q_EMIT pathsChanged();
            FakeHttpServer::respond(socket, 404, "text/plain", "no");
        })
    {
        if (!m_server.listen())
            qFatal("cannot start the image server");
        // Desktop link handlers for the schemes a test opens: nothing leaves the test.
        for (const QString &scheme : { u"https"_s, u"file"_s })
            QDesktopServices::setUrlHandler(scheme, this, "open");
        seed(dataDir);
    }
    ~Probe() override
    {
        for (const QString &scheme : { u"https"_s, u"file"_s })
            QDesktopServices::unsetUrlHandler(scheme);
    }
    /// The probe of the test file that runs now (no default constructor: Qt 6.4 would prefer it).
    static Probe *create(QQmlEngine *, QJSEngine *)
    {
        QJSEngine::setObjectOwnership(s_current, QJSEngine::CppOwnership);
        return s_current;
    }
    static inline QPointer<Probe> s_current;

    [[nodiscard]] QString url() const { return u"http://127.0.0.1:%1"_s.arg(m_server.port()); }
    /// The fake model answers as a reasoning model (FakeLlmServer::setThinking) from now on.
    Q_INVOKABLE void setModelThinking(bool on)
    {
        if (m_llm)
            m_llm->setThinking(on);
    }
    void setModel(FakeLlmServer *llm) { m_llm = llm; }
    [[nodiscard]] QStringList paths() const { return m_paths; }

private:
    /// A session whose title and reply try to make the window fetch from this server.
    void seed(const QString &dataDir)
    {
        Database db;
        if (!db.open(dataDir + u"/state.db"_s))
            qFatal("%s", qPrintable(db.errorString()));
        SessionStore sessions(db);
        m_title = u"<img src=\"%1/title.png\">Trip <b>plans</b>"_s.arg(url());
        m_sessionId = sessions.createSession(m_title);
        Message question;
        question.sessionId = m_sessionId;
        question.role = MessageRole::User;
        question.content = u"Which type?"_s;
        Message reply = question;
        reply.role = MessageRole::Assistant;
        reply.content = u"Use a Vec<String> here.\n\n![](%1/reply.png?leak=secret)\n\n"
                        "<img src=\"%1/inline.png\">\n\n- std::vector<int> holds ints\n- and more\n\n"
                        "<think>\nhidden plan\n</think>\nThe end, see [the docs](%1/docs)."_s.arg(url());
        if (!sessions.appendMessage(question) || !sessions.appendMessage(reply))
            qFatal("%s", qPrintable(sessions.errorString()));
    }

public:
    [[nodiscard]] static QString screenshotDir()
    {
        const QString dir = qEnvironmentVariable("BATON_SCREENSHOT_DIR");
        if (!dir.isEmpty())
            QDir().mkpath(dir);
        return dir;
    }

    /// The character format the document's layout gives the character at @p position, as the
    /// highlighter set it: {color, bold, italic}; empty when nothing formats it.
    Q_INVOKABLE static QVariantMap formatAt(QQuickTextDocument *document, int position)
    {
        const QTextBlock block = document->textDocument()->findBlock(position);
        const int offset = position - block.position();
        for (const QTextLayout::FormatRange &range : block.layout()->formats()) {
            if (offset >= range.start && offset < range.start + range.length)
                return { { u"color"_s, range.format.foreground().color().name() },
                    { u"bold"_s, range.format.fontWeight() >= QFont::Bold },
                    { u"italic"_s, range.format.fontItalic() } };
        }
        return {};
    }

public Q_SLOTS:
    void open(const QUrl &url)
    {
        m_opened << url.toString();
        Q_EMIT openedChanged();
    }

Q_SIGNALS:
    void pathsChanged();
    void openedChanged();

private:
    FakeHttpServer m_server;
    FakeLlmServer *m_llm = nullptr;
    QStringList m_paths;
    QString m_sessionId;
    QString m_title;
    QStringList m_opened;
};

class Setup : public QObject
{
    Q_OBJECT

public:
    Setup() { qmlRegisterTypesAndRevisions<Probe>("BatonTest", 1); }

public Q_SLOTS:
    void qmlEngineAvailable(QQmlEngine *)
    {
        // Screenshots of the dark look: BATON_DARK_PALETTE=1.
        if (qEnvironmentVariableIsSet("BATON_DARK_PALETTE"))
            QGuiApplication::setPalette(darkTestPalette());
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
        m_probe.reset(); // its URL handlers go before the next file's probe sets its own
        m_probe = std::make_unique<Probe>(m_dir.path());
        Probe::s_current = m_probe.get();
        m_probe->setModel(m_llm.get());
        const AppPaths paths { m_dir.path(), m_dir.filePath(u"baton.ini"_s), {} };
        m_controller = std::make_unique<ChatController>(paths);
        if (!m_controller->open())
            qFatal("%s", qPrintable(m_controller->errorText()));
        ChatController::setInstance(m_controller.get());
        // The window offers Settings as in the application; these tests never open it.
        m_settings = std::make_unique<SettingsController>(paths);
        SettingsController::setInstance(m_settings.get());
    }

private:
    QTemporaryDir m_dir;
    std::unique_ptr<FakeLlmServer> m_llm;
    std::unique_ptr<Probe> m_probe;
    std::unique_ptr<ChatController> m_controller;
    std::unique_ptr<SettingsController> m_settings;
};

QUICK_TEST_MAIN_WITH_SETUP(qmlwindow, Setup)
#include "tst_qmlwindow.moc"
