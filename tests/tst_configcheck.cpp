// SPDX-License-Identifier: GPL-3.0-or-later
#include "config/configcheck.h"
#include "config/settings.h"

#include <QFile>
#include <QTemporaryDir>
#include <QTest>

using namespace Qt::StringLiterals;

/// baton.ini read line by line: each kind of mistake named with its line, and what Baton writes itself accepted.
class TestConfigCheck : public QObject
{
    Q_OBJECT

private:
    static QString only(const QList<ConfigProblem> &problems)
    {
        return problems.size() == 1 ? problems.first().describe(u"baton.ini"_s) : u"%1 problems"_s.arg(problems.size());
    }

private Q_SLOTS:
    void aSectionWithoutItsBracketIsNamedWithItsLine()
    {
        const auto problems = ConfigCheck::checkText(u"[llm]\nmodel=a\n\n[llm\nbase_url=http://x/v1\n"_s);
        QCOMPARE(only(problems), u"baton.ini, line 4: the section name \"[llm\" lacks its closing \"]\""_s);
        QVERIFY(problems.first().fatal);
    }

    void badValuesAreNamed_data()
    {
        QTest::addColumn<QString>("text");
        QTest::addColumn<QString>("sentence");
        QTest::newRow("number") << u"[llm]\ntimeout_s=abc"_s << u"line 2: timeout_s=abc: expected a whole number"_s;
        QTest::newRow("range") << u"[llm]\ntimeout_s=0"_s
                               << u"line 2: timeout_s=0: expected a number from 1 to 86400"_s;
        QTest::newRow("boolean") << u"[telegram]\nenabled=yes please"_s
                                 << u"line 2: enabled=yes please: expected true or false"_s;
        QTest::newRow("no equals") << u"[gateway]\nenabled=true\njust words"_s
                                   << u"line 3: \"just words\" is not a setting: expected key=value or [section]"_s;
        QTest::newRow("url") << u"[llm]\nbase_url=localhost:11434"_s
                             << u"line 2: base_url=localhost:11434: expected an address starting with http or https"_s;
        QTest::newRow("websocket") << u"[discord]\ngateway_url=http://x"_s
                                   << u"line 2: gateway_url=http://x: expected an address starting with ws or wss"_s;
        QTest::newRow("owner ids")
            << u"[telegram]\nallowed_users=123, @alice"_s
            << u"line 2: allowed_users=123, @alice: \"@alice\" is not a user id: expected numbers separated by commas"_s;
        QTest::newRow("choice") << u"[away]\non_lock=sometimes"_s
                                << u"line 2: on_lock=sometimes: expected one of: ask, handoff, nothing"_s;
        QTest::newRow("show thinking") << u"[gateway]\nshow_thinking=sometimes"_s
                                       << u"line 2: show_thinking=sometimes: expected true or false"_s;
        QTest::newRow("quote") << u"[llm]\nsystem_prompt=\"be brief"_s
                               << u"line 2: system_prompt: a quote is not closed"_s;
    }
    void badValuesAreNamed()
    {
        QFETCH(QString, text);
        QFETCH(QString, sentence);
        const auto problems = ConfigCheck::checkText(text);
        QCOMPARE(only(problems), u"baton.ini, "_s + sentence);
        QVERIFY(problems.first().fatal);
    }

    void unknownKeysAndSectionsAreNamedButDoNotStopBaton()
    {
        const auto problems
            = ConfigCheck::checkText(u"[llm]\nmodle=x\n[telgram]\nenabled=true\ntop=1\n[llm]\nmodel=a\nmodel=b\n"_s);
        QCOMPARE(problems.size(), 3);
        QCOMPARE(problems.at(0).line, 2);
        QVERIFY2(problems.at(0).sentence.startsWith(
                     u"unknown key modle in [llm]; it knows base_url, include_usage, model"_s),
            qPrintable(problems.at(0).sentence));
        QCOMPARE(problems.at(1).line, 3);
        QVERIFY(problems.at(1).sentence.startsWith(u"unknown section [telgram]"_s));
        QCOMPARE(problems.at(2).line, 8);
        QCOMPARE(problems.at(2).sentence, u"model is set twice in [llm]; the last one counts"_s);
        for (const ConfigProblem &problem : problems)
            QVERIFY(!problem.fatal);
    }

    void commentsQuotesAndWindowsLineEndsAreFine()
    {
        const auto problems = ConfigCheck::checkText(
            u"; a comment\r\n# another\r\n[llm]\r\nsystem_prompt=\"a; b, and \\\"c\\\"\" ; why\r\nmodel = m\r\n"
            "[slack]\r\nallowed_users=U0123ABC, W9\r\n"_s);
        QVERIFY2(problems.isEmpty(), qPrintable(only(problems)));
    }

    void readmesExamplePassesTheCheck()
    {
        QFile readme(QStringLiteral(BATON_SOURCE_DIR "/README.md"));
        QVERIFY(readme.open(QIODevice::ReadOnly));
        const QString text = QString::fromUtf8(readme.readAll());
        const qsizetype start = text.indexOf(u"```ini\n"_s, text.indexOf(u"## Configuration"_s));
        QVERIFY(start > 0);
        const QString example = text.mid(start + 7, text.indexOf(u"```"_s, start + 7) - start - 7);
        QVERIFY(example.contains(u"[away]"_s));
        const auto problems = ConfigCheck::checkText(example);
        QVERIFY2(problems.isEmpty(), qPrintable(only(problems)));
    }

    void whatSettingsWritesPassesTheCheck()
    {
        QTemporaryDir dir;
        const QString file = dir.filePath(u"baton.ini"_s);
        {
            Settings settings(file);
            settings.setLlmBaseUrl(u"https://example.org/v1"_s);
            settings.setModel(u"qwen, \"large\"; =x"_s);
            settings.setHome(u"telegram"_s, u"-100123"_s, u"7"_s);
            settings.setHome(u"discord"_s, u"123456"_s, QString());
            settings.setPlatformEnabled(u"slack"_s, true);
            settings.setAllowedUsers(u"telegram"_s, { u"1"_s, u"2"_s });
            settings.setAllowedUsers(u"slack"_s, { u"U1"_s });
            Settings::Away away;
            away.onLock = Settings::Away::OnLock::HandOff;
            away.platform = u"telegram"_s;
            settings.setAway(away);
            QCOMPARE(settings.save(), QString());
        }
        const auto problems = ConfigCheck::check(file);
        QVERIFY2(problems.isEmpty(), qPrintable(only(problems)));
        QCOMPARE(Settings(file).errorString(), QString());
    }

    void settingsReportsTheFirstFatalProblemWithFileAndLine()
    {
        QTemporaryDir dir;
        const QString file = dir.filePath(u"baton.ini"_s);
        QFile ini(file);
        QVERIFY(ini.open(QIODevice::WriteOnly));
        ini.write("[llm]\nunknown=1\ntimeout_s=abc\n");
        ini.close();
        QCOMPARE(Settings(file).errorString(), file + u", line 3: timeout_s=abc: expected a whole number"_s);
        QVERIFY(ConfigCheck::check(dir.filePath(u"absent.ini"_s)).isEmpty());
    }
};

QTEST_GUILESS_MAIN(TestConfigCheck)
#include "tst_configcheck.moc"
