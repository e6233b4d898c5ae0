#!/usr/bin/env bash
# Checks that the German catalogue is complete and current: lupdate is run over the
# sources into a copy of translations/genius_de.ts, and any message that comes out
# unfinished (new, changed or never translated) fails the check.
# Usage: scripts/check-translations.sh [LUPDATE]
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
lupdate=${1:-$(command -v lupdate || echo /usr/lib/qt6/bin/lupdate)}
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
cp "$root/translations/genius_de.ts" "$work/genius_de.ts"
(cd "$root" && "$lupdate" -silent -no-obsolete -locations none -extensions cpp,h -I "$root" core ui app translations \
    -ts "$work/genius_de.ts") >"$work/lupdate.log" 2>&1 || { cat "$work/lupdate.log"; exit 1; }
messages=$(grep -c '<message' "$work/genius_de.ts" || true)
unfinished=$(grep -c 'type="unfinished"' "$work/genius_de.ts" || true)
if [ "$messages" -eq 0 ]; then
    echo "translations: lupdate found no messages at all; is the source tree complete?"
    exit 1
fi
if [ "$unfinished" -ne 0 ]; then
    echo "translations: $unfinished of $messages German messages are unfinished:"
    grep -B3 'type="unfinished"' "$work/genius_de.ts" | grep '<source>' | sed 's/^ */  /'
    echo "Run 'cmake --build BUILD --target update_translations', translate them, and commit the .ts."
    exit 1
fi
echo "translations: all $messages German messages are translated"
