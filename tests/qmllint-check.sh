#!/usr/bin/env bash
# SPDX-License-Identifier: GPL-3.0-or-later
# Every QML file of the window passes qmllint with no warning. The QML module's build directory is
# the import path, so qmllint sees the C++ types through their generated qmltypes.
# Usage: qmllint-check.sh SOURCE_DIR QML_MODULE_PARENT_DIR
set -euo pipefail
src=$1
imports=$(cd "$2" && pwd)
qmllint=$(command -v qmllint6 || command -v qmllint || echo /usr/lib/qt6/bin/qmllint)
[ -x "$qmllint" ] || qmllint=/usr/lib/qt6/bin/qmllint
mapfile -t files < <(find "$src/qml" -name '*.qml' | sort)
[ -f "$imports/Baton/qmldir" ] || { echo "qmllint-check: no Baton module under $imports: build baton_window first"; exit 1; }
status=0
output=$(cd "$src/qml" && "$qmllint" -I "$imports" "${files[@]##*/}" 2>&1) || status=$?
# Both the exit status and the text: a warning fails the check even if a qmllint version exits 0.
warnings=$(grep -c '^Warning' <<< "$output" || true)
if [ "$status" -ne 0 ] || [ "$warnings" -ne 0 ]; then
    grep -A2 '^Warning' <<< "$output" || echo "$output"
    echo "qmllint-check: $warnings warnings in ${#files[@]} QML files (qmllint exit status $status)"
    exit 1
fi
echo "qmllint-check: ${#files[@]} QML files, no warnings"
