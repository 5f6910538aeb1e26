// SPDX-License-Identifier: GPL-3.0-or-later
#include "config/secretscrubber.h"

#include <QTest>

using namespace Qt::StringLiterals;

/// The one scrubber every error sentence passes: secrets by value and credential-shaped words.
class TestSecretScrubber : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void credentialShapesAreBlanked_data()
    {
        QTest::addColumn<QString>("text");
        QTest::addColumn<QString>("secret");
        QTest::newRow("bearer") << u"You sent: Authorization: Bearer abc.DEF-123_xyz"_s << u"abc.DEF-123_xyz"_s;
        QTest::newRow("openai") << u"Incorrect API key provided: sk-proj-A1b2C3d4E5f6G7h8."_s
                                << u"sk-proj-A1b2C3d4E5f6G7h8"_s;
        QTest::newRow("telegram") << u"GET /bot123456789:AAHdqTcvCH1vGWJxfSeofSAs0K5PALDsaw/getMe failed"_s
                                  << u"123456789:AAHdqTcvCH1vGWJxfSeofSAs0K5PALDsaw"_s;
        QTest::newRow("slack bot") << u"token xoxb-1234-5678-abcdEFGH was revoked"_s << u"xoxb-1234-5678-abcdEFGH"_s;
        QTest::newRow("slack app") << u"xapp-1-A0123-456-deadbeef is invalid"_s << u"xapp-1-A0123-456-deadbeef"_s;
        QTest::newRow("slack user") << u"(xoxp-99-88-77-abc)"_s << u"xoxp-99-88-77-abc"_s;
        QTest::newRow("discord")
            << u"Bot token MTA5ODc2NTQzMjEwOTg3NjU0.GhIjKl.abcdefghijklmnopqrstuvwxyz0123 rejected"_s
            << u"MTA5ODc2NTQzMjEwOTg3NjU0.GhIjKl.abcdefghijklmnopqrstuvwxyz0123"_s;
        QTest::newRow("api_key=") << u"{\"api_key\": \"hunter2hunter2\"}"_s << u"hunter2hunter2"_s;
    }
    void credentialShapesAreBlanked()
    {
        QFETCH(QString, text);
        QFETCH(QString, secret);
        const QString scrubbed = SecretScrubber::scrub(text);
        QVERIFY2(!scrubbed.contains(secret), qPrintable(scrubbed));
        QVERIFY2(scrubbed.contains(SecretScrubber::mask), qPrintable(scrubbed));
    }

    void rememberedSecretsAreBlankedWhateverTheirShape()
    {
        const QString odd = u"plain-looking-4242"_s;
        QCOMPARE(SecretScrubber::scrub(u"echo: plain-looking-4242"_s), u"echo: plain-looking-4242"_s);
        SecretScrubber::remember(odd);
        QCOMPARE(SecretScrubber::scrub(u"echo: plain-looking-4242!"_s), u"echo: …!"_s);
        QCOMPARE(SecretScrubber::scrub(u"key was s3cr3tpass"_s, u"s3cr3tpass"_s), u"key was …"_s);
        // Too short to blank without blanking words.
        SecretScrubber::remember(u"abc"_s);
        QCOMPARE(SecretScrubber::scrub(u"abc def"_s), u"abc def"_s);
    }

    void ordinarySentencesStayAsTheyAre()
    {
        for (const QString &text :
            { u"Cannot reach the model endpoint at http://127.0.0.1:11434/v1: the connection was refused."_s,
                u"The model endpoint answered 404 (model 'llama3:8b' not found)."_s,
                u"Telegram rejected the bot token (401). Set it with `baton secret set telegram.token`."_s,
                u"Session 3f2a9c1e-5b7d-4e8f-9a0b-1c2d3e4f5a6b ended at 12:30:45."_s })
            QCOMPARE(SecretScrubber::scrub(text), text);
    }
};

QTEST_GUILESS_MAIN(TestSecretScrubber)
#include "tst_secretscrubber.moc"
