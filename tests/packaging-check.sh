#!/usr/bin/env bash
# SPDX-License-Identifier: GPL-3.0-or-later
# The desktop entry and the AppStream metadata validate; `cmake --install` puts every file in its
# standard place; cpack builds the two .debs: baton-headless, whose dependencies name no Qt Quick,
# QML or X library, and baton, the window, on top of it.
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
for f in usr/bin/baton usr/bin/baton-headless usr/share/man/man1/baton-headless.1 usr/share/applications/baton.desktop usr/share/metainfo/io.github.baton_app.Baton.metainfo.xml \
    usr/share/icons/hicolor/scalable/apps/baton.svg usr/share/icons/hicolor/scalable/status/baton-tray-online.svg \
    usr/lib/systemd/user/baton.service usr/share/man/man1/baton.1; do
    [ -e "$stage/$f" ] || { echo "FAIL: cmake --install did not install /$f"; exit 1; }
done
grep -q '^ExecStart=baton-headless --no-gui$' "$stage/usr/lib/systemd/user/baton.service" \
    || { echo "FAIL: the service does not start baton-headless --no-gui"; exit 1; }
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
server=$(ls "$stage"/deb/baton-headless_*.deb)
desktop=$(ls "$stage"/deb/baton_*.deb)
version=$(dpkg-deb -f "$desktop" Version)
# needs DEB PACKAGE: every name must appear in the package's Depends
# lacks DEB PACKAGE: none may
needs() {
    local depends
    depends=$(dpkg-deb -f "$1" Depends)
    grep -q "$2" <<< "$depends" || { echo "FAIL: $(basename "$1") does not depend on $2: $depends"; exit 1; }
}
for needed in libqt6core6 libqt6network6 libqt6websockets6 libqt6sql6-sqlite libsqlite3-0; do needs "$server" $needed; done
server_depends=$(dpkg-deb -f "$server" Depends,Recommends)
if grep -Eo 'libqt6(gui|quick|qml|widgets|svg|opengl)[^ ,]*|qml6-module[^ ,]*|libx11[^ ,]*|libgl[^ ,]*' <<< "$server_depends"; then
    echo "FAIL: $(basename "$server") depends on the graphical packages above"
    exit 1
fi
for needed in "baton-headless (= $version)" libqt6quick6 libqt6widgets6 qml6-module-qtquick-controls; do needs "$desktop" "$needed"; done
contents=$(dpkg-deb -c "$server")
for f in usr/bin/baton-headless usr/lib/systemd/user/baton.service usr/share/man/man1/baton.1; do
    grep -q "\./$f\$" <<< "$contents" || { echo "FAIL: $(basename "$server") has no /$f"; exit 1; }
done
! grep -q './usr/bin/baton$' <<< "$contents" || { echo "FAIL: $(basename "$server") has the window"; exit 1; }
contents=$(dpkg-deb -c "$desktop")
for f in usr/bin/baton usr/share/applications/baton.desktop; do
    grep -q "\./$f\$" <<< "$contents" || { echo "FAIL: $(basename "$desktop") has no /$f"; exit 1; }
done
! grep -q 'baton-headless$' <<< "$contents" || { echo "FAIL: $(basename "$desktop") carries baton-headless too"; exit 1; }
echo "ok: $(basename "$server"), Depends: $(dpkg-deb -f "$server" Depends)"
echo "ok: $(basename "$desktop"), Depends: $(dpkg-deb -f "$desktop" Depends)"
# Every dependency resolves against Debian's archive (a dry run: nothing is installed).
if command -v apt-get > /dev/null; then
    apt-get install -s "$server" > "$stage/apt.log" 2>&1 \
        || { echo "FAIL: apt cannot install $(basename "$server")"; cat "$stage/apt.log"; exit 1; }
    apt-get install -s "$server" "$desktop" > "$stage/apt.log" 2>&1 \
        || { echo "FAIL: apt cannot install $(basename "$desktop")"; cat "$stage/apt.log"; exit 1; }
    echo "ok: apt-get install -s resolves both"
fi
