// SPDX-License-Identifier: GPL-3.0-or-later
#include "plaintitle.h"

#include <QHash>
#include <QList>

#include <md4c.h>

using namespace Qt::StringLiterals;

namespace {
// The one entity a title is likely to hold by accident (a pasted "&amp;") and the numeric forms.
QString decodedEntity(const QString &entity)
{
    static const QHash<QString, QString> named { { u"&amp;"_s, u"&"_s }, { u"&lt;"_s, u"<"_s }, { u"&gt;"_s, u">"_s },
        { u"&quot;"_s, u"\""_s }, { u"&apos;"_s, u"'"_s }, { u"&nbsp;"_s, u" "_s } };
    if (const auto it = named.constFind(entity); it != named.cend())
        return it.value();
    if (entity.startsWith("&#"_L1) && entity.endsWith(u';')) {
        const bool hex = entity.size() > 3 && (entity.at(2) == u'x' || entity.at(2) == u'X');
        bool ok = false;
        const uint code = entity.mid(hex ? 3 : 2).chopped(1).toUInt(&ok, hex ? 16 : 10);
        if (ok && code >= 0x20 && code <= 0x10FFFF && !(code >= 0xD800 && code <= 0xDFFF))
            return QString::fromUcs4(reinterpret_cast<const char32_t *>(&code), 1);
    }
    return entity;
}

struct Words
{
    QString text;
    QList<unsigned> numbers; // the next number of each ordered list open now (0: a bullet list)
};
} // namespace

QString plainTitle(const QString &title)
{
    Words words;
    MD_PARSER parser {};
    parser.abi_version = 0;
    parser.flags = MD_DIALECT_GITHUB | MD_FLAG_NOHTML;
    parser.enter_block = [](MD_BLOCKTYPE type, void *detail, void *user) {
        auto *w = static_cast<Words *>(user);
        if (type == MD_BLOCK_OL)
            w->numbers.append(static_cast<MD_BLOCK_OL_DETAIL *>(detail)->start);
        else if (type == MD_BLOCK_UL)
            w->numbers.append(0);
        if (!w->text.isEmpty())
            w->text += u' ';
        if (type == MD_BLOCK_LI && !w->numbers.isEmpty() && w->numbers.last() > 0)
            w->text += u"%1. "_s.arg(w->numbers.last()++); // "1. Do this" keeps its number
        return 0;
    };
    parser.leave_block = [](MD_BLOCKTYPE type, void *, void *user) {
        auto *w = static_cast<Words *>(user);
        if ((type == MD_BLOCK_OL || type == MD_BLOCK_UL) && !w->numbers.isEmpty())
            w->numbers.removeLast();
        return 0;
    };
    parser.enter_span = [](MD_SPANTYPE, void *, void *) { return 0; };
    parser.leave_span = [](MD_SPANTYPE, void *, void *) { return 0; };
    parser.text = [](MD_TEXTTYPE type, const MD_CHAR *data, MD_SIZE size, void *user) {
        auto *w = static_cast<Words *>(user);
        const QString chunk = QString::fromUtf8(data, size);
        switch (type) {
        case MD_TEXT_BR:
        case MD_TEXT_SOFTBR:
            w->text += u' ';
            break;
        case MD_TEXT_NULLCHAR:
            w->text += QChar::ReplacementCharacter;
            break;
        case MD_TEXT_ENTITY:
            w->text += decodedEntity(chunk);
            break;
        default:
            w->text += chunk;
        }
        return 0;
    };
    const QByteArray utf8 = title.toUtf8();
    if (md_parse(utf8.constData(), MD_SIZE(utf8.size()), &parser, &words) != 0)
        return title.simplified(); // md4c fails only on allocation
    const QString plain = words.text.simplified();
    return plain.isEmpty() ? title.simplified() : plain;
}
