<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="de_DE" sourcelanguage="en_US">
<context>
    <name>Agent</name>
    <message>
        <source>A reply is already being written in this session; wait for it or stop it.</source>
        <translation>In dieser Sitzung wird bereits eine Antwort geschrieben; warte darauf oder stoppe sie.</translation>
    </message>
    <message>
        <source>Stopped.</source>
        <translation>Gestoppt.</translation>
    </message>
</context>
<context>
    <name>AwayFromDesk</name>
    <message>
        <source>Continue on your phone?</source>
        <translation>Auf dem Handy weitermachen?</translation>
    </message>
    <message>
        <source>“%1” can go on in %2 while you are away.</source>
        <translation>„%1“ kann in %2 weitergehen, solange du weg bist.</translation>
    </message>
    <message>
        <source>Hand off to phone</source>
        <translation>Ans Handy übergeben</translation>
    </message>
    <message>
        <source>1 message on %1</source>
        <translation>1 Nachricht auf %1</translation>
    </message>
    <message>
        <source>%1 messages on %2</source>
        <translation>%1 Nachrichten auf %2</translation>
    </message>
    <message>
        <source>Take back “%1”?</source>
        <translation>„%1“ zurückholen?</translation>
    </message>
    <message>
        <source>Take back</source>
        <translation>Zurückholen</translation>
    </message>
    <message>
        <source>The computer that runs Baton is going to sleep; answers resume when it wakes.</source>
        <translation>Der Computer, auf dem Baton läuft, geht in den Ruhezustand; Antworten kommen wieder, sobald er aufwacht.</translation>
    </message>
    <message>
        <source>New message on %1</source>
        <translation>Neue Nachricht auf %1</translation>
    </message>
    <message>
        <source>Baton answered on your phone</source>
        <translation>Baton hat auf deinem Handy geantwortet</translation>
    </message>
    <message>
        <source>The conversation goes on there; Take back continues it here.</source>
        <translation>Die Unterhaltung geht dort weiter; Zurückholen setzt sie hier fort.</translation>
    </message>
    <message>
        <source>The reply is ready</source>
        <translation>Die Antwort ist fertig</translation>
    </message>
    <message>
        <source>The reply failed</source>
        <translation>Die Antwort ist fehlgeschlagen</translation>
    </message>
</context>
<context>
    <name>ChatCommand</name>
    <message>
        <source>use either --session or --continue, not both.</source>
        <translation>verwende entweder --session oder --continue, nicht beides.</translation>
    </message>
    <message>
        <source>there is no session to continue yet; start with `baton chat`.</source>
        <translation>es gibt noch keine Sitzung zum Fortsetzen; beginne mit `baton chat`.</translation>
    </message>
    <message>
        <source>Baton chat with %1 at %2. Type /help for commands, Ctrl-C to stop a reply.</source>
        <translation>Baton-Chat mit %1 unter %2. /help zeigt die Befehle, Strg-C stoppt eine Antwort.</translation>
    </message>
    <message>
        <source>Continuing &apos;%1&apos; (%2 messages).</source>
        <translation>„%1“ wird fortgesetzt (%2 Nachrichten).</translation>
    </message>
    <message>
        <source>The reply was cut short.</source>
        <translation>Die Antwort wurde vorzeitig beendet.</translation>
    </message>
    <message>
        <source>(Press Ctrl-C again or type /quit to exit.)</source>
        <translation>(Drücke erneut Strg-C oder gib /quit ein, um den Chat zu verlassen.)</translation>
    </message>
    <message>
        <source>Started a new conversation.</source>
        <translation>Neue Unterhaltung begonnen.</translation>
    </message>
    <message>
        <source>Unknown command /%1. Type /help for the list.</source>
        <translation>Unbekannter Befehl /%1. /help zeigt die Liste.</translation>
    </message>
    <message>
        <source>No conversations yet.</source>
        <translation>Noch keine Unterhaltungen.</translation>
    </message>
    <message>
        <source>(untitled)</source>
        <translation>(ohne Titel)</translation>
    </message>
    <message>
        <source>live on %1</source>
        <translation>aktiv auf %1</translation>
    </message>
    <message>
        <source>usage: /resume &lt;n|id|title&gt;; /sessions lists them.</source>
        <translation>Verwendung: /resume &lt;n|id|title&gt;; /sessions listet sie auf.</translation>
    </message>
    <message>
        <source>Already on that session.</source>
        <translation>Diese Sitzung ist bereits aktiv.</translation>
    </message>
    <message>
        <source>Resumed &apos;%1&apos; (%2 messages).</source>
        <translation>„%1“ fortgesetzt (%2 Nachrichten).</translation>
    </message>
    <message>
        <source>It was handed off to %1; messages there and here continue the same conversation.</source>
        <translation>Sie wurde an %1 übergeben; Nachrichten dort und hier setzen dieselbe Unterhaltung fort.</translation>
    </message>
    <message>
        <source>Nothing to hand off yet: say something first, or /resume a conversation.</source>
        <translation>Noch nichts zu übergeben: schreib zuerst etwas oder setze mit /resume eine Unterhaltung fort.</translation>
    </message>
    <message>
        <source>the server&apos;s default model</source>
        <translation>das Standardmodell des Servers</translation>
    </message>
    <message>
        <source>Model: %1 at %2</source>
        <translation>Modell: %1 unter %2</translation>
    </message>
    <message>
        <source>Model set to %1.</source>
        <translation>Modell auf %1 gesetzt.</translation>
    </message>
    <message>
        <source>usage: /title &lt;text&gt;</source>
        <translation>Verwendung: /title &lt;text&gt;</translation>
    </message>
    <message>
        <source>Nothing to title yet: say something first.</source>
        <translation>Noch nichts zu benennen: schreib zuerst etwas.</translation>
    </message>
    <message>
        <source>Renamed to &apos;%1&apos;.</source>
        <translation>Umbenannt in „%1“.</translation>
    </message>
    <message>
        <source>/help                 this list
/new                  start a new conversation
/sessions             list recent conversations
/resume &lt;n|id|title&gt;  continue a conversation (n from /sessions)
/handoff &lt;platform&gt;   continue this conversation on telegram, discord or slack
/model [name]         show or set this conversation&apos;s model
/title &lt;text&gt;         rename this conversation
/quit                 leave (the conversation stays stored)
Ctrl-C stops a reply; twice at the prompt exits.
At a terminal a paste of several lines is one message; to type several lines, end each
but the last with a backslash (\).</source>
        <translation>/help                 diese Liste
/new                  neue Unterhaltung beginnen
/sessions             letzte Unterhaltungen auflisten
/resume &lt;n|id|title&gt;  Unterhaltung fortsetzen (n aus /sessions)
/handoff &lt;platform&gt;   diese Unterhaltung auf telegram, discord oder slack fortsetzen
/model [name]         Modell dieser Unterhaltung anzeigen oder festlegen
/title &lt;text&gt;         diese Unterhaltung umbenennen
/quit                 verlassen (die Unterhaltung bleibt gespeichert)
Strg-C stoppt eine Antwort; zweimal an der Eingabezeile beendet den Chat.
Im Terminal ist ein Einfügen mehrerer Zeilen eine Nachricht; um mehrere Zeilen zu tippen,
beenden Sie jede außer der letzten mit einem Backslash (\).</translation>
    </message>
    <message>
        <source>thinking…</source>
        <translation>überlegt…</translation>
    </message>
</context>
<context>
    <name>ChatController</name>
    <message>
        <source>New chat</source>
        <translation>Neuer Chat</translation>
    </message>
    <message>
        <source>Nothing to hand off yet: say something first.</source>
        <translation>Noch nichts zu übergeben: schreib zuerst etwas.</translation>
    </message>
    <message>
        <source>Handing off to %1 when this reply is finished…</source>
        <translation>Übergabe an %1, sobald diese Antwort fertig ist…</translation>
    </message>
    <message>
        <source>Waiting for the gateway…</source>
        <translation>Warte auf das Gateway…</translation>
    </message>
    <message>
        <source>Continuing on the desktop. Write here to pick the conversation up again.</source>
        <translation>Es geht am Desktop weiter. Schreib hier, um die Unterhaltung wieder aufzunehmen.</translation>
    </message>
    <message>
        <source>Wait for the reply to finish, or stop it, before resending an edited message.</source>
        <translation>Warte, bis die Antwort fertig ist, oder stoppe sie, bevor du eine bearbeitete Nachricht erneut sendest.</translation>
    </message>
</context>
<context>
    <name>ChatHeader</name>
    <message>
        <source>The model for the next replies</source>
        <translation>Das Modell für die nächsten Antworten</translation>
    </message>
    <message>
        <source>Model for the next replies</source>
        <translation>Modell für die nächsten Antworten</translation>
    </message>
    <message>
        <source>Hand off to phone</source>
        <translation>Ans Handy übergeben</translation>
    </message>
    <message>
        <source>%1 — %2</source>
        <translation>%1 — %2</translation>
    </message>
</context>
<context>
    <name>ChatSettingsDialog</name>
    <message>
        <source>Chat settings</source>
        <translation>Chat-Einstellungen</translation>
    </message>
    <message>
        <source>System prompt of “%1”</source>
        <translation>Systemprompt von „%1“</translation>
    </message>
    <message>
        <source>Use the default system prompt from Settings</source>
        <translation>Den Standard-Systemprompt aus den Einstellungen verwenden</translation>
    </message>
    <message>
        <source>No default system prompt is set</source>
        <translation>Es ist kein Standard-Systemprompt festgelegt</translation>
    </message>
    <message>
        <source>None: the model gets only the conversation</source>
        <translation>Keiner: das Modell bekommt nur die Unterhaltung</translation>
    </message>
    <message>
        <source>System prompt of this chat</source>
        <translation>Systemprompt dieses Chats</translation>
    </message>
    <message>
        <source>Sent to the model before the conversation, here and when the chat continues on a phone.</source>
        <translation>Wird dem Modell vor der Unterhaltung geschickt, hier und wenn der Chat auf einem Telefon weitergeht.</translation>
    </message>
</context>
<context>
    <name>ChatStream</name>
    <message>
        <source>The model stopped with an error: %1</source>
        <translation>Das Modell hat mit einem Fehler abgebrochen: %1</translation>
    </message>
    <message>
        <source>The model endpoint stopped sending for %1 s; the reply is incomplete.</source>
        <translation>Der Modell-Endpunkt hat %1 s lang nichts mehr gesendet; die Antwort ist unvollständig.</translation>
    </message>
    <message>
        <source>The model endpoint at %1 ended the stream without a reply.</source>
        <translation>Der Modell-Endpunkt unter %1 hat den Stream ohne Antwort beendet.</translation>
    </message>
    <message>
        <source>The reply was cut off before it finished.</source>
        <translation>Die Antwort wurde abgebrochen, bevor sie fertig war.</translation>
    </message>
    <message>
        <source>The model endpoint at %1 did not answer within %2 s.</source>
        <translation>Der Modell-Endpunkt unter %1 hat nicht innerhalb von %2 s geantwortet.</translation>
    </message>
    <message>
        <source>Cannot reach the model endpoint at %1: %2. Is the server running?</source>
        <translation>Der Modell-Endpunkt unter %1 ist nicht erreichbar: %2. Läuft der Server?</translation>
    </message>
    <message>
        <source>no details</source>
        <translation>keine Details</translation>
    </message>
    <message>
        <source>The model endpoint rejected the API key (%1): %2. Set it with `baton secret set llm.api_key`.</source>
        <translation>Der Modell-Endpunkt hat den API-Schlüssel abgelehnt (%1): %2. Setze ihn mit `baton secret set llm.api_key`.</translation>
    </message>
    <message>
        <source>The model endpoint at %1 answered 404 (%2). Check base_url and the model name &apos;%3&apos;.</source>
        <translation>Der Modell-Endpunkt unter %1 antwortete mit 404 (%2). Prüfe base_url und den Modellnamen &apos;%3&apos;.</translation>
    </message>
    <message>
        <source>The model endpoint is limiting requests (429): %1. Try again in a moment.</source>
        <translation>Der Modell-Endpunkt begrenzt die Anfragen (429): %1. Versuche es gleich noch einmal.</translation>
    </message>
    <message>
        <source>The model endpoint answered %1: %2</source>
        <translation>Der Modell-Endpunkt antwortete mit %1: %2</translation>
    </message>
    <message>
        <source>Stopped.</source>
        <translation>Gestoppt.</translation>
    </message>
    <message>
        <source>The model endpoint sent a line longer than %1 MiB; the reply is cut there.</source>
        <translation>Der Modell-Endpunkt hat eine Zeile über %1 MiB gesendet; die Antwort endet dort.</translation>
    </message>
    <message>
        <source>The reply passed %1 characters; Baton stopped it there.</source>
        <translation>Die Antwort hat %1 Zeichen überschritten; Baton hat sie dort beendet.</translation>
    </message>
    <message>
        <source>%1 It asked to wait %2 s before trying again.</source>
        <translation>%1 Er bat, %2 s zu warten, bevor es erneut versucht wird.</translation>
    </message>
</context>
<context>
    <name>CodeBlock</name>
    <message>
        <source>Copy code block</source>
        <translation>Codeblock kopieren</translation>
    </message>
    <message>
        <source>Code block, scrolls sideways with the arrow keys</source>
        <translation>Codeblock, mit den Pfeiltasten seitwärts verschiebbar</translation>
    </message>
    <message>
        <source>Scroll the code sideways</source>
        <translation>Den Code seitwärts verschieben</translation>
    </message>
</context>
<context>
    <name>CodeColouring</name>
    <message>
        <source>no terminal code highlighter (%1)</source>
        <translation>keine Code-Hervorhebung für das Terminal (%1)</translation>
    </message>
</context>
<context>
    <name>CommandLedger</name>
    <message>
        <source>recording a command</source>
        <translation>beim Vermerken eines Befehls</translation>
    </message>
    <message>
        <source>forgetting old commands</source>
        <translation>beim Vergessen alter Befehle</translation>
    </message>
</context>
<context>
    <name>CommandLine</name>
    <message>
        <source>Baton: a desktop AI assistant that hands conversations off to Telegram, Discord and Slack.</source>
        <translation>Baton: ein KI-Assistent für den Desktop, der Unterhaltungen an Telegram, Discord und Slack übergibt.</translation>
    </message>
    <message>
        <source>Keep state.db in &lt;dir&gt; (default: $BATON_DATA_DIR, else ~/.local/share/baton).</source>
        <translation>state.db in &lt;Verzeichnis&gt; ablegen (Standard: $BATON_DATA_DIR, sonst ~/.local/share/baton).</translation>
    </message>
    <message>
        <source>dir</source>
        <translation>Verzeichnis</translation>
    </message>
    <message>
        <source>Read settings from &lt;file&gt; (default: $BATON_CONFIG, else ~/.config/baton/baton.ini).</source>
        <translation>Einstellungen aus &lt;Datei&gt; lesen (Standard: $BATON_CONFIG, sonst ~/.config/baton/baton.ini).</translation>
    </message>
    <message>
        <source>file</source>
        <translation>Datei</translation>
    </message>
    <message>
        <source>Export format for `sessions export`: md or json.</source>
        <translation>Exportformat für `sessions export`: md oder json.</translation>
    </message>
    <message>
        <source>format</source>
        <translation>Format</translation>
    </message>
    <message>
        <source>Show this help.</source>
        <translation>Diese Hilfe anzeigen.</translation>
    </message>
    <message>
        <source>Print the version.</source>
        <translation>Die Version ausgeben.</translation>
    </message>
    <message>
        <source>Print the result of `handoff` as JSON.</source>
        <translation>Das Ergebnis von `handoff` als JSON ausgeben.</translation>
    </message>
    <message>
        <source>Session for `chat` to continue.</source>
        <translation>Sitzung, die `chat` fortsetzen soll.</translation>
    </message>
    <message>
        <source>id</source>
        <translation>ID</translation>
    </message>
    <message>
        <source>`chat`: continue the most recent session.</source>
        <translation>`chat`: die zuletzt verwendete Sitzung fortsetzen.</translation>
    </message>
    <message>
        <source>Run the gateway, the handoff watcher and the agent headless; log to stderr; stop with SIGINT/SIGTERM.</source>
        <translation>Gateway, Übergabe-Überwachung und Agent ohne Fenster ausführen; Protokoll nach stderr; Beenden mit SIGINT/SIGTERM.</translation>
    </message>
    <message>
        <source>What to do; see Commands below.</source>
        <translation>Was zu tun ist; siehe Befehle unten.</translation>
    </message>
    <message>
        <source>[command] [args...]</source>
        <translation>[Befehl] [Argumente...]</translation>
    </message>
    <message>
        <source>Run `baton --help` for usage.</source>
        <translation>`baton --help` zeigt die Verwendung.</translation>
    </message>
    <message>
        <source>--no-gui runs the gateway and takes no command.</source>
        <translation>--no-gui startet das Gateway und nimmt keinen Befehl an.</translation>
    </message>
    <message>
        <source>--format only applies to `baton sessions export`.</source>
        <translation>--format gilt nur für `baton sessions export`.</translation>
    </message>
    <message>
        <source>--session and --continue only apply to `baton chat`.</source>
        <translation>--session und --continue gelten nur für `baton chat`.</translation>
    </message>
    <message>
        <source>usage: baton chat [--session ID | --continue]</source>
        <translation>Verwendung: baton chat [--session ID | --continue]</translation>
    </message>
    <message>
        <source>unknown command &apos;%1&apos;. Run `baton --help` for the list.</source>
        <translation>unbekannter Befehl &apos;%1&apos;. `baton --help` zeigt die Liste.</translation>
    </message>
    <message>
        <source>this build has no window (BATON_WITH_GUI=OFF); try `baton --no-gui` or `baton --help`.</source>
        <translation>dieser Build hat kein Fenster (BATON_WITH_GUI=OFF); versuche `baton --no-gui` oder `baton --help`.</translation>
    </message>
    <message>
        <source>usage: baton doctor</source>
        <translation>Aufruf: baton doctor</translation>
    </message>
    <message>
        <source>Commands:
  (none)                          open the window, with the tray icon and the gateway inside
  --demo                          the window with a model and a Telegram on loopback
  --no-gui                        the gateway, handoff watcher and agent, headless
  sessions [list]                 list stored sessions, most recent first
  sessions show ID                print one session and its transcript
  sessions export ID --format md|json
                                  write a session to stdout as Markdown or JSON
  sessions search TEXT            full-text search over all messages
  sessions unlock ID              end a reply stuck as being written (its writer is gone)
  chat [--session ID | --continue]
                                  talk to the model in the terminal (/help inside)
  handoff SESSION --to PLATFORM [--json]
                                  hand a stored session off to telegram, discord or slack
                                  and wait for the gateway (exit 0 done, 1 failed, 2 timeout)
  pair telegram|discord|slack     make your phone&apos;s account an owner with a one-time code
                                  (a QR code for Telegram; the gateway must be running)
  pairing [list]                  pairing requests from people Baton does not know yet
  pairing approve|deny CODE       let that person talk to Baton, or drop the request
  secret set NAME                 store a secret in the OS keychain (value read from stdin)
  secret delete NAME              remove a secret from the keychain
                                  NAME: llm.api_key, telegram.token, discord.token,
                                  slack.bot_token, slack.app_token
  doctor                          check config, data dir, store, keychain, model and
                                  platforms, one line each (exit 1 if any fails)
  store copy [--from FILE] [--to URL]
                                  copy state.db (or FILE) into the PostgreSQL store at URL
                                  (default: [store] url), migrating it first. Rows already
                                  there with the same values are kept, so running it again
                                  changes nothing; a row there with other values stops the
                                  copy and nothing is written

ID may be a unique prefix of a session id (at least 4 characters).
Exit status: 0 success, 1 failure or no search match, 2 usage error.
</source>
        <translation>Befehle:
  (keiner)                        das Fenster öffnen, mit Tray-Symbol und Gateway darin
  --demo                          das Fenster mit einem Modell und einem Telegram auf Loopback
  --no-gui                        Gateway, Übergabe-Wächter und Agent ohne Fenster
  sessions [list]                 gespeicherte Sitzungen auflisten, die neueste zuerst
  sessions show ID                eine Sitzung mit ihrem Verlauf ausgeben
  sessions export ID --format md|json
                                  eine Sitzung als Markdown oder JSON auf stdout schreiben
  sessions search TEXT            Volltextsuche über alle Nachrichten
  sessions unlock ID              eine Antwort freigeben, die als „wird geschrieben“ hängt (ihr Schreiber ist weg)
  chat [--session ID | --continue]
                                  im Terminal mit dem Modell sprechen (/help darin)
  handoff SESSION --to PLATFORM [--json]
                                  eine gespeicherte Sitzung an telegram, discord oder slack übergeben
                                  und auf das Gateway warten (Exit 0 fertig, 1 fehlgeschlagen, 2 Zeitüberschreitung)
  pair telegram|discord|slack     das Konto deines Handys mit einem Einmalcode zum Besitzer machen
                                  (ein QR-Code für Telegram; das Gateway muss laufen)
  pairing [list]                  Kopplungsanfragen von Leuten, die Baton noch nicht kennt
  pairing approve|deny CODE       diese Person mit Baton sprechen lassen oder die Anfrage verwerfen
  secret set NAME                 ein Geheimnis im Schlüsselbund des Systems ablegen (Wert von stdin)
  secret delete NAME              ein Geheimnis aus dem Schlüsselbund entfernen
                                  NAME: llm.api_key, telegram.token, discord.token,
                                  slack.bot_token, slack.app_token
  doctor                          Konfiguration, Datenverzeichnis, Speicher, Schlüsselbund, Modell
                                  und Plattformen prüfen, je eine Zeile (Exit 1, wenn etwas fehlt)
  store copy [--from FILE] [--to URL]
                                  state.db (oder FILE) in den PostgreSQL-Speicher unter URL kopieren
                                  (Vorgabe: url unter [store]), der zuerst migriert wird. Zeilen, die
                                  dort mit denselben Werten schon stehen, bleiben; ein zweiter Lauf
                                  ändert also nichts. Eine Zeile mit anderen Werten dort hält die
                                  Kopie an, und nichts wird geschrieben

ID darf ein eindeutiger Anfang einer Sitzungs-ID sein (mindestens 4 Zeichen).
Exit-Status: 0 Erfolg, 1 Fehler oder kein Suchtreffer, 2 Aufruffehler.
</translation>
    </message>
    <message>
        <source>`handoff`: the platform (telegram, discord or slack); `store copy`: the PostgreSQL store&apos;s url.</source>
        <translation>`handoff`: die Plattform (telegram, discord oder slack); `store copy`: die URL des PostgreSQL-Speichers.</translation>
    </message>
    <message>
        <source>platform|url</source>
        <translation>Plattform|URL</translation>
    </message>
    <message>
        <source>`store copy`: the state.db to copy (default: the data directory&apos;s).</source>
        <translation>`store copy`: die zu kopierende state.db (Vorgabe: die des Datenverzeichnisses).</translation>
    </message>
    <message>
        <source>--to and --json only apply to `baton handoff` (and --to to `baton store copy`).</source>
        <translation>--to und --json gelten nur für `baton handoff` (und --to für `baton store copy`).</translation>
    </message>
    <message>
        <source>--from only applies to `baton store copy`.</source>
        <translation>--from gilt nur für `baton store copy`.</translation>
    </message>
</context>
<context>
    <name>Composer</name>
    <message>
        <source>Message Baton</source>
        <translation>Nachricht an Baton</translation>
    </message>
    <message>
        <source>Message to Baton</source>
        <translation>Nachricht an Baton</translation>
    </message>
    <message>
        <source>Stop</source>
        <translation>Stopp</translation>
    </message>
    <message>
        <source>Send</source>
        <translation>Senden</translation>
    </message>
    <message>
        <source>Regenerate</source>
        <translation>Neu generieren</translation>
    </message>
</context>
<context>
    <name>ConfigCheck</name>
    <message>
        <source>%1: %2</source>
        <translation>%1: %2</translation>
    </message>
    <message>
        <source>%1, line %2: %3</source>
        <translation>%1, Zeile %2: %3</translation>
    </message>
    <message>
        <source>the section name &quot;%1&quot; lacks its closing &quot;]&quot;</source>
        <translation>dem Abschnittsnamen „%1“ fehlt die schließende „]“</translation>
    </message>
    <message>
        <source>unknown section [%1]; Baton reads %2</source>
        <translation>unbekannter Abschnitt [%1]; Baton liest %2</translation>
    </message>
    <message>
        <source>&quot;%1&quot; is not a setting: expected key=value or [section]</source>
        <translation>„%1“ ist keine Einstellung: erwartet wird Schlüssel=Wert oder [Abschnitt]</translation>
    </message>
    <message>
        <source>%1: a quote is not closed</source>
        <translation>%1: ein Anführungszeichen wird nicht geschlossen</translation>
    </message>
    <message>
        <source>%1 is outside any section; Baton reads it from none</source>
        <translation>%1 steht außerhalb jedes Abschnitts; Baton liest es nirgends</translation>
    </message>
    <message>
        <source>unknown key %1 in [%2]; it knows %3</source>
        <translation>unbekannter Schlüssel %1 in [%2]; bekannt sind %3</translation>
    </message>
    <message>
        <source>%1 is set twice in [%2]; the last one counts</source>
        <translation>%1 ist in [%2] zweimal gesetzt; der letzte Wert gilt</translation>
    </message>
    <message>
        <source>%1=%2: %3</source>
        <translation>%1=%2: %3</translation>
    </message>
    <message>
        <source>it cannot be read; check its permissions</source>
        <translation>die Datei kann nicht gelesen werden; prüfen Sie ihre Berechtigungen</translation>
    </message>
    <message>
        <source>expected true or false</source>
        <translation>erwartet wird true oder false</translation>
    </message>
    <message>
        <source>expected a whole number</source>
        <translation>erwartet wird eine ganze Zahl</translation>
    </message>
    <message>
        <source>expected a number from %1 to %2</source>
        <translation>erwartet wird eine Zahl von %1 bis %2</translation>
    </message>
    <message>
        <source>expected one of: %1</source>
        <translation>erwartet wird eines von: %1</translation>
    </message>
    <message>
        <source>&quot;%1&quot; is not a user id: expected numbers separated by commas</source>
        <translation>„%1“ ist keine Benutzer-ID: erwartet werden durch Kommas getrennte Zahlen</translation>
    </message>
    <message>
        <source>&quot;%1&quot; is not a user id: expected ids like U0123ABC separated by commas</source>
        <translation>„%1“ ist keine Benutzer-ID: erwartet werden durch Kommas getrennte IDs wie U0123ABC</translation>
    </message>
    <message>
        <source>expected an address starting with %1 or %2</source>
        <translation>erwartet wird eine Adresse, die mit %1 oder %2 beginnt</translation>
    </message>
    <message>
        <source>expected a postgresql:// url, or nothing for state.db in the data directory</source>
        <translation>erwartet eine postgresql://-URL oder nichts für state.db im Datenverzeichnis</translation>
    </message>
</context>
<context>
    <name>ConfigErrorWindow</name>
    <message>
        <source>Baton — check baton.ini</source>
        <translation>Baton — baton.ini prüfen</translation>
    </message>
    <message>
        <source>Baton cannot start with its configuration file</source>
        <translation>Baton kann mit seiner Konfigurationsdatei nicht starten</translation>
    </message>
    <message>
        <source>Baton&apos;s configuration file has settings it does not know</source>
        <translation>Batons Konfigurationsdatei enthält Einstellungen, die es nicht kennt</translation>
    </message>
    <message>
        <source>Fix the lines below in the file, or reset the section they are in. Baton checks the file again when it changes and opens once it is fine.</source>
        <translation>Korrigiere die Zeilen unten in der Datei oder setze den Abschnitt zurück, in dem sie stehen. Baton prüft die Datei erneut, sobald sie sich ändert, und öffnet sich, wenn sie in Ordnung ist.</translation>
    </message>
    <message>
        <source>Baton ignores them. Fix or reset them, or continue as it is.</source>
        <translation>Baton ignoriert sie. Korrigieren oder zurücksetzen – oder so fortfahren.</translation>
    </message>
    <message>
        <source>File: %1</source>
        <translation>Datei: %1</translation>
    </message>
    <message>
        <source>Line %1</source>
        <translation>Zeile %1</translation>
    </message>
    <message>
        <source>The whole file</source>
        <translation>Die ganze Datei</translation>
    </message>
    <message>
        <source>Reset [%1]</source>
        <translation>[%1] zurücksetzen</translation>
    </message>
    <message>
        <source>Remove the lines before the first section</source>
        <translation>Die Zeilen vor dem ersten Abschnitt entfernen</translation>
    </message>
    <message>
        <source>Reset the section %1, keeping a copy of the file</source>
        <translation>Den Abschnitt %1 zurücksetzen, eine Kopie der Datei bleibt erhalten</translation>
    </message>
    <message>
        <source>Open the file</source>
        <translation>Datei öffnen</translation>
    </message>
    <message>
        <source>Open %1 in an editor</source>
        <translation>%1 in einem Editor öffnen</translation>
    </message>
    <message>
        <source>Check again</source>
        <translation>Erneut prüfen</translation>
    </message>
    <message>
        <source>Continue</source>
        <translation>Fortfahren</translation>
    </message>
    <message>
        <source>Continue without these settings</source>
        <translation>Ohne diese Einstellungen fortfahren</translation>
    </message>
</context>
<context>
    <name>ConfigRepair</name>
    <message>
        <source>No program opens %1 here: open it in a text editor.</source>
        <translation>Kein Programm öffnet %1 hier: Öffne die Datei in einem Texteditor.</translation>
    </message>
    <message>
        <source>%1 cannot be read: %2</source>
        <translation>%1 kann nicht gelesen werden: %2</translation>
    </message>
    <message>
        <source>Nothing was changed: the copy %1 could not be written (%2).</source>
        <translation>Nichts wurde geändert: Die Kopie %1 konnte nicht geschrieben werden (%2).</translation>
    </message>
    <message>
        <source>%1 could not be written: %2</source>
        <translation>%1 konnte nicht geschrieben werden: %2</translation>
    </message>
    <message>
        <source>Removed the lines before the first section. The old file is kept as %1.</source>
        <translation>Die Zeilen vor dem ersten Abschnitt wurden entfernt. Die alte Datei bleibt als %1 erhalten.</translation>
    </message>
    <message>
        <source>Reset [%1]: its settings are gone and Baton uses the defaults. The old file is kept as %2.</source>
        <translation>[%1] zurückgesetzt: Seine Einstellungen sind entfernt, Baton nutzt die Voreinstellungen. Die alte Datei bleibt als %2 erhalten.</translation>
    </message>
</context>
<context>
    <name>ConnectModelCard</name>
    <message>
        <source>Connect a model</source>
        <translation>Ein Modell verbinden</translation>
    </message>
    <message>
        <source>Baton writes with a model on an OpenAI-compatible server, on this computer or elsewhere. Choose the server you run; Baton asks it which models it has.</source>
        <translation>Baton schreibt mit einem Modell auf einem OpenAI-kompatiblen Server, auf diesem Rechner oder anderswo. Wähle deinen Server; Baton fragt ihn, welche Modelle er hat.</translation>
    </message>
    <message>
        <source>%1 at %2</source>
        <translation>%1 unter %2</translation>
    </message>
    <message>
        <source>Any OpenAI-compatible server</source>
        <translation>Ein beliebiger OpenAI-kompatibler Server</translation>
    </message>
    <message>
        <source>Address</source>
        <translation>Adresse</translation>
    </message>
    <message>
        <source>API key</source>
        <translation>API-Schlüssel</translation>
    </message>
    <message>
        <source>Saved in the keychain — type to replace</source>
        <translation>Im Schlüsselbund gespeichert — zum Ersetzen tippen</translation>
    </message>
    <message>
        <source>If the server asks for one</source>
        <translation>Falls der Server einen verlangt</translation>
    </message>
    <message>
        <source>Test</source>
        <translation>Testen</translation>
    </message>
    <message>
        <source>Test the server and list its models</source>
        <translation>Den Server testen und seine Modelle auflisten</translation>
    </message>
    <message>
        <source>Model</source>
        <translation>Modell</translation>
    </message>
    <message>
        <source>Use this model</source>
        <translation>Dieses Modell verwenden</translation>
    </message>
</context>
<context>
    <name>ConnectionCheck</name>
    <message>
        <source>the connection was refused</source>
        <translation>die Verbindung wurde abgelehnt</translation>
    </message>
    <message>
        <source>the connection was closed</source>
        <translation>die Verbindung wurde geschlossen</translation>
    </message>
    <message>
        <source>the host was not found</source>
        <translation>der Host wurde nicht gefunden</translation>
    </message>
    <message>
        <source>no answer within %1 s</source>
        <translation>keine Antwort innerhalb von %1 s</translation>
    </message>
    <message>
        <source>the TLS handshake failed</source>
        <translation>der TLS-Handshake ist fehlgeschlagen</translation>
    </message>
    <message>
        <source>the address does not start with http:// or https://</source>
        <translation>die Adresse beginnt nicht mit http:// oder https://</translation>
    </message>
    <message>
        <source>the proxy could not be used</source>
        <translation>der Proxy konnte nicht verwendet werden</translation>
    </message>
    <message>
        <source>network error %1</source>
        <translation>Netzwerkfehler %1</translation>
    </message>
    <message>
        <source>This build of Baton has no platform called &apos;%1&apos;.</source>
        <translation>Dieser Build von Baton hat keine Plattform namens &apos;%1&apos;.</translation>
    </message>
</context>
<context>
    <name>CopyButton</name>
    <message>
        <source>Copied</source>
        <translation>Kopiert</translation>
    </message>
    <message>
        <source>Copy</source>
        <translation>Kopieren</translation>
    </message>
    <message>
        <source>Copied to the clipboard</source>
        <translation>In die Zwischenablage kopiert</translation>
    </message>
</context>
<context>
    <name>Database</name>
    <message>
        <source>state.db at %1 is not a Baton database or is corrupt: %2</source>
        <translation>state.db unter %1 ist keine Baton-Datenbank oder beschädigt: %2</translation>
    </message>
    <message>
        <source>state.db at %1 is locked by another process (%2). Close the other program or try again.</source>
        <translation>state.db unter %1 ist von einem anderen Prozess gesperrt (%2). Schließe das andere Programm oder versuche es erneut.</translation>
    </message>
    <message>
        <source>state.db at %1 cannot be opened for writing: %2. Check the permissions of its folder.</source>
        <translation>state.db unter %1 kann nicht zum Schreiben geöffnet werden: %2. Prüfe die Berechtigungen des Ordners.</translation>
    </message>
    <message>
        <source>state.db at %1 cannot be written: %2. Free some disk space and try again.</source>
        <translation>state.db unter %1 kann nicht geschrieben werden: %2. Gib Speicherplatz frei und versuche es erneut.</translation>
    </message>
    <message>
        <source>state.db at %1: %2 failed: %3</source>
        <translation>state.db unter %1: %2 fehlgeschlagen: %3</translation>
    </message>
    <message>
        <source>Cannot create the data directory %1. Check its permissions or pass --data-dir.</source>
        <translation>Das Datenverzeichnis %1 kann nicht angelegt werden. Prüfe die Berechtigungen oder gib --data-dir an.</translation>
    </message>
    <message>
        <source>state.db at %1 cannot be read. Check its permissions.</source>
        <translation>state.db unter %1 kann nicht gelesen werden. Prüfe die Berechtigungen.</translation>
    </message>
    <message>
        <source>opening</source>
        <translation>Öffnen</translation>
    </message>
    <message>
        <source>reading the schema version</source>
        <translation>Lesen der Schemaversion</translation>
    </message>
    <message>
        <source>configuring the connection</source>
        <translation>Einrichten der Verbindung</translation>
    </message>
    <message>
        <source>reading the application id</source>
        <translation>Lesen der Anwendungs-ID</translation>
    </message>
    <message>
        <source>state.db at %1 was written by a newer Baton (schema %2; this build knows up to %3). Update Baton or use another --data-dir.</source>
        <translation>state.db unter %1 wurde von einer neueren Baton-Version geschrieben (Schema %2; dieser Build kennt bis %3). Aktualisiere Baton oder verwende ein anderes --data-dir.</translation>
    </message>
    <message>
        <source>state.db at %1 is not a Baton database or is corrupt: it belongs to another application.</source>
        <translation>state.db unter %1 ist keine Baton-Datenbank oder beschädigt: Sie gehört zu einer anderen Anwendung.</translation>
    </message>
    <message>
        <source>reading the schema</source>
        <translation>Lesen des Schemas</translation>
    </message>
    <message>
        <source>state.db at %1 is not a Baton database or is corrupt: it holds tables Baton did not make.</source>
        <translation>state.db unter %1 ist keine Baton-Datenbank oder beschädigt: Sie enthält Tabellen, die nicht von Baton stammen.</translation>
    </message>
    <message>
        <source>starting the upgrade</source>
        <translation>Starten der Aktualisierung</translation>
    </message>
    <message>
        <source>state.db at %1 could not be upgraded to schema %2 (%3): %4</source>
        <translation>state.db unter %1 konnte nicht auf Schema %2 aktualisiert werden (%3): %4</translation>
    </message>
    <message>
        <source>finishing the upgrade</source>
        <translation>Abschließen der Aktualisierung</translation>
    </message>
    <message>
        <source>creating</source>
        <translation>Anlegen</translation>
    </message>
    <message>
        <source>The store at %1 refused user %2: %3. Set the password with `baton secret set store.password` or BATON_STORE_PASSWORD.</source>
        <translation>Der Speicher unter %1 hat den Benutzer %2 abgewiesen: %3. Setzen Sie das Passwort mit `baton secret set store.password` oder BATON_STORE_PASSWORD.</translation>
    </message>
    <message>
        <source>The store at %1 cannot be reached: %2</source>
        <translation>Der Speicher unter %1 ist nicht erreichbar: %2</translation>
    </message>
    <message>
        <source>The store at %1 names a database the server does not have: %2. Create it with createdb.</source>
        <translation>Der Speicher unter %1 nennt eine Datenbank, die der Server nicht hat: %2. Legen Sie sie mit createdb an.</translation>
    </message>
    <message>
        <source>The store at %1: %2 failed: %3</source>
        <translation>Der Speicher unter %1: %2 ist fehlgeschlagen: %3</translation>
    </message>
    <message>
        <source>[store] url names PostgreSQL (%1), but Qt&apos;s PostgreSQL driver is not installed: install libqt6sql6-psql (Debian) or empty the url to use state.db.</source>
        <translation>[store] url nennt PostgreSQL (%1), aber Qts PostgreSQL-Treiber ist nicht installiert: Installieren Sie libqt6sql6-psql (Debian) oder leeren Sie die URL, um state.db zu verwenden.</translation>
    </message>
    <message>
        <source>connecting</source>
        <translation>das Verbinden</translation>
    </message>
    <message>
        <source>The store at %1 is not a Baton database: it holds tables Baton did not make. Give Baton a database of its own (createdb baton).</source>
        <translation>Der Speicher unter %1 ist keine Baton-Datenbank: Er enthält Tabellen, die Baton nicht angelegt hat. Geben Sie Baton eine eigene Datenbank (createdb baton).</translation>
    </message>
    <message>
        <source>The store at %1 is not a Baton database: it belongs to another application.</source>
        <translation>Der Speicher unter %1 ist keine Baton-Datenbank: Er gehört einer anderen Anwendung.</translation>
    </message>
    <message>
        <source>The store at %1 was written by a newer Baton (schema %2; this build knows up to %3). Update Baton on this machine.</source>
        <translation>Der Speicher unter %1 wurde von einem neueren Baton geschrieben (Schema %2; dieser Build kennt bis %3). Aktualisieren Sie Baton auf diesem Rechner.</translation>
    </message>
    <message>
        <source>The store at %1 could not be upgraded to schema %2 (%3): %4</source>
        <translation>Der Speicher unter %1 konnte nicht auf Schema %2 (%3) aktualisiert werden: %4</translation>
    </message>
</context>
<context>
    <name>DemoWorld</name>
    <message>
        <source>cannot create a temporary directory for the demo</source>
        <translation>kann kein temporäres Verzeichnis für die Demo anlegen</translation>
    </message>
    <message>
        <source>cannot listen on 127.0.0.1 for the demo&apos;s model and Telegram</source>
        <translation>kann für Modell und Telegram der Demo nicht auf 127.0.0.1 lauschen</translation>
    </message>
    <message>
        <source>cannot write the demo&apos;s config in %1</source>
        <translation>kann die Konfiguration der Demo nicht in %1 schreiben</translation>
    </message>
</context>
<context>
    <name>DesktopApp</name>
    <message>
        <source>The gateway runs elsewhere: %1</source>
        <translation>Das Gateway läuft anderswo: %1</translation>
    </message>
    <message>
        <source>New pairing request</source>
        <translation>Neue Kopplungsanfrage</translation>
    </message>
    <message>
        <source>%1 on %2 asks to talk to Baton (code %3). Approve or deny it in Settings.</source>
        <translation>%1 auf %2 möchte mit Baton sprechen (Code %3). Gib die Anfrage in den Einstellungen frei oder lehne sie ab.</translation>
    </message>
    <message>
        <source>A message was not delivered</source>
        <translation>Eine Nachricht wurde nicht zugestellt</translation>
    </message>
    <message>
        <source>Keep Baton running?</source>
        <translation>Baton weiterlaufen lassen?</translation>
    </message>
    <message>
        <source>This desktop has no system tray to keep Baton in. Keep the gateway running in the background, so your phone can still reach Baton, or quit?</source>
        <translation>Dieser Desktop hat keinen Systembereich (Tray), in dem Baton bleiben kann. Soll das Gateway im Hintergrund weiterlaufen, damit dein Handy Baton weiter erreicht, oder soll Baton beendet werden?</translation>
    </message>
    <message>
        <source>To get the window back, start Baton again from the applications menu: it opens the window of the Baton already running.</source>
        <translation>Um das Fenster zurückzuholen, starte Baton erneut aus dem Anwendungsmenü: Das öffnet das Fenster des bereits laufenden Baton.</translation>
    </message>
    <message>
        <source>Keep running in the background</source>
        <translation>Im Hintergrund weiterlaufen lassen</translation>
    </message>
    <message>
        <source>Quit Baton</source>
        <translation>Baton beenden</translation>
    </message>
</context>
<context>
    <name>DesktopNotifier</name>
    <message>
        <source>Baton cannot show desktop notifications: no session bus (%1).</source>
        <translation>Baton kann keine Desktop-Benachrichtigungen zeigen: kein Sitzungsbus (%1).</translation>
    </message>
    <message>
        <source>Baton cannot show desktop notifications: no notification server on the session bus (%1).</source>
        <translation>Baton kann keine Desktop-Benachrichtigungen zeigen: kein Benachrichtigungsdienst auf dem Sitzungsbus (%1).</translation>
    </message>
</context>
<context>
    <name>DiscordAdapter</name>
    <message>
        <source>Discord rejected the bot token (401). Set it with `baton secret set discord.token`.</source>
        <translation>Discord hat den Bot-Token abgelehnt (401). Setze ihn mit `baton secret set discord.token`.</translation>
    </message>
    <message>
        <source>Discord did not %1: %2</source>
        <translation>Discord: %1 fehlgeschlagen: %2</translation>
    </message>
    <message>
        <source>give the gateway address</source>
        <translation>Abrufen der Gateway-Adresse</translation>
    </message>
    <message>
        <source>stopped</source>
        <translation>gestoppt</translation>
    </message>
    <message>
        <source>take the message</source>
        <translation>Senden der Nachricht</translation>
    </message>
    <message>
        <source>edit the message</source>
        <translation>Bearbeiten der Nachricht</translation>
    </message>
    <message>
        <source>Discord could not open a thread: %1</source>
        <translation>Discord konnte keinen Thread öffnen: %1</translation>
    </message>
</context>
<context>
    <name>DiscordGateway</name>
    <message>
        <source>Discord asked to reconnect</source>
        <translation>Discord hat um eine neue Verbindung gebeten</translation>
    </message>
    <message>
        <source>Discord invalidated the session</source>
        <translation>Discord hat die Sitzung für ungültig erklärt</translation>
    </message>
    <message>
        <source>Discord stopped answering heartbeats</source>
        <translation>Discord beantwortet keine Heartbeats mehr</translation>
    </message>
    <message>
        <source>the connection to Discord closed (%1)</source>
        <translation>die Verbindung zu Discord wurde geschlossen (%1)</translation>
    </message>
    <message>
        <source>Discord closed the connection (%1: %2)</source>
        <translation>Discord hat die Verbindung geschlossen (%1: %2)</translation>
    </message>
</context>
<context>
    <name>DiscordPlatform</name>
    <message>
        <source>Connected as %1.</source>
        <translation>Verbunden als %1.</translation>
    </message>
    <message>
        <source>Discord rejected the bot token (401). Set it with `baton secret set discord.token`.</source>
        <translation>Discord hat den Bot-Token abgelehnt (401). Setze ihn mit `baton secret set discord.token`.</translation>
    </message>
    <message>
        <source>Discord answered %1: %2.</source>
        <translation>Discord antwortete mit %1: %2.</translation>
    </message>
    <message>
        <source>Discord could not be reached: %1.</source>
        <translation>Discord ist nicht erreichbar: %1.</translation>
    </message>
    <message>
        <source>The home channel #%1 is there.</source>
        <translation>Der Heimkanal #%1 ist vorhanden.</translation>
    </message>
    <message>
        <source>The bot may not see the home channel %1 (403): give it access to that channel.</source>
        <translation>Der Bot darf den Heimkanal %1 nicht sehen (403): Gib ihm Zugriff auf diesen Kanal.</translation>
    </message>
    <message>
        <source>The home channel %1 does not exist (%2): set home_channel to a channel id, or send /sethome there.</source>
        <translation>Der Heimkanal %1 existiert nicht (%2): Setze home_channel auf eine Kanal-ID oder sende dort /sethome.</translation>
    </message>
    <message>
        <source>Bot token</source>
        <translation>Bot-Token</translation>
    </message>
    <message>
        <source>From the Developer Portal, under Bot. Kept in the system keychain as discord.token.</source>
        <translation>Aus dem Developer Portal, unter Bot. Wird im System-Schlüsselbund als discord.token gespeichert.</translation>
    </message>
    <message>
        <source>Home channel</source>
        <translation>Heimkanal</translation>
    </message>
    <message>
        <source>Where handoffs go: a channel id (Developer Mode, then Copy Channel ID).</source>
        <translation>Ziel der Übergaben: eine Kanal-ID (Entwicklermodus, dann „Kanal-ID kopieren“).</translation>
    </message>
    <message>
        <source>Allowed users</source>
        <translation>Erlaubte Nutzer</translation>
    </message>
    <message>
        <source>Numeric user ids, comma-separated. Anyone else can ask for a pairing code.</source>
        <translation>Numerische Nutzer-IDs, durch Kommas getrennt. Alle anderen können einen Kopplungscode anfordern.</translation>
    </message>
</context>
<context>
    <name>DiscordRest</name>
    <message>
        <source>Discord asked to wait %1 s, longer than Baton waits (%2 minutes)</source>
        <translation>Discord bat, %1 s zu warten, länger als Baton wartet (%2 Minuten)</translation>
    </message>
</context>
<context>
    <name>DoctorCommand</name>
    <message>
        <source>config</source>
        <translation>Konfiguration</translation>
    </message>
    <message>
        <source>data dir</source>
        <translation>Datenverz.</translation>
    </message>
    <message>
        <source>state.db</source>
        <translation>state.db</translation>
    </message>
    <message>
        <source>gateway</source>
        <translation>Gateway</translation>
    </message>
    <message>
        <source>%1 does not exist: the defaults apply</source>
        <translation>%1 gibt es nicht: die Standardwerte gelten</translation>
    </message>
    <message>
        <source>%1 is not writable: check its permissions or pass --data-dir.</source>
        <translation>%1 ist nicht beschreibbar: prüfe die Berechtigungen oder gib --data-dir an.</translation>
    </message>
    <message>
        <source>%1 is writable</source>
        <translation>%1 ist beschreibbar</translation>
    </message>
    <message>
        <source>opens, schema version %1</source>
        <translation>lässt sich öffnen, Schemaversion %1</translation>
    </message>
    <message>
        <source>no gateway runs for this data dir (start one with `baton` or `baton --no-gui`)</source>
        <translation>für dieses Datenverzeichnis läuft kein Gateway (starte eins mit `baton` oder `baton --no-gui`)</translation>
    </message>
    <message>
        <source>one gateway runs for this data dir (process %1)</source>
        <translation>für dieses Datenverzeichnis läuft ein Gateway (Prozess %1)</translation>
    </message>
    <message>
        <source>the gateway lock in %1 cannot be used.</source>
        <translation>die Gateway-Sperre in %1 ist nicht verwendbar.</translation>
    </message>
    <message>
        <source>keychain</source>
        <translation>Schlüsselbund</translation>
    </message>
    <message>
        <source>reachable</source>
        <translation>erreichbar</translation>
    </message>
    <message>
        <source>model</source>
        <translation>Modell</translation>
    </message>
    <message>
        <source>It has no home channel: send /sethome in the chat handoffs should go to, or set %1 under [%2].</source>
        <translation>Es gibt keinen Heimkanal: sende /sethome in dem Chat, in den Übergaben gehen sollen, oder setze %1 unter [%2].</translation>
    </message>
    <message>
        <source>enabled, but no %1 is set: `baton secret set %1` or %2.</source>
        <translation>aktiviert, aber %1 ist nicht gesetzt: `baton secret set %1` oder %2.</translation>
    </message>
    <message>
        <source>not reachable; the environment holds every token this configuration needs</source>
        <translation>nicht erreichbar; die Umgebung enthält jedes Token, das diese Konfiguration braucht</translation>
    </message>
    <message>
        <source>cannot be reached; set the secrets in the environment instead: %1.</source>
        <translation>nicht erreichbar; setzen Sie die Geheimnisse stattdessen in der Umgebung: %1.</translation>
    </message>
    <message>
        <source>leaders</source>
        <translation>Leitung</translation>
    </message>
    <message>
        <source>%1 led by process %2 on %3 (lease until %4)</source>
        <translation>%1 geleitet von Prozess %2 auf %3 (Lease bis %4)</translation>
    </message>
    <message>
        <source>%1 led by nobody (the lease of process %2 on %3 ended at %4)</source>
        <translation>%1 von niemandem geleitet (die Lease von Prozess %2 auf %3 endete um %4)</translation>
    </message>
    <message>
        <source>no gateway leads a platform on this store</source>
        <translation>kein Gateway leitet eine Plattform auf diesem Speicher</translation>
    </message>
</context>
<context>
    <name>EditingBar</name>
    <message>
        <source>Editing your message: sending it starts a new variant; the old one stays a click away.</source>
        <translation>Du bearbeitest deine Nachricht: Senden beginnt eine neue Variante; die alte bleibt einen Klick entfernt.</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Abbrechen</translation>
    </message>
    <message>
        <source>Cancel editing</source>
        <translation>Bearbeiten abbrechen</translation>
    </message>
</context>
<context>
    <name>FirstRunCard</name>
    <message>
        <source>Take conversations with you</source>
        <translation>Gespräche mitnehmen</translation>
    </message>
    <message>
        <source>Connect a messenger and hand any conversation off to your phone. Baton walks you through it: create a bot, paste its token, scan a code with your phone.</source>
        <translation>Verbinde einen Messenger und übergib jedes Gespräch an dein Handy. Baton führt dich hindurch: einen Bot anlegen, sein Token einfügen, mit dem Handy einen Code scannen.</translation>
    </message>
    <message>
        <source>Set up %1</source>
        <translation>%1 einrichten</translation>
    </message>
</context>
<context>
    <name>Gateway</name>
    <message>
        <source>Hi! I only talk to people my owner knows. Your pairing code is %1; ask them to run `baton pairing approve %1`.</source>
        <translation>Hallo! Ich spreche nur mit Leuten, die mein Besitzer kennt. Dein Kopplungscode ist %1; bitte ihn, `baton pairing approve %1` auszuführen.</translation>
    </message>
    <message>
        <source>%1 is not connected.</source>
        <translation>%1 ist nicht verbunden.</translation>
    </message>
    <message>
        <source>a reply is already being written in this session</source>
        <translation>in dieser Sitzung wird bereits eine Antwort geschrieben</translation>
    </message>
    <message>
        <source>Started a new conversation.</source>
        <translation>Neue Unterhaltung begonnen.</translation>
    </message>
    <message>
        <source>Already on that conversation.</source>
        <translation>Diese Unterhaltung ist bereits aktiv.</translation>
    </message>
    <message numerus="yes">
        <source>Continuing %1 (%n message(s)).</source>
        <translation>
            <numerusform>%1 wird fortgesetzt (%n Nachricht).</numerusform>
            <numerusform>%1 wird fortgesetzt (%n Nachrichten).</numerusform>
        </translation>
    </message>
    <message>
        <source>This chat is now the home for handoffs to %1.</source>
        <translation>Dieser Chat ist jetzt der Heimkanal für Übergaben an %1.</translation>
    </message>
    <message>
        <source>This topic is now the home for handoffs to %1.</source>
        <translation>Dieses Thema ist jetzt der Heimkanal für Übergaben an %1.</translation>
    </message>
    <message>
        <source>I am not writing anything right now.</source>
        <translation>Ich schreibe gerade nichts.</translation>
    </message>
    <message>
        <source>I do not know /%1. Send /help for the commands.</source>
        <translation>/%1 kenne ich nicht. Sende /help für die Befehle.</translation>
    </message>
    <message numerus="yes">
        <source>Conversation %1 (%2), %n message(s).</source>
        <translation>
            <numerusform>Unterhaltung %1 (%2), %n Nachricht.</numerusform>
            <numerusform>Unterhaltung %1 (%2), %n Nachrichten.</numerusform>
        </translation>
    </message>
    <message>
        <source>I am writing a reply.</source>
        <translation>Ich schreibe gerade eine Antwort.</translation>
    </message>
    <message>
        <source>I am waiting for you.</source>
        <translation>Ich warte auf dich.</translation>
    </message>
    <message>
        <source>No conversation here yet: write to start one.</source>
        <translation>Hier gibt es noch keine Unterhaltung: Schreib etwas, um eine zu beginnen.</translation>
    </message>
    <message>
        <source>Model: %1.</source>
        <translation>Modell: %1.</translation>
    </message>
    <message>
        <source>There are no conversations yet.</source>
        <translation>Es gibt noch keine Unterhaltungen.</translation>
    </message>
    <message>
        <source>Recent conversations (send /resume and an id or title):</source>
        <translation>Letzte Unterhaltungen (sende /resume und eine ID oder einen Titel):</translation>
    </message>
    <message>
        <source>untitled</source>
        <translation>ohne Titel</translation>
    </message>
    <message>
        <source>

[Baton: this message was %1 characters long; only the first %2 were kept.]</source>
        <translation>

[Baton: Diese Nachricht war %1 Zeichen lang; nur die ersten %2 wurden behalten.]</translation>
    </message>
    <message>
        <source>This chat is on a conversation that is not yours. Send /new to start your own.</source>
        <translation>Dieser Chat gehört zu einer Unterhaltung, die nicht deine ist. Sende /new, um deine eigene zu beginnen.</translation>
    </message>
    <message>
        <source>Stopped.</source>
        <translation>Gestoppt.</translation>
    </message>
    <message>
        <source>The reply was cut short; the owner can see why in Baton.</source>
        <translation>Die Antwort wurde vorzeitig beendet; der Besitzer sieht in Baton, warum.</translation>
    </message>
    <message>
        <source>The model did not answer; the owner can see why in Baton.</source>
        <translation>Das Modell hat nicht geantwortet; der Besitzer sieht in Baton, warum.</translation>
    </message>
    <message>
        <source>Sorry, something went wrong on my side; the owner can see why in Baton.</source>
        <translation>Entschuldige, bei mir ist etwas schiefgegangen; der Besitzer sieht in Baton, warum.</translation>
    </message>
    <message>
        <source>I am Baton, your assistant. Just write to me. Commands:
/new: start a new conversation
/resume [id or title]: continue an earlier conversation
/status: what I am doing
</source>
        <translation>Ich bin Baton, dein Assistent. Schreib mir einfach. Befehle:
/new: neue Unterhaltung beginnen
/resume [ID oder Titel]: frühere Unterhaltung fortsetzen
/status: was ich gerade tue
</translation>
    </message>
    <message>
        <source>/sethome: make this chat the home for handoffs from the desktop
</source>
        <translation>/sethome: diesen Chat zum Heimkanal für Übergaben vom Desktop machen
</translation>
    </message>
    <message>
        <source>/stop: stop the reply I am writing
/help: this list</source>
        <translation>/stop: die Antwort stoppen, die ich gerade schreibe
/help: diese Liste</translation>
    </message>
    <message>
        <source>Sorry, only my owner can choose where handoffs go.</source>
        <translation>Entschuldige, nur mein Besitzer kann festlegen, wohin Übergaben gehen.</translation>
    </message>
    <message>
        <source>I found no single conversation of yours matching &apos;%1&apos;. Send /resume to see them.</source>
        <translation>Ich finde keine eindeutige Unterhaltung von dir zu „%1“. Sende /resume, um sie zu sehen.</translation>
    </message>
    <message>
        <source>Interrupted: Baton stopped while writing this. The full answer follows.</source>
        <translation>Unterbrochen: Baton wurde beim Schreiben beendet. Die vollständige Antwort folgt.</translation>
    </message>
    <message>
        <source>Not sent: the reply was cut by a stop and is answered again.</source>
        <translation>Nicht gesendet: Die Antwort wurde durch ein Beenden abgeschnitten und wird neu beantwortet.</translation>
    </message>
    <message>
        <source>Sorry, that setup code does not work: codes are good once and for ten minutes. Make a new one in Baton&apos;s Settings.</source>
        <translation>Dieser Einrichtungscode funktioniert leider nicht: Codes gelten einmal und zehn Minuten lang. Erzeuge in Batons Einstellungen einen neuen.</translation>
    </message>
    <message>
        <source>Hello %1, you are my owner on %2 now. Choose the home for handoffs in Baton&apos;s window, or send /sethome in the chat that should be it.</source>
        <translation>Hallo %1, du bist jetzt mein Besitzer auf %2. Wähle das Zuhause für Übergaben in Batons Fenster, oder sende /sethome in dem Chat, der es sein soll.</translation>
    </message>
</context>
<context>
    <name>GatewayHosts</name>
    <message>
        <source>%1 on this computer</source>
        <translation>%1 auf diesem Rechner</translation>
    </message>
    <message>
        <source>%1 on %2</source>
        <translation>%1 auf %2</translation>
    </message>
    <message>
        <source>another computer</source>
        <translation>einem anderen Rechner</translation>
    </message>
    <message>
        <source>none runs %1</source>
        <translation>keines betreibt %1</translation>
    </message>
    <message>
        <source>Gateway: %1</source>
        <translation>Gateway: %1</translation>
    </message>
</context>
<context>
    <name>GatewayService</name>
    <message>
        <source>cannot create the data directory %1</source>
        <translation>kann das Datenverzeichnis %1 nicht anlegen</translation>
    </message>
    <message>
        <source>another gateway (process %1 on %2) already runs for %3; stop it first.</source>
        <translation>für %3 läuft bereits ein anderes Gateway (Prozess %1 auf %2); beende es zuerst.</translation>
    </message>
    <message>
        <source>cannot take the gateway lock in %1.</source>
        <translation>kann die Gateway-Sperre in %1 nicht übernehmen.</translation>
    </message>
    <message>
        <source>%1 is enabled but has no %2: set it with `baton secret set %2` or %3.</source>
        <translation>%1 ist aktiviert, aber %2 fehlt: Setze es mit `baton secret set %2` oder %3.</translation>
    </message>
    <message>
        <source>%1 is not available in this build yet.</source>
        <translation>%1 ist in diesem Build noch nicht verfügbar.</translation>
    </message>
</context>
<context>
    <name>HandoffCommand</name>
    <message>
        <source>usage: baton handoff SESSION --to PLATFORM [--json]</source>
        <translation>Verwendung: baton handoff SESSION --to PLATFORM [--json]</translation>
    </message>
</context>
<context>
    <name>HandoffFailureBanner</name>
    <message>
        <source>Dismiss</source>
        <translation>Ausblenden</translation>
    </message>
    <message>
        <source>Dismiss the handoff failure</source>
        <translation>Den Übergabefehler ausblenden</translation>
    </message>
</context>
<context>
    <name>HandoffPresenter</name>
    <message>
        <source>not set up</source>
        <translation>nicht eingerichtet</translation>
    </message>
    <message>
        <source>no home chat</source>
        <translation>kein Heim-Chat</translation>
    </message>
    <message>
        <source>not connected</source>
        <translation>nicht verbunden</translation>
    </message>
    <message>
        <source>offline</source>
        <translation>offline</translation>
    </message>
    <message>
        <source>offline: %1</source>
        <translation>offline: %1</translation>
    </message>
    <message>
        <source>connecting…</source>
        <translation>verbindet…</translation>
    </message>
    <message>
        <source>Open %1 settings</source>
        <translation>Einstellungen für %1 öffnen</translation>
    </message>
    <message>
        <source>Could not hand off to %1. The conversation stays here.</source>
        <translation>Übergabe an %1 nicht möglich. Die Unterhaltung bleibt hier.</translation>
    </message>
    <message>
        <source>Could not hand off to %1. %2. The conversation stays here.</source>
        <translation>Übergabe an %1 nicht möglich. %2. Die Unterhaltung bleibt hier.</translation>
    </message>
    <message>
        <source>Handed off to %1. The conversation continues there.</source>
        <translation>An %1 übergeben. Die Unterhaltung geht dort weiter.</translation>
    </message>
    <message>
        <source>No gateway took it in time: the gateway is paused (see the tray menu) or not running</source>
        <translation>Kein Gateway hat sie rechtzeitig angenommen: Das Gateway ist pausiert (siehe Tray-Menü) oder läuft nicht</translation>
    </message>
    <message>
        <source>answered by the gateway on %1</source>
        <translation>beantwortet vom Gateway auf %1</translation>
    </message>
    <message>
        <source>no gateway runs it</source>
        <translation>kein Gateway betreibt es</translation>
    </message>
</context>
<context>
    <name>HandoffProcessor</name>
    <message>
        <source>the terminal</source>
        <translation>Terminal</translation>
    </message>
    <message>
        <source>[This conversation was just handed off from %1 (&apos;%2&apos;). The full history is above. Briefly confirm you are here and summarize where we were so the user can continue from this device.]</source>
        <translation>[Diese Unterhaltung wurde gerade hierher übergeben (Herkunft: %1, Titel: „%2“). Der vollständige Verlauf steht oben. Bestätige kurz, dass du da bist, und fasse zusammen, wo wir stehen geblieben sind, damit der Nutzer auf diesem Gerät weitermachen kann.]</translation>
    </message>
    <message>
        <source>%1 has no home channel. Set one with /sethome in the destination chat.</source>
        <translation>%1 hat keinen Heimkanal. Lege ihn mit /sethome im Ziel-Chat fest.</translation>
    </message>
    <message>
        <source>%1 is not running in this gateway; enable it and set its token, then restart the gateway.</source>
        <translation>%1 läuft nicht in diesem Gateway; aktiviere es, setze den Token und starte das Gateway dann neu.</translation>
    </message>
    <message>
        <source>%1 is offline: %2</source>
        <translation>%1 ist offline: %2</translation>
    </message>
    <message>
        <source>the platform went away during the handoff</source>
        <translation>die Plattform ist während der Übergabe weggefallen</translation>
    </message>
    <message>
        <source>%1; try the handoff again</source>
        <translation>%1; versuche die Übergabe noch einmal</translation>
    </message>
    <message>
        <source>the home chat is in use by another conversation (&apos;%1&apos;); make the home a forum group (or enable topics) so each handoff gets its own thread, or send /new there first</source>
        <translation>der Heim-Chat wird bereits von einer anderen Unterhaltung verwendet („%1“); mach ihn zu einer Forumgruppe (oder aktiviere Themen), damit jede Übergabe einen eigenen Thread bekommt, oder sende dort zuerst /new</translation>
    </message>
    <message>
        <source>the desktop window</source>
        <translation>Desktop-Fenster</translation>
    </message>
</context>
<context>
    <name>HandoffStore</name>
    <message>
        <source>requesting a handoff</source>
        <translation>Anfordern einer Übergabe</translation>
    </message>
    <message>
        <source>No session with id %1.</source>
        <translation>Keine Sitzung mit der ID %1.</translation>
    </message>
    <message>
        <source>A reply is still being written; hand off when it has finished.</source>
        <translation>Es wird noch eine Antwort geschrieben; übergib, sobald sie fertig ist.</translation>
    </message>
    <message>
        <source>A handoff of this session is already %1.</source>
        <translation>Für diese Sitzung gibt es bereits eine Übergabe (%1).</translation>
    </message>
    <message>
        <source>claiming a handoff</source>
        <translation>Übernehmen einer Übergabe</translation>
    </message>
    <message>
        <source>refreshing a handoff lease</source>
        <translation>Verlängern einer Übergabe-Reservierung</translation>
    </message>
    <message>
        <source>completing a handoff</source>
        <translation>Abschließen einer Übergabe</translation>
    </message>
    <message>
        <source>failing a handoff</source>
        <translation>Markieren einer Übergabe als fehlgeschlagen</translation>
    </message>
    <message>
        <source>reading a handoff</source>
        <translation>Lesen einer Übergabe</translation>
    </message>
    <message>
        <source>listing pending handoffs</source>
        <translation>Auflisten ausstehender Übergaben</translation>
    </message>
    <message>
        <source>reclaiming stranded handoffs</source>
        <translation>Zurückholen liegen gebliebener Übergaben</translation>
    </message>
    <message>
        <source>reading handoff claimers</source>
        <translation>Lesen der Übergabe-Bearbeiter</translation>
    </message>
    <message>
        <source>reading where a handoff was asked from</source>
        <translation>beim Lesen, woher eine Übergabe angefordert wurde</translation>
    </message>
</context>
<context>
    <name>HandoffValidation</name>
    <message>
        <source>Name the platform to hand off to: %1.</source>
        <translation>Gib die Zielplattform der Übergabe an: %1.</translation>
    </message>
    <message>
        <source>Unknown platform &apos;%1&apos;; choose one of %2.</source>
        <translation>Unbekannte Plattform &apos;%1&apos;; wähle eine von %2.</translation>
    </message>
    <message>
        <source>%1 is not enabled. Set enabled=true under [%2] in %3.</source>
        <translation>%1 ist nicht aktiviert. Setze enabled=true unter [%2] in %3.</translation>
    </message>
    <message>
        <source>%1 has no home channel. Set one with /sethome in the destination chat, or set %2 under [%3] in %4.</source>
        <translation>%1 hat keinen Heimkanal. Lege ihn mit /sethome im Ziel-Chat fest oder setze %2 unter [%3] in %4.</translation>
    </message>
</context>
<context>
    <name>HandoffWaiter</name>
    <message>
        <source>Queued handoff of &apos;%1&apos; -&gt; %2. Waiting for the gateway...</source>
        <translation>Übergabe von „%1“ -&gt; %2 eingereiht. Warte auf das Gateway...</translation>
    </message>
    <message>
        <source>The session was deleted while it was being handed off.</source>
        <translation>Die Sitzung wurde während der Übergabe gelöscht.</translation>
    </message>
    <message>
        <source>Gateway picked it up; transferring...</source>
        <translation>Das Gateway hat sie übernommen; wird übertragen...</translation>
    </message>
    <message>
        <source>no gateway is running for %1</source>
        <translation>für %1 läuft kein Gateway</translation>
    </message>
    <message>
        <source>No gateway picked it up within %1 s. Is `baton` or `baton --no-gui` running for %2? Your session is intact.</source>
        <translation>Kein Gateway hat sie innerhalb von %1 s übernommen. Läuft `baton` oder `baton --no-gui` für %2? Deine Sitzung ist unverändert.</translation>
    </message>
    <message>
        <source>The transfer is taking unusually long; check %1. The gateway will finish it on its own.</source>
        <translation>Die Übertragung dauert ungewöhnlich lange; prüfe %1. Das Gateway schließt sie selbstständig ab.</translation>
    </message>
    <message>
        <source>Still transferring to %1 (%2 s)...</source>
        <translation>Übertragung an %1 läuft noch (%2 s)...</translation>
    </message>
    <message>
        <source>Handoff complete. The session is now active on %1. Resume it here later with /resume %2.</source>
        <translation>Übergabe abgeschlossen. Die Sitzung ist jetzt auf %1 aktiv. Setze sie hier später mit /resume %2 fort.</translation>
    </message>
    <message>
        <source>Handoff failed: %1. Your session is intact.</source>
        <translation>Übergabe fehlgeschlagen: %1. Deine Sitzung ist unverändert.</translation>
    </message>
    <message>
        <source>The handoff request disappeared. Your session is intact.</source>
        <translation>Die Übergabeanfrage ist verschwunden. Deine Sitzung ist unverändert.</translation>
    </message>
    <message>
        <source>abandoned</source>
        <translation>abgebrochen</translation>
    </message>
    <message>
        <source>Handoff abandoned. Your session stays here.</source>
        <translation>Übergabe abgebrochen. Deine Sitzung bleibt hier.</translation>
    </message>
    <message>
        <source>The gateway is already transferring the session to %1; it will finish on its own.</source>
        <translation>Das Gateway überträgt die Sitzung bereits an %1 und schließt das selbstständig ab.</translation>
    </message>
</context>
<context>
    <name>HandoffWatcher</name>
    <message>
        <source>this handoff was requested %1 s ago and nobody waits for it any more (a requester waits %2 s); run the handoff again</source>
        <translation>diese Übergabe wurde vor %1 s angefordert, und niemand wartet mehr darauf (ein Anfragender wartet %2 s); starte die Übergabe noch einmal</translation>
    </message>
</context>
<context>
    <name>HeadlessExec</name>
    <message>
        <source>cannot start %1 (looked in %2 and on PATH): %3</source>
        <translation>%1 lässt sich nicht starten (gesucht in %2 und im PATH): %3</translation>
    </message>
</context>
<context>
    <name>HomeChatCheck</name>
    <message>
        <source>The home chat %1 could not be checked: %2.</source>
        <translation>Der Heimchat %1 konnte nicht geprüft werden: %2.</translation>
    </message>
    <message>
        <source>The home chat %1 could not be checked: this build has no %2.</source>
        <translation>Der Heimchat %1 konnte nicht geprüft werden: dieser Build hat kein %2.</translation>
    </message>
</context>
<context>
    <name>HomeChats</name>
    <message>
        <source>listing chats for the home</source>
        <translation>Auflisten der Chats für das Zuhause</translation>
    </message>
    <message>
        <source>remembering a group</source>
        <translation>beim Merken einer Gruppe</translation>
    </message>
</context>
<context>
    <name>LineInput</name>
    <message numerus="yes">
        <source>[pasted %n lines]</source>
        <translation>
            <numerusform>[%n Zeile eingefügt]</numerusform>
            <numerusform>[%n Zeilen eingefügt]</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>LinkDialog</name>
    <message>
        <source>Open this link?</source>
        <translation>Diesen Link öffnen?</translation>
    </message>
    <message>
        <source>This link cannot be opened</source>
        <translation>Dieser Link kann nicht geöffnet werden</translation>
    </message>
    <message>
        <source>Baton opens only web (http, https) and mail (mailto) links.</source>
        <translation>Baton öffnet nur Web-Links (http, https) und Mail-Links (mailto).</translation>
    </message>
</context>
<context>
    <name>LiveBanner</name>
    <message>
        <source>Continuing on %1 — %2</source>
        <translation>Wird auf %1 fortgesetzt — %2</translation>
    </message>
    <message>
        <source>Take back</source>
        <translation>Zurückholen</translation>
    </message>
</context>
<context>
    <name>LlmClient</name>
    <message>
        <source>1 model</source>
        <translation>1 Modell</translation>
    </message>
    <message>
        <source>%1 models</source>
        <translation>%1 Modelle</translation>
    </message>
    <message>
        <source>The model endpoint answered: %1 available.</source>
        <translation>Der Modell-Endpunkt hat geantwortet: %1 verfügbar.</translation>
    </message>
    <message>
        <source>The model endpoint answered: %1 available, but none is called &apos;%2&apos;.</source>
        <translation>Der Modell-Endpunkt hat geantwortet: %1 verfügbar, aber keines heißt &apos;%2&apos;.</translation>
    </message>
    <message>
        <source>The model endpoint must be an http:// or https:// address, like http://127.0.0.1:11434/v1.</source>
        <translation>Der Modell-Endpunkt muss eine http://- oder https://-Adresse sein, etwa http://127.0.0.1:11434/v1.</translation>
    </message>
    <message>
        <source>no details</source>
        <translation>keine Details</translation>
    </message>
    <message>
        <source>Cannot reach the model endpoint at %1: %2. Is the server running?</source>
        <translation>Der Modell-Endpunkt unter %1 ist nicht erreichbar: %2. Läuft der Server?</translation>
    </message>
    <message>
        <source>The model endpoint wants an API key (%1): %2.</source>
        <translation>Der Modell-Endpunkt verlangt einen API-Schlüssel (%1): %2.</translation>
    </message>
    <message>
        <source>The model endpoint rejected the API key (%1): %2.</source>
        <translation>Der Modell-Endpunkt hat den API-Schlüssel abgelehnt (%1): %2.</translation>
    </message>
    <message>
        <source>The model endpoint at %1 answered 404 (%2). Check the address: it usually ends in /v1.</source>
        <translation>Der Modell-Endpunkt unter %1 antwortete mit 404 (%2). Prüfe die Adresse: Sie endet meist auf /v1.</translation>
    </message>
    <message>
        <source>The model endpoint answered %1: %2.</source>
        <translation>Der Modell-Endpunkt antwortete mit %1: %2.</translation>
    </message>
    <message>
        <source>The model endpoint at %1 answered, but not with a list of models. Check the address: it usually ends in /v1.</source>
        <translation>Der Modell-Endpunkt unter %1 hat geantwortet, aber nicht mit einer Modellliste. Prüfe die Adresse: Sie endet meist auf /v1.</translation>
    </message>
</context>
<context>
    <name>Main</name>
    <message>
        <source>Baton — %1</source>
        <translation>Baton — %1</translation>
    </message>
    <message>
        <source>Retry</source>
        <translation>Erneut versuchen</translation>
    </message>
</context>
<context>
    <name>MessageActions</name>
    <message>
        <source>Edit</source>
        <translation>Bearbeiten</translation>
    </message>
    <message>
        <source>Edit and resend your message</source>
        <translation>Deine Nachricht bearbeiten und erneut senden</translation>
    </message>
    <message>
        <source>Retry</source>
        <translation>Erneut versuchen</translation>
    </message>
    <message>
        <source>Retry this reply</source>
        <translation>Diese Antwort erneut versuchen</translation>
    </message>
</context>
<context>
    <name>MessageDelegate</name>
    <message>
        <source>You: %1</source>
        <translation>Du: %1</translation>
    </message>
    <message>
        <source>Baton: %1</source>
        <translation>Baton: %1</translation>
    </message>
    <message>
        <source>via %1</source>
        <translation>über %1</translation>
    </message>
    <message>
        <source>cut short</source>
        <translation>abgebrochen</translation>
    </message>
    <message>
        <source>Copy your message</source>
        <translation>Deine Nachricht kopieren</translation>
    </message>
    <message>
        <source>Copy reply</source>
        <translation>Antwort kopieren</translation>
    </message>
</context>
<context>
    <name>MessageList</name>
    <message>
        <source>Messages</source>
        <translation>Nachrichten</translation>
    </message>
    <message>
        <source>Ask anything. Enter sends, Shift+Enter starts a new line.</source>
        <translation>Frag mich etwas. Enter sendet, Umschalt+Enter beginnt eine neue Zeile.</translation>
    </message>
    <message>
        <source>Copied</source>
        <translation>Kopiert</translation>
    </message>
    <message>
        <source>Copied to the clipboard</source>
        <translation>In die Zwischenablage kopiert</translation>
    </message>
</context>
<context>
    <name>MessageListModel</name>
    <message>
        <source>

*(This message is %L1 characters long; the window shows the first %L2. The whole text is in the store: `baton sessions export` writes it out.)*</source>
        <translation>

*(Diese Nachricht ist %L1 Zeichen lang; das Fenster zeigt die ersten %L2. Der ganze Text liegt im Speicher: `baton sessions export` gibt ihn aus.)*</translation>
    </message>
</context>
<context>
    <name>MessageStats</name>
    <message>
        <source>~%L1 tokens (estimated)</source>
        <translation>~%L1 Tokens (geschätzt)</translation>
    </message>
    <message>
        <source>%L1 tokens</source>
        <translation>%L1 Tokens</translation>
    </message>
    <message>
        <source>%L1 tok/s</source>
        <translation>%L1 Tok./s</translation>
    </message>
    <message>
        <source>about %L1 tokens, estimated</source>
        <translation>etwa %L1 Tokens, geschätzt</translation>
    </message>
    <message>
        <source>%L1 tokens per second</source>
        <translation>%L1 Tokens pro Sekunde</translation>
    </message>
</context>
<context>
    <name>ModelSetup</name>
    <message>
        <source>Ollama</source>
        <translation>Ollama</translation>
    </message>
    <message>
        <source>LM Studio</source>
        <translation>LM Studio</translation>
    </message>
    <message>
        <source>llama.cpp server</source>
        <translation>llama.cpp-Server</translation>
    </message>
    <message>
        <source>Other server</source>
        <translation>Anderer Server</translation>
    </message>
    <message>
        <source>Baton is set up for %1, but it does not answer. %2</source>
        <translation>Baton ist für %1 eingerichtet, aber es antwortet nicht. %2</translation>
    </message>
</context>
<context>
    <name>OutboxSender</name>
    <message numerus="yes">
        <source>Gave up after %n attempt(s) in %1 s: %2</source>
        <translation>
            <numerusform>Nach %n Versuch in %1 s aufgegeben: %2</numerusform>
            <numerusform>Nach %n Versuchen in %1 s aufgegeben: %2</numerusform>
        </translation>
    </message>
    <message>
        <source>Not edited (%1); sent as a new message instead.</source>
        <translation>Nicht bearbeitet (%1); stattdessen als neue Nachricht gesendet.</translation>
    </message>
</context>
<context>
    <name>OutboxStore</name>
    <message>
        <source>recording an outgoing message</source>
        <translation>Speichern einer ausgehenden Nachricht</translation>
    </message>
    <message>
        <source>recording a delivery</source>
        <translation>Speichern einer Zustellung</translation>
    </message>
    <message>
        <source>recording a delivery attempt</source>
        <translation>Speichern eines Zustellversuchs</translation>
    </message>
    <message>
        <source>reading unsent messages</source>
        <translation>Lesen nicht gesendeter Nachrichten</translation>
    </message>
    <message>
        <source>reading where the conversations stand</source>
        <translation>beim Lesen, wo die Unterhaltungen stehen</translation>
    </message>
    <message>
        <source>reading what was sent for a reply</source>
        <translation>beim Lesen dessen, was für eine Antwort gesendet wurde</translation>
    </message>
    <message>
        <source>withdrawing unsent messages</source>
        <translation>beim Zurückziehen ungesendeter Nachrichten</translation>
    </message>
    <message>
        <source>reading what became of a message</source>
        <translation>beim Nachsehen, was aus einer Nachricht wurde</translation>
    </message>
</context>
<context>
    <name>PairCommand</name>
    <message>
        <source>usage: baton pair telegram|discord|slack</source>
        <translation>Aufruf: baton pair telegram|discord|slack</translation>
    </message>
    <message>
        <source>no %1 bot token is set: create the bot at %2, then run `baton secret set %3`.</source>
        <translation>kein %1-Bot-Token gesetzt: lege den Bot unter %2 an und führe dann `baton secret set %3` aus.</translation>
    </message>
    <message>
        <source>the code expired unused after ten minutes; run `baton pair %1` again.</source>
        <translation>der Code ist nach zehn Minuten ungenutzt abgelaufen; führe `baton pair %1` erneut aus.</translation>
    </message>
    <message>
        <source>Scan this with your phone&apos;s camera, or open %1 there, and press Start in Telegram.</source>
        <translation>Scanne das mit der Kamera deines Handys oder öffne dort %1 und tippe in Telegram auf Starten.</translation>
    </message>
    <message>
        <source>Invite the bot to your server: %1</source>
        <translation>Lade den Bot auf deinen Server ein: %1</translation>
    </message>
    <message>
        <source>Install the app to your workspace (api.slack.com/apps, Install App) and allow direct messages to it (App Home, Messages tab).</source>
        <translation>Installiere die App in deinem Workspace (api.slack.com/apps, Install App) und erlaube Direktnachrichten an sie (App Home, Reiter Messages).</translation>
    </message>
    <message>
        <source>Then send the bot this code in a direct message: %1</source>
        <translation>Dann sende dem Bot diesen Code als Direktnachricht: %1</translation>
    </message>
    <message>
        <source>The code works once, for ten minutes, while the gateway runs (the window or `baton --no-gui`). Waiting…</source>
        <translation>Der Code gilt einmal und zehn Minuten lang, solange das Gateway läuft (das Fenster oder `baton --no-gui`). Warte …</translation>
    </message>
    <message>
        <source>Paired: %1 (user %2) is an owner on %3 now. Choose the home with /sethome in the chat that should get handoffs.</source>
        <translation>Gekoppelt: %1 (Benutzer %2) ist jetzt Besitzer auf %3. Wähle das Zuhause mit /sethome in dem Chat, der Übergaben bekommen soll.</translation>
    </message>
    <message>
        <source>the code was replaced by a newer one; run `baton pair %1` again.</source>
        <translation>der Code wurde durch einen neueren ersetzt; führe `baton pair %1` erneut aus.</translation>
    </message>
</context>
<context>
    <name>PairingCommand</name>
    <message>
        <source>No pairing requests are waiting.</source>
        <translation>Keine offenen Kopplungsanfragen.</translation>
    </message>
    <message>
        <source>no waiting pairing request has the code %1. `baton pairing list` shows them.</source>
        <translation>keine offene Kopplungsanfrage hat den Code %1. `baton pairing list` zeigt sie an.</translation>
    </message>
    <message>
        <source>Denied %1.</source>
        <translation>%1 abgelehnt.</translation>
    </message>
    <message>
        <source>usage: baton pairing list | approve CODE | deny CODE | revoke PLATFORM:USER_ID</source>
        <translation>Verwendung: baton pairing list | approve CODE | deny CODE | revoke PLATTFORM:NUTZER_ID</translation>
    </message>
    <message>
        <source>Approved %1 as a guest: they can talk to Baton now.</source>
        <translation>%1 als Gast freigegeben: Die Person kann jetzt mit Baton sprechen.</translation>
    </message>
    <message>
        <source>owner</source>
        <translation>Besitzer</translation>
    </message>
    <message>
        <source>name the person as PLATFORM:USER_ID, like telegram:123456789.</source>
        <translation>gib die Person als PLATTFORM:NUTZER_ID an, etwa telegram:123456789.</translation>
    </message>
    <message>
        <source>%1 is not an approved guest. `baton pairing list` shows who is.</source>
        <translation>%1 ist kein freigegebener Gast. `baton pairing list` zeigt, wer es ist.</translation>
    </message>
    <message>
        <source>Revoked %1: Baton no longer answers them.</source>
        <translation>Zugang von %1 entzogen: Baton antwortet der Person nicht mehr.</translation>
    </message>
</context>
<context>
    <name>PairingStore</name>
    <message>
        <source>reading pairing requests</source>
        <translation>Lesen der Kopplungsanfragen</translation>
    </message>
    <message>
        <source>recording a pairing request</source>
        <translation>Speichern einer Kopplungsanfrage</translation>
    </message>
    <message>
        <source>approving a pairing request</source>
        <translation>Freigeben einer Kopplungsanfrage</translation>
    </message>
    <message>
        <source>denying a pairing request</source>
        <translation>Ablehnen einer Kopplungsanfrage</translation>
    </message>
    <message>
        <source>expiring old pairing codes</source>
        <translation>beim Ablaufenlassen alter Kopplungscodes</translation>
    </message>
    <message>
        <source>revoking a guest</source>
        <translation>beim Entziehen eines Gastzugangs</translation>
    </message>
</context>
<context>
    <name>PlatformLeadership</name>
    <message>
        <source>another gateway took the lead of %1</source>
        <translation>ein anderes Gateway hat die Leitung von %1 übernommen</translation>
    </message>
    <message>
        <source>cannot renew the lead of %1: %2</source>
        <translation>die Leitung von %1 lässt sich nicht verlängern: %2</translation>
    </message>
</context>
<context>
    <name>PlatformLeases</name>
    <message>
        <source>taking the lead of %1</source>
        <translation>Übernehmen der Leitung von %1</translation>
    </message>
    <message>
        <source>renewing the lead of %1</source>
        <translation>Verlängern der Leitung von %1</translation>
    </message>
    <message>
        <source>giving up the lead of %1</source>
        <translation>Abgeben der Leitung von %1</translation>
    </message>
    <message>
        <source>reading who leads the platforms</source>
        <translation>Lesen, wer die Plattformen leitet</translation>
    </message>
</context>
<context>
    <name>PlatformSetup</name>
    <message>
        <source>Set up %1 with your phone</source>
        <translation>%1 mit deinem Handy einrichten</translation>
    </message>
    <message>
        <source>A few steps, about two minutes: no ids to look up, no file to edit.</source>
        <translation>Ein paar Schritte, etwa zwei Minuten: keine IDs nachschlagen, keine Datei bearbeiten.</translation>
    </message>
    <message>
        <source>Start</source>
        <translation>Los</translation>
    </message>
    <message>
        <source>Start setting up %1</source>
        <translation>Einrichtung von %1 beginnen</translation>
    </message>
    <message>
        <source>New code</source>
        <translation>Neuer Code</translation>
    </message>
    <message>
        <source>You are paired as %1.</source>
        <translation>Du bist als %1 gekoppelt.</translation>
    </message>
    <message>
        <source>4. Where should handoffs from the desktop go? Chats you use with the bot:</source>
        <translation>4. Wohin sollen Übergaben vom Desktop gehen? Chats, die du mit dem Bot nutzt:</translation>
    </message>
    <message>
        <source>The home</source>
        <translation>Das Zuhause</translation>
    </message>
    <message>
        <source>Make it the home</source>
        <translation>Zum Zuhause machen</translation>
    </message>
    <message>
        <source>Make %1 the home for handoffs</source>
        <translation>%1 zum Zuhause für Übergaben machen</translation>
    </message>
    <message>
        <source>A group or another chat shows up here once you write to the bot there. /sethome in a chat works too.</source>
        <translation>Eine Gruppe oder ein anderer Chat erscheint hier, sobald du dem Bot dort schreibst. /sethome in einem Chat geht auch.</translation>
    </message>
</context>
<context>
    <name>QObject</name>
    <message>
        <source>Discord rejected the bot token (4004). Set it with `baton secret set discord.token`.</source>
        <translation>Discord hat den Bot-Token abgelehnt (4004). Setze ihn mit `baton secret set discord.token`.</translation>
    </message>
    <message>
        <source>Discord refused the shard settings (4010).</source>
        <translation>Discord hat die Shard-Einstellungen abgelehnt (4010).</translation>
    </message>
    <message>
        <source>Discord requires sharding for this bot (4011).</source>
        <translation>Discord verlangt Sharding für diesen Bot (4011).</translation>
    </message>
    <message>
        <source>Discord refused the gateway version (4012).</source>
        <translation>Discord hat die Gateway-Version abgelehnt (4012).</translation>
    </message>
    <message>
        <source>Discord refused the intents (4013).</source>
        <translation>Discord hat die Intents abgelehnt (4013).</translation>
    </message>
    <message>
        <source>Discord refused the Message Content intent (4014): enable the Message Content intent in the Developer Portal (Bot -&gt; Privileged Gateway Intents).</source>
        <translation>Discord hat den Message Content Intent abgelehnt (4014): Aktiviere den Message Content Intent im Developer Portal (Bot -&gt; Privileged Gateway Intents).</translation>
    </message>
</context>
<context>
    <name>ReplyProgress</name>
    <message>
        <source>Thinking…</source>
        <translation>Denkt nach…</translation>
    </message>
    <message>
        <source>Connecting to the model, try %1 of %2</source>
        <translation>Verbindung zum Modell, Versuch %1 von %2</translation>
    </message>
</context>
<context>
    <name>ReplyStreamer</name>
    <message>
        <source>_(This reply was too long for %1; it is complete in Baton: open it in the window or run `baton sessions show %2`.)_</source>
        <translation>_(Diese Antwort war zu lang für %1; vollständig steht sie in Baton: im Fenster oder mit `baton sessions show %2`.)_</translation>
    </message>
</context>
<context>
    <name>SafeMarkdown</name>
    <message>
        <source>image</source>
        <translation>Bild</translation>
    </message>
</context>
<context>
    <name>ScreenLockWatcher</name>
    <message>
        <source>no session bus (%1)</source>
        <translation>kein Sitzungsbus (%1)</translation>
    </message>
    <message>
        <source>no system bus (%1)</source>
        <translation>kein Systembus (%1)</translation>
    </message>
    <message>
        <source>no logind session on the system bus (%1)</source>
        <translation>keine logind-Sitzung auf dem Systembus (%1)</translation>
    </message>
    <message>
        <source>no screen saver service on the session bus (%1)</source>
        <translation>kein Bildschirmschoner-Dienst auf dem Sitzungsbus (%1)</translation>
    </message>
    <message>
        <source>Baton cannot tell when the screen locks: %1.</source>
        <translation>Baton kann nicht erkennen, wann der Bildschirm gesperrt wird: %1.</translation>
    </message>
</context>
<context>
    <name>SecretCommand</name>
    <message>
        <source>usage: baton secret set|delete NAME (the value is read from stdin)</source>
        <translation>Verwendung: baton secret set|delete NAME (der Wert wird von stdin gelesen)</translation>
    </message>
    <message>
        <source>unknown secret &apos;%1&apos;; known: %2.</source>
        <translation>unbekanntes Geheimnis &apos;%1&apos;; bekannt: %2.</translation>
    </message>
    <message>
        <source>Deleted %1 from the keychain.</source>
        <translation>%1 aus dem Schlüsselbund gelöscht.</translation>
    </message>
    <message>
        <source>%1 was not in the keychain; nothing to delete.</source>
        <translation>%1 war nicht im Schlüsselbund; nichts zu löschen.</translation>
    </message>
    <message>
        <source>Value for %1 (input hidden): </source>
        <translation>Wert für %1 (Eingabe verborgen): </translation>
    </message>
    <message>
        <source>no value for %1 on stdin; pipe it in, e.g. `baton secret set %1 &lt; token.txt`.</source>
        <translation>kein Wert für %1 auf stdin; leite ihn per Pipe ein, z. B. `baton secret set %1 &lt; token.txt`.</translation>
    </message>
    <message>
        <source>Stored %1 in the keychain.</source>
        <translation>%1 im Schlüsselbund gespeichert.</translation>
    </message>
    <message>
        <source>Note: %1 is set in this environment and wins over the keychain.</source>
        <translation>Hinweis: %1 ist in dieser Umgebung gesetzt und hat Vorrang vor dem Schlüsselbund.</translation>
    </message>
</context>
<context>
    <name>SecretStore</name>
    <message>
        <source>No keychain is available here (%1). Set the environment variable %2 instead.</source>
        <translation>Hier ist kein Schlüsselbund verfügbar (%1). Setze stattdessen die Umgebungsvariable %2.</translation>
    </message>
    <message>
        <source>The keychain refused access to %1 (%2). Unlock it, or set %3 instead.</source>
        <translation>Der Schlüsselbund hat den Zugriff auf %1 verweigert (%2). Entsperre ihn oder setze stattdessen %3.</translation>
    </message>
    <message>
        <source>The keychain failed on %1: %2. Set the environment variable %3 instead.</source>
        <translation>Der Schlüsselbund scheiterte an %1: %2. Setzen Sie stattdessen die Umgebungsvariable %3.</translation>
    </message>
</context>
<context>
    <name>SessionActions</name>
    <message>
        <source>A chat needs a title: type at least one character.</source>
        <translation>Ein Chat braucht einen Titel: gib mindestens ein Zeichen ein.</translation>
    </message>
    <message>
        <source>A reply is being written in this chat; stop it or let it finish, then delete the chat.</source>
        <translation>In diesem Chat wird gerade eine Antwort geschrieben; stoppe sie oder warte, bis sie fertig ist, und lösche den Chat dann.</translation>
    </message>
    <message>
        <source>This chat is being handed off; wait until the handoff has finished, then delete the chat.</source>
        <translation>Dieser Chat wird gerade übergeben; warte, bis die Übergabe abgeschlossen ist, und lösche den Chat dann.</translation>
    </message>
    <message>
        <source>This chat continues on %1. Take it back first, then delete it.</source>
        <translation>Dieser Chat geht auf %1 weiter. Hol ihn zuerst zurück und lösche ihn dann.</translation>
    </message>
    <message>
        <source>New chat</source>
        <translation>Neuer Chat</translation>
    </message>
    <message>
        <source>chat</source>
        <translation>chat</translation>
    </message>
    <message>
        <source>Exports are written to a local file; choose a folder on this computer.</source>
        <translation>Exporte werden in eine lokale Datei geschrieben; wähle einen Ordner auf diesem Computer.</translation>
    </message>
    <message>
        <source>Could not write %1: %2.</source>
        <translation>%1 konnte nicht geschrieben werden: %2.</translation>
    </message>
    <message>
        <source>Exported “%1” to %2.</source>
        <translation>„%1“ nach %2 exportiert.</translation>
    </message>
</context>
<context>
    <name>SessionActionsBar</name>
    <message>
        <source>“%1” deleted.</source>
        <translation>„%1“ gelöscht.</translation>
    </message>
    <message>
        <source>Undo</source>
        <translation>Rückgängig</translation>
    </message>
    <message>
        <source>Undo deleting “%1”</source>
        <translation>Löschen von „%1“ rückgängig machen</translation>
    </message>
    <message>
        <source>Dismiss this note</source>
        <translation>Diesen Hinweis schließen</translation>
    </message>
</context>
<context>
    <name>SessionContextMenu</name>
    <message>
        <source>Rename…</source>
        <translation>Umbenennen …</translation>
    </message>
    <message>
        <source>Chat settings…</source>
        <translation>Chat-Einstellungen …</translation>
    </message>
    <message>
        <source>Export as Markdown…</source>
        <translation>Als Markdown exportieren …</translation>
    </message>
    <message>
        <source>Export as JSON…</source>
        <translation>Als JSON exportieren …</translation>
    </message>
    <message>
        <source>Delete</source>
        <translation>Löschen</translation>
    </message>
    <message>
        <source>Export the chat as JSON</source>
        <translation>Den Chat als JSON exportieren</translation>
    </message>
    <message>
        <source>Export the chat as Markdown</source>
        <translation>Den Chat als Markdown exportieren</translation>
    </message>
    <message>
        <source>JSON files (*.json)</source>
        <translation>JSON-Dateien (*.json)</translation>
    </message>
    <message>
        <source>Markdown files (*.md)</source>
        <translation>Markdown-Dateien (*.md)</translation>
    </message>
</context>
<context>
    <name>SessionDelegate</name>
    <message>
        <source>%1, on %2, %3</source>
        <translation>%1, auf %2, %3</translation>
    </message>
    <message>
        <source>%1, %2</source>
        <translation>%1, %2</translation>
    </message>
    <message numerus="yes">
        <source>%n unread</source>
        <translation>
            <numerusform>%n ungelesen</numerusform>
            <numerusform>%n ungelesen</numerusform>
        </translation>
    </message>
    <message>
        <source>Rename, export or delete</source>
        <translation>Umbenennen, exportieren oder löschen</translation>
    </message>
    <message>
        <source>More actions for %1</source>
        <translation>Weitere Aktionen für %1</translation>
    </message>
</context>
<context>
    <name>SessionKeyStore</name>
    <message>
        <source>binding a chat to a session</source>
        <translation>Verknüpfen eines Chats mit einer Sitzung</translation>
    </message>
    <message>
        <source>looking up a chat&apos;s session</source>
        <translation>Nachschlagen der Sitzung eines Chats</translation>
    </message>
    <message>
        <source>looking up a session&apos;s chats</source>
        <translation>Nachschlagen der Chats einer Sitzung</translation>
    </message>
    <message>
        <source>unbinding a chat</source>
        <translation>Lösen eines Chats</translation>
    </message>
</context>
<context>
    <name>SessionListModel</name>
    <message>
        <source>New chat</source>
        <translation>Neuer Chat</translation>
    </message>
</context>
<context>
    <name>SessionLookup</name>
    <message>
        <source>&apos;%1&apos; is ambiguous: it matches %2. Give more characters.</source>
        <translation>&apos;%1&apos; ist mehrdeutig: passt auf %2. Gib mehr Zeichen an.</translation>
    </message>
    <message>
        <source>no session with id &apos;%1&apos; (a prefix needs at least %2 characters).</source>
        <translation>keine Sitzung mit der ID &apos;%1&apos; (ein Präfix braucht mindestens %2 Zeichen).</translation>
    </message>
    <message>
        <source>no session with id &apos;%1&apos;. Run `baton sessions list` to see them.</source>
        <translation>keine Sitzung mit der ID &apos;%1&apos;. `baton sessions list` zeigt alle Sitzungen.</translation>
    </message>
    <message>
        <source>no session with the id or title &apos;%1&apos;.</source>
        <translation>keine Sitzung mit der ID oder dem Titel &apos;%1&apos;.</translation>
    </message>
</context>
<context>
    <name>SessionMarks</name>
    <message>
        <source>marking a session as read</source>
        <translation>beim Markieren einer Sitzung als gelesen</translation>
    </message>
    <message>
        <source>taking a session back</source>
        <translation>beim Zurückholen einer Sitzung</translation>
    </message>
    <message>
        <source>reading which sessions are unread</source>
        <translation>beim Lesen, welche Sitzungen ungelesen sind</translation>
    </message>
</context>
<context>
    <name>SessionOwners</name>
    <message>
        <source>recording who began a session</source>
        <translation>beim Vermerken, wer eine Sitzung begonnen hat</translation>
    </message>
    <message>
        <source>reading who began a session</source>
        <translation>beim Lesen, wer eine Sitzung begonnen hat</translation>
    </message>
</context>
<context>
    <name>SessionRenameDialog</name>
    <message>
        <source>Rename chat</source>
        <translation>Chat umbenennen</translation>
    </message>
    <message>
        <source>Title</source>
        <translation>Titel</translation>
    </message>
    <message>
        <source>Title of the chat</source>
        <translation>Titel des Chats</translation>
    </message>
</context>
<context>
    <name>SessionSidebar</name>
    <message>
        <source>New chat</source>
        <translation>Neuer Chat</translation>
    </message>
    <message>
        <source>Search conversations (Ctrl+K)</source>
        <translation>Unterhaltungen durchsuchen (Strg+K)</translation>
    </message>
    <message>
        <source>Search conversations</source>
        <translation>Unterhaltungen durchsuchen</translation>
    </message>
    <message>
        <source>Conversations</source>
        <translation>Unterhaltungen</translation>
    </message>
    <message>
        <source>No match</source>
        <translation>Keine Treffer</translation>
    </message>
    <message>
        <source>No conversations yet</source>
        <translation>Noch keine Unterhaltungen</translation>
    </message>
    <message>
        <source>Settings</source>
        <translation>Einstellungen</translation>
    </message>
</context>
<context>
    <name>SessionStore</name>
    <message>
        <source>creating a session</source>
        <translation>Anlegen einer Sitzung</translation>
    </message>
    <message>
        <source>reading a session</source>
        <translation>Lesen einer Sitzung</translation>
    </message>
    <message>
        <source>No session with id %1.</source>
        <translation>Keine Sitzung mit der ID %1.</translation>
    </message>
    <message>
        <source>listing sessions</source>
        <translation>Auflisten der Sitzungen</translation>
    </message>
    <message>
        <source>looking up a session id</source>
        <translation>Nachschlagen einer Sitzungs-ID</translation>
    </message>
    <message>
        <source>updating a session</source>
        <translation>Aktualisieren einer Sitzung</translation>
    </message>
    <message>
        <source>deleting a session</source>
        <translation>Löschen einer Sitzung</translation>
    </message>
    <message>
        <source>ending a session</source>
        <translation>Beenden einer Sitzung</translation>
    </message>
    <message>
        <source>starting a turn</source>
        <translation>Beginnen eines Gesprächszugs</translation>
    </message>
    <message>
        <source>A reply is already being written in this session.</source>
        <translation>In dieser Sitzung wird bereits eine Antwort geschrieben.</translation>
    </message>
    <message>
        <source>ending a turn</source>
        <translation>Beenden eines Gesprächszugs</translation>
    </message>
    <message>
        <source>looking for abandoned turns</source>
        <translation>Suchen nach abgebrochenen Gesprächszügen</translation>
    </message>
    <message>
        <source>releasing an abandoned turn</source>
        <translation>Freigeben eines abgebrochenen Gesprächszugs</translation>
    </message>
    <message>
        <source>A platform message needs the chat it came from.</source>
        <translation>Eine Plattform-Nachricht braucht den Chat, aus dem sie stammt.</translation>
    </message>
    <message>
        <source>storing a message</source>
        <translation>Speichern einer Nachricht</translation>
    </message>
    <message>
        <source>indexing messages for search</source>
        <translation>Indizieren von Nachrichten für die Suche</translation>
    </message>
    <message>
        <source>storing messages</source>
        <translation>Speichern von Nachrichten</translation>
    </message>
    <message>
        <source>updating a message</source>
        <translation>Aktualisieren einer Nachricht</translation>
    </message>
    <message>
        <source>No message with id %1.</source>
        <translation>Keine Nachricht mit der ID %1.</translation>
    </message>
    <message>
        <source>reading a message</source>
        <translation>Lesen einer Nachricht</translation>
    </message>
    <message>
        <source>reading a transcript</source>
        <translation>Lesen eines Verlaufs</translation>
    </message>
    <message>
        <source>searching messages</source>
        <translation>Durchsuchen der Nachrichten</translation>
    </message>
    <message>
        <source>renewing a turn&apos;s lease</source>
        <translation>Verlängern der Sperre eines Gesprächszugs</translation>
    </message>
    <message>
        <source>saving a reply as it streams</source>
        <translation>Sichern einer Antwort während sie entsteht</translation>
    </message>
    <message>
        <source>unlocking a session</source>
        <translation>Freigeben einer Sitzung</translation>
    </message>
    <message>
        <source>No reply is being written in this session; there is nothing to unlock.</source>
        <translation>In dieser Sitzung wird keine Antwort geschrieben; es gibt nichts freizugeben.</translation>
    </message>
    <message>
        <source>looking for interrupted replies</source>
        <translation>Suchen nach unterbrochenen Antworten</translation>
    </message>
    <message>
        <source>answering an interrupted reply</source>
        <translation>erneutes Beantworten einer unterbrochenen Antwort</translation>
    </message>
    <message>
        <source>finishing a reply</source>
        <translation>beim Abschließen einer Antwort</translation>
    </message>
    <message>
        <source>reading a message&apos;s variants</source>
        <translation>beim Lesen der Varianten einer Nachricht</translation>
    </message>
    <message>
        <source>choosing a variant</source>
        <translation>beim Wählen einer Variante</translation>
    </message>
    <message>
        <source>keeping a variant</source>
        <translation>beim Aufbewahren einer Variante</translation>
    </message>
    <message>
        <source>That message is not in the conversation shown; choose it again.</source>
        <translation>Diese Nachricht gehört nicht zum angezeigten Gespräch; wähle sie erneut.</translation>
    </message>
    <message>
        <source>A reply is being written in this conversation; choose a variant when it is finished.</source>
        <translation>In diesem Gespräch wird gerade eine Antwort geschrieben; wähle eine Variante, wenn sie fertig ist.</translation>
    </message>
    <message>
        <source>removing a failed reply</source>
        <translation>beim Entfernen einer fehlgeschlagenen Antwort</translation>
    </message>
    <message>
        <source>Only a failed reply is tried again in its place.</source>
        <translation>Nur eine fehlgeschlagene Antwort wird an ihrer Stelle erneut versucht.</translation>
    </message>
    <message>
        <source>Only the last reply is tried again in its place; regenerate keeps the others.</source>
        <translation>Nur die letzte Antwort wird an ihrer Stelle erneut versucht; „Neu generieren“ behält die anderen.</translation>
    </message>
    <message>
        <source>reading a chat&apos;s system prompt</source>
        <translation>beim Lesen des Systemprompts eines Chats</translation>
    </message>
    <message>
        <source>saving a chat&apos;s system prompt</source>
        <translation>beim Speichern des Systemprompts eines Chats</translation>
    </message>
    <message>
        <source>A reply is being written in this chat; stop it or let it finish, then delete the chat.</source>
        <translation>In diesem Chat wird gerade eine Antwort geschrieben; stoppe sie oder warte, bis sie fertig ist, und lösche den Chat dann.</translation>
    </message>
    <message>
        <source>This chat is being handed off; wait until the handoff has finished, then delete the chat.</source>
        <translation>Dieser Chat wird gerade übergeben; warte, bis die Übergabe abgeschlossen ist, und lösche den Chat dann.</translation>
    </message>
    <message>
        <source>saving a reply&apos;s token counts</source>
        <translation>Speichern der Token-Zahlen einer Antwort</translation>
    </message>
    <message>
        <source>reading a reply&apos;s token counts</source>
        <translation>Lesen der Token-Zahlen einer Antwort</translation>
    </message>
    <message>
        <source>reading a session&apos;s token counts</source>
        <translation>Lesen der Token-Zahlen einer Sitzung</translation>
    </message>
</context>
<context>
    <name>SessionsCommand</name>
    <message>
        <source>usage: baton sessions %1</source>
        <translation>Verwendung: baton sessions %1</translation>
    </message>
    <message>
        <source>unknown export format &apos;%1&apos;; use md or json.</source>
        <translation>unbekanntes Exportformat &apos;%1&apos;; verwende md oder json.</translation>
    </message>
    <message>
        <source>usage: baton sessions search TEXT</source>
        <translation>Verwendung: baton sessions search TEXT</translation>
    </message>
    <message>
        <source>No sessions yet in %1.</source>
        <translation>Noch keine Sitzungen in %1.</translation>
    </message>
    <message>
        <source>ID</source>
        <translation>ID</translation>
    </message>
    <message>
        <source>UPDATED</source>
        <translation>GEÄNDERT</translation>
    </message>
    <message>
        <source>MSGS</source>
        <translation>NACHR</translation>
    </message>
    <message>
        <source>ORIGIN</source>
        <translation>HERKUNFT</translation>
    </message>
    <message>
        <source>HANDOFF</source>
        <translation>ÜBERGABE</translation>
    </message>
    <message>
        <source>TITLE</source>
        <translation>TITEL</translation>
    </message>
    <message>
        <source>(untitled)</source>
        <translation>(ohne Titel)</translation>
    </message>
    <message>
        <source>Title:    %1</source>
        <translation>Titel:       %1</translation>
    </message>
    <message>
        <source>ID:       %1</source>
        <translation>ID:          %1</translation>
    </message>
    <message>
        <source>Origin:   %1</source>
        <translation>Herkunft:    %1</translation>
    </message>
    <message>
        <source>Model:    %1</source>
        <translation>Modell:      %1</translation>
    </message>
    <message>
        <source>(default)</source>
        <translation>(Standard)</translation>
    </message>
    <message>
        <source>Created:  %1</source>
        <translation>Erstellt:    %1</translation>
    </message>
    <message>
        <source>Updated:  %1</source>
        <translation>Geändert:    %1</translation>
    </message>
    <message>
        <source>Messages: %1</source>
        <translation>Nachrichten: %1</translation>
    </message>
    <message>
        <source>Ended:    %1 (%2)</source>
        <translation>Beendet:     %1 (%2)</translation>
    </message>
    <message>
        <source>Handoff:  %1 to %2</source>
        <translation>Übergabe:    %1 an %2</translation>
    </message>
    <message>
        <source> (%1)</source>
        <translation> (%1)</translation>
    </message>
    <message>
        <source>: %1</source>
        <translation>: %1</translation>
    </message>
    <message>
        <source> (internal)</source>
        <translation> (intern)</translation>
    </message>
    <message>
        <source>tool calls: %1</source>
        <translation>Werkzeugaufrufe: %1</translation>
    </message>
    <message>
        <source>No messages match &quot;%1&quot;.</source>
        <translation>Keine Nachricht passt zu „%1“.</translation>
    </message>
    <message>
        <source>unknown sessions command &apos;%1&apos;; use list, show, export, search or unlock.</source>
        <translation>unbekannter sessions-Befehl &apos;%1&apos;; verwende list, show, export, search oder unlock.</translation>
    </message>
    <message>
        <source>Unlocked session %1 (its reply was held by %2).</source>
        <translation>Sitzung %1 freigegeben (ihre Antwort wurde von %2 gehalten).</translation>
    </message>
    <message>
        <source>an unknown process</source>
        <translation>einem unbekannten Prozess</translation>
    </message>
</context>
<context>
    <name>Settings</name>
    <message>
        <source>The config file %1 cannot be read. Check its permissions.</source>
        <translation>Die Konfigurationsdatei %1 kann nicht gelesen werden. Prüfe ihre Berechtigungen.</translation>
    </message>
    <message>
        <source>The config file %1 is not a valid INI file.</source>
        <translation>Die Konfigurationsdatei %1 ist keine gültige INI-Datei.</translation>
    </message>
    <message>
        <source>The config file %1 cannot be written. Check its permissions.</source>
        <translation>Die Konfigurationsdatei %1 kann nicht geschrieben werden. Prüfe ihre Berechtigungen.</translation>
    </message>
</context>
<context>
    <name>SettingsAwayPage</name>
    <message>
        <source>Away from the desk</source>
        <translation>Nicht am Schreibtisch</translation>
    </message>
    <message>
        <source>When you lock the screen, the conversation can follow you to your phone; when you unlock it, Baton offers it back.</source>
        <translation>Wenn du den Bildschirm sperrst, kann dir die Unterhaltung aufs Handy folgen; wenn du ihn entsperrst, bietet Baton sie dir wieder an.</translation>
    </message>
    <message>
        <source>When I lock the screen</source>
        <translation>Wenn ich den Bildschirm sperre</translation>
    </message>
    <message>
        <source>Ask</source>
        <translation>Fragen</translation>
    </message>
    <message>
        <source>Hand off the active conversation</source>
        <translation>Die aktive Unterhaltung übergeben</translation>
    </message>
    <message>
        <source>Do nothing</source>
        <translation>Nichts tun</translation>
    </message>
    <message>
        <source>What Baton does when the screen locks</source>
        <translation>Was Baton tut, wenn der Bildschirm gesperrt wird</translation>
    </message>
    <message>
        <source>Ask shows a notification with a Hand off to phone button.</source>
        <translation>„Fragen“ zeigt eine Benachrichtigung mit der Schaltfläche „Ans Handy übergeben“.</translation>
    </message>
    <message>
        <source>Platform</source>
        <translation>Plattform</translation>
    </message>
    <message>
        <source>The first one ready</source>
        <translation>Die erste bereite</translation>
    </message>
    <message>
        <source>Platform to hand off to when the screen locks</source>
        <translation>Plattform für die Übergabe beim Sperren des Bildschirms</translation>
    </message>
    <message>
        <source>Active conversation</source>
        <translation>Aktive Unterhaltung</translation>
    </message>
    <message>
        <source>Minutes a conversation counts as active</source>
        <translation>Minuten, die eine Unterhaltung als aktiv gilt</translation>
    </message>
    <message>
        <source>minutes</source>
        <translation>Minuten</translation>
    </message>
    <message>
        <source>The open conversation, if you used it in the last minutes given here or a reply is being written.</source>
        <translation>Die offene Unterhaltung, wenn du sie in den hier angegebenen letzten Minuten benutzt hast oder gerade eine Antwort geschrieben wird.</translation>
    </message>
    <message>
        <source>Keep this computer awake while a conversation is on my phone</source>
        <translation>Diesen Computer wach halten, solange eine Unterhaltung auf meinem Handy ist</translation>
    </message>
    <message>
        <source>Otherwise Baton tells the phone before the computer sleeps and answers when it wakes.</source>
        <translation>Sonst sagt Baton dem Handy Bescheid, bevor der Computer einschläft, und antwortet, wenn er aufwacht.</translation>
    </message>
    <message>
        <source>Notify me of replies and phone messages the window is not showing</source>
        <translation>Mich über Antworten und Handy-Nachrichten benachrichtigen, die das Fenster nicht zeigt</translation>
    </message>
    <message>
        <source>Save</source>
        <translation>Speichern</translation>
    </message>
</context>
<context>
    <name>SettingsController</name>
    <message>
        <source>The model endpoint must be an http:// or https:// address, like http://127.0.0.1:11434/v1.</source>
        <translation>Der Modell-Endpunkt muss eine http://- oder https://-Adresse sein, etwa http://127.0.0.1:11434/v1.</translation>
    </message>
    <message>
        <source>Asking the model endpoint…</source>
        <translation>Frage den Modell-Endpunkt an…</translation>
    </message>
    <message>
        <source>Asking %1…</source>
        <translation>Frage %1 an…</translation>
    </message>
    <message>
        <source>No %1 is set yet: paste it above and save, or set %2.</source>
        <translation>%1 ist noch nicht gesetzt: Füge den Wert oben ein und speichere oder setze %2.</translation>
    </message>
    <message>
        <source>%1 knows people by their numeric user id; &apos;%2&apos; is not one.</source>
        <translation>%1 erkennt Personen an ihrer numerischen Nutzer-ID; &apos;%2&apos; ist keine.</translation>
    </message>
    <message>
        <source>Saved.</source>
        <translation>Gespeichert.</translation>
    </message>
    <message>
        <source>Saved. %1 stays off until its token is set.</source>
        <translation>Gespeichert. %1 bleibt aus, bis der Token gesetzt ist.</translation>
    </message>
    <message>
        <source>Saving…</source>
        <translation>Speichere…</translation>
    </message>
    <message>
        <source>No waiting pairing request has the code %1 any more.</source>
        <translation>Keine offene Kopplungsanfrage hat mehr den Code %1.</translation>
    </message>
    <message>
        <source>Denied %1.</source>
        <translation>%1 abgelehnt.</translation>
    </message>
    <message>
        <source>Saved. The gateway restarts with it now.</source>
        <translation>Gespeichert. Das Gateway startet damit jetzt neu.</translation>
    </message>
    <message>
        <source>Saved. The gateway running elsewhere uses this from its next start.</source>
        <translation>Gespeichert. Das anderswo laufende Gateway verwendet das ab seinem nächsten Start.</translation>
    </message>
    <message>
        <source>Owner</source>
        <translation>Besitzer</translation>
    </message>
    <message>
        <source>Guest</source>
        <translation>Gast</translation>
    </message>
    <message>
        <source>Approved %1 as a guest: they can talk to Baton now.</source>
        <translation>%1 als Gast freigegeben: Die Person kann jetzt mit Baton sprechen.</translation>
    </message>
    <message>
        <source>%1 is not a guest any more.</source>
        <translation>%1 ist kein Gast mehr.</translation>
    </message>
    <message>
        <source>Revoked %1: Baton no longer answers them.</source>
        <translation>Zugang von %1 entzogen: Baton antwortet der Person nicht mehr.</translation>
    </message>
</context>
<context>
    <name>SettingsDialog</name>
    <message>
        <source>Settings</source>
        <translation>Einstellungen</translation>
    </message>
    <message>
        <source>Settings are stored in baton.ini; tokens and keys only in the system keychain.</source>
        <translation>Einstellungen werden in baton.ini gespeichert, Tokens und Schlüssel nur im System-Schlüsselbund.</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>Schließen</translation>
    </message>
</context>
<context>
    <name>SettingsField</name>
    <message>
        <source>%1: %2</source>
        <translation>%1: %2</translation>
    </message>
</context>
<context>
    <name>SettingsModelPage</name>
    <message>
        <source>Model</source>
        <translation>Modell</translation>
    </message>
    <message>
        <source>Baton talks to any OpenAI-compatible server: Ollama, llama.cpp, vLLM, LM Studio or a hosted API.</source>
        <translation>Baton spricht mit jedem OpenAI-kompatiblen Server: Ollama, llama.cpp, vLLM, LM Studio oder einer gehosteten API.</translation>
    </message>
    <message>
        <source>Endpoint</source>
        <translation>Endpunkt</translation>
    </message>
    <message>
        <source>The address up to /v1; Baton adds /chat/completions.</source>
        <translation>Die Adresse bis einschließlich /v1; Baton hängt /chat/completions an.</translation>
    </message>
    <message>
        <source>e.g. qwen2.5:7b</source>
        <translation>z. B. qwen2.5:7b</translation>
    </message>
    <message>
        <source>The name the server knows it by. Test the connection to see what it offers.</source>
        <translation>Der Name, unter dem der Server das Modell kennt. Teste die Verbindung, um zu sehen, was er anbietet.</translation>
    </message>
    <message>
        <source>API key</source>
        <translation>API-Schlüssel</translation>
    </message>
    <message>
        <source>Set by %1, which wins over the keychain</source>
        <translation>Gesetzt durch %1, hat Vorrang vor dem Schlüsselbund</translation>
    </message>
    <message>
        <source>Saved in the keychain — type to replace</source>
        <translation>Im Schlüsselbund gespeichert — zum Ersetzen tippen</translation>
    </message>
    <message>
        <source>Not set — a local server needs none</source>
        <translation>Nicht gesetzt — ein lokaler Server braucht keinen</translation>
    </message>
    <message>
        <source>Remove</source>
        <translation>Entfernen</translation>
    </message>
    <message>
        <source>Kept in the system keychain as llm.api_key, never in baton.ini.</source>
        <translation>Wird im System-Schlüsselbund als llm.api_key gespeichert, nie in baton.ini.</translation>
    </message>
    <message>
        <source>Test connection</source>
        <translation>Verbindung testen</translation>
    </message>
    <message>
        <source>Save</source>
        <translation>Speichern</translation>
    </message>
    <message>
        <source>Remove the API key</source>
        <translation>Den API-Schlüssel entfernen</translation>
    </message>
    <message>
        <source>On the server</source>
        <translation>Auf dem Server</translation>
    </message>
    <message numerus="yes">
        <source>Choose one of %n model(s)</source>
        <translation>
            <numerusform>Eines von %n Modell wählen</numerusform>
            <numerusform>Eines von %n Modellen wählen</numerusform>
        </translation>
    </message>
    <message>
        <source>Models on the server</source>
        <translation>Modelle auf dem Server</translation>
    </message>
    <message>
        <source>System prompt</source>
        <translation>Systemprompt</translation>
    </message>
    <message>
        <source>e.g. Answer briefly, in plain language.</source>
        <translation>z. B. Antworte kurz und in einfacher Sprache.</translation>
    </message>
    <message>
        <source>Sent first in every chat that has none of its own (a chat&apos;s menu, Chat settings).</source>
        <translation>Wird zuerst in jedem Chat geschickt, der keinen eigenen hat (Menü eines Chats, Chat-Einstellungen).</translation>
    </message>
</context>
<context>
    <name>SettingsNav</name>
    <message>
        <source>Model</source>
        <translation>Modell</translation>
    </message>
    <message>
        <source>Pairing requests</source>
        <translation>Kopplungsanfragen</translation>
    </message>
    <message>
        <source>Away from the desk</source>
        <translation>Nicht am Schreibtisch</translation>
    </message>
    <message>
        <source>off</source>
        <translation>aus</translation>
    </message>
    <message>
        <source>on</source>
        <translation>an</translation>
    </message>
    <message>
        <source>no token</source>
        <translation>kein Token</translation>
    </message>
    <message>
        <source>%1, %2</source>
        <translation>%1, %2</translation>
    </message>
    <message numerus="yes">
        <source>%1, %n waiting</source>
        <translation>
            <numerusform>%1, %n wartet</numerusform>
            <numerusform>%1, %n warten</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>SettingsPairingPage</name>
    <message>
        <source>Pairing requests</source>
        <translation>Kopplungsanfragen</translation>
    </message>
    <message>
        <source>People who write to your bot and are not allowed yet get a code. Approve the ones you know: they can talk to Baton at once.</source>
        <translation>Wer deinem Bot schreibt und noch nicht erlaubt ist, bekommt einen Code. Gib die frei, die du kennst: Sie können sofort mit Baton sprechen.</translation>
    </message>
    <message>
        <source>User %1</source>
        <translation>Nutzer %1</translation>
    </message>
    <message>
        <source>%1 · user id %2 · %3</source>
        <translation>%1 · Nutzer-ID %2 · %3</translation>
    </message>
    <message>
        <source>Deny</source>
        <translation>Ablehnen</translation>
    </message>
    <message>
        <source>Approve</source>
        <translation>Freigeben</translation>
    </message>
    <message>
        <source>No one is waiting for approval.</source>
        <translation>Niemand wartet auf Freigabe.</translation>
    </message>
    <message>
        <source>Who may talk to Baton</source>
        <translation>Wer mit Baton sprechen darf</translation>
    </message>
    <message>
        <source>Owners are the allowed users of each platform: they can do everything. Guests are people you approved: they talk to Baton in their own chats and see only the conversations they began.</source>
        <translation>Besitzer sind die erlaubten Nutzer jeder Plattform: Sie dürfen alles. Gäste sind Personen, die du freigegeben hast: Sie sprechen in ihren eigenen Chats mit Baton und sehen nur die Unterhaltungen, die sie selbst begonnen haben.</translation>
    </message>
    <message>
        <source>%1 · user id %2</source>
        <translation>%1 · Nutzer-ID %2</translation>
    </message>
    <message>
        <source>Revoke</source>
        <translation>Entziehen</translation>
    </message>
    <message>
        <source>Revoke the access of %1</source>
        <translation>Zugang von %1 entziehen</translation>
    </message>
</context>
<context>
    <name>SettingsPlatformFields</name>
    <message>
        <source>Set by %1, which wins over the keychain</source>
        <translation>Gesetzt durch %1, hat Vorrang vor dem Schlüsselbund</translation>
    </message>
    <message>
        <source>Saved in the keychain — type to replace</source>
        <translation>Im Schlüsselbund gespeichert — zum Ersetzen tippen</translation>
    </message>
    <message>
        <source>Not set</source>
        <translation>Nicht gesetzt</translation>
    </message>
    <message>
        <source>Not set: handoffs to %1 are off</source>
        <translation>Nicht gesetzt: Übergaben an %1 sind aus</translation>
    </message>
    <message>
        <source>Nobody yet: only approved pairing requests</source>
        <translation>Noch niemand: nur freigegebene Kopplungsanfragen</translation>
    </message>
</context>
<context>
    <name>SettingsPlatformPage</name>
    <message>
        <source>Enabled</source>
        <translation>Aktiviert</translation>
    </message>
    <message>
        <source>Disabled</source>
        <translation>Deaktiviert</translation>
    </message>
    <message>
        <source>Talk to Baton from %1 and hand conversations off to it.</source>
        <translation>Sprich über %1 mit Baton und übergib Unterhaltungen dorthin.</translation>
    </message>
    <message>
        <source>Or by hand</source>
        <translation>Oder von Hand</translation>
    </message>
    <message>
        <source>Test connection</source>
        <translation>Verbindung testen</translation>
    </message>
    <message>
        <source>Save</source>
        <translation>Speichern</translation>
    </message>
</context>
<context>
    <name>SetupCodeStore</name>
    <message>
        <source>reading setup codes</source>
        <translation>Lesen der Einrichtungscodes</translation>
    </message>
    <message>
        <source>making a setup code</source>
        <translation>Erzeugen eines Einrichtungscodes</translation>
    </message>
    <message>
        <source>redeeming a setup code</source>
        <translation>Einlösen eines Einrichtungscodes</translation>
    </message>
</context>
<context>
    <name>SetupController</name>
    <message>
        <source>The code expired unused after ten minutes. Make a new one.</source>
        <translation>Der Code ist nach zehn Minuten ungenutzt abgelaufen. Erzeuge einen neuen.</translation>
    </message>
    <message>
        <source>Asking %1 who the bot is…</source>
        <translation>Frage %1, wer der Bot ist …</translation>
    </message>
    <message>
        <source>Paste the bot&apos;s token first (%1 is not set).</source>
        <translation>Füge zuerst das Token des Bots ein (%1 ist nicht gesetzt).</translation>
    </message>
    <message>
        <source>The home for handoffs to %1 is set: %2. Try it with Hand off to phone in any conversation.</source>
        <translation>Das Zuhause für Übergaben an %1 ist gesetzt: %2. Probier es mit „Ans Handy übergeben“ in einem beliebigen Gespräch.</translation>
    </message>
    <message>
        <source>The gateway does not run in this window: restart `baton --no-gui` so that it answers with the new settings, then send the code.</source>
        <translation>Das Gateway läuft nicht in diesem Fenster: starte `baton --no-gui` neu, damit es mit den neuen Einstellungen antwortet, und sende dann den Code.</translation>
    </message>
    <message>
        <source>You are paired as %1: Baton answers you on %2 now.</source>
        <translation>Du bist als %1 gekoppelt: Baton antwortet dir jetzt auf %2.</translation>
    </message>
    <message>
        <source>Your direct chat with the bot (%1)</source>
        <translation>Dein Direktchat mit dem Bot (%1)</translation>
    </message>
    <message>
        <source>Group %1</source>
        <translation>Gruppe %1</translation>
    </message>
    <message>
        <source>Chat %1</source>
        <translation>Chat %1</translation>
    </message>
    <message>
        <source>Forum group “%1”: a topic per conversation</source>
        <translation>Forumsgruppe „%1“: ein Thema pro Unterhaltung</translation>
    </message>
    <message>
        <source>Group “%1”</source>
        <translation>Gruppe „%1“</translation>
    </message>
</context>
<context>
    <name>SetupPairingStep</name>
    <message>
        <source>The bot is @%1. Now show Baton it is you:</source>
        <translation>Der Bot ist @%1. Zeig Baton jetzt, dass du es bist:</translation>
    </message>
    <message>
        <source>QR code of the link to the right</source>
        <translation>QR-Code des Links rechts daneben</translation>
    </message>
    <message>
        <source>3. Scan this with your phone&apos;s camera and press Start in Telegram. No camera at hand? Open this link on the phone:</source>
        <translation>3. Scanne das mit der Kamera deines Handys und tippe in Telegram auf Starten. Keine Kamera zur Hand? Öffne diesen Link auf dem Handy:</translation>
    </message>
    <message>
        <source>Telegram link with your setup code</source>
        <translation>Telegram-Link mit deinem Einrichtungscode</translation>
    </message>
    <message>
        <source>3. &lt;a href=&quot;%1&quot;&gt;Invite the bot to your server&lt;/a&gt; (it asks only for what Baton uses: reading and sending messages, threads). Then send the bot this code in a direct message:</source>
        <translation>3. &lt;a href=&quot;%1&quot;&gt;Lade den Bot auf deinen Server ein&lt;/a&gt; (er bittet nur um das, was Baton nutzt: Nachrichten lesen und senden, Threads). Dann sende dem Bot diesen Code als Direktnachricht:</translation>
    </message>
    <message>
        <source>3. Open the app in Slack (Apps, then Baton) and send it this code as a message:</source>
        <translation>3. Öffne die App in Slack (Apps, dann Baton) und sende ihr diesen Code als Nachricht:</translation>
    </message>
    <message>
        <source>Setup code to send the bot</source>
        <translation>Einrichtungscode, den du dem Bot sendest</translation>
    </message>
    <message>
        <source>The code works once, for ten minutes, and only while Baton runs. Waiting for your phone…</source>
        <translation>Der Code gilt einmal, zehn Minuten lang und nur, solange Baton läuft. Warte auf dein Handy …</translation>
    </message>
</context>
<context>
    <name>SetupTokenStep</name>
    <message>
        <source>1. In Telegram, open &lt;a href=&quot;%1&quot;&gt;@BotFather&lt;/a&gt;, send /newbot and choose a name. It answers with a token.</source>
        <translation>1. Öffne in Telegram &lt;a href=&quot;%1&quot;&gt;@BotFather&lt;/a&gt;, sende /newbot und wähle einen Namen. Er antwortet mit einem Token.</translation>
    </message>
    <message>
        <source>1. In the &lt;a href=&quot;%1&quot;&gt;Discord developer portal&lt;/a&gt;, create an application, add a bot, turn on Message Content under Privileged Gateway Intents and copy the bot&apos;s token.</source>
        <translation>1. Lege im &lt;a href=&quot;%1&quot;&gt;Discord-Entwicklerportal&lt;/a&gt; eine Anwendung an, füge einen Bot hinzu, schalte unter Privileged Gateway Intents „Message Content“ ein und kopiere das Token des Bots.</translation>
    </message>
    <message>
        <source>1. On &lt;a href=&quot;%1&quot;&gt;Slack&apos;s app page&lt;/a&gt;, create an app from the manifest below, make an app-level token with connections:write, install the app and copy its bot token (xoxb-…).</source>
        <translation>1. Lege auf &lt;a href=&quot;%1&quot;&gt;Slacks App-Seite&lt;/a&gt; eine App aus dem Manifest unten an, erzeuge ein App-Level-Token mit connections:write, installiere die App und kopiere ihr Bot-Token (xoxb-…).</translation>
    </message>
    <message>
        <source>Slack app manifest to paste</source>
        <translation>Slack-App-Manifest zum Einfügen</translation>
    </message>
    <message>
        <source>2. Paste the token here; Baton checks it at once and keeps it in the system keychain.</source>
        <translation>2. Füge das Token hier ein; Baton prüft es sofort und bewahrt es im Schlüsselbund des Systems auf.</translation>
    </message>
    <message>
        <source>Bot token (xoxb-…)</source>
        <translation>Bot-Token (xoxb-…)</translation>
    </message>
    <message>
        <source>Bot token</source>
        <translation>Bot-Token</translation>
    </message>
    <message>
        <source>%1 bot token</source>
        <translation>%1-Bot-Token</translation>
    </message>
    <message>
        <source>App token (xapp-…)</source>
        <translation>App-Token (xapp-…)</translation>
    </message>
    <message>
        <source>Slack app token</source>
        <translation>Slack-App-Token</translation>
    </message>
    <message>
        <source>Checking…</source>
        <translation>Prüfe …</translation>
    </message>
    <message>
        <source>Check and save</source>
        <translation>Prüfen und speichern</translation>
    </message>
    <message>
        <source>Check the %1 token and save it</source>
        <translation>Das %1-Token prüfen und speichern</translation>
    </message>
</context>
<context>
    <name>SlackAdapter</name>
    <message>
        <source>Slack rejected the bot token (%1). Set it with `baton secret set slack.bot_token`.</source>
        <translation>Slack hat den Bot-Token abgelehnt (%1). Setze ihn mit `baton secret set slack.bot_token`.</translation>
    </message>
    <message>
        <source>Slack could not be reached: %1</source>
        <translation>Slack ist nicht erreichbar: %1</translation>
    </message>
    <message>
        <source>stopped</source>
        <translation>gestoppt</translation>
    </message>
    <message>
        <source>Slack rejected the app token (%1). Set an app-level token with connections:write with `baton secret set slack.app_token`.</source>
        <translation>Slack hat den App-Token abgelehnt (%1). Setze einen App-Level-Token mit connections:write per `baton secret set slack.app_token`.</translation>
    </message>
    <message>
        <source>Slack would not open a connection: %1</source>
        <translation>Slack wollte keine Verbindung öffnen: %1</translation>
    </message>
    <message>
        <source>the connection to Slack closed</source>
        <translation>die Verbindung zu Slack wurde geschlossen</translation>
    </message>
    <message>
        <source>Slack turned Socket Mode off for this app (link_disabled); turn it on in the app&apos;s settings and restart Baton.</source>
        <translation>Slack hat Socket Mode für diese App ausgeschaltet (link_disabled); schalte ihn in den Einstellungen der App ein und starte Baton neu.</translation>
    </message>
    <message>
        <source>Slack asked to reconnect (%1)</source>
        <translation>Slack hat um eine neue Verbindung gebeten (%1)</translation>
    </message>
    <message>
        <source>Slack did not take the message: %1</source>
        <translation>Slack hat die Nachricht nicht angenommen: %1</translation>
    </message>
    <message>
        <source>Slack did not update the message: %1</source>
        <translation>Slack hat die Nachricht nicht aktualisiert: %1</translation>
    </message>
    <message>
        <source>Slack could not start a thread: %1</source>
        <translation>Slack konnte keinen Thread beginnen: %1</translation>
    </message>
</context>
<context>
    <name>SlackApi</name>
    <message>
        <source>Slack asked to wait %1 s, longer than Baton waits (%2 minutes)</source>
        <translation>Slack bat, %1 s zu warten, länger als Baton wartet (%2 Minuten)</translation>
    </message>
</context>
<context>
    <name>SlackPlatform</name>
    <message>
        <source>Connected to %1 as @%2, but no app token is set: Socket Mode needs one.</source>
        <translation>Mit %1 als @%2 verbunden, aber es ist kein App-Token gesetzt: Socket Mode braucht einen.</translation>
    </message>
    <message>
        <source>Connected to %1 as @%2.</source>
        <translation>Mit %1 als @%2 verbunden.</translation>
    </message>
    <message>
        <source>Slack rejected the bot token (%1). Set it with `baton secret set slack.bot_token`.</source>
        <translation>Slack hat den Bot-Token abgelehnt (%1). Setze ihn mit `baton secret set slack.bot_token`.</translation>
    </message>
    <message>
        <source>Slack answered: %1.</source>
        <translation>Slack antwortete: %1.</translation>
    </message>
    <message>
        <source>Slack answered HTTP %1 without a Web API answer. Check api_base in baton.ini.</source>
        <translation>Slack antwortete mit HTTP %1, aber ohne Web-API-Antwort. Prüfe api_base in baton.ini.</translation>
    </message>
    <message>
        <source>Slack could not be reached: %1.</source>
        <translation>Slack ist nicht erreichbar: %1.</translation>
    </message>
    <message>
        <source>The home channel %1 is there and the bot is in it.</source>
        <translation>Der Heimkanal %1 ist vorhanden und der Bot ist Mitglied.</translation>
    </message>
    <message>
        <source>The bot is not in the home channel %1: invite it there (/invite @yourbot).</source>
        <translation>Der Bot ist nicht im Heimkanal %1: Lade ihn dort ein (/invite @yourbot).</translation>
    </message>
    <message>
        <source>The home channel %1 cannot be used (%2): set home_channel to a channel id.</source>
        <translation>Der Heimkanal %1 kann nicht genutzt werden (%2): Setze home_channel auf eine Kanal-ID.</translation>
    </message>
    <message>
        <source>Bot token</source>
        <translation>Bot-Token</translation>
    </message>
    <message>
        <source>xoxb-…, from OAuth &amp; Permissions. Kept in the system keychain as slack.bot_token.</source>
        <translation>xoxb-…, aus OAuth &amp; Permissions. Wird im System-Schlüsselbund als slack.bot_token gespeichert.</translation>
    </message>
    <message>
        <source>App token</source>
        <translation>App-Token</translation>
    </message>
    <message>
        <source>xapp-… with connections:write, for Socket Mode. Kept in the keychain as slack.app_token.</source>
        <translation>xapp-… mit connections:write, für Socket Mode. Wird im Schlüsselbund als slack.app_token gespeichert.</translation>
    </message>
    <message>
        <source>Home channel</source>
        <translation>Heimkanal</translation>
    </message>
    <message>
        <source>Where handoffs go: a channel id such as C0123456789.</source>
        <translation>Ziel der Übergaben: eine Kanal-ID wie C0123456789.</translation>
    </message>
    <message>
        <source>Allowed users</source>
        <translation>Erlaubte Nutzer</translation>
    </message>
    <message>
        <source>Member ids such as U0123ABCD, comma-separated. Anyone else can ask for a pairing code.</source>
        <translation>Mitglieds-IDs wie U0123ABCD, durch Kommas getrennt. Alle anderen können einen Kopplungscode anfordern.</translation>
    </message>
</context>
<context>
    <name>SleepInhibitor</name>
    <message>
        <source>no system bus (%1)</source>
        <translation>kein Systembus (%1)</translation>
    </message>
    <message>
        <source>no logind on the system bus (%1)</source>
        <translation>kein logind auf dem Systembus (%1)</translation>
    </message>
    <message>
        <source>Baton cannot hold off sleep: %1.</source>
        <translation>Baton kann den Ruhezustand nicht aufhalten: %1.</translation>
    </message>
    <message>
        <source>logind did not grant the lock (%1)</source>
        <translation>logind hat die Sperre nicht gewährt (%1)</translation>
    </message>
</context>
<context>
    <name>StoreCommand</name>
    <message>
        <source>usage: baton store copy [--from FILE] [--to URL]</source>
        <translation>Aufruf: baton store copy [--from DATEI] [--to URL]</translation>
    </message>
    <message>
        <source>name the PostgreSQL store to copy into: --to postgresql://user@host:port/database (or set url under [store] in baton.ini).</source>
        <translation>nenne den PostgreSQL-Speicher, in den kopiert wird: --to postgresql://benutzer@host:port/datenbank (oder setze url unter [store] in baton.ini).</translation>
    </message>
    <message>
        <source>--to takes a postgresql:// url; the copy goes from state.db into PostgreSQL.</source>
        <translation>--to nimmt eine postgresql://-URL; die Kopie geht von state.db nach PostgreSQL.</translation>
    </message>
    <message>
        <source>there is no store at %1 to copy (--from names another).</source>
        <translation>unter %1 gibt es keinen Speicher zum Kopieren (--from nennt einen anderen).</translation>
    </message>
    <message>
        <source>Copying %1 into %2</source>
        <translation>Kopiere %1 nach %2</translation>
    </message>
    <message>
        <source>%1 rows: %2 new, %3 already there</source>
        <translation>%1 Zeilen: %2 neu, %3 schon vorhanden</translation>
    </message>
    <message>
        <source>, %1 with other values there</source>
        <translation>, %1 dort mit anderen Werten</translation>
    </message>
    <message>
        <source>Done: %1 rows copied into %2 tables, %3 were there already. Point Baton at it with url=%4 under [store] in baton.ini.</source>
        <translation>Fertig: %1 Zeilen in %2 Tabellen kopiert, %3 waren schon vorhanden. Richte Baton mit url=%4 unter [store] in baton.ini darauf aus.</translation>
    </message>
</context>
<context>
    <name>StoreCopy</name>
    <message>
        <source>reading the tables</source>
        <translation>das Lesen der Tabellen</translation>
    </message>
    <message>
        <source>reading the foreign keys</source>
        <translation>das Lesen der Fremdschlüssel</translation>
    </message>
    <message>
        <source>The tables of %1 reference each other in a circle; the copy cannot order them.</source>
        <translation>Die Tabellen von %1 verweisen im Kreis aufeinander; die Kopie kann sie nicht ordnen.</translation>
    </message>
    <message>
        <source>reading the columns</source>
        <translation>das Lesen der Spalten</translation>
    </message>
    <message>
        <source>The table %1 of %2 has no primary key, so the copy cannot tell its rows apart.</source>
        <translation>Die Tabelle %1 von %2 hat keinen Primärschlüssel, daher kann die Kopie ihre Zeilen nicht unterscheiden.</translation>
    </message>
    <message>
        <source>The store at %1 has no column %2.%3, which %4 has; is Baton there a different version?</source>
        <translation>Der Speicher unter %1 hat keine Spalte %2.%3, die %4 hat; läuft dort eine andere Baton-Version?</translation>
    </message>
    <message>
        <source>reading %1</source>
        <translation>das Lesen von %1</translation>
    </message>
    <message>
        <source>writing %1</source>
        <translation>das Schreiben von %1</translation>
    </message>
    <message>
        <source>reading the identity columns</source>
        <translation>das Lesen der Identitätsspalten</translation>
    </message>
    <message>
        <source>continuing the ids of %1</source>
        <translation>das Fortsetzen der IDs von %1</translation>
    </message>
    <message>
        <source>%1 holds no tables.</source>
        <translation>%1 enthält keine Tabellen.</translation>
    </message>
    <message>
        <source>starting to read</source>
        <translation>der Beginn des Lesens</translation>
    </message>
    <message>
        <source>starting to write</source>
        <translation>der Beginn des Schreibens</translation>
    </message>
    <message>
        <source>The store at %1 already holds other values for %2 of the rows being copied (%3). Nothing was copied: copy into an empty database, or one this state.db was copied into before.</source>
        <translation>Der Speicher unter %1 enthält für %2 der zu kopierenden Zeilen schon andere Werte (%3). Nichts wurde kopiert: kopiere in eine leere Datenbank oder in eine, in die diese state.db schon einmal kopiert wurde.</translation>
    </message>
    <message>
        <source>committing the copy</source>
        <translation>das Abschließen der Kopie</translation>
    </message>
    <message>
        <source>updating the statistics</source>
        <translation>das Aktualisieren der Statistiken</translation>
    </message>
</context>
<context>
    <name>StoreLocation</name>
    <message>
        <source>[store] url %1 is not usable: %2</source>
        <translation>[store] url %1 ist nicht verwendbar: %2</translation>
    </message>
    <message>
        <source>it holds a password. baton.ini is not a secret: put the password in the keychain as store.password (baton secret set store.password) or in BATON_STORE_PASSWORD.</source>
        <translation>sie enthält ein Passwort. baton.ini ist nicht geheim: Legen Sie das Passwort als store.password im Schlüsselbund ab (baton secret set store.password) oder in BATON_STORE_PASSWORD.</translation>
    </message>
    <message>
        <source>sslmode=%1 is none of %2.</source>
        <translation>sslmode=%1 ist keiner von %2.</translation>
    </message>
    <message>
        <source>connect_timeout=%1 is not a whole number of seconds.</source>
        <translation>connect_timeout=%1 ist keine ganze Zahl von Sekunden.</translation>
    </message>
    <message>
        <source>the option %1 is unknown (known: sslmode, sslrootcert, host, connect_timeout).</source>
        <translation>die Option %1 ist unbekannt (bekannt: sslmode, sslrootcert, host, connect_timeout).</translation>
    </message>
    <message>
        <source>it names no host.</source>
        <translation>sie nennt keinen Host.</translation>
    </message>
    <message>
        <source>it names no database (postgresql://user@host:5432/baton).</source>
        <translation>sie nennt keine Datenbank (postgresql://user@host:5432/baton).</translation>
    </message>
    <message>
        <source>it names no user (postgresql://user@host:5432/baton).</source>
        <translation>sie nennt keinen Benutzer (postgresql://user@host:5432/baton).</translation>
    </message>
</context>
<context>
    <name>TakeBackDialog</name>
    <message>
        <source>Take this conversation back?</source>
        <translation>Diese Unterhaltung zurückholen?</translation>
    </message>
    <message>
        <source>It continues on %1. Sending this message continues it here instead; %1 gets a note saying so.</source>
        <translation>Sie läuft gerade auf %1 weiter. Wenn du diese Nachricht sendest, geht sie stattdessen hier weiter; %1 bekommt dazu einen Hinweis.</translation>
    </message>
    <message>
        <source>Take back and send</source>
        <translation>Zurückholen und senden</translation>
    </message>
    <message>
        <source>Keep it there</source>
        <translation>Dort lassen</translation>
    </message>
</context>
<context>
    <name>TelegramAdapter</name>
    <message>
        <source>stopped</source>
        <translation>gestoppt</translation>
    </message>
    <message>
        <source>Telegram rejected the bot token (%1). Set it with `baton secret set telegram.token`.</source>
        <translation>Telegram hat den Bot-Token abgelehnt (%1). Setze ihn mit `baton secret set telegram.token`.</translation>
    </message>
    <message>
        <source>Telegram could not be reached: %1</source>
        <translation>Telegram ist nicht erreichbar: %1</translation>
    </message>
    <message>
        <source>Telegram rejected the bot token (401). Set it with `baton secret set telegram.token`.</source>
        <translation>Telegram hat den Bot-Token abgelehnt (401). Setze ihn mit `baton secret set telegram.token`.</translation>
    </message>
    <message>
        <source>Telegram reports a conflict (409): %1. Is another Baton using this bot token?</source>
        <translation>Telegram meldet einen Konflikt (409): %1. Verwendet ein anderes Baton diesen Bot-Token?</translation>
    </message>
    <message>
        <source>Telegram asked to wait %1 s (429).</source>
        <translation>Telegram bittet, %1 s zu warten (429).</translation>
    </message>
    <message>
        <source>Telegram refused to deliver (403): %1</source>
        <translation>Telegram hat die Zustellung verweigert (403): %1</translation>
    </message>
    <message>
        <source>Telegram did not take the message (%1): %2</source>
        <translation>Telegram hat die Nachricht nicht angenommen (%1): %2</translation>
    </message>
    <message>
        <source>Telegram did not edit the message (%1): %2</source>
        <translation>Telegram hat die Nachricht nicht bearbeitet (%1): %2</translation>
    </message>
    <message>
        <source>Telegram could not open a topic (%1): %2</source>
        <translation>Telegram konnte kein Thema öffnen (%1): %2</translation>
    </message>
    <message>
        <source>Telegram asked to wait %1 s before sending, longer than Baton waits (%2 minutes); not sent.</source>
        <translation>Telegram bat, vor dem Senden %1 s zu warten, länger als Baton wartet (%2 Minuten); nicht gesendet.</translation>
    </message>
</context>
<context>
    <name>TelegramPlatform</name>
    <message>
        <source>Connected as @%1.</source>
        <translation>Verbunden als @%1.</translation>
    </message>
    <message>
        <source>Telegram rejected the bot token (%1). Set it with `baton secret set telegram.token`.</source>
        <translation>Telegram hat den Bot-Token abgelehnt (%1). Setze ihn mit `baton secret set telegram.token`.</translation>
    </message>
    <message>
        <source>Telegram answered %1: %2.</source>
        <translation>Telegram antwortete mit %1: %2.</translation>
    </message>
    <message>
        <source>Telegram answered HTTP %1 without a Bot API answer. Check api_base in baton.ini.</source>
        <translation>Telegram antwortete mit HTTP %1, aber ohne Bot-API-Antwort. Prüfe api_base in baton.ini.</translation>
    </message>
    <message>
        <source>Telegram could not be reached: %1.</source>
        <translation>Telegram ist nicht erreichbar: %1.</translation>
    </message>
    <message>
        <source>The home chat %1 (%2) is there.</source>
        <translation>Der Heimchat %1 (%2) ist vorhanden.</translation>
    </message>
    <message>
        <source>The home chat %1 is not one the bot can use (%2): add the bot to it, or send /sethome where handoffs should go.</source>
        <translation>Der Heimchat %1 ist für den Bot nicht nutzbar (%2): Füge den Bot hinzu oder sende /sethome dort, wohin Übergaben gehen sollen.</translation>
    </message>
    <message>
        <source>Bot token</source>
        <translation>Bot-Token</translation>
    </message>
    <message>
        <source>From @BotFather. Kept in the system keychain as telegram.token.</source>
        <translation>Von @BotFather. Wird im System-Schlüsselbund als telegram.token gespeichert.</translation>
    </message>
    <message>
        <source>Home chat</source>
        <translation>Heim-Chat</translation>
    </message>
    <message>
        <source>Where handoffs go: a chat id such as -1001234567890. /sethome in a chat sets it too.</source>
        <translation>Ziel der Übergaben: eine Chat-ID wie -1001234567890. /sethome in einem Chat legt sie ebenfalls fest.</translation>
    </message>
    <message>
        <source>Allowed users</source>
        <translation>Erlaubte Nutzer</translation>
    </message>
    <message>
        <source>Numeric user ids, comma-separated. Anyone else can ask for a pairing code.</source>
        <translation>Numerische Nutzer-IDs, durch Kommas getrennt. Alle anderen können einen Kopplungscode anfordern.</translation>
    </message>
</context>
<context>
    <name>Theme</name>
    <message>
        <source>now</source>
        <translation>jetzt</translation>
    </message>
    <message>
        <source>%1 min</source>
        <translation>%1 Min.</translation>
    </message>
    <message>
        <source>%1 h</source>
        <translation>%1 Std.</translation>
    </message>
    <message>
        <source>just now</source>
        <translation>gerade eben</translation>
    </message>
    <message>
        <source>%1 min ago</source>
        <translation>vor %1 Min.</translation>
    </message>
    <message>
        <source>%1 h ago</source>
        <translation>vor %1 Std.</translation>
    </message>
</context>
<context>
    <name>ThinkingQuote</name>
    <message>
        <source>Thinking</source>
        <translation>Überlegungen</translation>
    </message>
</context>
<context>
    <name>ThinkingSection</name>
    <message>
        <source>Thinking…</source>
        <translation>Denkt nach…</translation>
    </message>
    <message>
        <source>Thinking</source>
        <translation>Überlegungen</translation>
    </message>
    <message>
        <source>Hide the model&apos;s thinking</source>
        <translation>Überlegungen des Modells ausblenden</translation>
    </message>
    <message>
        <source>Show the model&apos;s thinking</source>
        <translation>Überlegungen des Modells anzeigen</translation>
    </message>
    <message>
        <source>The model&apos;s thinking: %1</source>
        <translation>Überlegungen des Modells: %1</translation>
    </message>
</context>
<context>
    <name>TranscriptExport</name>
    <message>
        <source>System</source>
        <translation>System</translation>
    </message>
    <message>
        <source>User</source>
        <translation>Nutzer</translation>
    </message>
    <message>
        <source>Assistant</source>
        <translation>Assistent</translation>
    </message>
    <message>
        <source>Tool result</source>
        <translation>Werkzeugergebnis</translation>
    </message>
    <message>
        <source>Tool result (%1)</source>
        <translation>Werkzeugergebnis (%1)</translation>
    </message>
    <message>
        <source>internal</source>
        <translation>intern</translation>
    </message>
    <message>
        <source>cut short</source>
        <translation>abgebrochen</translation>
    </message>
    <message>
        <source>error</source>
        <translation>Fehler</translation>
    </message>
    <message>
        <source>via %1</source>
        <translation>über %1</translation>
    </message>
    <message>
        <source>Untitled session</source>
        <translation>Sitzung ohne Titel</translation>
    </message>
    <message>
        <source>Session: %1</source>
        <translation>Sitzung: %1</translation>
    </message>
    <message>
        <source>Created: %1</source>
        <translation>Erstellt: %1</translation>
    </message>
    <message>
        <source>Model: %1</source>
        <translation>Modell: %1</translation>
    </message>
    <message>
        <source>System prompt of this chat</source>
        <translation>Systemprompt dieses Chats</translation>
    </message>
    <message>
        <source>(none: no system prompt is sent)</source>
        <translation>(keiner: es wird kein Systemprompt geschickt)</translation>
    </message>
    <message>
        <source>Called `%1` (%2) with:</source>
        <translation>`%1` (%2) aufgerufen mit:</translation>
    </message>
</context>
<context>
    <name>TrayIcon</name>
    <message>
        <source>Hand off current chat</source>
        <translation>Aktuellen Chat übergeben</translation>
    </message>
    <message>
        <source>Open Baton</source>
        <translation>Baton öffnen</translation>
    </message>
    <message>
        <source>New chat</source>
        <translation>Neuer Chat</translation>
    </message>
    <message>
        <source>Quit</source>
        <translation>Beenden</translation>
    </message>
    <message>
        <source>Handoff complete</source>
        <translation>Übergabe abgeschlossen</translation>
    </message>
    <message>
        <source>Handoff failed</source>
        <translation>Übergabe fehlgeschlagen</translation>
    </message>
    <message>
        <source>Gateway: in another process</source>
        <translation>Gateway: in einem anderen Prozess</translation>
    </message>
    <message>
        <source>Pause gateway</source>
        <translation>Gateway pausieren</translation>
    </message>
    <message>
        <source>Gateway: paused</source>
        <translation>Gateway: pausiert</translation>
    </message>
    <message>
        <source>%1 — %2</source>
        <translation>%1 — %2</translation>
    </message>
    <message>
        <source>Gateway: not set up (no platform turned on in Settings)</source>
        <translation>Gateway: nicht eingerichtet (keine Plattform in den Einstellungen eingeschaltet)</translation>
    </message>
    <message>
        <source>Gateway: no platform could start; check its token in Settings</source>
        <translation>Gateway: keine Plattform konnte starten; prüfe ihren Token in den Einstellungen</translation>
    </message>
</context>
<context>
    <name>VariantSwitcher</name>
    <message>
        <source>Previous variant</source>
        <translation>Vorherige Variante</translation>
    </message>
    <message>
        <source>Variant %1 of %2</source>
        <translation>Variante %1 von %2</translation>
    </message>
    <message>
        <source>Next variant</source>
        <translation>Nächste Variante</translation>
    </message>
</context>
<context>
    <name>main</name>
    <message>
        <source>the window shows what to fix</source>
        <translation>das Fenster zeigt, was zu korrigieren ist</translation>
    </message>
</context>
</TS>
