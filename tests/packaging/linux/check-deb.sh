#!/bin/sh
# check-deb.sh BUILD_DIR: builds the .deb from a complete build (cpack -G DEB into a temporary
# directory, with BUILD_DIR/CPackConfig.cmake) and checks it without installing it:
#   - the control fields: name, version, architecture, maintainer, section, Depends (every
#     required package, every named package known to apt), Recommends;
#   - the file list: exactly the expected files, nothing under /etc, nothing from the tests;
#   - unpacked with dpkg -x into a temporary root: desktop-file-validate, appstreamcli
#     validate --strict, ldd of both executables resolves every library, no RPATH/RUNPATH,
#     stripped, both executables run (--version), and the example policy names every key of
#     the settings table (as genius-cli reports it), all commented out;
#   - lintian, only when it is installed: no errors.
# Every violation is reported as "check-deb: FAIL: ..."; the exit code is 1 if there was any.
# Nothing is left behind: all output goes to a temporary directory that is removed at exit,
# and the install_manifest.txt CPack writes into BUILD_DIR is put back as it was.
# Environment: CPACK (the cpack to use; default: cpack on PATH).
set -eu

if [ $# -ne 1 ]; then
    echo "usage: $0 BUILD_DIR" >&2
    exit 2
fi
build=$(cd "$1" && pwd)
cpack=${CPACK:-cpack}

failures=0
fail() {
    echo "check-deb: FAIL: $*" >&2
    failures=$((failures + 1))
}
fatal() {
    echo "check-deb: FAIL: $*" >&2
    exit 1
}
note() {
    echo "check-deb: $*"
}

# --- prerequisites ---------------------------------------------------------------------------
config="$build/CPackConfig.cmake"
[ -f "$config" ] || fatal "$config is missing: configure the build with GENIUS_BUILD_UI=ON on Linux"
for tool in dpkg-deb desktop-file-validate appstreamcli ldd readelf apt-cache; do
    command -v "$tool" >/dev/null 2>&1 \
        || fatal "$tool is not installed (see scripts/debian-packages.txt: dpkg, desktop-file-utils, appstream, binutils, apt)"
done
for exe in app/genius/genius app/cli/genius-cli; do
    [ -x "$build/$exe" ] || fatal "$build/$exe is missing: build the project before running this test"
done
version=$(sed -n 's/^set(CPACK_PACKAGE_VERSION "\(.*\)")$/\1/p' "$config")
[ -n "$version" ] || fatal "no CPACK_PACKAGE_VERSION in $config"

tmp=$(mktemp -d "${TMPDIR:-/tmp}/genius-check-deb.XXXXXX")
trap 'rm -rf "$tmp"' EXIT
trap 'exit 1' HUP INT TERM

# --- build the package ------------------------------------------------------------------------
note "cpack -G DEB (version $version)"
# CPack's install step writes BUILD_DIR/install_manifest.txt; put back what was there before.
manifest="$build/install_manifest.txt"
if [ -e "$manifest" ]; then
    cp -p "$manifest" "$tmp/install_manifest.saved"
fi
cpack_status=0
"$cpack" -G DEB -B "$tmp/out" --config "$config" >"$tmp/cpack.log" 2>&1 || cpack_status=$?
if [ -e "$tmp/install_manifest.saved" ]; then
    cp -p "$tmp/install_manifest.saved" "$manifest"
else
    rm -f "$manifest"
fi
if [ "$cpack_status" -ne 0 ]; then
    cat "$tmp/cpack.log" >&2
    fatal "cpack -G DEB failed (exit $cpack_status)"
fi
set -- "$tmp"/out/*.deb
if [ $# -ne 1 ] || [ ! -f "$1" ]; then
    fatal "cpack produced no single .deb in $tmp/out: $(ls "$tmp/out")"
fi
deb=$1
arch=$(dpkg --print-architecture)
expected_name="nrw-genius_${version}_${arch}.deb"
[ "$(basename "$deb")" = "$expected_name" ] || fail "package file is $(basename "$deb"), expected $expected_name"
note "built $(basename "$deb") ($(wc -c <"$deb") bytes)"

# --- control fields ---------------------------------------------------------------------------
field() { dpkg-deb -f "$deb" "$1"; }
check_field() { # name expected
    value=$(field "$1")
    [ "$value" = "$2" ] || fail "control field $1 is \"$value\", expected \"$2\""
}
check_field Package nrw-genius
check_field Version "$version"
check_field Architecture "$arch"
check_field Maintainer "IT.NRW <genius@it.nrw.de>"
check_field Section utils
[ -n "$(field Description)" ] || fail "control field Description is empty"
[ "$(field Description | wc -l)" -ge 3 ] || fail "Description has no extended description"

# The package names of a relation field, one per line: "a (>= 1) | b, c" gives a, b, c.
relation_names() {
    field "$1" | tr ',|' '\n' | sed -e 's/([^)]*)//g' -e 's/\[[^]]*\]//g' -e 's/:any//' \
        | tr -d ' \t' | sed '/^$/d' | sort -u
}
depends=$(field Depends)
note "Depends: $depends"
note "Recommends: $(field Recommends)"
# Each required package must be a Depends item of its own (not only an alternative).
for required in libsecret-1-0 libqt6keychain1 libqt6widgets6 libqt6network6 libqt6sql6-sqlite libqt6sql6-psql \
                qt6-translations-l10n tesseract-ocr-deu tesseract-ocr-eng; do
    printf '%s\n' "$depends" | tr ',' '\n' | sed -e 's/([^)]*)//g' | tr -d ' \t' \
        | grep -qx -- "$required" || fail "Depends lacks $required"
done
relation_names Recommends | grep -qx gnome-keyring || fail "Recommends lacks gnome-keyring (a Secret Service provider)"
# A misspelt package name would make the package uninstallable: of every item of Depends and
# Recommends ("a (>= 1) | b"), at least one alternative must be a package apt knows (installed
# or installable). One apt-cache call for all names: each call reads the whole cache.
for fieldname in Depends Recommends; do
    field "$fieldname" | tr ',' '\n' | sed -e 's/([^)]*)//g' -e 's/\[[^]]*\]//g' -e 's/:any//g' \
        | tr -d ' \t' | sed '/^$/d' >"$tmp/items.$fieldname"
done
# shellcheck disable=SC2046 # one word per package name
apt-cache policy $(cat "$tmp/items.Depends" "$tmp/items.Recommends" | tr '|' ' ') 2>/dev/null \
    | awk '/^[^ \t].*:$/ { name = substr($0, 1, length($0) - 1); next }
           /^[ \t]+(Installed|Candidate): / && $2 != "(none)" { print name }' \
    | sort -u >"$tmp/known"
for fieldname in Depends Recommends; do
    while read -r item; do
        known=no
        for name in $(printf '%s\n' "$item" | tr '|' ' '); do
            if grep -qx -- "$name" "$tmp/known"; then
                known=yes
                break
            fi
        done
        [ "$known" = yes ] || fail "$fieldname names $item, which apt does not know (no installed or installable package)"
    done <"$tmp/items.$fieldname"
done

# --- file list --------------------------------------------------------------------------------
dpkg-deb -c "$deb" >"$tmp/contents" || fatal "dpkg-deb -c failed"
# Regular files and symlinks only, as ./usr/... paths.
awk '$1 !~ /^d/ { print $6 }' "$tmp/contents" | sort >"$tmp/files"
sort >"$tmp/expected" <<EOF
./usr/bin/genius
./usr/bin/genius-cli
./usr/share/applications/de.nrw.it.Genius.desktop
./usr/share/doc/nrw-genius/copyright
./usr/share/doc/nrw-genius/examples/Genius.conf
./usr/share/icons/hicolor/scalable/apps/de.nrw.it.Genius.svg
./usr/share/metainfo/de.nrw.it.Genius.metainfo.xml
EOF
comm -13 "$tmp/files" "$tmp/expected" | while read -r path; do
    echo "check-deb: FAIL: the package lacks $path" >&2
done
comm -23 "$tmp/files" "$tmp/expected" | while read -r path; do
    echo "check-deb: FAIL: unexpected file in the package: $path (tests, simulator, static libraries and /etc do not belong there; if it does belong, add it to the expected list in $0)" >&2
done
cmp -s "$tmp/files" "$tmp/expected" || failures=$((failures + 1))
if grep -Eq ' \./etc/' "$tmp/contents"; then
    fail "the package installs under /etc (the policy and machine defaults are the administrator's)"
fi
if grep -Eiq 'tst_|aiaas-sim|/tests?/|\.a$|\.h$|cmake' "$tmp/files"; then
    fail "the package carries test, simulator or build files: $(grep -Ei 'tst_|aiaas-sim|/tests?/|\.a$|\.h$|cmake' "$tmp/files" | tr '\n' ' ')"
fi
for exe in genius genius-cli; do
    line=$(grep " \./usr/bin/$exe\$" "$tmp/contents" || true)
    case "$line" in
        -rwxr-xr-x\ root/root*) ;;
        *) fail "/usr/bin/$exe is not an executable owned by root (0755): $line" ;;
    esac
done

# --- the unpacked package ---------------------------------------------------------------------
root="$tmp/root"
dpkg-deb -x "$deb" "$root" || fatal "dpkg-deb -x failed"

desktop="$root/usr/share/applications/de.nrw.it.Genius.desktop"
if [ -f "$desktop" ]; then
    desktop-file-validate "$desktop" >"$tmp/desktop.log" 2>&1 || true
    # desktop-file-validate exits 0 on hints too; any output is a finding.
    if [ -s "$tmp/desktop.log" ]; then
        fail "desktop-file-validate: $(cat "$tmp/desktop.log")"
    fi
    grep -qx 'Exec=genius' "$desktop" || fail "the desktop entry does not start genius"
    grep -qx 'Icon=de.nrw.it.Genius' "$desktop" || fail "the desktop entry does not name the icon de.nrw.it.Genius"
fi

metainfo="$root/usr/share/metainfo/de.nrw.it.Genius.metainfo.xml"
if [ -f "$metainfo" ]; then
    # --strict fails on warnings and infos, not on pedantic hints.
    if ! appstreamcli validate --no-net --strict "$metainfo" >"$tmp/appstream.log" 2>&1; then
        fail "appstreamcli validate: $(cat "$tmp/appstream.log")"
    fi
    grep -q "<release version=\"$version\"" "$metainfo" || fail "the metainfo has no release entry for $version"
fi

for exe in genius genius-cli; do
    binary="$root/usr/bin/$exe"
    [ -f "$binary" ] || continue
    if ! ldd "$binary" >"$tmp/ldd.log" 2>&1; then
        fail "ldd $exe failed: $(cat "$tmp/ldd.log")"
    elif grep -q 'not found' "$tmp/ldd.log"; then
        fail "$exe needs libraries that are not found: $(grep 'not found' "$tmp/ldd.log" | tr -s ' \t' ' ')"
    fi
    # A run path would let the test pass on libraries the installed package cannot see.
    if readelf -d "$binary" | grep -Eq '\((RPATH|RUNPATH)\)'; then
        fail "$exe carries an RPATH/RUNPATH: $(readelf -d "$binary" | grep -E '\((RPATH|RUNPATH)\)')"
    fi
    if readelf -S "$binary" | grep -q '\.debug_info'; then
        fail "$exe is not stripped"
    fi
done

# Run the unpacked executables with a private home, so no real profile or runtime dir is touched.
home="$tmp/home"
mkdir -p "$home/run"
chmod 700 "$home/run"
run() {
    env -i PATH=/usr/bin:/bin HOME="$home" XDG_CONFIG_HOME="$home/config" XDG_DATA_HOME="$home/data" \
        XDG_CACHE_HOME="$home/cache" XDG_RUNTIME_DIR="$home/run" LC_ALL=C.UTF-8 \
        QT_QPA_PLATFORM=offscreen "$@"
}
if [ -x "$root/usr/bin/genius-cli" ]; then
    out=$(run "$root/usr/bin/genius-cli" --version 2>&1) || fail "genius-cli --version failed: $out"
    [ "$out" = "genius-cli $version" ] || fail "genius-cli --version printed \"$out\", expected \"genius-cli $version\""
fi
if [ -x "$root/usr/bin/genius" ]; then
    out=$(run "$root/usr/bin/genius" --version 2>&1) || fail "genius --version failed: $out"
    printf '%s\n' "$out" | grep -qx "NRW.Genius $version" \
        || fail "genius --version printed \"$out\", expected \"NRW.Genius $version\""
fi

# The example policy: every key of the settings table, commented out (";key=" in its section),
# and no active key, so that copying it unchanged locks nothing.
example="$root/usr/share/doc/nrw-genius/examples/Genius.conf"
if [ -f "$example" ] && [ -x "$root/usr/bin/genius-cli" ]; then
    if ! run "$root/usr/bin/genius-cli" --profile "$home/profile" --json settings >"$tmp/settings.json" 2>"$tmp/settings.err"; then
        fail "genius-cli settings --json failed: $(cat "$tmp/settings.err")"
    fi
    grep -o '"key":"[^"]*"' "$tmp/settings.json" | sed 's/^"key":"//; s/"$//' >"$tmp/keys"
    [ "$(wc -l <"$tmp/keys")" -ge 10 ] || fail "genius-cli settings --json listed only $(wc -l <"$tmp/keys") keys"
    # "group/name" for every commented key line ";name=..." under "[group]".
    awk '
        /^\[[^]]*\][ \t]*$/ { group = substr($0, 2, index($0, "]") - 2); next }
        /^;[A-Za-z][A-Za-z0-9]*=/ { name = substr($0, 2, index($0, "=") - 2); print group "/" name }
    ' "$example" | sort -u >"$tmp/example-keys"
    while read -r key; do
        grep -qx -- "$key" "$tmp/example-keys" || fail "the example policy does not mention the key $key"
    done <"$tmp/keys"
    while read -r key; do
        grep -qx -- "$key" "$tmp/keys" || fail "the example policy names $key, which is not in the settings table"
    done <"$tmp/example-keys"
    if grep -Eq '^[ \t]*[A-Za-z][^;=]*=' "$example"; then
        fail "the example policy has active keys (it must lock nothing as shipped): $(grep -E '^[ \t]*[A-Za-z][^;=]*=' "$example" | tr '\n' ' ')"
    fi
    if grep -q '^[ \t]*#' "$example"; then
        fail "the example policy uses \"#\" comments; QSettings reads only \";\" as a comment"
    fi
fi

# --- lintian (optional) -----------------------------------------------------------------------
# Errors fail the test, warnings are shown. Suppressed: no-changelog (the package is built by
# CPack, not from a Debian source package with a debian/changelog; the release history is in
# the AppStream metainfo).
if command -v lintian >/dev/null 2>&1; then
    lintian --no-tag-display-limit --suppress-tags no-changelog "$deb" >"$tmp/lintian.log" 2>&1 || true
    cat "$tmp/lintian.log"
    if grep -q '^E: ' "$tmp/lintian.log"; then
        fail "lintian reports errors (above)"
    fi
else
    note "lintian is not installed; skipped"
fi

if [ "$failures" -ne 0 ]; then
    echo "check-deb: $failures check(s) failed" >&2
    exit 1
fi
note "all checks passed"
