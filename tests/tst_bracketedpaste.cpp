// SPDX-License-Identifier: GPL-3.0-or-later
#include "cli/bracketedpaste.h"

#include <QTest>

using namespace Qt::StringLiterals;

/// Terminal input split into keys and pastes, however the reads cut the markers.
class TestBracketedPaste : public QObject
{
    Q_OBJECT

private:
    static QString describe(const QList<BracketedPaste::Piece> &pieces)
    {
        QString out;
        for (const BracketedPaste::Piece &p : pieces)
            out += p.pasted ? u"P(%1)"_s.arg(p.text) : u"K(%1)"_s.arg(QString::fromLatin1(p.typed));
        return out;
    }

private Q_SLOTS:
    void keysPastesAndLineEnds()
    {
        BracketedPaste paste;
        QCOMPARE(
            describe(paste.feed("ab\033[200~one\r\ntwo\rthree\033[201~cd\r")), u"K(ab)P(one\ntwo\nthree)K(cd\r)"_s);
    }

    void everyCutOfTheInputGivesTheSamePieces()
    {
        const QByteArray input = "x\033[200~a\033[Ab\033[201~\033[Dy\033[200~\033[201~z";
        QString whole;
        {
            BracketedPaste paste;
            for (const auto &p : paste.feed(input))
                whole += p.pasted ? u"P(%1)"_s.arg(p.text) : QString::fromLatin1(p.typed);
        }
        QCOMPARE(whole, u"xP(a\033[Ab)\033[DyP()z"_s);
        for (qsizetype cut = 1; cut < input.size(); ++cut) {
            BracketedPaste paste;
            QString joined;
            for (const QByteArray &part : { input.left(cut), input.mid(cut) }) {
                for (const auto &p : paste.feed(part))
                    joined += p.pasted ? u"P(%1)"_s.arg(p.text) : QString::fromLatin1(p.typed);
            }
            QCOMPARE(joined, whole);
        }
    }

    void aLoneEscapeWaitsUntilTakenAsAKey()
    {
        BracketedPaste paste;
        QCOMPARE(describe(paste.feed("a\033")), u"K(a)"_s);
        QVERIFY(paste.holdsKeys());
        QCOMPARE(paste.takeHeldKeys(), "\033"_ba);
        QVERIFY(!paste.holdsKeys());
        QCOMPARE(describe(paste.feed("b")), u"K(b)"_s);
    }
};

QTEST_GUILESS_MAIN(TestBracketedPaste)
#include "tst_bracketedpaste.moc"
