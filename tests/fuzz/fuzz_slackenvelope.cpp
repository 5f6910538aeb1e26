// SPDX-License-Identifier: GPL-3.0-or-later
// Socket Mode frames as Slack might send them: SlackAdapter::readFrame reads any text and
// readMessage any event in it. A second mode writes an events_api envelope from chosen values and
// checks that the frame and the message read back carry exactly them.
#include "fuzzcheck.h"
#include "slack/slackadapter.h"

#include <QJsonDocument>

#include <fuzzer/FuzzedDataProvider.h>

using namespace Qt::StringLiterals;

namespace {
QString text(FuzzedDataProvider &in)
{
    const std::string bytes = in.ConsumeRandomLengthString(200);
    return QString::fromUtf8(bytes.data(), qsizetype(bytes.size()));
}

void readRaw(const QString &frameText)
{
    const SlackAdapter::Frame frame = SlackAdapter::readFrame(frameText);
    if (const auto m = SlackAdapter::readMessage(frame.event, u"UME"_s)) {
        FUZZ_CHECK(!m->text.isEmpty(), u"a message without text"_s);
        FUZZ_CHECK(m->source.platform == u"slack"_s, m->source.platform);
        FUZZ_CHECK(frame.event.value("type"_L1).toString() == u"message"_s, u"not a message event"_s);
    }
}

void readWritten(FuzzedDataProvider &in)
{
    const QString envelopeId = text(in), eventId = text(in), channel = text(in), user = text(in), ts = text(in),
                  threadTs = text(in);
    const bool im = in.ConsumeBool(), botId = in.ConsumeBool(), ownUser = in.ConsumeBool();
    const QString subtype
        = QStringList { QString(), u"bot_message"_s, u"thread_broadcast"_s, u"message_changed"_s, u"channel_join"_s }
              .at(in.ConsumeIntegralInRange<int>(0, 4));
    const std::string rest = in.ConsumeRemainingBytesAsString();
    const QString words = QString::fromUtf8(rest.data(), qsizetype(rest.size()));
    QJsonObject event { { "type"_L1, "message"_L1 }, { "channel"_L1, channel },
        { "channel_type"_L1, im ? "im"_L1 : "channel"_L1 }, { "user"_L1, ownUser ? u"UME"_s : user }, { "ts"_L1, ts },
        { "text"_L1, words } };
    if (!threadTs.isEmpty())
        event.insert("thread_ts"_L1, threadTs);
    if (!subtype.isEmpty())
        event.insert("subtype"_L1, subtype);
    if (botId)
        event.insert("bot_id"_L1, "B1"_L1);
    const QJsonObject envelope { { "type"_L1, "events_api"_L1 }, { "envelope_id"_L1, envelopeId },
        { "payload"_L1, QJsonObject { { "event_id"_L1, eventId }, { "event"_L1, event } } } };
    const SlackAdapter::Frame frame
        = SlackAdapter::readFrame(QString::fromUtf8(QJsonDocument(envelope).toJson(QJsonDocument::Compact)));
    FUZZ_CHECK(frame.type == u"events_api"_s && frame.envelopeId == envelopeId && frame.eventId == eventId,
        u"the envelope read back as %1 %2 %3"_s.arg(frame.type, frame.envelopeId, frame.eventId));
    const auto m = SlackAdapter::readMessage(frame.event, u"UME"_s);
    const bool conversation = subtype.isEmpty() || subtype == u"bot_message"_s || subtype == u"thread_broadcast"_s;
    FUZZ_CHECK(m.has_value() == (conversation && !words.isEmpty()),
        u"subtype '%1' with text '%2' read as %3"_s.arg(subtype, words).arg(m.has_value()));
    if (!m)
        return;
    FUZZ_CHECK(m->text == words && m->source.chatId == channel && m->messageId == ts && m->source.threadId == threadTs,
        u"text, channel, ts or thread_ts changed"_s);
    FUZZ_CHECK(m->source.userId == (ownUser ? u"UME"_s : user), m->source.userId);
    FUZZ_CHECK((m->source.chatType == SessionSource::ChatType::Direct) == im, u"channel type read wrongly"_s);
    FUZZ_CHECK(
        m->fromBot == (botId || ownUser || subtype == u"bot_message"_s || user == u"UME"_s), u"fromBot read wrongly"_s);
}
} // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    if (size == 0)
        return 0;
    if (data[0] % 2 == 0) {
        readRaw(QString::fromUtf8(reinterpret_cast<const char *>(data + 1), qsizetype(size - 1)));
    } else {
        FuzzedDataProvider in(data + 1, size - 1);
        readWritten(in);
    }
    return 0;
}
