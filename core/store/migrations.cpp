// SPDX-License-Identifier: GPL-3.0-or-later
#include "migrations.h"

using namespace Qt::StringLiterals;

namespace Migrations {

const QList<Migration> &all()
{
    static const QList<Migration> migrations = {
        { 1, "sessions and role-aware messages",
            {
                uR"(CREATE TABLE sessions (
                    id TEXT PRIMARY KEY NOT NULL,
                    title TEXT NOT NULL DEFAULT '',
                    origin TEXT NOT NULL DEFAULT 'desktop',
                    model TEXT NOT NULL DEFAULT '',
                    created_at INTEGER NOT NULL,
                    updated_at INTEGER NOT NULL,
                    turn_state TEXT CHECK (turn_state IS NULL OR turn_state = 'running')
                ))"_s,
                uR"(CREATE TABLE messages (
                    id INTEGER PRIMARY KEY,
                    session_id TEXT NOT NULL REFERENCES sessions(id) ON DELETE CASCADE,
                    role TEXT NOT NULL CHECK (role IN ('system', 'user', 'assistant', 'tool')),
                    content TEXT NOT NULL DEFAULT '',
                    tool_calls TEXT CHECK (tool_calls IS NULL OR json_valid(tool_calls)),
                    tool_call_id TEXT,
                    platform TEXT NOT NULL DEFAULT 'desktop',
                    platform_message_id TEXT,
                    platform_chat TEXT,
                    internal INTEGER NOT NULL DEFAULT 0 CHECK (internal IN (0, 1)),
                    status TEXT NOT NULL DEFAULT 'complete' CHECK (status IN ('complete', 'partial', 'error')),
                    created_at INTEGER NOT NULL
                ))"_s,
                u"CREATE INDEX messages_by_session ON messages(session_id, id)"_s,
                // Inbound delivery is idempotent: a platform replaying an update hits this index.
                uR"(CREATE UNIQUE INDEX messages_platform_identity
                    ON messages(platform, platform_chat, platform_message_id)
                    WHERE platform_message_id IS NOT NULL)"_s,
                u"CREATE INDEX sessions_by_update ON sessions(updated_at DESC)"_s,
            } },
        { 2, "the handoff state machine",
            {
                uR"(ALTER TABLE sessions ADD COLUMN handoff_state TEXT CHECK (handoff_state IS NULL
                    OR handoff_state IN ('pending', 'running', 'completed', 'failed')))"_s,
                u"ALTER TABLE sessions ADD COLUMN handoff_platform TEXT"_s,
                u"ALTER TABLE sessions ADD COLUMN handoff_error TEXT"_s,
                u"ALTER TABLE sessions ADD COLUMN handoff_requested_at INTEGER"_s,
                u"ALTER TABLE sessions ADD COLUMN handoff_claimed_by TEXT"_s,
                u"ALTER TABLE sessions ADD COLUMN handoff_claimed_at INTEGER"_s,
                u"ALTER TABLE sessions ADD COLUMN handoff_lease_until INTEGER"_s,
                u"ALTER TABLE sessions ADD COLUMN handoff_finished_at INTEGER"_s,
                u"ALTER TABLE sessions ADD COLUMN handoff_destination TEXT"_s,
                uR"(CREATE INDEX sessions_handoff_pending ON sessions(handoff_requested_at)
                    WHERE handoff_state = 'pending')"_s,
                uR"(CREATE INDEX sessions_handoff_running ON sessions(handoff_lease_until)
                    WHERE handoff_state = 'running')"_s,
            } },
        { 3, "gateway bindings, delivery ledger and pairing",
            {
                uR"(CREATE TABLE session_keys (
                    key TEXT PRIMARY KEY NOT NULL,
                    session_id TEXT NOT NULL REFERENCES sessions(id) ON DELETE CASCADE,
                    updated_at INTEGER NOT NULL
                ))"_s,
                u"CREATE INDEX session_keys_by_session ON session_keys(session_id)"_s,
                uR"(CREATE TABLE outbox (
                    id INTEGER PRIMARY KEY,
                    session_id TEXT REFERENCES sessions(id) ON DELETE SET NULL,
                    message_id INTEGER REFERENCES messages(id) ON DELETE SET NULL,
                    platform TEXT NOT NULL,
                    chat TEXT NOT NULL,
                    thread TEXT,
                    kind TEXT NOT NULL DEFAULT 'send' CHECK (kind IN ('send', 'edit')),
                    target_message_id TEXT,
                    content TEXT NOT NULL,
                    state TEXT NOT NULL DEFAULT 'pending' CHECK (state IN ('pending', 'sent', 'failed')),
                    platform_message_id TEXT,
                    attempts INTEGER NOT NULL DEFAULT 0,
                    last_error TEXT,
                    created_at INTEGER NOT NULL,
                    sent_at INTEGER
                ))"_s,
                u"CREATE INDEX outbox_unsent ON outbox(platform, id) WHERE state = 'pending'"_s,
                uR"(CREATE TABLE pairing (
                    platform TEXT NOT NULL,
                    user_id TEXT NOT NULL,
                    user_name TEXT,
                    chat_id TEXT,
                    code TEXT NOT NULL UNIQUE,
                    requested_at INTEGER NOT NULL,
                    approved_at INTEGER,
                    PRIMARY KEY (platform, user_id)
                ))"_s,
            } },
        { 4, "full-text search over messages",
            {
                uR"(CREATE VIRTUAL TABLE messages_fts USING fts5(
                    content, content = 'messages', content_rowid = 'id',
                    tokenize = 'unicode61 remove_diacritics 2'
                ))"_s,
                uR"(CREATE TRIGGER messages_fts_insert AFTER INSERT ON messages BEGIN
                    INSERT INTO messages_fts(rowid, content) VALUES (new.id, new.content);
                END)"_s,
                uR"(CREATE TRIGGER messages_fts_delete AFTER DELETE ON messages BEGIN
                    INSERT INTO messages_fts(messages_fts, rowid, content) VALUES ('delete', old.id, old.content);
                END)"_s,
                uR"(CREATE TRIGGER messages_fts_update AFTER UPDATE OF content ON messages BEGIN
                    INSERT INTO messages_fts(messages_fts, rowid, content) VALUES ('delete', old.id, old.content);
                    INSERT INTO messages_fts(rowid, content) VALUES (new.id, new.content);
                END)"_s,
                // Index what older versions already stored.
                u"INSERT INTO messages_fts(messages_fts) VALUES ('rebuild')"_s,
            } },
        { 5, "index new messages once per transaction",
            {
                // FTS5 flushes its pending index at every statement savepoint, and a trigger runs
                // each row in one: SessionStore now indexes a transaction's new rows in one
                // statement (20x faster batches). Updates and deletes keep their triggers.
                u"DROP TRIGGER messages_fts_insert"_s,
            } },
        { 6, "sessions end when their surface leaves them",
            {
                // A terminal chat that quits ends its session; one that handed it off does not.
                u"ALTER TABLE sessions ADD COLUMN ended_at INTEGER"_s,
                u"ALTER TABLE sessions ADD COLUMN ended_reason TEXT"_s,
            } },
        { 7, "running turns name their process",
            {
                // A process killed mid-reply must not leave its session refusing turns forever.
                u"ALTER TABLE sessions ADD COLUMN turn_owner TEXT"_s,
            } },
        { 8, "commands run once across restarts",
            {
                // Catching up fetches recent messages again after a restart; a command among them
                // (which is not stored as a message) must not run a second time.
                uR"(CREATE TABLE handled_commands (
                    platform TEXT NOT NULL,
                    chat TEXT NOT NULL,
                    message_id TEXT NOT NULL,
                    handled_at INTEGER NOT NULL,
                    PRIMARY KEY (platform, chat, message_id)
                ) WITHOUT ROWID)"_s,
            } },
        { 9, "guests, and pairing codes that expire",
            {
                // Approved people are guests: they see only the sessions they began themselves.
                u"ALTER TABLE pairing ADD COLUMN role TEXT"_s,
                u"UPDATE pairing SET role = 'guest' WHERE approved_at IS NOT NULL"_s,
                // A code is good until expires_at; requested_at stays to limit a person to one an hour.
                u"ALTER TABLE pairing ADD COLUMN expires_at INTEGER"_s,
                u"UPDATE pairing SET expires_at = requested_at + 3600000 WHERE approved_at IS NULL"_s,
                // "platform:user id" of whoever wrote the message that began a chat session.
                u"ALTER TABLE sessions ADD COLUMN started_by TEXT"_s,
                u"CREATE INDEX sessions_started_by ON sessions(started_by, updated_at)"_s,
            } },
        { 10, "turns hold a lease; replies cut by a stop are answered again",
            {
                // A pid can be reused: a running turn also expires unless its process renews it.
                u"ALTER TABLE sessions ADD COLUMN turn_lease_until INTEGER"_s,
                u"ALTER TABLE sessions ADD COLUMN turn_reply_id INTEGER"_s,
                // Where a reply is delivered, so a restart can answer again in the same place.
                u"ALTER TABLE messages ADD COLUMN platform_thread TEXT"_s,
                // 1: cut by a stop, its question waits for an answer; 2: answered again.
                uR"(ALTER TABLE messages ADD COLUMN interrupted INTEGER NOT NULL DEFAULT 0
                    CHECK (interrupted IN (0, 1, 2)))"_s,
                u"CREATE INDEX messages_interrupted ON messages(id) WHERE interrupted = 1"_s,
            } },
        { 11, "a reply's final text is recorded before its first message is sent",
            {
                // An edit of a message whose send is still queued names that send's row; the
                // platform's id is looked up when the edit's turn comes. A kill -9 before the
                // first message was answered no longer loses the final text.
                u"ALTER TABLE outbox ADD COLUMN target_outbox_id INTEGER"_s,
            } },
        { 12, "one-time setup codes that make the person who sends one an owner",
            {
                // Minted by the window or `baton pair`; good for ten minutes and one use. user_id and
                // chat_id say who redeemed it and where, so the window can greet them and offer that chat.
                uR"(CREATE TABLE setup_codes (
                    code TEXT PRIMARY KEY,
                    platform TEXT NOT NULL,
                    setup_session TEXT NOT NULL,
                    created_at INTEGER NOT NULL,
                    expires_at INTEGER NOT NULL,
                    used_at INTEGER,
                    user_id TEXT,
                    user_name TEXT,
                    chat_id TEXT
                ))"_s,
                u"CREATE INDEX setup_codes_by_session ON setup_codes(setup_session)"_s,
            } },
        { 13, "groups the bot was added to",
            {
                // Offered as a home when an owner added the bot, with the group's title.
                uR"(CREATE TABLE group_chats (
                    platform TEXT NOT NULL,
                    chat TEXT NOT NULL,
                    title TEXT,
                    threads INTEGER NOT NULL DEFAULT 0,
                    added_by TEXT,
                    added_at INTEGER NOT NULL,
                    PRIMARY KEY (platform, chat)
                ) WITHOUT ROWID)"_s,
            } },
        { 14, "what the window has seen, where a handoff was asked from, when it was taken back",
            {
                // Phone messages newer than window_seen_at are unread in the sidebar. Sessions from
                // before count as seen: an upgrade marks nothing unread.
                u"ALTER TABLE sessions ADD COLUMN window_seen_at INTEGER NOT NULL DEFAULT 0"_s,
                u"UPDATE sessions SET window_seen_at = updated_at"_s,
                // Where the request came from ('desktop', 'cli'), so the model is told the truth.
                u"ALTER TABLE sessions ADD COLUMN handoff_from TEXT"_s,
                // Take back in the window; a later handoff or phone message makes it live there again.
                u"ALTER TABLE sessions ADD COLUMN taken_back_at INTEGER"_s,
            } },
        { 15, "regenerated replies and edited questions keep their earlier variants",
            {
                // A transcript is a tree: each message answers or follows its parent. Siblings are
                // variants (Regenerate, edit and resend); chosen marks the one shown, and off_branch
                // the rows outside the chosen path, so readers keep one indexed filter.
                u"ALTER TABLE messages ADD COLUMN parent_id INTEGER"_s,
                u"ALTER TABLE messages ADD COLUMN chosen INTEGER NOT NULL DEFAULT 1 CHECK (chosen IN (0, 1))"_s,
                u"ALTER TABLE messages ADD COLUMN off_branch INTEGER NOT NULL DEFAULT 0 CHECK (off_branch IN (0, 1))"_s,
                // What older versions stored is one line: each message follows the one before it.
                uR"(UPDATE messages SET parent_id = (SELECT max(p.id) FROM messages p
                    WHERE p.session_id = messages.session_id AND p.id < messages.id))"_s,
                u"CREATE INDEX messages_by_parent ON messages(session_id, parent_id)"_s,
            } },
        { 16, "a system prompt per chat",
            {
                // NULL: the chat uses the default from baton.ini ([llm] system_prompt); any text,
                // even empty, is the chat's own and wins over it.
                u"ALTER TABLE sessions ADD COLUMN system_prompt TEXT"_s,
            } },
        { 17, "a reply's reasoning and token counts, beside its text",
            {
                // Its own table, so the reasoning never reaches what reads messages.content (the
                // next request, the platforms, a handoff transcript).
                uR"(CREATE TABLE reply_stats (
                    message_id INTEGER PRIMARY KEY REFERENCES messages(id) ON DELETE CASCADE,
                    reasoning TEXT NOT NULL DEFAULT '',
                    prompt_tokens INTEGER NOT NULL DEFAULT 0,
                    completion_tokens INTEGER NOT NULL DEFAULT 0,
                    estimated INTEGER NOT NULL DEFAULT 0 CHECK (estimated IN (0, 1)),
                    tokens_per_second REAL NOT NULL DEFAULT 0
                ))"_s,
            } },
    };
    return migrations;
}

int latestVersion()
{
    return all().constLast().version;
}

} // namespace Migrations
