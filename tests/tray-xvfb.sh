#!/usr/bin/env bash
# SPDX-License-Identifier: GPL-3.0-or-later
# The real `baton` on a real X display with a system tray (trayer): the window opens, the tray icon
# is embedded in the tray, a second `baton` for the same data dir raises the first and exits 0.
# Usage: tray-xvfb.sh BATON_BINARY   (re-runs itself under xvfb-run when there is no display)
set -euo pipefail
baton=$1
if [ -z "${TRAY_XVFB_INNER:-}" ]; then
    export TRAY_XVFB_INNER=1
    exec xvfb-run -a -s "-screen 0 1280x800x24" "$0" "$@"
fi
unset QT_QPA_PLATFORM # a real X display this time
work=$(mktemp -d)
trap 'kill "${tray_pid:-}" "${baton_pid:-}" 2>/dev/null || true; rm -rf "$work"' EXIT
printf '[llm]\nbase_url=http://127.0.0.1:9/v1\nmodel=fake\n' > "$work/baton.ini"

trayer --edge top --align right --widthtype request --height 24 &
tray_pid=$!
for _ in $(seq 50); do xwininfo -root -tree | grep -q '"panel"' && break; sleep 0.1; done

"$baton" --data-dir "$work" --config "$work/baton.ini" > "$work/baton.log" 2>&1 &
baton_pid=$!
for _ in $(seq 300); do xwininfo -root -tree | grep -q '"Baton — New chat"' && break; sleep 0.1; done
xwininfo -root -tree | grep -q '"Baton — New chat"' || { echo "FAIL: the window did not open"; cat "$work/baton.log"; exit 1; }
# The tray icon is a window reparented into trayer's panel (shortly after the window shows).
in_panel() { xwininfo -root -tree | awk '/"panel"/ { inpanel = 1; next } inpanel && /"[Bb]aton"/ { found = 1 } END { exit !found }'; }
for _ in $(seq 100); do in_panel && break; sleep 0.1; done
in_panel || { echo "FAIL: no tray icon in the panel"; xwininfo -root -tree; exit 1; }
echo "ok: window open, tray icon embedded"

timeout 10 "$baton" --data-dir "$work" --config "$work/baton.ini" > "$work/second.log" 2>&1 \
    || { echo "FAIL: the second baton did not exit 0"; cat "$work/second.log"; exit 1; }
grep -q "already open" "$work/second.log" || { echo "FAIL: the second baton did not find the first"; exit 1; }
kill -0 "$baton_pid" || { echo "FAIL: the first baton is gone"; exit 1; }
echo "ok: a second baton raised the first"
kill -TERM "$baton_pid"
status=0
wait "$baton_pid" || status=$?
[ "$status" -eq 0 ] || { echo "FAIL: SIGTERM did not end baton cleanly (exit $status)"; cat "$work/baton.log"; exit 1; }
baton_pid=
echo "ok: SIGTERM ends the window like Quit (exit 0)"

# The demo plays itself: a question, the reply, a handoff to the fake Telegram, the phone's answer.
shots="$PWD/screenshots/demo"
rm -rf "$shots"
BATON_DEMO_AUTOPLAY="$shots" timeout 90 "$baton" --demo > "$work/demo.log" 2>&1 &
demo_pid=$!
for _ in $(seq 100); do in_panel && break; sleep 0.1; done
in_panel || { echo "FAIL: the demo shows no tray icon"; exit 1; }
status=0
wait "$demo_pid" || status=$?
[ "$status" -eq 0 ] || { echo "FAIL: the demo did not play through (exit $status)"; cat "$work/demo.log"; exit 1; }
for step in 1-start 2-reply 3-handed-off 4-phone-replied; do
    [ -s "$shots/$step.png" ] || { echo "FAIL: no screenshot $shots/$step.png"; exit 1; }
done
echo "ok: the demo played through; screenshots in $shots"
