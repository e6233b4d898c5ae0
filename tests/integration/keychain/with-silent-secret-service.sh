#!/bin/bash
# with-silent-secret-service.sh HELPER CMD [ARGS...]
#
# Runs CMD in a private D-Bus session (dbus-run-session) where HELPER, the silent_secret_service
# built next to the keychain tests, owns org.freedesktop.secrets and never answers a call. No
# gnome-keyring runs; since HELPER owns the name first, D-Bus never activates one either.
# HOME and the XDG directories point into a fresh temporary directory removed on exit; DISPLAY
# is unset. CMD sees GENIUS_SILENT_SERVICE_LOG: the file where HELPER lists every call it got.
#
# Exit status: that of CMD; 125 if the silent service could not be set up.
set -u

self="$(readlink -f "$0")"
readonly self
readonly setup_failed=125

die() {
    echo "with-silent-secret-service.sh: $*" >&2
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

# --- Inner stage: inside dbus-run-session -----------------------------------------------------
if [ "${GENIUS_SILENT_SERVICE_STAGE:-}" = inner ]; then
    unset GENIUS_SILENT_SERVICE_STAGE
    helper="$1"
    shift
    export GENIUS_SILENT_SERVICE_LOG="$GENIUS_SILENT_SERVICE_SANDBOX/received-calls.log"
    : >"$GENIUS_SILENT_SERVICE_LOG"
    "$helper" "$GENIUS_SILENT_SERVICE_LOG" >"$GENIUS_SILENT_SERVICE_SANDBOX/helper.out" 2>&1 &
    helper_pid=$!
    trap 'stop_child "$helper_pid"; exit 130' INT
    trap 'stop_child "$helper_pid"; exit 143' TERM

    owner=""
    for _ in $(seq 100); do
        owner="$(dbus-send --session --print-reply=literal --dest=org.freedesktop.DBus / \
            org.freedesktop.DBus.GetConnectionUnixProcessID string:org.freedesktop.secrets 2>/dev/null \
            | awk '{ print $2 }')"
        [ -n "$owner" ] && break
        kill -0 "$helper_pid" 2>/dev/null || break
        sleep 0.05
    done
    if [ "$owner" != "$helper_pid" ]; then
        stop_child "$helper_pid"
        cat "$GENIUS_SILENT_SERVICE_SANDBOX/helper.out" >&2
        die "the silent service (pid $helper_pid) does not own org.freedesktop.secrets (owner: '${owner:-none}')"
    fi

    "$@"
    status=$?
    stop_child "$helper_pid"
    exit "$status"
fi

# --- Outer stage: sandbox directories, then a private session bus -----------------------------
[ $# -ge 2 ] || { echo "usage: with-silent-secret-service.sh HELPER CMD [ARGS...]" >&2; exit 2; }
[ -x "$1" ] || die "helper '$1' is not an executable"
for tool in dbus-run-session dbus-send mktemp; do
    command -v "$tool" >/dev/null 2>&1 || die "$tool not found (install dbus and dbus-bin)"
done

sandbox="$(mktemp -d "${TMPDIR:-/tmp}/genius-silent.XXXXXXXX")" || die "mktemp failed"
readonly sandbox
trap 'rm -rf "$sandbox"' EXIT
trap 'exit 130' INT
trap 'exit 143' TERM
mkdir -p "$sandbox/home" "$sandbox/data" "$sandbox/config" "$sandbox/cache" "$sandbox/runtime" \
    || die "cannot create the sandbox in $sandbox"
chmod 0700 "$sandbox" "$sandbox/runtime"

export GENIUS_SILENT_SERVICE_SANDBOX="$sandbox"
export HOME="$sandbox/home"
export XDG_DATA_HOME="$sandbox/data"
export XDG_CONFIG_HOME="$sandbox/config"
export XDG_CACHE_HOME="$sandbox/cache"
export XDG_RUNTIME_DIR="$sandbox/runtime"
unset DISPLAY WAYLAND_DISPLAY DBUS_SESSION_BUS_ADDRESS GNOME_KEYRING_CONTROL \
    XDG_CURRENT_DESKTOP DESKTOP_SESSION GNOME_DESKTOP_SESSION_ID \
    KDE_FULL_SESSION KDE_SESSION_VERSION

GENIUS_SILENT_SERVICE_STAGE=inner dbus-run-session -- "$self" "$@"
exit $?
