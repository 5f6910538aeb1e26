#!/usr/bin/env bash
# SPDX-License-Identifier: GPL-3.0-or-later
# Every user-visible string is translated: lupdate run over today's sources finds nothing new or
# unfinished in translations/*.ts, and `baton` and baton-headless speak German when asked to.
# Usage: translations-check.sh SOURCE_DIR BATON_BINARY...
set -euo pipefail
src=$1
shift
lupdate=$(command -v lupdate || echo /usr/lib/qt6/bin/lupdate)
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
status=0
for ts in "$src"/translations/baton_*.ts; do
    cp "$ts" "$work/check.ts"
    (cd "$src" && "$lupdate" -silent -no-obsolete -locations none core platforms app qml -ts "$work/check.ts")
    unfinished=$(grep -c 'type="unfinished"' "$work/check.ts" || true)
    if [ "$unfinished" -ne 0 ]; then
        echo "FAIL: $(basename "$ts"): $unfinished strings are new or untranslated; run the baton_lupdate target and translate them"
        grep -B3 'type="unfinished"' "$work/check.ts" | grep '<source>' | head -20
        status=1
    else
        echo "ok: $(basename "$ts") is complete ($(grep -c '<message' "$ts") messages)"
    fi
done
# The catalogue is compiled into each binary and chosen by locale (BATON_LANG wins).
for baton in "$@"; do
    said=$(BATON_LANG=de "$baton" sessions show 0000 --data-dir "$work/data" 2>&1 || true)
    if ! grep -qi "sitzung" <<< "$said"; then
        echo "FAIL: $(basename "$baton"): BATON_LANG=de did not give a German sentence: $said"
        status=1
    else
        echo "ok: $(basename "$baton"), BATON_LANG=de: $said"
    fi
done
exit $status
