#!/usr/bin/env bash
# SPDX-License-Identifier: GPL-3.0-or-later
# The folders' include graph, as docs/architecture.md draws it: no cycle between folders, core
# never includes cli/ (the terminal is one client of the core, not part of it), nor platforms/,
# app/ or qml/, and the adapters see only the gateway's types and the network policies (a
# platform's catalogue entry, <name>platform.cpp/.h, also the config's catalogue). qml/ holds QML
# only: the window's C++ lives in app/window/.
# Usage: layering-check.sh SOURCE_DIR
set -euo pipefail
cd "$1"

# A folder's node name, from an include path's first component.
declare -A node
for d in core/*/; do
    d=${d%/}
    node[${d#core/}]=$d
done
for d in platforms/*/; do
    d=${d%/}
    node[${d#platforms/}]=$d
done
node[desktop]=app/desktop

edges=$(mktemp)
trap 'rm -f "$edges"' EXIT
problems=0
complain() {
    echo "FAIL: $*"
    problems=$((problems + 1))
}

while IFS= read -r file; do
    from=$(dirname "$file")
    [ "$from" = platforms ] && from=platforms/factory
    while IFS= read -r prefix; do
        to=${node[$prefix]:-}
        [ -n "$to" ] && [ "$to" != "$from" ] || continue
        echo "$from $to" >> "$edges"
        case "$from:$to" in
            core/cli:* | app*:* | qml*:*) ;;
            core/*:core/cli) complain "$file includes $prefix/: core must not depend on the terminal" ;;
            core/*:platforms/* | core/*:app/*) complain "$file includes $prefix/: core knows no platform or window" ;;
            platforms/factory:*) ;;
            platforms/*:core/gateway | platforms/*:core/net | platforms/*:platforms/*) ;;
            platforms/*:core/config)
                case "$file" in
                    *platform.cpp | *platform.h) ;;
                    *) complain "$file includes $prefix/: only a platform's catalogue entry (<name>platform.cpp) sees config/" ;;
                esac
                ;;
            platforms/*:*) complain "$file includes $prefix/: adapters see only gateway/ and net/" ;;
        esac
    done < <(grep -hoE '^#include "[a-z0-9]+/' "$file" | sed -E 's/#include "([a-z0-9]+)\//\1/' | sort -u)
done < <(find core platforms app qml -name '*.cpp' -o -name '*.h' | sort)

while IFS= read -r file; do
    complain "$file: qml/ holds QML only; the window's C++ belongs in app/window/"
done < <(find qml -name '*.cpp' -o -name '*.h' | sort)

# tsort names the folders of a cycle on stderr ("input contains a loop").
if ! loops=$(sort -u "$edges" | tsort 2>&1 > /dev/null) || [ -n "$loops" ]; then
    complain "a cycle between folders:"
    echo "$loops" | sed 's/^tsort: /  /'
fi

edge_count=$(sort -u "$edges" | wc -l)
if [ "$problems" -gt 0 ]; then
    echo "$problems finding(s) in $edge_count folder dependencies"
    exit 1
fi
echo "ok: $edge_count folder dependencies, no cycle, core free of cli/, adapters on gateway/ and net/ only, qml/ QML only"
