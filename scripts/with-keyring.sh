#!/bin/bash
# with-keyring.sh CMD [ARGS...]
#
# Runs CMD inside a private D-Bus session with its own unlocked gnome-keyring (Secret Service
# only), so keychain tests and CI never touch a real profile and never meet the unlock prompt.
#
#  - HOME, XDG_DATA_HOME, XDG_CONFIG_HOME, XDG_CACHE_HOME and XDG_RUNTIME_DIR (mode 0700) point
#    into a fresh `mktemp -d` directory that is removed on exit; GENIUS_KEYRING_SANDBOX names it.
#  - DISPLAY and WAYLAND_DISPLAY are unset: with a display and a locked keyring gnome-keyring
#    shows a "choose password" prompt and a write hangs forever (docs: PLATFORM-NOTES, Keychain).
#  - Desktop hints (XDG_CURRENT_DESKTOP, KDE_*, ...) are unset so QtKeychain picks libsecret.
#  - The keyring daemon runs in the foreground as our child, is stopped by its process id after
#    CMD returns and is reaped; any process still carrying this sandbox's marker afterwards
#    (e.g. something D-Bus activated) is stopped by id as well. Nothing is left running.
#
# Exit status: that of CMD (128+N if CMD died of signal N); 125 if the sandbox could not be
# set up (missing tools, keyring did not start).
set -u

self="$(readlink -f "$0")"
readonly self
readonly setup_failed=125
readonly keyring_password="genius-test-keyring"

die() {
    echo "with-keyring.sh: $*" >&2
    exit "$setup_failed"
}

# Stops one child process by id: TERM, up to 5 s grace, then KILL; always reaps it.
stop_child() {
    local pid="$1" state
    kill -TERM "$pid" 2>/dev/null || { wait "$pid" 2>/dev/null; return 0; }
    for _ in $(seq 50); do
        state="$(sed 's/^.*) //' "/proc/$pid/stat" 2>/dev/null | cut -d' ' -f1)" || break
        [ -z "$state" ] || [ "$state" = Z ] && break
        sleep 0.1
    done
    kill -KILL "$pid" 2>/dev/null
    wait "$pid" 2>/dev/null
    return 0
}

session_has_owner() {
    dbus-send --session --print-reply=literal --dest=org.freedesktop.DBus / \
        org.freedesktop.DBus.NameHasOwner "string:$1" 2>/dev/null | grep -q true
}

session_owner_pid() {
    dbus-send --session --print-reply=literal --dest=org.freedesktop.DBus / \
        org.freedesktop.DBus.GetConnectionUnixProcessID "string:$1" 2>/dev/null | awk '{ print $2 }'
}

# --- Inner stage: runs inside dbus-run-session ------------------------------------------------
if [ "${GENIUS_WITH_KEYRING_STAGE:-}" = inner ]; then
    unset GENIUS_WITH_KEYRING_STAGE
    keyring_log="$GENIUS_KEYRING_SANDBOX/gnome-keyring.log"

    # --foreground keeps the daemon our child (the recipe's daemonising form leaves an orphan
    # whose end nobody waits for); --unlock reads the login keyring password from stdin and
    # creates that keyring, so no prompt is ever needed.
    printf '%s' "$keyring_password" \
        | gnome-keyring-daemon --foreground --unlock --components=secrets >"$keyring_log" 2>&1 &
    keyring_pid=$!
    trap 'stop_child "$keyring_pid"; exit 130' INT
    trap 'stop_child "$keyring_pid"; exit 143' TERM

    for _ in $(seq 100); do
        session_has_owner org.freedesktop.secrets && break
        kill -0 "$keyring_pid" 2>/dev/null || break
        sleep 0.05
    done
    owner="$(session_owner_pid org.freedesktop.secrets)"
    if [ "$owner" != "$keyring_pid" ]; then
        stop_child "$keyring_pid"
        cat "$keyring_log" >&2
        die "gnome-keyring-daemon (pid $keyring_pid) does not own org.freedesktop.secrets (owner: '${owner:-none}')"
    fi

    "$@"
    status=$?
    stop_child "$keyring_pid"
    exit "$status"
fi

# --- Outer stage: sandbox directories, then a private session bus -----------------------------
[ $# -ge 1 ] || { echo "usage: with-keyring.sh CMD [ARGS...]" >&2; exit 2; }
for tool in dbus-run-session dbus-send gnome-keyring-daemon mktemp; do
    command -v "$tool" >/dev/null 2>&1 || die "$tool not found (install dbus, dbus-bin and gnome-keyring)"
done

sandbox="$(mktemp -d "${TMPDIR:-/tmp}/genius-keyring.XXXXXXXX")" || die "mktemp failed"
readonly sandbox
marker="GENIUS_KEYRING_SANDBOX=$sandbox"

# Processes started inside the sandbox inherit the marker: find them by it, stop them by id.
# shellcheck disable=SC2317 # reached through the EXIT trap
sandbox_processes() {
    local environ pid
    for environ in /proc/[0-9]*/environ; do
        pid="${environ#/proc/}"
        pid="${pid%/environ}"
        [ "$pid" = "$$" ] && continue
        tr '\0' '\n' 2>/dev/null <"$environ" | grep -qxF "$marker" && echo "$pid"
    done
    return 0
}

# shellcheck disable=SC2317 # reached through the EXIT trap
cleanup() {
    local leftovers pid
    unset GENIUS_KEYRING_SANDBOX # our own helpers (tr, grep, sleep) must not carry the marker
    leftovers="$(sandbox_processes)"
    if [ -n "$leftovers" ]; then
        sleep 1 # D-Bus activated services exit on their own once the bus is gone
        leftovers="$(sandbox_processes)"
    fi
    for pid in $leftovers; do
        echo "with-keyring.sh: stopping leftover process $pid: $(tr '\0' ' ' 2>/dev/null <"/proc/$pid/cmdline")" >&2
        kill -TERM "$pid" 2>/dev/null
    done
    [ -n "$leftovers" ] && sleep 1
    for pid in $leftovers; do
        kill -KILL "$pid" 2>/dev/null
    done
    rm -rf "$sandbox"
}
trap cleanup EXIT
trap 'exit 130' INT
trap 'exit 143' TERM

mkdir -p "$sandbox/home" "$sandbox/data" "$sandbox/config" "$sandbox/cache" "$sandbox/runtime" \
    || die "cannot create the sandbox in $sandbox"
chmod 0700 "$sandbox" "$sandbox/runtime"

export GENIUS_KEYRING_SANDBOX="$sandbox"
export HOME="$sandbox/home"
export XDG_DATA_HOME="$sandbox/data"
export XDG_CONFIG_HOME="$sandbox/config"
export XDG_CACHE_HOME="$sandbox/cache"
export XDG_RUNTIME_DIR="$sandbox/runtime"
unset DISPLAY WAYLAND_DISPLAY DBUS_SESSION_BUS_ADDRESS GNOME_KEYRING_CONTROL \
    XDG_CURRENT_DESKTOP DESKTOP_SESSION GNOME_DESKTOP_SESSION_ID \
    KDE_FULL_SESSION KDE_SESSION_VERSION

GENIUS_WITH_KEYRING_STAGE=inner dbus-run-session -- "$self" "$@"
exit $?
