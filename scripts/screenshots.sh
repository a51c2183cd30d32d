#!/usr/bin/env bash
# Renders every page of the window, in Chinese and English, to PNG files with
# innocheck's own screenshot mode, under a virtual X server.
#
#   scripts/screenshots.sh [OUT_DIR] [SIZE] [FILE]
#
# OUT_DIR defaults to target/screenshots; SIZE to 1280x800; FILE to the bundled
# sample. The README's two pictures are refreshed with
#   scripts/screenshots.sh assets/screenshots
# Needs: xvfb (xvfb-run) and the GL / xkbcommon runtime libraries listed in the README.
# Not part of `cargo test`: it needs a (virtual) display.
set -euo pipefail
cd "$(dirname "$0")/.."
out=${1:-target/screenshots}
size=${2:-1280x800}
file=${3:-}
command -v xvfb-run >/dev/null || { echo "xvfb-run not found: apt-get install xvfb" >&2; exit 2; }
cargo build --release --quiet
mkdir -p "$out"
bin=target/release/innocheck
if [ "$out" = "assets/screenshots" ]; then
    pages=(results)
else
    pages=(welcome company finance staff funding conditions direction projects ip compliance results)
fi
w=${size%x*}; h=${size#*x}
for lang in zh en; do
    for page in "${pages[@]}"; do
        png="$out/$page-$lang.png"
        [ "$out" = "assets/screenshots" ] || png="$out/$page-$lang-$size.png"
        # shellcheck disable=SC2086
        xvfb-run -a -s "-screen 0 ${w}x${h}x24" "$bin" --screenshot "$png" --page "$page" --lang "$lang" --size "$size" $file
    done
done
echo "screenshots in $out"
