#!/usr/bin/env bash
# SPDX-License-Identifier: GPL-3.0-or-later
# baton-headless needs no GUI library: none is NEEDED by the binary itself (readelf -d) nor pulled
# in by any library it loads (ldd), so a server installs and maps none.
# Usage: headless-libs-check.sh BATON_HEADLESS_BINARY
set -euo pipefail
binary=$1
gui='libQt6(Gui|Quick|Qml|QmlModels|Widgets|OpenGL|Svg)|libX11|libxcb|libEGL|libGL|libfontconfig|libfreetype|libxkbcommon'
needed=$(readelf -d "$binary" | sed -n 's/.*Shared library: \[\(.*\)\]/\1/p')
[ -n "$needed" ] || { echo "FAIL: readelf found no NEEDED entry in $binary"; exit 1; }
if grep -E "$gui" <<< "$needed"; then
    echo "FAIL: $(basename "$binary") links the GUI libraries above"
    exit 1
fi
echo "ok: NEEDED: $(tr '\n' ' ' <<< "$needed")"
loaded=$(ldd "$binary")
if grep -E "$gui" <<< "$loaded"; then
    echo "FAIL: $(basename "$binary") loads the GUI libraries above through another library"
    exit 1
fi
echo "ok: ldd: $(wc -l <<< "$loaded") libraries, none of them a GUI one"
