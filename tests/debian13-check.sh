#!/usr/bin/env bash
# SPDX-License-Identifier: GPL-3.0-or-later
# Baton on Debian 13 (trixie): Qt 6.8 and KF6SyntaxHighlighting, the code-highlighting path the
# Debian 12 build cannot take. In a fresh root made with debootstrap: install-deps.sh's packages
# as Debian 13 names them, a -Werror build, the unit tests and the window tests there (code
# highlighting among them), then the Debian 13 .deb made with CPack and installed with apt.
# Usage: debian13-check.sh SOURCE_DIR BUILD_DIR
#   The root's build dir is thrown away; the window test's screenshots are kept in
#   BUILD_DIR/debian13/. BATON_DEBIAN13_CCACHE=DIR shares a ccache directory with the root.
# Needs root, mount namespaces and Debian's archive; exits 77 (skipped) saying why when it has not.
set -euo pipefail
source=$(realpath "$1")
build=$(realpath "$2")
. "$source/tests/debianroot.sh"
debian_root_namespace "$0" "$@"

work=$BATON_DEBIAN_ROOT_WORK
root=$work/root
begun=$(date +%s)
elapsed() { echo "$(($(date +%s) - $1)) s"; }
# The unit tests that run in the root, with the window tests (qmlwindow includes the highlighting).
tests=(database migrations sessionstore terminaltext codecolouring safemarkdown chatchunk ssedecoder
    messagesplitter telegramhtml markupsafety settings cli_sessions)
in_root() {
    chroot "$root" env -i PATH=/usr/sbin:/usr/bin:/sbin:/bin HOME=/root LC_ALL=C.UTF-8 \
        CCACHE_DIR=/ccache "$@"
}

started=$(date +%s)
debian_root_create trixie "$root" "$work/debootstrap.log"
echo "ok: a clean Debian 13 root in $(elapsed "$started")"
debian_root_mount "$root"
mkdir -p "$root/src" "$root/ccache"
mount --bind "$source" "$root/src"
mount -o remount,bind,ro "$root/src" # the root builds from the checkout, never into it
launcher=()
if [ -n "${BATON_DEBIAN13_CCACHE:-}" ]; then
    mount --bind "$BATON_DEBIAN13_CCACHE" "$root/ccache"
    launcher=(-DCMAKE_CXX_COMPILER_LAUNCHER=ccache)
fi

started=$(date +%s)
in_root /src/packaging/install-deps.sh --build-only > "$work/deps.log" 2>&1 \
    || { tail -30 "$work/deps.log"; fail "install-deps.sh --build-only on Debian 13"; }
[ -z "${BATON_DEBIAN13_CCACHE:-}" ] || in_root apt-get install -y -q ccache > /dev/null 2>&1 || launcher=()
echo "ok: install-deps.sh installed $(grep -c '^Setting up' "$work/deps.log") packages in $(elapsed "$started")"

started=$(date +%s)
# No build type: neither optimisation nor debug info. The check is about compiling warning-free and
# behaving on Qt 6.8; optimising costs CI minutes while the other slot builds the sanitizer build.
in_root cmake -S /src -B /build -G Ninja -DBATON_WERROR=ON -DBATON_BENCH=OFF -DCMAKE_BUILD_TYPE= "${launcher[@]}" \
    > "$work/configure.log" 2>&1 || { tail -40 "$work/configure.log"; fail "cmake on Debian 13"; }
qt=$(sed -n 's/^-- *Qt: *//p' "$work/configure.log")
highlighting=$(sed -n 's/^-- *Code highlighting: *//p' "$work/configure.log")
echo "ok: configured: Qt $qt; code highlighting: $highlighting"
case "$qt" in 6.8.*) ;; *) fail "Debian 13 should have Qt 6.8, cmake found '$qt'" ;; esac
case "$highlighting" in KF6SyntaxHighlighting*) ;; *) fail "KF6SyntaxHighlighting was not found" ;; esac

# Only what the tests and the package need: on CI's two cores the rest (benchmarks, the other
# tests) would cost minutes and prove nothing the Debian 12 run does not.
targets=(baton baton-headless tst_qmlwindow)
for t in "${tests[@]}"; do targets+=("tst_$t"); done
started=$(date +%s)
in_root nice cmake --build /build --target "${targets[@]}" > "$work/build.log" 2>&1 \
    || { grep -E -B2 -A12 'error|FAILED' "$work/build.log" | head -80; fail "the -Werror build on Debian 13"; }
grep -q 'warning:' "$work/build.log" && { grep -A5 'warning:' "$work/build.log" | head -40; fail "warnings"; }
echo "ok: built ${#targets[@]} targets with -Werror, warning-free, in $(elapsed "$started")"

started=$(date +%s)
regex="^($(IFS='|'; echo "${tests[*]}")|qmlwindow)\$"
in_root env BATON_SCREENSHOT_DIR=/build/screenshots ctest --test-dir /build -R "$regex" --output-on-failure \
    --timeout 300 > "$work/ctest.log" 2>&1 || { tail -80 "$work/ctest.log"; fail "tests on Debian 13"; }
grep -E 'tests passed|Total Test time' "$work/ctest.log"
echo "ok: $(grep -c 'Passed' "$work/ctest.log") tests passed on Debian 13 in $(elapsed "$started")"
# What the highlighting tests saw: the keyword's colour sequence, the formats in the window.
in_root /build/tests/tst_codecolouring thePluginColoursAKeyword 2>&1 | grep -o 'ANSI:.*' | head -1 | sed 's/^/    /'
in_root env QT_QPA_PLATFORM=offscreen QT_QUICK_BACKEND=software /build/tests/tst_qmlwindow \
    -input /src/tests/qml/tst_codeblocks.qml 2>&1 | grep -o 'return:.*' | head -1 | sed 's/^/    window formats: /'
mkdir -p "$build/debian13"
cp "$root"/build/screenshots/*.png "$build/debian13/" 2> /dev/null \
    && echo "ok: screenshots in $build/debian13: $(cd "$build/debian13" && echo *.png)"

started=$(date +%s)
in_root sh -c 'cd /build && cpack -G DEB' > "$work/cpack.log" 2>&1 || { tail -30 "$work/cpack.log"; fail "cpack on Debian 13"; }
deb=$(ls "$root"/build/baton_*.deb)
server=$(ls "$root"/build/baton-headless_*.deb)
depends=$(dpkg-deb -f "$deb" Depends)
case "$depends" in *libkf6syntaxhighlighting*) ;; *) fail "the .deb does not depend on KF6SyntaxHighlighting: $depends" ;; esac
contents=$(dpkg-deb -c "$deb") # not piped into grep -q: pipefail would see dpkg-deb's SIGPIPE
grep -q 'baton/baton_ansihighlight.so' <<< "$contents" || fail "the .deb lacks the terminal highlighting plugin"
echo "ok: built $(basename "$server") ($(du -k "$server" | cut -f1) KiB) and $(basename "$deb") ($(du -k "$deb" | cut -f1) KiB) in $(elapsed "$started")"

started=$(date +%s)
in_root sh -c "DEBIAN_FRONTEND=noninteractive apt-get install -y -q /build/$(basename "$server") /build/$(basename "$deb")" > "$work/apt.log" 2>&1 \
    || { tail -30 "$work/apt.log"; fail "apt cannot install the .debs on Debian 13"; }
version=$(dpkg-deb -f "$deb" Version)
[ "$(in_root baton --version)" = "baton $version" ] || fail "baton --version printed: $(in_root baton --version)"
echo "ok: apt installed it on Debian 13 ($(elapsed "$started")); baton --version says baton $version"
echo "ok: the Debian 13 check took $(elapsed "$begun")"
