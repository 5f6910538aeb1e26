#!/usr/bin/env bash
# SPDX-License-Identifier: GPL-3.0-or-later
# Installs every Debian package that building, testing and running Baton needs, on Debian 12
# (bookworm, Qt 6.4) or Debian 13 (trixie, Qt 6.8 with KF6SyntaxHighlighting).
# Idempotent: safe to run again; README's quick start and .ci/run both call it.
# Usage: install-deps.sh [--build-only]
#   --build-only  only what building, testing and packaging needs (the debian13 check's root):
#                 no clang, clang-format, debootstrap or PostgreSQL's server.
set -euo pipefail

build_only=false
[ "${1:-}" = --build-only ] && build_only=true

codename=$(. /etc/os-release 2> /dev/null && echo "${VERSION_CODENAME:-}")
case "$codename" in
    bookworm | "") clang_runtime=libclang-rt-14-dev highlighting=() ;;
    # Debian 13 is the first Debian with the Qt 6 build of KSyntaxHighlighting.
    *) clang_runtime=libclang-rt-19-dev highlighting=(libkf6syntaxhighlighting-dev) ;;
esac

packages=(
    # toolchain
    build-essential cmake ninja-build pkg-config
    # code highlighting (only where Debian packages the Qt 6 build)
    "${highlighting[@]}"
    # Qt 6 and friends
    qt6-base-dev qt6-base-dev-tools qt6-websockets-dev qt6-declarative-dev qt6-declarative-dev-tools
    qt6-httpserver-dev qt6-l10n-tools qt6-tools-dev libqt6sql6-sqlite libqt6svg6
    qml6-module-qtquick qml6-module-qtqml qml6-module-qtqml-models qml6-module-qtqml-workerscript
    qml6-module-qtquick-controls qml6-module-qtquick-layouts qml6-module-qtquick-window
    qml6-module-qtquick-dialogs qml6-module-qtquick-templates qml6-module-qt-labs-platform
    qml6-module-qttest
    # secrets, markdown, line editing
    qtkeychain-qt6-dev libmd4c-dev libmd4c-html0-dev libedit-dev
    # QR codes for pairing a phone, and the decoder its test reads them back with
    libqrencode-dev zbar-tools
    # the store (FTS5 is built into Debian's SQLite)
    libsqlite3-dev sqlite3
    # the PostgreSQL store: Qt's QPSQL driver (run time)
    libqt6sql6-psql
    # tests: a real Secret Service, a real X display with a tray, the accessibility bus (AT-SPI)
    dbus dbus-x11 gnome-keyring xvfb xauth trayer x11-utils at-spi2-core
    # packaging checks
    desktop-file-utils appstream dpkg-dev file
)
if ! $build_only; then
    packages+=(
        git clang-format
        # the sanitize test: clang with its ASan/UBSan/libFuzzer runtime
        clang "$clang_runtime"
        # the clean-install and debian13 checks: a fresh Debian root, systemd --user inside it
        debootstrap util-linux systemd
        # the PostgreSQL tests (label postgres): a throwaway server each test starts itself
        postgresql
    )
fi

SUDO=""
if [ "$(id -u)" -ne 0 ]; then SUDO="sudo"; fi

missing=()
for p in "${packages[@]}"; do
    dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing+=("$p")
done

if [ "${#missing[@]}" -eq 0 ]; then
    echo "install-deps: all ${#packages[@]} packages already installed"
    exit 0
fi

echo "install-deps: installing ${#missing[@]} packages: ${missing[*]}"
export DEBIAN_FRONTEND=noninteractive
$SUDO apt-get update
$SUDO apt-get install -y --no-install-recommends "${missing[@]}"
