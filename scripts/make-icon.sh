#!/usr/bin/env bash
# Remakes the application icon from its two SVG drawings:
#   assets/icon/innocheck.svg        the ladder of tiers and a tick (48 and 256 px)
#   assets/icon/innocheck-small.svg  the tick alone, legible at 16 and 32 px
# into
#   assets/icon/innocheck.ico  16, 32, 48 and 256 px: the Windows exe's icon (build.rs)
#   assets/icon/innocheck.png  256 px: the window's icon (src/gui/mod.rs)
# Needs ImageMagick (apt-get install imagemagick). The outputs are committed;
# run this only after changing a drawing.
set -euo pipefail
cd "$(dirname "$0")/../assets/icon"
convert=/usr/bin/convert
[ -x "$convert" ] || convert=convert
command -v "$convert" >/dev/null || { echo "ImageMagick not found: apt-get install imagemagick" >&2; exit 2; }
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
# Each size is drawn at its own resolution (not scaled down from 256 px), as
# 8-bit RGBA without timestamps, so the same ImageMagick gives the same bytes.
render() { # svg, viewBox size, pixels, out
    "$convert" -background none -density "$((72 * $3 / $2))" "$1" -resize "$3x$3" \
        -depth 8 -strip -define png:exclude-chunks=date,time -define png:color-type=6 "$4"
}
render innocheck-small.svg 32 16 "$tmp/16.png"
render innocheck-small.svg 32 32 "$tmp/32.png"
render innocheck.svg 256 48 "$tmp/48.png"
render innocheck.svg 256 256 "$tmp/256.png"
"$convert" "$tmp/16.png" "$tmp/32.png" "$tmp/48.png" "$tmp/256.png" innocheck.ico
cp "$tmp/256.png" innocheck.png
identify innocheck.ico innocheck.png 2>/dev/null || true
