#!/usr/bin/env bash
# Build the NRW.Genius MSI with wixl (msitools) from a CMake build directory.
#
#   packaging/windows/build-msi.sh [--deploy-dir DIR] BUILD_DIR OUT.msi
#
# AUTHORING CHECK ONLY. On Linux the staged tree holds ELF binaries (renamed here to
# genius.exe / genius-cli.exe) and no Qt DLLs, so the package proves that genius.wxs builds
# and has the right tables, not that it runs. The real package is built on Windows with
# WiX 3 from the windeployqt tree (README.md, .ci/windows.yml), from the same genius.wxs.
#
# Steps: stage `cmake --install BUILD_DIR`, copy its bin/ (plus --deploy-dir, a stand-in for
# what windeployqt adds next to the executables) into the install-folder layout, harvest it
# (harvest.py), preprocess genius.wxs, bridge what wixl cannot read (wixl-compat.py), run
# wixl -a x64, write the bridged rows into the MSI.
set -euo pipefail

usage() {
    echo "usage: $0 [--deploy-dir DIR] BUILD_DIR OUT.msi" >&2
    exit 2
}

deploy_dir=""
if [ "${1:-}" = "--deploy-dir" ]; then
    [ $# -ge 2 ] || usage
    deploy_dir=$(cd "$2" && pwd)
    shift 2
fi
[ $# -eq 2 ] || usage

here=$(cd "$(dirname "$0")" && pwd)
build_dir=$(cd "$1" && pwd)
out_dir=$(cd "$(dirname "$2")" && pwd)
out="$out_dir/$(basename "$2")"

cmake=${CMAKE:-cmake}
for tool in "$cmake" wixl msibuild msiinfo python3; do
    command -v "$tool" >/dev/null || { echo "$0: $tool is missing (Debian: apt-get install wixl msitools cmake python3)" >&2; exit 1; }
done

version=$(sed -n 's/^CMAKE_PROJECT_VERSION:[A-Z]*=//p' "$build_dir/CMakeCache.txt")
[[ "$version" =~ ^[0-9]+\.[0-9]+\.[0-9]+$ ]] || { echo "$0: no major.minor.patch CMAKE_PROJECT_VERSION in $build_dir/CMakeCache.txt" >&2; exit 1; }

work=$(mktemp -d "${TMPDIR:-/tmp}/genius-msi.XXXXXX")
trap 'rm -rf "$work"' EXIT

"$cmake" --install "$build_dir" --prefix "$work/stage" --strip >"$work/install.log" || { cat "$work/install.log" >&2; exit 1; }
[ -d "$work/stage/bin" ] || { echo "$0: the install tree has no bin/ folder" >&2; exit 1; }

# The install folder of the MSI is flat, like a windeployqt tree: executables, DLLs, plugin folders.
mkdir "$work/bin"
cp -a "$work/stage/bin/." "$work/bin/"
for executable in genius genius-cli; do
    if [ -f "$work/bin/$executable" ] && [ ! -e "$work/bin/$executable.exe" ]; then
        mv "$work/bin/$executable" "$work/bin/$executable.exe"
    fi
    [ -f "$work/bin/$executable.exe" ] || { echo "$0: $executable is not in the install tree (was it built?)" >&2; exit 1; }
done
[ -z "$deploy_dir" ] || cp -a "$deploy_dir/." "$work/bin/"

python3 "$here/harvest.py" --exclude genius.exe --exclude genius-cli.exe "$work/bin" "$work/harvest.wxs"

# wixl resolves File/@Source relative to the working folder only, so it runs in $work with BinDir=bin.
defines=(-D "ProductVersion=$version" -D "BinDir=bin")
cd "$work"
wixl -E "${defines[@]}" "$here/genius.wxs" >preprocessed.wxs
python3 "$here/wixl-compat.py" strip preprocessed.wxs genius-wixl.wxs fixups.json
wixl -a x64 "${defines[@]}" -o package.msi genius-wixl.wxs harvest.wxs
python3 "$here/wixl-compat.py" apply package.msi fixups.json
mv package.msi "$out"
echo "$out (NRW.Genius $version, wixl authoring check)"
