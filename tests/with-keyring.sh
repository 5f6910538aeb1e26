#!/usr/bin/env bash
# SPDX-License-Identifier: GPL-3.0-or-later
# Runs a command against a real, private Secret Service: a fresh D-Bus session bus with
# gnome-keyring-daemon unlocked inside it, keyrings stored in a throwaway directory.
set -euo pipefail
if [ -z "${BATON_IN_KEYRING:-}" ]; then
    export BATON_IN_KEYRING=1
    exec dbus-run-session -- "$0" "$@"
fi
scratch=$(mktemp -d)
trap 'kill "${keyring_pid:-}" 2>/dev/null || true; rm -rf "$scratch"' EXIT
export XDG_DATA_HOME="$scratch/data" XDG_RUNTIME_DIR="$scratch/run" XDG_CONFIG_HOME="$scratch/config"
mkdir -p "$XDG_DATA_HOME" "$XDG_RUNTIME_DIR" "$XDG_CONFIG_HOME"
chmod 700 "$XDG_RUNTIME_DIR"
# --unlock reads a throwaway password from stdin and creates the login keyring if needed.
eval "$(printf 'baton-test' | gnome-keyring-daemon --unlock --components=secrets)"
keyring_pid=${GNOME_KEYRING_PID:-}
export GNOME_KEYRING_CONTROL
"$@"
