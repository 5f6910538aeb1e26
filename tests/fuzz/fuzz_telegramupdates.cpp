// SPDX-License-Identifier: GPL-3.0-or-later
// getUpdates answers as the Bot API might send them: TelegramResult::fromBody reads any body, and
// TelegramAdapter::readUpdate any update in it, with the offset always moving forward. A second
// mode writes an update from chosen values and checks that the message read back carries them.
#include "fuzzcheck.h"
#include "telegram/telegramadapter.h"
#include "telegram/telegramapi.h"

#include <QJsonArray>
#include <QJsonDocument>

#include <fuzzer/FuzzedDataProvider.h>

using namespace Qt::StringLiterals;

namespace {
QString text(FuzzedDataProvider &in)
{
    const std::string bytes = in.ConsumeRandomLengthString(200);
    return QString::fromUtf8(bytes.data(), qsizetype(bytes.size()));
}

// Telegram ids have at most 52 significant bits, so a double carries them exactly.
qint64 id(FuzzedDataProvider &in)
{
    return in.ConsumeIntegralInRange<qint64>(-(qint64(1) << 52), qint64(1) << 52);
}

void readRaw(const QByteArray &body)
{
    const auto result = TelegramResult::fromBody(body);
    if (!result || !result->ok)
        return;
    for (const QJsonValue &value : result->result.toArray()) {
        const TelegramAdapter::Update update = TelegramAdapter::readUpdate(value.toObject(), 42);
        const qint64 updateId = value.toObject().value("update_id"_L1).toInteger();
        FUZZ_CHECK(update.nextOffset > updateId || update.nextOffset == updateId + 1,
            u"offset %1 after update %2"_s.arg(update.nextOffset).arg(updateId));
        if (update.message) {
            FUZZ_CHECK(!update.message->text.isEmpty(), u"a message without text"_s);
            FUZZ_CHECK(update.message->source.platform == u"telegram"_s, update.message->source.platform);
        }
    }
}

void readWritten(FuzzedDataProvider &in)
{
    const qint64 updateId = in.ConsumeIntegralInRange<qint64>(0, qint64(1) << 52);
    const qint64 anyId = id(in), userId = id(in), threadId = id(in), messageId = id(in);
    const bool topic = in.ConsumeBool(), isBot = in.ConsumeBool(), caption = in.ConsumeBool();
    const QString chatType = QStringList { u"private"_s, u"group"_s, u"supergroup"_s, u"channel"_s }.at(
        in.ConsumeIntegralInRange<int>(0, 3));
    // As on Telegram: a private chat is its user's (positive) id, every other chat's id is negative.
    const qint64 magnitude = std::max<qint64>(1, anyId < 0 ? -(anyId + 1) : anyId);
    const qint64 chatId = chatType == u"private"_s ? magnitude : -magnitude;
    const QString userName = text(in);
    const QString words = text(in);
    QJsonObject message { { "message_id"_L1, messageId },
        { "chat"_L1, QJsonObject { { "id"_L1, chatId }, { "type"_L1, chatType } } },
        { "from"_L1, QJsonObject { { "id"_L1, userId }, { "is_bot"_L1, isBot }, { "username"_L1, userName } } },
        { caption ? "caption"_L1 : "text"_L1, words } };
    if (topic) {
        message.insert("is_topic_message"_L1, true);
        message.insert("message_thread_id"_L1, threadId);
    }
    const QJsonObject envelope { { "ok"_L1, true },
        { "result"_L1, QJsonArray { QJsonObject { { "update_id"_L1, updateId }, { "message"_L1, message } } } } };
    const auto result = TelegramResult::fromBody(QJsonDocument(envelope).toJson(QJsonDocument::Compact));
    FUZZ_CHECK(result && result->ok, u"our own envelope does not read"_s);
    const TelegramAdapter::Update update = TelegramAdapter::readUpdate(result->result.toArray().first().toObject(), 42);
    FUZZ_CHECK(update.nextOffset == updateId + 1, u"offset %1 after update %2"_s.arg(update.nextOffset).arg(updateId));
    FUZZ_CHECK(update.message.has_value() == !words.isEmpty(),
        u"a message with text %1 read or not read wrongly"_s.arg(words));
    if (!update.message)
        return;
    const PlatformAdapter::Inbound &m = *update.message;
    FUZZ_CHECK(m.text == words && m.userName == userName, u"text or user name changed"_s);
    FUZZ_CHECK(m.source.chatId == QString::number(chatId), m.source.chatId + u" for "_s + QString::number(chatId));
    FUZZ_CHECK(m.source.userId == QString::number(userId), m.source.userId + u" for "_s + QString::number(userId));
    FUZZ_CHECK(m.messageId == QString::number(messageId), m.messageId);
    FUZZ_CHECK(m.source.threadId == (topic ? QString::number(threadId) : QString()), m.source.threadId);
    FUZZ_CHECK(m.fromBot == (isBot || userId == 42), u"fromBot wrong"_s);
    const bool direct = m.source.chatType == SessionSource::ChatType::Direct;
    FUZZ_CHECK(direct == (chatType == u"private"_s), u"chat type %1 read wrongly"_s.arg(chatType));
}
} // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    if (size == 0)
        return 0;
    if (data[0] % 2 == 0) {
        readRaw(QByteArray(reinterpret_cast<const char *>(data + 1), qsizetype(size - 1)));
    } else {
        FuzzedDataProvider in(data + 1, size - 1);
        readWritten(in);
    }
    return 0;
}
