# SPDX-License-Identifier: GPL-3.0-or-later
# Sourced by the checks that build a fresh Debian root with debootstrap (debian13-check.sh):
# the skip/fail sentences, the private mount namespace and the root's mounts.
# Needs root, mount namespaces and Debian's archive; exits 77 (skipped) saying why when it has not.

skip() {
    echo "SKIP: $*"
    exit 77
}
fail() {
    echo "FAIL: $*"
    exit 1
}

# debian_root_namespace SCRIPT ARGS...: unless already inside, checks what the root needs, makes a
# work directory and runs SCRIPT again in a private mount namespace with BATON_DEBIAN_ROOT_WORK
# set; removes the work directory afterwards and exits with SCRIPT's status.
debian_root_namespace() {
    [ "${BATON_DEBIAN_ROOT_WORK:-}" = "" ] || return 0
    [ "$(id -u)" = 0 ] || skip "needs root (debootstrap, chroot, mount)"
    command -v debootstrap > /dev/null || skip "debootstrap is missing (packaging/install-deps.sh installs it)"
    unshare --mount true 2> /dev/null || skip "this machine cannot make a mount namespace"
    local work status=0
    work=$(mktemp -d /var/tmp/baton-debian-XXXXXX)
    # Every mount lives in a private namespace, so none can outlive the check or reach the host.
    BATON_DEBIAN_ROOT_WORK=$work unshare --mount --propagation private "$@" || status=$?
    # Out here the namespace's mounts do not exist: the tree is plain files.
    rm -rf --one-file-system "$work"
    exit $status
}

# debian_root_create CODENAME ROOT LOG: debootstrap's minimal Debian, packages from the host's
# apt cache when it has them. Skips when Debian's archive cannot be reached.
debian_root_create() {
    local codename=$1 root=$2 log=$3
    local mirror=${BATON_DEBIAN_MIRROR:-http://deb.debian.org/debian}
    if ! debootstrap --variant=minbase --cache-dir=/var/cache/apt/archives "$codename" "$root" "$mirror" \
        > "$log" 2>&1; then
        if grep -qiE 'Failed getting release file|Could not resolve|unable to fetch|Temporary failure' "$log"; then
            skip "Debian's archive ($mirror) cannot be reached: $(grep -iE 'Failed|resolve|fetch' "$log" | head -1)"
        fi
        tail -20 "$log"
        fail "debootstrap of $codename"
    fi
}

# debian_root_mount ROOT: /proc, /dev, the host's apt cache and DNS inside ROOT.
debian_root_mount() {
    local root=$1
    mount -t proc proc "$root/proc"
    mount --bind /dev "$root/dev"
    mount --bind /dev/pts "$root/dev/pts"
    mount --bind /var/cache/apt/archives "$root/var/cache/apt/archives" # reuse what the host downloaded
    cp /etc/resolv.conf "$root/etc/resolv.conf"
}
