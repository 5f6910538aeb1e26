#!/usr/bin/env bash
# SPDX-License-Identifier: GPL-3.0-or-later
# Runs a command the way a screen reader finds the desktop: an X display (Xvfb), a private D-Bus
# session with a real keychain (with-keyring.sh), and Qt's AT-SPI bridge switched on. The command
# starts the accessibility bus itself (org.a11y.Bus by D-Bus activation), as a desktop session would.
set -euo pipefail
if [ -z "${BATON_SCREEN_READER_INNER:-}" ]; then
    export BATON_SCREEN_READER_INNER=1
    exec xvfb-run -a -s "-screen 0 1280x800x24" "$0" "$@"
fi
export QT_QPA_PLATFORM=xcb QT_LINUX_ACCESSIBILITY_ALWAYS_ON=1
exec "$(dirname "$0")/with-keyring.sh" "$@"
