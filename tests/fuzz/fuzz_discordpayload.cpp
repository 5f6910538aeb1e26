// SPDX-License-Identifier: GPL-3.0-or-later
// Gateway frames as Discord might send them: DiscordGateway::readPayload reads any text and
// DiscordAdapter::readMessage any MESSAGE_CREATE in it. A second mode writes a dispatch from chosen
// values and checks that the frame and the message read back carry exactly them, keyed the way
// shared DMs, channels and threads are.
#include "discord/discordadapter.h"
#include "discord/discordgateway.h"
#include "fuzzcheck.h"

#include <QJsonDocument>

#include <fuzzer/FuzzedDataProvider.h>

using namespace Qt::StringLiterals;

namespace {
QString text(FuzzedDataProvider &in)
{
    const std::string bytes = in.ConsumeRandomLengthString(200);
    return QString::fromUtf8(bytes.data(), qsizetype(bytes.size()));
}

void readRaw(const QString &frameText, int channelType)
{
    const auto payload = DiscordGateway::readPayload(frameText);
    if (!payload || payload->op != 0 || payload->type != u"MESSAGE_CREATE"_s)
        return;
    if (const auto m = DiscordAdapter::readMessage(payload->data.toObject(), channelType, u"P"_s, u"ME"_s)) {
        FUZZ_CHECK(!m->text.isEmpty(), u"a message without text"_s);
        FUZZ_CHECK(m->source.platform == u"discord"_s, m->source.platform);
    }
}

void readWritten(FuzzedDataProvider &in)
{
    const qint64 seq = in.ConsumeIntegralInRange<qint64>(0, qint64(1) << 52);
    const QString id = text(in), channel = text(in), parent = text(in), author = text(in), userName = text(in);
    const int messageType = in.PickValueInArray({ 0, 19, 7, 18, 21 });
    const int channelType = in.PickValueInArray({ 0, 1, 5, 10, 11, 12, 15 });
    const bool bot = in.ConsumeBool(), webhook = in.ConsumeBool();
    const std::string rest = in.ConsumeRemainingBytesAsString();
    const QString words = QString::fromUtf8(rest.data(), qsizetype(rest.size()));
    QJsonObject message { { "id"_L1, id }, { "type"_L1, messageType }, { "channel_id"_L1, channel },
        { "content"_L1, words },
        { "author"_L1, QJsonObject { { "id"_L1, author }, { "username"_L1, userName }, { "bot"_L1, bot } } } };
    if (webhook)
        message.insert("webhook_id"_L1, "W"_L1);
    const QJsonObject frame { { "op"_L1, 0 }, { "s"_L1, seq }, { "t"_L1, "MESSAGE_CREATE"_L1 }, { "d"_L1, message } };
    const auto payload
        = DiscordGateway::readPayload(QString::fromUtf8(QJsonDocument(frame).toJson(QJsonDocument::Compact)));
    FUZZ_CHECK(payload && payload->op == 0 && payload->type == u"MESSAGE_CREATE"_s && payload->seq.toInteger() == seq
            && payload->data.toObject() == message,
        u"the dispatch did not read back"_s);
    const auto m = DiscordAdapter::readMessage(payload->data.toObject(), channelType, parent, u"ME"_s);
    FUZZ_CHECK(m.has_value() == ((messageType == 0 || messageType == 19) && !words.isEmpty()),
        u"message type %1 with text '%2' read as %3"_s.arg(messageType).arg(words).arg(m.has_value()));
    if (!m)
        return;
    const bool thread = channelType == 10 || channelType == 11 || channelType == 12;
    FUZZ_CHECK(m->text == words && m->messageId == id && m->source.userId == author && m->userName == userName,
        u"text, id or author changed"_s);
    FUZZ_CHECK(m->source.chatId == (thread ? parent : channel) && m->source.threadId == (thread ? channel : QString()),
        u"channel type %1 keyed as %2/%3"_s.arg(channelType).arg(m->source.chatId, m->source.threadId));
    FUZZ_CHECK((m->source.chatType == SessionSource::ChatType::Direct) == (channelType == 1),
        u"channel type %1 read as direct or not wrongly"_s.arg(channelType));
    FUZZ_CHECK(m->fromBot == (bot || webhook || author == u"ME"_s), u"fromBot read wrongly"_s);
}
} // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    if (size == 0)
        return 0;
    if (data[0] % 2 == 0) {
        readRaw(QString::fromUtf8(reinterpret_cast<const char *>(data + 1), qsizetype(size - 1)), data[0] % 16);
    } else {
        FuzzedDataProvider in(data + 1, size - 1);
        readWritten(in);
    }
    return 0;
}
