#!/usr/bin/env bash
# SPDX-License-Identifier: GPL-3.0-or-later
# The desktop entry and the AppStream metadata validate; `cmake --install` puts every file in its
# standard place; cpack builds a .deb whose control file names the run-time dependencies.
# Usage: packaging-check.sh SOURCE_DIR BUILD_DIR
set -euo pipefail
src=$1
build=$2
desktop-file-validate "$src/packaging/baton.desktop"
appstreamcli validate --no-net --pedantic "$src/packaging/io.github.baton_app.Baton.metainfo.xml"
echo "ok: desktop entry and metainfo validate"

stage=$(mktemp -d)
trap 'rm -rf "$stage"' EXIT
DESTDIR="$stage" cmake --install "$build" --prefix /usr > /dev/null
for f in usr/bin/baton usr/share/applications/baton.desktop usr/share/metainfo/io.github.baton_app.Baton.metainfo.xml \
    usr/share/icons/hicolor/scalable/apps/baton.svg usr/share/icons/hicolor/scalable/status/baton-tray-online.svg \
    usr/lib/systemd/user/baton.service usr/share/man/man1/baton.1; do
    [ -e "$stage/$f" ] || { echo "FAIL: cmake --install did not install /$f"; exit 1; }
done
grep -q '^ExecStart=baton --no-gui$' "$stage/usr/lib/systemd/user/baton.service" \
    || { echo "FAIL: the service does not start baton --no-gui"; exit 1; }
if command -v systemd-analyze > /dev/null; then
    systemd-analyze verify --user "$stage/usr/lib/systemd/user/baton.service" 2>&1 | grep -v "^$" | grep -iv "command baton is not executable\|not found\|Failed to" || true
fi
if command -v man > /dev/null; then
    warnings=$(LC_ALL=C.UTF-8 man --warnings -l "$stage/usr/share/man/man1/baton.1" 2>&1 > /dev/null)
    [ -z "$warnings" ] || { echo "FAIL: the man page renders with warnings: $warnings"; exit 1; }
fi
echo "ok: cmake --install layout"

(cd "$stage" && cpack --config "$build/CPackConfig.cmake" -B "$stage/deb" > "$stage/cpack.log" 2>&1) \
    || { echo "FAIL: cpack"; cat "$stage/cpack.log"; exit 1; }
deb=$(ls "$stage"/deb/baton_*.deb)
depends=$(dpkg-deb -f "$deb" Depends)
for needed in libqt6core6 libqt6quick6 libqt6websockets6 qml6-module-qtquick-controls libsqlite3-0; do
    grep -q "$needed" <<< "$depends" || { echo "FAIL: the .deb does not depend on $needed: $depends"; exit 1; }
done
contents=$(dpkg-deb -c "$deb")
grep -q './usr/bin/baton$' <<< "$contents" || { echo "FAIL: the .deb has no /usr/bin/baton"; exit 1; }
echo "ok: $(basename "$deb"), Depends: $depends"
# Every dependency resolves against Debian's archive (a dry run: nothing is installed).
if command -v apt-get > /dev/null; then
    apt-get install -s "$deb" > "$stage/apt.log" 2>&1 || { echo "FAIL: apt cannot install the .deb"; cat "$stage/apt.log"; exit 1; }
    echo "ok: apt-get install -s $(basename "$deb") resolves"
fi
