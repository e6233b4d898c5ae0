#!/usr/bin/env bash
# Build the MSI with wixl from BUILD_DIR (packaging/windows/build-msi.sh) and check its tables
# with msiinfo: per-machine, the UpgradeCode and MajorUpgrade rows, the executables and a
# harvested plugin folder, the Start-menu shortcut, and the four public properties that become
# policy values (Secure, written to HKLM\Software\Policies\IT.NRW\Genius only when set).
#
#   check-msi.sh BUILD_DIR
#
# The package carries the Linux binaries under Windows names: it checks the authoring, not the
# program (README in packaging/windows). Needs wixl and msitools (Debian: wixl msitools).
set -euo pipefail

[ $# -eq 1 ] || { echo "usage: $0 BUILD_DIR" >&2; exit 2; }
build_dir=$1
here=$(cd "$(dirname "$0")" && pwd)
source_dir=$(cd "$here/../../.." && pwd)
wxs="$source_dir/packaging/windows/genius.wxs"

for tool in wixl msiinfo msibuild python3; do
    command -v "$tool" >/dev/null || { echo "FAIL: $tool is missing (Debian: apt-get install wixl msitools python3)"; exit 1; }
done

work=$(mktemp -d "${TMPDIR:-/tmp}/genius-check-msi.XXXXXX")
trap 'rm -rf "$work"' EXIT

# A stand-in for what windeployqt puts next to the executables, to prove that sub-folders harvest.
mkdir -p "$work/deploy/platforms"
echo "stand-in" >"$work/deploy/Qt6Core.dll"
echo "stand-in" >"$work/deploy/platforms/qwindows.dll"

msi="$work/NRW.Genius.msi"
"$source_dir/packaging/windows/build-msi.sh" --deploy-dir "$work/deploy" "$build_dir" "$msi"

failures=0
fail() { echo "FAIL: $*"; failures=$((failures + 1)); }
ok() { echo "ok   $*"; }

# Rows of an exported table, without the three header lines; columns are tab-separated.
table() { msiinfo export "$msi" "$1" | tail -n +4 | tr -d '\r'; }
property() { table Property | awk -F'\t' -v name="$1" '$1 == name { print $2 }'; }

upgrade_code=$(sed -n 's/.*<?define UpgradeCode = "\([0-9A-Fa-f-]*\)" ?>.*/\1/p' "$wxs")
[ -n "$upgrade_code" ] || fail "no UpgradeCode define in genius.wxs"
upgrade_code=$(echo "$upgrade_code" | tr 'a-f' 'A-F')

# Summary information: an x64 package (the policy values must land in the 64-bit registry view).
suminfo=$(msiinfo suminfo "$msi")
if grep -q '^Template: x64;' <<<"$suminfo"; then ok "summary template x64"; else fail "summary template is not x64: $(grep '^Template' <<<"$suminfo")"; fi

tables=$(msiinfo tables "$msi")
for name in Property Registry Shortcut Upgrade Component File Directory LaunchCondition; do
    grep -qx "$name" <<<"$tables" || fail "table $name is missing"
done

# Per-machine.
if [ "$(property ALLUSERS)" = "1" ]; then ok "ALLUSERS=1 (per-machine)"; else fail "ALLUSERS is '$(property ALLUSERS)', expected 1"; fi

# Product identity and upgrades.
[ "$(property ProductName)" = "NRW.Genius" ] && ok "ProductName NRW.Genius" || fail "ProductName is '$(property ProductName)'"
[ "$(property Manufacturer)" = "IT.NRW" ] && ok "Manufacturer IT.NRW" || fail "Manufacturer is '$(property Manufacturer)'"
version=$(sed -n 's/^CMAKE_PROJECT_VERSION:[A-Z]*=//p' "$build_dir/CMakeCache.txt")
[ "$(property ProductVersion)" = "$version" ] && ok "ProductVersion $version" || fail "ProductVersion is '$(property ProductVersion)', the build is $version"
product_upgrade_code=$(property UpgradeCode | tr -d '{}' | tr 'a-f' 'A-F')
[ "$product_upgrade_code" = "$upgrade_code" ] && ok "UpgradeCode {$upgrade_code}" || fail "UpgradeCode property is '$(property UpgradeCode)'"
upgrade_rows=$(table Upgrade)
# Older versions and, for a rebuild of the same version, that version too (VersionMaxInclusive, 512).
if awk -F'\t' -v code="{$upgrade_code}" -v version="$version" \
    'toupper($1) == code && $3 == version && int($5 / 512) % 2 == 1 && $7 == "WIX_UPGRADE_DETECTED"' <<<"$upgrade_rows" | grep -q .; then
    ok "Upgrade row replacing older versions and the same version (MajorUpgrade)"
else
    fail "no Upgrade row {$upgrade_code} up to and including $version -> WIX_UPGRADE_DETECTED"
fi
if awk -F'\t' -v code="{$upgrade_code}" 'toupper($1) == code && $7 == "WIX_DOWNGRADE_DETECTED"' <<<"$upgrade_rows" | grep -q .; then
    ok "Upgrade row detecting newer versions"
else
    fail "no Upgrade row with {$upgrade_code} -> WIX_DOWNGRADE_DETECTED"
fi
if table LaunchCondition | grep -q '^NOT WIX_DOWNGRADE_DETECTED'$'\t''..*'; then ok "downgrade error message"; else fail "no launch condition with a message against downgrades"; fi
if table InstallExecuteSequence | grep -q '^RemoveExistingProducts'$'\t'; then ok "RemoveExistingProducts scheduled"; else fail "RemoveExistingProducts is not scheduled"; fi

# Files and folders: Program Files (64-bit)\IT.NRW\NRW.Genius.
directories=$(table Directory)
dir_parent() { awk -F'\t' -v id="$1" '$1 == id { print $2 }' <<<"$directories"; }
dir_name() { awk -F'\t' -v id="$1" '$1 == id { n = $3; sub(/.*\|/, "", n); print n }' <<<"$directories"; }
installdir_ok=0
[ "$(dir_name INSTALLDIR)" = "NRW.Genius" ] && parent=$(dir_parent INSTALLDIR) \
    && [ "$(dir_name "$parent")" = "IT.NRW" ] && [ "$(dir_parent "$parent")" = "ProgramFiles64Folder" ] && installdir_ok=1
[ $installdir_ok = 1 ] && ok "INSTALLDIR is ProgramFiles64Folder\\IT.NRW\\NRW.Genius" || fail "INSTALLDIR is not ProgramFiles64Folder\\IT.NRW\\NRW.Genius"
files=$(table File)
components=$(table Component)
file_dir() { # file name -> directory of its component
    local component
    component=$(awk -F'\t' -v name="$1" '{ n = $3; sub(/.*\|/, "", n) } n == name { print $2 }' <<<"$files" | head -1)
    awk -F'\t' -v id="$component" '$1 == id { print $3 }' <<<"$components"
}
for name in genius.exe genius-cli.exe Qt6Core.dll; do
    [ "$(file_dir "$name")" = "INSTALLDIR" ] && ok "file $name in INSTALLDIR" || fail "file $name is not in INSTALLDIR"
done
plugin_dir=$(file_dir qwindows.dll)
[ -n "$plugin_dir" ] && [ "$(dir_name "$plugin_dir")" = "platforms" ] && [ "$(dir_parent "$plugin_dir")" = "INSTALLDIR" ] \
    && ok "file qwindows.dll in INSTALLDIR\\platforms (harvested sub-folder)" || fail "qwindows.dll is not in INSTALLDIR\\platforms"
# Every component carries the 64-bit attribute (256).
bits32=$(awk -F'\t' 'int($4 / 256) % 2 == 0 { print $1 }' <<<"$components")
[ -z "$bits32" ] && ok "every component is 64-bit" || fail "32-bit components: $bits32"

# The Start-menu shortcut.
if awk -F'\t' '{ n = $3; sub(/.*\|/, "", n) } $2 == "ProgramMenuFolder" && n == "NRW.Genius" && $5 == "[#GeniusExe]"' <<<"$(table Shortcut)" | grep -q .; then
    ok "Start-menu shortcut NRW.Genius -> genius.exe"
else
    fail "no shortcut NRW.Genius in ProgramMenuFolder targeting [#GeniusExe]"
fi
awk -F'\t' '$1 == "GeniusExe" && $2 == "GeniusExe"' <<<"$files" | grep -q . || fail "File GeniusExe is not genius.exe's own component"

# Public properties -> policy values.
secure=";$(property SecureCustomProperties);"
registry=$(table Registry)
check_policy() { # property group name
    local prop=$1 group=$2 name=$3 row component condition
    [[ "$secure" == *";$prop;"* ]] && ok "$prop is in SecureCustomProperties" || fail "$prop is not in SecureCustomProperties ($secure)"
    [ -z "$(property "$prop")" ] && ok "$prop has no default value" || fail "$prop has a default '$(property "$prop")': the policy value would always be written"
    # Root 2 = HKLM.
    row=$(awk -F'\t' -v key="Software\\\\Policies\\\\IT.NRW\\\\Genius\\\\$group" -v name="$name" -v value="[$prop]" \
        '$2 == "2" && $3 == key && $4 == name && $5 == value' <<<"$registry")
    if [ -z "$row" ]; then
        fail "no Registry row HKLM\\Software\\Policies\\IT.NRW\\Genius\\$group $name = [$prop]"
        return
    fi
    ok "Registry HKLM\\Software\\Policies\\IT.NRW\\Genius\\$group $name = [$prop]"
    component=$(cut -f6 <<<"$row")
    condition=$(awk -F'\t' -v id="$component" '$1 == id { print $5 }' <<<"$components")
    [ "$condition" = "$prop" ] && ok "component $component is installed only when $prop is set" \
        || fail "component $component has condition '$condition', expected '$prop'"
    # The value is the component's key path, so uninstalling the component removes it.
    [ "$(awk -F'\t' -v id="$component" '$1 == id { print $6 }' <<<"$components")" = "$(cut -f1 <<<"$row")" ] \
        || fail "the $prop value is not the key path of $component (it would not be tracked and removed)"
}
check_policy AIAAS_URL gateway url
check_policy ALLOWED_MODELS gateway allowedModels
check_policy STORE_URL store url
check_policy PROXY network proxy
# Nothing else may land in the policy key: the settings warn about every value they do not know.
policy_rows=$(awk -F'\t' '$3 ~ /^Software\\Policies\\IT\.NRW\\Genius/' <<<"$registry" | wc -l)
[ "$policy_rows" -eq 4 ] && ok "exactly 4 rows under the policy key" || fail "$policy_rows rows under the policy key, expected 4"

if [ $failures -ne 0 ]; then
    echo "$failures check(s) failed"
    exit 1
fi
echo "MSI checks passed"
