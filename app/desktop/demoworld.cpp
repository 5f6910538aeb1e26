// SPDX-License-Identifier: GPL-3.0-or-later
#include "demoworld.h"

#include "fakellmserver.h"
#include "faketelegramserver.h"

#include <QFile>
#include <QJsonObject>
#include <QTimer>

using namespace Qt::StringLiterals;

namespace {
const QString demoToken = u"4242:demo"_s;

// What the demo's model says to the first three turns: a question, the handoff, the phone.
QStringList script()
{
    return {
        u"Here is a relaxed weekend for two:\n\n**Saturday**: ride the *28 tram* from Martim Moniz up to "
        "Graça, lunch at a tasca in Alfama, and catch the sunset at the *Miradouro da Senhora do Monte*.\n\n"
        "**Sunday**: pastéis in Belém, a walk along the river to LX Factory, dinner in Cais do Sodré.\n\n"
        "Want me to book anything?"_s,
        u"I'm here on Telegram. We were planning your Lisbon weekend: tram 28 and Alfama on Saturday, "
        "Belém and the river on Sunday. Ask me anything on the way."_s,
        u"Pack light:\n\n- comfortable shoes (the hills and the cobbles!)\n- a light jacket for the evening "
        "breeze\n- sunglasses\n- a card for the *Viva Viagem* tram pass"_s,
    };
}
} // namespace

DemoWorld::DemoWorld(QObject *parent)
    : QObject(parent)
{ }

DemoWorld::~DemoWorld() = default;

AppPaths DemoWorld::paths() const
{
    return { m_dir.path(), m_dir.filePath(u"baton.ini"_s), {} };
}

bool DemoWorld::start(QString *error)
{
    if (!m_dir.isValid()) {
        *error = tr("cannot create a temporary directory for the demo");
        return false;
    }
    m_llm = std::make_unique<FakeLlmServer>();
    m_llm->setEchoDelayMs(45); // after the script: a model that echoes at a readable pace
    m_llm->setModels({ u"demo-echo"_s }); // the one the demo's baton.ini names, so its test finds it
    for (const QString &reply : script()) {
        FakeLlmReply scripted;
        for (const QString &word : reply.split(u' '))
            scripted.content << word + u' ';
        scripted.chunkDelayMs = 35;
        m_llm->enqueue(scripted);
    }
    m_telegram = std::make_unique<FakeTelegramServer>(demoToken);
    m_telegram->addPrivateChat(phoneUser, u"You (phone)"_s);
    m_telegram->addGroup(homeGroup, u"Baton demo"_s, true);
    if (!m_llm->listen() || !m_telegram->listen()) {
        *error = tr("cannot listen on 127.0.0.1 for the demo's model and Telegram");
        return false;
    }

    // The person on the phone reads the summary in the new topic and writes back.
    connect(m_telegram.get(), &FakeTelegramServer::called, this, [this](const QString &method, const QJsonObject &p) {
        const qint64 topic = p.value("message_thread_id"_L1).toInteger();
        if (method != "sendMessage"_L1 || topic == 0 || m_answered.contains(topic))
            return;
        m_answered << topic;
        QTimer::singleShot(2'500, this, [this, topic] {
            m_telegram->userSends(phoneUser, homeGroup, u"Thanks! I'm on the train now. What should I pack?"_s, topic);
            Q_EMIT phoneReplied(topic);
        });
    });

    QFile ini(paths().configFile);
    if (!ini.open(QIODevice::WriteOnly)) {
        *error = tr("cannot write the demo's config in %1").arg(m_dir.path());
        return false;
    }
    ini.write("[llm]\nbase_url=" + m_llm->baseUrl().toString().toUtf8() + "\nmodel=demo-echo\n"
        + "[telegram]\nenabled=true\napi_base=" + m_telegram->apiBase().toUtf8()
        + "\nhome_chat=" + QByteArray::number(homeGroup) + "\nallowed_users=" + QByteArray::number(phoneUser) + "\n");
    // The environment wins over the keychain: the demo never touches the user's secrets.
    qputenv("BATON_TELEGRAM_TOKEN", demoToken.toUtf8());
    qputenv("BATON_LLM_API_KEY", "demo-key"); // never the real key: the keychain is not asked
    return true;
}
