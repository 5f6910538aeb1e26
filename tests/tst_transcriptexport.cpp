// SPDX-License-Identifier: GPL-3.0-or-later
#include "cli/transcriptformat.h"
#include "text/transcriptexport.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTest>

using namespace Qt::StringLiterals;

namespace {
Message message(MessageRole role, const QString &content)
{
    Message m;
    m.sessionId = u"s-1"_s;
    m.role = role;
    m.content = content;
    m.createdAt = 1'780'000'000'000;
    return m;
}

const QString code = u"Use this:\n\n```python\nprint(\"hi\")\n\n# ## not a heading\n```\n\nDone."_s;
} // namespace

/**
 * A chat written out as Markdown and as JSON, as the window's Export and `baton sessions export`
 * write it: every role, code blocks intact, a cut reply's open fence closed, the chat's own system
 * prompt, and JSON that parses back to the same text.
 */
class TestTranscriptExport : public QObject
{
    Q_OBJECT

private:
    Session m_session;
    QList<Message> m_messages;

private Q_SLOTS:
    void init()
    {
        m_session = {};
        m_session.id = u"s-1"_s;
        m_session.title = u"Python help"_s;
        m_session.model = u"qwen"_s;
        m_session.createdAt = 1'780'000'000'000;
        m_session.updatedAt = 1'780'000'100'000;
        Message tool = message(MessageRole::Tool, u"42 °C"_s);
        tool.toolCallId = u"call-1"_s;
        Message calling = message(MessageRole::Assistant, QString());
        // The arguments hold a fence of their own.
        const QJsonObject function { { "name"_L1, "weather"_L1 }, { "arguments"_L1, u"{\"q\":\"```\"}"_s } };
        calling.toolCalls = QJsonDocument(QJsonArray { QJsonObject { { "id"_L1, "call-1"_L1 },
                                              { "type"_L1, "function"_L1 }, { "function"_L1, function } } })
                                .toJson(QJsonDocument::Compact);
        Message phone = message(MessageRole::User, u"and from the phone"_s);
        phone.platform = u"telegram"_s;
        Message cut = message(MessageRole::Assistant, u"Here:\n```sh\necho one"_s);
        cut.status = MessageStatus::Partial;
        m_messages = { message(MessageRole::System, u"Old rules"_s), message(MessageRole::User, u"How do I print?"_s),
            message(MessageRole::Assistant, code), calling, tool, phone, cut };
    }

    void markdownHasEveryRoleAndKeepsCodeBlocks()
    {
        const QString md = TranscriptExport::toMarkdown(m_session, m_messages, u"Answer in Italian."_s);
        QVERIFY(md.startsWith(u"# Python help\n"_s));
        QVERIFY(md.contains(u"- Model: qwen\n"_s));
        QVERIFY(md.contains(u"## System prompt of this chat\n\nAnswer in Italian.\n"_s));
        for (const QString &heading : { u"\n## System\n"_s, u"\n## User\n"_s, u"\n## Assistant\n"_s,
                 u"\n## Tool result (call-1)\n"_s, u"\n## User (via telegram)\n"_s, u"\n## Assistant (cut short)\n"_s })
            QVERIFY2(md.contains(heading), qPrintable(heading));
        // The code block as the model wrote it, blank line and all.
        QVERIFY(md.contains(u"\n## Assistant\n\n"_s + code + u'\n'));
        // Arguments holding a fence sit in a longer one.
        QVERIFY2(
            md.contains(u"Called `weather` (call-1) with:\n\n````json\n{\"q\":\"```\"}\n````\n"_s), qPrintable(md));
        // The cut reply's fence is closed, so it ends there.
        QVERIFY2(md.endsWith(u"## Assistant (cut short)\n\nHere:\n```sh\necho one\n```\n"_s), qPrintable(md));
        // Every fence is closed: an even count of lines opening or closing one.
        qsizetype fences = 0;
        for (const QString &line : md.split(u'\n')) {
            if (line.startsWith(u"```"_s) && !line.startsWith(u"````"_s))
                ++fences;
        }
        QCOMPARE(fences % 2, 0);
    }

    void markdownWithoutPromptOrTitle()
    {
        m_session.title.clear();
        const QString md = TranscriptExport::toMarkdown(m_session, m_messages);
        QVERIFY(md.startsWith(u"# Untitled session\n"_s));
        QVERIFY(!md.contains(u"System prompt"_s));
        const QString none = TranscriptExport::toMarkdown(m_session, {}, QString());
        QVERIFY2(none.contains(u"(none: no system prompt is sent)"_s), qPrintable(none));
    }

    void terminalMarkdownHasNoControlSequences()
    {
        m_messages.append(message(MessageRole::Assistant, u"safe\x1b]52;c;Zm9v\x07 text"_s));
        const QString md = TranscriptFormat::toMarkdown(m_session, m_messages);
        QVERIFY(!md.contains(QChar(0x1b)));
        QVERIFY(md.contains(u"safe text"_s));
        // The file export keeps the text as stored.
        QVERIFY(TranscriptExport::toMarkdown(m_session, m_messages).contains(QChar(0x1b)));
    }

    void jsonParsesBackToTheSameText()
    {
        const QByteArray json = TranscriptExport::toJson(m_session, m_messages, u"Answer in Italian."_s);
        QJsonParseError error;
        const QJsonDocument doc = QJsonDocument::fromJson(json, &error);
        QCOMPARE(error.error, QJsonParseError::NoError);
        const QJsonObject root = doc.object();
        QCOMPARE(root.value("id"_L1).toString(), u"s-1"_s);
        QCOMPARE(root.value("title"_L1).toString(), u"Python help"_s);
        QCOMPARE(root.value("system_prompt"_L1).toString(), u"Answer in Italian."_s);
        const QJsonArray rows = root.value("messages"_L1).toArray();
        QCOMPARE(rows.size(), m_messages.size());
        const QStringList roles { u"system"_s, u"user"_s, u"assistant"_s, u"assistant"_s, u"tool"_s, u"user"_s,
            u"assistant"_s };
        for (qsizetype i = 0; i < rows.size(); ++i) {
            QCOMPARE(rows.at(i)["role"_L1].toString(), roles.at(i));
            QCOMPARE(rows.at(i)["content"_L1].toString(), m_messages.at(i).content);
        }
        QCOMPARE(rows.at(2)["content"_L1].toString(), code);
        QCOMPARE(rows.at(3)["tool_calls"_L1][0]["function"_L1]["name"_L1].toString(), u"weather"_s);
        QCOMPARE(rows.at(4)["tool_call_id"_L1].toString(), u"call-1"_s);
        QCOMPARE(rows.at(5)["platform"_L1].toString(), u"telegram"_s);
        QCOMPARE(rows.at(6)["status"_L1].toString(), u"partial"_s);

        // A chat on the default prompt says so with null.
        const QJsonObject plain = QJsonDocument::fromJson(TranscriptExport::toJson(m_session, m_messages)).object();
        QVERIFY(plain.contains("system_prompt"_L1));
        QVERIFY(plain.value("system_prompt"_L1).isNull());
    }
};

QTEST_GUILESS_MAIN(TestTranscriptExport)
#include "tst_transcriptexport.moc"
