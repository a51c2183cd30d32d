#!/usr/bin/env bash
# Reproduce assets/fonts/NotoSansCJKsc-Regular-subset.ttf from the Debian
# package's Noto Sans CJK collection: subset it, then convert the CFF outlines
# to TrueType (quadratic) outlines. Downloads nothing.
#
# Needs (install once, they are not project dependencies):
#   apt-get install -y fonts-noto-cjk      # provides the .ttc (SIL OFL 1.1)
#   pip install fonttools                  # provides pyftsubset and cu2qu
#
# Usage: scripts/subset-font.sh [PATH_TO_NotoSansCJK-Regular.ttc] [OUTPUT.ttf]
#   default input : /usr/share/fonts/opentype/noto/NotoSansCJK-Regular.ttc
#   default output: assets/fonts/NotoSansCJKsc-Regular-subset.ttf (repo-relative)
set -euo pipefail

repo_root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
ttc="${1:-/usr/share/fonts/opentype/noto/NotoSansCJK-Regular.ttc}"
out="${2:-$repo_root/assets/fonts/NotoSansCJKsc-Regular-subset.ttf}"
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
subset="$work/subset.otf"
want_family="Noto Sans CJK SC"

if [[ ! -f "$ttc" ]]; then
    echo "error: $ttc not found; install it with: apt-get install -y fonts-noto-cjk" >&2
    exit 1
fi
if ! command -v pyftsubset >/dev/null 2>&1 || ! python3 -c 'import fontTools' 2>/dev/null; then
    echo "error: fonttools not found; install it with: pip install fonttools" >&2
    exit 1
fi

# Find the face whose family (name ID 1) is "Noto Sans CJK SC" (index 2 in the
# Debian 1:20220127 package, order JP, KR, SC, TC, HK), rather than trusting
# a hard-coded index.
face="$(python3 - "$ttc" "$want_family" <<'PY'
import sys
from fontTools.ttLib import TTCollection
ttc, want = sys.argv[1], sys.argv[2]
for i, f in enumerate(TTCollection(ttc, lazy=True).fonts):
    if str(f["name"].getDebugName(1)) == want:
        print(i)
        break
else:
    sys.exit(f"error: no face with family {want!r} in {ttc}")
PY
)"

# Unicode ranges kept (see assets/fonts/README.md):
unicodes=(
    U+0020-00FF   # Basic Latin (printable) + Latin-1 Supplement
    U+2000-206F   # General Punctuation (… is U+2026)
    U+2150-218F   # Number Forms (Ⅰ Ⅱ …)
    U+2190-21FF   # Arrows
    U+2200-22FF   # Mathematical Operators (≥ ≤ ≠)
    U+2460-24FF   # Enclosed Alphanumerics (① ②)
    U+2500-257F   # Box Drawing
    U+25A0-25FF   # Geometric Shapes (■ □ ▲ ●)
    U+2713        # ✓ check mark (present in the font)
    U+2714        # ✔ heavy check mark (absent from Noto Sans CJK 2.004; kept in case)
    U+2718        # ✘ heavy ballot x (absent from Noto Sans CJK 2.004; kept in case)
    U+2E80-2FDF   # CJK Radicals Supplement, Kangxi Radicals
    U+3000-303F   # CJK Symbols and Punctuation
    U+31C0-31EF   # CJK Strokes
    U+3400-4DBF   # CJK Unified Ideographs Extension A (䶮 …)
    U+4E00-9FFF   # CJK Unified Ideographs
    U+F900-FAFF   # CJK Compatibility Ideographs
    U+FF00-FFEF   # Halfwidth and Fullwidth Forms
    U+20000-3134F # Extensions B–G: the face's 2,365 (the 通用规范汉字表 name characters such as 𬭚)
)
unicode_arg="$(IFS=,; echo "${unicodes[*]}")"

# The layout the window's text shaper (harfrust, in epaint) applies to a line
# of horizontal text: it sets no language, so only each script's default
# language system counts, with the features a shaper turns on by default.
# The Japanese, Korean and Traditional-Chinese `locl` forms, vertical forms
# and the alternates a user would have to ask for are never drawn: dropping
# them (and the vertical metrics) halves the glyph count. The PDF maps
# characters through the cmap alone.
features=ccmp,locl,rlig,rclt,calt,clig,liga,kern,mark,mkmk,dist
face_file="$work/face.otf"
python3 - "$ttc" "$face" "$face_file" <<'PY'
import sys
from fontTools.ttLib import TTCollection
ttc, face, out = sys.argv[1], int(sys.argv[2]), sys.argv[3]
font = TTCollection(ttc).fonts[face]
for tag in ("GSUB", "GPOS"):
    if tag in font:
        for record in font[tag].table.ScriptList.ScriptRecord:
            record.Script.LangSysRecord = []
            record.Script.LangSysCount = 0
# Same bytes on every run: keep head.modified from the source.
font.recalcTimestamp = False
font.save(out)
PY

mkdir -p "$(dirname "$out")"
echo "subsetting face $face ($want_family) of $ttc -> $out" >&2
pyftsubset "$face_file" \
    --unicodes="$unicode_arg" \
    --layout-features="$features" \
    --drop-tables+=vmtx,vhea,VORG \
    --notdef-outline \
    --name-IDs='*' \
    --name-languages='*' \
    --output-file="$subset"

# TrueType outlines: the PDF writer subsets glyf fonts by copying glyph
# records, where CFF charstrings must be decompiled and re-encoded one by one.
# Cubic curves become quadratic ones within 1 unit of the 1000-unit em.
echo "converting the outlines to TrueType -> $out" >&2
python3 - "$subset" "$out" <<'PY'
import sys
from fontTools.ttLib import TTFont, newTable
from fontTools.pens.cu2quPen import Cu2QuPen
from fontTools.pens.ttGlyphPen import TTGlyphPen

src, dst = sys.argv[1], sys.argv[2]
# Keep head.modified from the source, so the output is the same on every run.
font = TTFont(src, recalcTimestamp=False)
order = font.getGlyphOrder()
glyph_set = font.getGlyphSet()
glyphs = {}
for name in order:
    pen = TTGlyphPen(glyph_set)
    glyph_set[name].draw(Cu2QuPen(pen, max_err=1.0, reverse_direction=True))
    glyphs[name] = pen.glyph()
font["loca"] = newTable("loca")
glyf = font["glyf"] = newTable("glyf")
glyf.glyphOrder = order
glyf.glyphs = glyphs
del font["CFF "]
if "VORG" in font:
    del font["VORG"]
glyf.compile(font)
hmtx = font["hmtx"]
for name, g in glyphs.items():
    advance, _ = hmtx.metrics[name]
    hmtx.metrics[name] = (advance, getattr(g, "xMin", 0))
maxp = font["maxp"] = newTable("maxp")
maxp.tableVersion = 0x00010000
maxp.maxZones = 1
for field in ("maxTwilightPoints", "maxStorage", "maxFunctionDefs",
              "maxInstructionDefs", "maxStackElements", "maxSizeOfInstructions",
              "maxComponentElements", "maxComponentDepth"):
    setattr(maxp, field, 0)
font["head"].glyphDataFormat = 0
# No glyph names: nothing reads them, and 49,000 names would cost ~0.5 MB.
font["post"].formatType = 3.0
font.sfntVersion = "\000\001\000\000"
font.save(dst)
PY

python3 - "$out" <<'PY'
import os, sys
from fontTools.ttLib import TTFont
path = sys.argv[1]
f = TTFont(path)
cmap = f.getBestCmap()
must = "喆玥堃镕赟犇昇珺企业技术中心专精特新小巨人Ⅰ类知识产权"
missing = [c for c in must if ord(c) not in cmap]
if missing:
    sys.exit(f"error: subset lacks {''.join(missing)}")
print(f"{path}: {os.path.getsize(path)} bytes, {len(f.getGlyphOrder())} glyphs, "
      f"{len(cmap)} code points, {f['name'].getDebugName(5)}", file=sys.stderr)
PY
