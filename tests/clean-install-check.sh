#!/usr/bin/env bash
# SPDX-License-Identifier: GPL-3.0-or-later
# The packages on a machine that has never seen Baton: a fresh Debian 12 root (debootstrap) installs
# the server package (baton-headless) alone with apt, and no Qt Quick, Qt Widgets or X library comes
# with it; `baton-headless --version` and `baton-headless doctor` run, and the systemd user unit
# starts the gateway, which answers a Telegram message (from the fake on loopback), comes back after
# a crash and stops cleanly within its stop timeout. Then apt adds the desktop package (baton) and
# `baton --version` and a `baton` command, exec'd into baton-headless, work from it.
# Usage: clean-install-check.sh BUILD_DIR
# Needs root, mount namespaces and Debian's archive; exits 77 (skipped) saying why when it has not.
set -euo pipefail
build=$(realpath "$1")
skip() {
    echo "SKIP: $*"
    exit 77
}

if [ "${BATON_CLEAN_ROOT_WORK:-}" = "" ]; then
    [ "$(id -u)" = 0 ] || skip "needs root (debootstrap, chroot, mount)"
    command -v debootstrap > /dev/null || skip "debootstrap is missing (packaging/install-deps.sh installs it)"
    unshare --mount true 2> /dev/null || skip "this machine cannot make a mount namespace"
    work=$(mktemp -d /var/tmp/baton-clean-XXXXXX)
    status=0
    # Every mount lives in a private namespace, so none can outlive the check or reach the host.
    BATON_CLEAN_ROOT_WORK=$work unshare --mount --propagation private "$0" "$@" || status=$?
    # Out here the namespace's mounts do not exist: the tree is plain files.
    rm -rf --one-file-system "$work"
    exit $status
fi

work=$BATON_CLEAN_ROOT_WORK
root=$work/root
mirror=${BATON_DEBIAN_MIRROR:-http://deb.debian.org/debian}
uid=4242
pids=()
cgroups=()
cleanup() {
    for pid in "${pids[@]}"; do kill "$pid" 2> /dev/null || true; done
    sleep 1
    for cg in "${cgroups[@]}"; do
        # systemd --user leaves its slices behind; remove the deepest first.
        find "$cg" -depth -type d -exec rmdir {} \; 2> /dev/null || true
    done
}
trap cleanup EXIT
fail() {
    echo "FAIL: $*"
    exit 1
}
# The test user's login, as a command prefix.
as_user_command=(chroot "$root" setpriv --reuid=$uid --regid=$uid --init-groups env -i HOME=/home/tester
    USER=tester LOGNAME=tester XDG_RUNTIME_DIR=/run/user/$uid PATH=/usr/local/bin:/usr/bin:/bin)
as_user() { "${as_user_command[@]}" "$@"; }
wait_for() { # seconds, description, command...
    local seconds=$1 what=$2
    shift 2
    for _ in $(seq $((seconds * 5))); do
        "$@" > /dev/null 2>&1 && return 0
        sleep 0.2
    done
    fail "$what (waited ${seconds} s)"
}

(cd "$work" && cpack --config "$build/CPackConfig.cmake" -B "$work/deb" > "$work/cpack.log" 2>&1) \
    || { cat "$work/cpack.log"; fail "cpack"; }
server=$(ls "$work"/deb/baton-headless_*.deb)
desktop=$(ls "$work"/deb/baton_*.deb)
version=$(dpkg-deb -f "$desktop" Version)
echo "ok: built $(basename "$server") ($(du -k "$server" | cut -f1) KiB) and $(basename "$desktop") ($(du -k "$desktop" | cut -f1) KiB)"

started=$(date +%s)
debootstrap --variant=minbase --cache-dir=/var/cache/apt/archives bookworm "$root" "$mirror" \
    > "$work/debootstrap.log" 2>&1 || { tail -20 "$work/debootstrap.log"; fail "debootstrap of Debian 12"; }
echo "ok: a clean Debian 12 root in $(($(date +%s) - started)) s"

mount -t proc proc "$root/proc"
mount --bind /dev "$root/dev"
mount --bind /dev/pts "$root/dev/pts"
mount -t sysfs sysfs "$root/sys"
mount --rbind /sys/fs/cgroup "$root/sys/fs/cgroup"
mount --bind /var/cache/apt/archives "$root/var/cache/apt/archives" # reuse what the host downloaded
cp /etc/resolv.conf "$root/etc/resolv.conf"
cp "$server" "$desktop" "$root/tmp/"

# A server's base system has systemd, which debootstrap's minbase leaves out.
chroot "$root" sh -c "apt-get update -q && DEBIAN_FRONTEND=noninteractive apt-get install -y -q systemd dbus" \
    > "$work/apt-base.log" 2>&1 || { tail -30 "$work/apt-base.log"; fail "apt cannot install systemd on a clean Debian 12"; }
# What a server's owner types (README, "Installing"): without Recommends, as servers are set up,
# since Debian's libqt6keychain1 recommends gnome-keyring, whose gcr pulls GTK 3 and X.
started=$(date +%s)
chroot "$root" sh -c "DEBIAN_FRONTEND=noninteractive apt-get install -y -q --no-install-recommends /tmp/$(basename "$server")" \
    > "$work/apt.log" 2>&1 || { tail -30 "$work/apt.log"; fail "apt cannot install $(basename "$server") on a clean Debian 12"; }
echo "ok: apt installed $(basename "$server") with $(grep -c '^Setting up' "$work/apt.log") packages in $(($(date +%s) - started)) s"
gui=$(chroot "$root" dpkg-query -W -f '${Package}\n' | grep -E '^(libqt6quick|libqt6widgets|libqt6gui|libqt6qml|qml6-module|libx11)' || true)
[ -z "$gui" ] || fail "the server package brought graphical packages: $(tr '\n' ' ' <<< "$gui")"
echo "ok: no libqt6quick*, libqt6widgets*, libqt6gui*, libqt6qml*, qml6-module* or libx11* installed"
! chroot "$root" sh -c 'command -v baton' > /dev/null || fail "the server package installed the window binary"

said=$(chroot "$root" baton-headless --version)
[ "$said" = "baton $version" ] || fail "baton-headless --version printed: $said"
echo "ok: baton-headless --version says baton $version"

# A fake model and a fake Telegram on loopback (the chroot shares the network).
mkfifo "$work/telegram.in"
exec 3<> "$work/telegram.in"
"$build/bin/baton-fake-llm" --port 0 --reply "Answered by the service." > "$work/llm.out" 2>&1 &
pids+=($!)
"$build/bin/baton-fake-telegram" --port 0 --token 4242:clean --forum=-1001:Home --user 501:Ann \
    < "$work/telegram.in" > "$work/telegram.out" 2>&1 &
pids+=($!)
wait_for 10 "the fakes listen" grep -q listening "$work/telegram.out"
wait_for 10 "the fakes listen" grep -q listening "$work/llm.out"
llm=$(grep -o 'http://[^ ]*' "$work/llm.out")
telegram=$(grep -o 'http://[^ ]*' "$work/telegram.out")

chroot "$root" useradd --create-home --uid $uid tester
as_user mkdir -p /home/tester/.config/baton
printf '[llm]\nbase_url=%s\nmodel=fake-model\n[telegram]\nenabled=true\napi_base=%s\nhome_chat=-1001\nallowed_users=501\n' \
    "$llm" "$telegram" > "$root/home/tester/.config/baton/baton.ini"
# A server has no keychain: the token comes from the environment file the unit reads.
echo "BATON_TELEGRAM_TOKEN=4242:clean" > "$root/home/tester/.config/baton/env"
chroot "$root" chown -R tester: /home/tester/.config
chmod 600 "$root/home/tester/.config/baton/env"

doctor=$(as_user sh -c 'set -a; . ~/.config/baton/env; baton-headless doctor') || { echo "$doctor"; fail "baton-headless doctor"; }
echo "$doctor" | sed 's/^/    /'
echo "ok: baton-headless doctor passes every check"

# The desktop package on top: the window binary, whose commands are the server package's. Also run
# when systemd --user cannot start here, before that skip.
desktop_package_check() {
    local started said hits
    started=$(date +%s)
    chroot "$root" sh -c "DEBIAN_FRONTEND=noninteractive apt-get install -y -q /tmp/$(basename "$desktop")" \
        > "$work/apt-desktop.log" 2>&1 || { tail -30 "$work/apt-desktop.log"; fail "apt cannot install $(basename "$desktop")"; }
    echo "ok: apt installed $(basename "$desktop") with $(grep -c '^Setting up' "$work/apt-desktop.log") more packages in $(($(date +%s) - started)) s"
    said=$(chroot "$root" baton --version)
    [ "$said" = "baton $version" ] || fail "baton --version printed: $said"
    echo "ok: baton --version says baton $version"
    hits=$(as_user baton sessions list) || fail "baton sessions list through the window binary: $hits"
    echo "ok: baton sessions list, exec'd into baton-headless, exits 0"
}

# systemd --user as on a server with lingering enabled: its own cgroup, a runtime dir.
for hierarchy in /sys/fs/cgroup /sys/fs/cgroup/unified /sys/fs/cgroup/systemd; do
    if [ -e "$hierarchy/cgroup.procs" ] && mkdir "$hierarchy/baton-clean-$$" 2> /dev/null; then
        cgroups+=("$hierarchy/baton-clean-$$")
        chown -R $uid:$uid "$hierarchy/baton-clean-$$"
    fi
done
if [ ${#cgroups[@]} -eq 0 ]; then
    desktop_package_check
    skip "the packages install and run; no writable cgroup here to start systemd --user"
fi
mkdir -p "$root/run/user/$uid" "$root/run/systemd/system"
chown $uid:$uid "$root/run/user/$uid"
chmod 700 "$root/run/user/$uid"
(
    for cg in "${cgroups[@]}"; do echo $BASHPID > "$cg/cgroup.procs"; done
    exec "${as_user_command[@]}" /lib/systemd/systemd --user
) > "$work/systemd.log" 2>&1 &
pids+=($!)
for _ in $(seq 50); do
    state=$(as_user systemctl --user is-system-running 2> /dev/null || true)
    [ "$state" = running ] || [ "$state" = degraded ] && break
    sleep 0.2
done
if [ "$state" != running ] && [ "$state" != degraded ]; then
    cat "$work/systemd.log"
    desktop_package_check
    skip "the packages install and run; systemd --user cannot start here ($state)"
fi

as_user systemctl --user enable --now baton.service > /dev/null 2>&1 || fail "systemctl --user enable --now baton"
wait_for 15 "the service is active" as_user systemctl --user is-active --quiet baton.service
gateway_runs() {
    local report
    report=$(as_user baton-headless doctor || true) # no token without the env file: only the lock line counts
    grep -q 'one gateway runs' <<< "$report"
}
wait_for 15 "the service's gateway holds the lock" gateway_runs
echo "ok: systemctl --user enable --now baton: active"

echo "say 501 501 hello from the phone" >&3
answered() {
    local hits
    hits=$(as_user baton-headless sessions search "Answered by the service")
    grep -q assistant <<< "$hits"
}
wait_for 20 "the service answered a Telegram message" answered
echo "ok: it answered a Telegram message"

pid=$(as_user systemctl --user show -p MainPID --value baton.service)
kill -KILL "$pid"
restarted() { [ "$(as_user systemctl --user show -p NRestarts --value baton.service)" = 1 ]; }
wait_for 20 "systemd restarted it after a crash" restarted
wait_for 15 "the restarted service is active" as_user systemctl --user is-active --quiet baton.service
wait_for 15 "the restarted gateway holds the lock" gateway_runs
echo "ok: killed, it was restarted (Restart=on-failure)"

started=$(date +%s%N)
as_user systemctl --user stop baton.service
took=$((($(date +%s%N) - started) / 1000000))
result=$(as_user systemctl --user show -p Result --value baton.service)
code=$(as_user systemctl --user show -p ExecMainStatus --value baton.service)
[ "$result" = success ] && [ "$code" = 0 ] || fail "the service stopped with result $result, exit status $code"
[ "$took" -lt 15000 ] || fail "stopping took $took ms, more than TimeoutStopSec"
echo "ok: systemctl --user stop baton: exit 0 after $took ms"

# The answer the service stored is found through the window binary as well.
desktop_package_check
hits=$(as_user baton sessions search "Answered by the service") || fail "baton sessions search through the window binary"
grep -q assistant <<< "$hits" || fail "baton sessions search found nothing: $hits"
echo "ok: baton sessions search, exec'd into baton-headless, finds the service's answer"
