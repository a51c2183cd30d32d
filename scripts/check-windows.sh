#!/usr/bin/env bash
# Checks the Windows release from this Linux machine, under Wine, end to end:
#   1. installs what it needs from Debian's packages when missing (as root; otherwise it
#      names the packages) and the Rust target x86_64-pc-windows-gnu;
#   2. builds both release archives (scripts/package.sh) and checks the exe's size, that it
#      imports only DLLs of Windows itself, and that it carries its icon and version resource;
#   3. unzips the Windows archive into C:\users\张三\下载\软件 innocheck\ in a Wine prefix and
#      puts the test-only ProcessPrng stub next to the exe there (Debian's Wine 8 lacks
#      bcryptprimitives.dll, which Windows 10/11 have; the stub never goes into dist/);
#   4. on every sample, copied to C:\users\张三\桌面\申报材料 2025\公司 <name>.ron, compares the
#      Windows exe under Wine with the Linux binary: `evaluate --format json` field by field
#      (all but the file path), `validate --format json`, `report` (identical PDF bytes under
#      SOURCE_DATE_EPOCH), `export` (identical workbook parts but the creation time), the exit
#      codes 0, 1 and 2, and `portfolio --format csv` over the folder;
#   5. opens a sample in the window under Xvfb, saves it with Ctrl+S (the .bak backup and the
#      recent-files list in %APPDATA% must appear), closes it with Alt+F4, then renders the
#      results and welcome pages with --screenshot and checks that each PNG has many colours.
# Exits non-zero with a message on the first difference.
#
#   scripts/check-windows.sh [--save-screenshot]
#
# --save-screenshot copies the welcome page rendered under Wine to
# assets/screenshots/welcome-wine.png. Work files go to $CARGO_TARGET_DIR/check-windows/ (the
# Wine prefix is kept in $CARGO_TARGET_DIR/wine-prefix, so later runs start in a second).
set -euo pipefail
cd "$(dirname "$0")/.."
root=$PWD
save_screenshot=0
[ "${1:-}" = "--save-screenshot" ] && save_screenshot=1

export CARGO_TARGET_DIR=${CARGO_TARGET_DIR:-$root/target}
win_target=x86_64-pc-windows-gnu
started=$(date +%s)
step() { echo "== $* ($(( $(date +%s) - started )) s)"; }
fail() {
    echo "check-windows: FAILED: $*" >&2
    exit 1
}

# ---------------------------------------------------------------- 1. tools
step "tools"
packages=(
    gcc-mingw-w64-x86-64 wine64 xvfb xauth xdotool imagemagick python3
    # Wine's OpenGL under Xvfb (Mesa's software renderer).
    libgl1 libglx-mesa0 libgl1-mesa-dri
)
missing=()
for p in "${packages[@]}"; do
    dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "ok installed" || missing+=("$p")
done
if [ ${#missing[@]} -gt 0 ]; then
    if [ "$(id -u)" -ne 0 ]; then
        fail "missing Debian packages; as root: apt-get install ${missing[*]}"
    fi
    echo "installing ${missing[*]}"
    apt-get update -qq
    DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "${missing[@]}" >/dev/null
fi
if ! rustup target list --installed | grep -qx "$win_target"; then
    rustup target add "$win_target"
fi
wine=/usr/lib/wine/wine64
[ -x "$wine" ] || wine=$(command -v wine64 || command -v wine) || fail "no wine64 binary"
convert=/usr/bin/convert
identify=/usr/bin/identify

# ---------------------------------------------------------------- 2. build
step "build both archives (scripts/package.sh)"
scripts/package.sh all
version=$(sed -n 's/^version = "\(.*\)"$/\1/p' Cargo.toml | head -n1)
zip=dist/innocheck-$version-windows-x64.zip
tgz=dist/innocheck-$version-linux-x64.tar.gz
exe_built=$CARGO_TARGET_DIR/$win_target/release/innocheck.exe
linux=$CARGO_TARGET_DIR/release/innocheck
[ -f "$zip" ] && [ -f "$tgz" ] || fail "package.sh made no archives"

step "the exe: size, imported DLLs, resources"
exe_size=$(stat -c %s "$exe_built")
zip_size=$(stat -c %s "$zip")
echo "innocheck.exe $exe_size bytes; $(basename "$zip") $zip_size bytes; $(basename "$tgz") $(stat -c %s "$tgz") bytes"
[ "$exe_size" -lt 30000000 ] || fail "innocheck.exe is $exe_size bytes, the goal is under 30 MB"
[ "$zip_size" -lt 15000000 ] || fail "$zip is $zip_size bytes, the goal is under 15 MB"
# Only DLLs that every Windows 10/11 has: no libgcc, libwinpthread or libstdc++ beside the exe.
system_dlls='^(kernel32|user32|gdi32|advapi32|shell32|ole32|oleaut32|combase|uiautomationcore|comctl32|comdlg32|shlwapi|uxtheme|dwmapi|imm32|opengl32|ws2_32|userenv|ntdll|bcrypt|bcryptprimitives|crypt32|secur32|winmm|version|propsys|setupapi|hid|dbghelp|msvcrt|ucrtbase|api-ms-win-[a-z0-9-]+)\.dll$'
dlls=$(x86_64-w64-mingw32-objdump -p "$exe_built" | sed -n 's/^\s*DLL Name: //p' | tr 'A-Z' 'a-z' | sort -u)
echo "imports: $(echo "$dlls" | tr '\n' ' ')"
others=$(echo "$dlls" | grep -Ev "$system_dlls" || true)
[ -z "$others" ] || fail "innocheck.exe needs DLLs that Windows does not have: $others"
x86_64-w64-mingw32-objdump -h "$exe_built" | grep -q '\.rsrc' || fail "innocheck.exe has no resource section (icon, version)"
python3 - "$exe_built" "$version" <<'PY' || fail "the version resource of innocheck.exe is not as expected"
# The icon group and the version resource, read from the .rsrc section (UTF-16 strings).
import sys
data = open(sys.argv[1], "rb").read()
want = ["innocheck.exe", sys.argv[2], "企业技术中心与优质中小企业梯度培育自评工具"]
for s in ["OriginalFilename", "ProductVersion", "FileDescription"] + want:
    if s.encode("utf-16-le") not in data:
        print(f"not in the exe's resources: {s}")
        sys.exit(1)
PY
subsystem=$(x86_64-w64-mingw32-objdump -p "$exe_built" | sed -n 's/^Subsystem\s*//p')
echo "subsystem: $subsystem"
case "$subsystem" in *"(Windows GUI)"*) ;; *) fail "innocheck.exe is not a GUI-subsystem program: $subsystem";; esac

# ---------------------------------------------------------------- Wine
export WINEPREFIX=$CARGO_TARGET_DIR/wine-prefix
export WINEDEBUG=-all
# No Mono or Gecko installer dialogs when the prefix is made.
export WINEDLLOVERRIDES="mscoree=;mshtml="
export WINEARCH=win64
export LC_ALL=C.UTF-8
unset DISPLAY WAYLAND_DISPLAY
if [ ! -d "$WINEPREFIX/drive_c/windows" ]; then
    step "a new Wine prefix (about 20 s)"
    timeout 300 "$wine" wineboot --init >/dev/null 2>&1 || fail "wineboot could not make $WINEPREFIX"
    # wineboot returns before the prefix is ready; a window opened before then never shows.
    timeout 300 /usr/lib/wine/wineserver -w || fail "the new Wine prefix did not settle"
fi
# Ends this prefix's Wine processes (all started here). Before each window: a Wine session
# that began without a display (the command-line runs) never shows a window later.
wine_stop() {
    timeout 30 /usr/lib/wine/wineserver -k 2>/dev/null || true
    timeout 30 /usr/lib/wine/wineserver -w 2>/dev/null || true
}
trap wine_stop EXIT
cdrive=$WINEPREFIX/drive_c
# A path as the Windows program sees it: C:\ is the prefix's drive_c, Z:\ the Linux root.
winpath() {
    local p=$1
    case "$p" in
        "$cdrive"/*) p=${p#"$cdrive"}; echo "C:${p//\//\\}" ;;
        *) echo "Z:${p//\//\\}" ;;
    esac
}
run_wine() { timeout 120 "$wine" "$exe" "$@"; }

# ---------------------------------------------------------------- 3. unpack, stub
# A user's folders, with Chinese names and spaces, on C:.
home=$cdrive/users/张三
rm -rf "$home"
app="$home/下载/软件 innocheck"
data="$home/桌面/申报材料 2025"
work=$CARGO_TARGET_DIR/check-windows
rm -rf "$work"
linux_out="$work/linux 输出"
wine_out="$work/wine 输出"
mkdir -p "$app" "$data" "$linux_out" "$wine_out"
step "unpack $(basename "$zip") into $(winpath "$app")"
python3 - "$zip" "$app" <<'PY'
import sys, zipfile
with zipfile.ZipFile(sys.argv[1]) as z:
    names = z.namelist()
    for n in names:
        info = z.getinfo(n)
        if not info.flag_bits & 0x800 and not n.isascii():
            sys.exit(f"{n}: a non-ASCII name without the UTF-8 flag")
    z.extractall(sys.argv[2])
top = {n.split("/")[0] for n in names}
assert len(top) == 1, top
print(" ".join(sorted(names)))
PY
pkg=$app/innocheck-$version-windows-x64
exe=$pkg/innocheck.exe
for f in innocheck.exe 使用说明.txt LICENSE.txt OFL.txt samples/hongdu-precision.ron rules/sme.2026.ron; do
    [ -f "$pkg/$f" ] || fail "the zip has no $f"
done
head -c 3 "$pkg/使用说明.txt" | od -An -tx1 | grep -q "ef bb bf" || fail "使用说明.txt has no UTF-8 byte-order mark"
grep -q $'\r$' "$pkg/使用说明.txt" || fail "使用说明.txt has no CRLF line ends"
[ -z "$(find "$pkg" -iname '*.dll')" ] || fail "the zip holds a DLL"

step "test-only ProcessPrng stub next to the unpacked exe"
cat > "$work/stub.c" <<'C'
/* Test only: Debian's Wine 8 lacks bcryptprimitives.dll, whose ProcessPrng Rust's standard
   library imports on Windows 10+. Never shipped: real Windows has it. */
#include <windows.h>
#include <ntsecapi.h>
BOOL WINAPI ProcessPrng(PBYTE data, SIZE_T len) {
    while (len > 0) {
        ULONG n = len > 0x40000000u ? 0x40000000u : (ULONG)len;
        if (!RtlGenRandom(data, n)) return FALSE;
        data += n;
        len -= n;
    }
    return TRUE;
}
C
printf 'LIBRARY bcryptprimitives.dll\nEXPORTS\n    ProcessPrng\n' > "$work/stub.def"
x86_64-w64-mingw32-gcc -shared -O2 -o "$pkg/bcryptprimitives.dll" "$work/stub.c" "$work/stub.def" -ladvapi32
export SOURCE_DATE_EPOCH=1767225600

# The first line of each comparison names what is compared.
compare_json() { # what, linux json, wine json
    python3 - "$@" <<'PY'
import json, sys
what, a, b = sys.argv[1:4]
def load(p):
    with open(p, encoding="utf-8") as f:
        return json.load(f)
def drop_file(v):
    if isinstance(v, list):
        return [drop_file(x) for x in v]
    if isinstance(v, dict):
        return {k: x for k, x in v.items() if k != "file"}
    return v
def first_diff(x, y, at="$"):
    if type(x) is not type(y):
        return f"{at}: {x!r} (Linux) ≠ {y!r} (Windows)"
    if isinstance(x, dict):
        for k in sorted(set(x) | set(y)):
            if k not in x or k not in y:
                return f"{at}.{k}: only on {'Linux' if k in x else 'Windows'}"
            d = first_diff(x[k], y[k], f"{at}.{k}")
            if d:
                return d
        return None
    if isinstance(x, list):
        if len(x) != len(y):
            return f"{at}: {len(x)} items (Linux) ≠ {len(y)} (Windows)"
        for i, (p, q) in enumerate(zip(x, y)):
            d = first_diff(p, q, f"{at}[{i}]")
            if d:
                return d
        return None
    return None if x == y else f"{at}: {x!r} (Linux) ≠ {y!r} (Windows)"
a, b = load(a), load(b)
d = first_diff(drop_file(a), drop_file(b))
if d:
    sys.exit(f"{what}: {d}")
n = len(json.dumps(a))
print(f"{what}: same JSON ({n} characters)")
PY
}

expect_code() { # what, expected, actual
    [ "$2" = "$3" ] || fail "$1: exit code $3 under Wine, $2 expected"
}

# ---------------------------------------------------------------- 4. samples
step "command line on every sample, Linux binary vs Windows exe under Wine"
for src in assets/samples/*.ron; do
    stem=$(basename "$src" .ron)
    f="$data/公司 $stem.ron"
    cp "$src" "$f"
    w=$(winpath "$f")
    lo="$linux_out/$stem"
    wo="$wine_out/$stem"

    "$linux" evaluate "$f" --format json > "$lo.json"
    code=0
    run_wine evaluate "$w" --format json > "$wo.json" || code=$?
    expect_code "evaluate $stem" 0 "$code"
    grep -q "公司 $stem.ron" "$wo.json" || fail "evaluate $stem: the JSON does not name the file"
    compare_json "evaluate --format json $stem" "$lo.json" "$wo.json" || fail "evaluate $stem differs"

    lcode=0; "$linux" validate "$f" --format json > "$lo.validate.json" || lcode=$?
    code=0; run_wine validate "$w" --format json > "$wo.validate.json" || code=$?
    expect_code "validate $stem" "$lcode" "$code"
    compare_json "validate --format json $stem" "$lo.validate.json" "$wo.validate.json" || fail "validate $stem differs"

    lcode=0; "$linux" evaluate "$f" --fail-if-ineligible > /dev/null || lcode=$?
    code=0; run_wine evaluate "$w" --fail-if-ineligible > /dev/null || code=$?
    expect_code "evaluate --fail-if-ineligible $stem" "$lcode" "$code"

    "$linux" report "$f" -o "$lo.pdf"
    code=0; run_wine report "$w" -o "$(winpath "$wo 摘要.pdf")" || code=$?
    expect_code "report $stem" 0 "$code"
    cmp "$lo.pdf" "$wo 摘要.pdf" || fail "report $stem: the PDF differs from the Linux binary's"
    echo "report $stem: same PDF ($(stat -c %s "$lo.pdf") bytes)"

    "$linux" export "$f" -o "$lo.xlsx"
    code=0; run_wine export "$w" -o "$(winpath "$wo 导出.xlsx")" || code=$?
    expect_code "export $stem" 0 "$code"
    python3 - "$lo.xlsx" "$wo 导出.xlsx" "$stem" <<'PY' || fail "export $stem: the workbook differs"
import sys, zipfile
a, b, stem = sys.argv[1:4]
za, zb = zipfile.ZipFile(a), zipfile.ZipFile(b)
na, nb = sorted(za.namelist()), sorted(zb.namelist())
if na != nb:
    sys.exit(f"parts differ: {na} vs {nb}")
for n in na:
    if n == "docProps/core.xml":  # the creation time
        continue
    if za.read(n) != zb.read(n):
        sys.exit(f"part {n} differs")
print(f"export {stem}: same workbook ({len(na)} parts)")
PY
done

step "exit code 2 and its message"
code=0
run_wine evaluate "$(winpath "$data/不存在 的文件.ron")" 2> "$wine_out/missing.err" > /dev/null || code=$?
expect_code "evaluate of a missing file" 2 "$code"
grep -q "不存在 的文件.ron" "$wine_out/missing.err" || fail "the error does not name the file: $(cat "$wine_out/missing.err")"
echo "missing file: exit 2, $(head -n1 "$wine_out/missing.err")"

step "portfolio --format csv over the folder"
"$linux" portfolio "$data" --format csv > "$linux_out/portfolio.csv"
code=0; run_wine portfolio "$(winpath "$data")" --format csv > "$wine_out/portfolio.csv" || code=$?
expect_code "portfolio" 0 "$code"
python3 - "$linux_out/portfolio.csv" "$wine_out/portfolio.csv" "$data" "$(winpath "$data")" <<'PY' || fail "portfolio differs"
import sys
a, b, ldir, wdir = sys.argv[1:5]
ta = open(a, encoding="utf-8").read().replace(ldir + "/", "DIR/")
tb = open(b, encoding="utf-8").read().replace(wdir + "\\", "DIR/")
if not tb.startswith("\ufeff"):
    sys.exit("no byte-order mark")
if ta != tb:
    for la, lb in zip(ta.splitlines(), tb.splitlines()):
        if la != lb:
            sys.exit(f"Linux:   {la}\nWindows: {lb}")
    sys.exit("different lengths")
print(f"portfolio: same CSV ({len(ta.splitlines()) - 1} companies)")
PY

# ---------------------------------------------------------------- 5. the window
step "the window under Xvfb: open, Ctrl+S, Alt+F4"
appdata=$WINEPREFIX/drive_c/users/$(id -un)/AppData/Roaming/innocheck/innocheck/data
rm -rf "$appdata"
gui_file="$data/公司 hongdu-precision.ron"
[ -f "$gui_file" ] || fail "no $gui_file"
cat > "$work/gui.sh" <<'SH'
#!/usr/bin/env bash
# Runs inside xvfb-run: open FILE in the window, Ctrl+S, wait for the backup, Alt+F4.
set -u
wine=$1 exe=$2 winfile=$3 file=$4 log=$5
"$wine" "$exe" "$winfile" > "$log" 2>&1 &
pid=$!
wid=
# The first window in a new Wine prefix can take a minute (font and driver set-up).
for _ in $(seq 1 360); do
    wid=$(xdotool search --onlyvisible --name 'innocheck' 2>/dev/null | head -n1)
    [ -n "$wid" ] && break
    kill -0 "$pid" 2>/dev/null || { wait "$pid"; echo "innocheck ended (exit code $?) before its window showed"; exit 1; }
    sleep 0.5
done
[ -n "$wid" ] || { echo "no innocheck window within 180 s"; kill "$pid" 2>/dev/null; exit 1; }
echo "window: $(xdotool getwindowname "$wid")"
sleep 3
saved=0
for _ in 1 2 3; do
    xdotool windowfocus --sync "$wid" 2>/dev/null || true
    xdotool key --clearmodifiers ctrl+s
    for _ in $(seq 1 20); do
        [ -f "$file.bak" ] && { saved=1; break 2; }
        sleep 0.5
    done
done
[ "$saved" = 1 ] || echo "no backup after Ctrl+S"
xdotool windowfocus --sync "$wid" 2>/dev/null || true
xdotool key --clearmodifiers alt+F4
for _ in $(seq 1 40); do
    kill -0 "$pid" 2>/dev/null || break
    sleep 0.5
done
if kill -0 "$pid" 2>/dev/null; then
    echo "the window did not close on Alt+F4"
    kill "$pid" 2>/dev/null
    exit 1
fi
wait "$pid"; code=$?
echo "closed, exit code $code"
[ "$saved" = 1 ] && [ "$code" = 0 ]
SH
cp "$gui_file" "$work/before-save.ron"
wine_stop
timeout 400 xvfb-run -a -s "-screen 0 1280x800x24" bash "$work/gui.sh" "$wine" "$exe" "$(winpath "$gui_file")" "$gui_file" "$work/gui.log" \
    || fail "the window did not open, save and close (see above; its output: $(cat "$work/gui.log"))"
cmp "$gui_file.bak" "$work/before-save.ron" || fail "the .bak is not the file as it was before saving"
"$linux" evaluate "$gui_file" --format json > "$linux_out/after-save.json" || fail "the file saved under Wine does not load"
compare_json "the file saved under Wine" "$linux_out/hongdu-precision.json" "$linux_out/after-save.json" || fail "saving changed the evaluation"
[ -f "$appdata/prefs.ron" ] || fail "no preferences in %APPDATA%\\innocheck\\innocheck\\data"
grep -q "申报材料 2025" "$appdata/prefs.ron" || fail "the recent files do not hold the file: $(cat "$appdata/prefs.ron")"
echo "backup ${gui_file##*/}.bak, preferences in %APPDATA%\\innocheck\\innocheck\\data\\prefs.ron"

step "screenshots under Wine"
check_png() { # png, min colours
    [ -s "$1" ] || fail "no PNG $1"
    local size colours
    size=$("$identify" -format '%wx%h' "$1")
    colours=$("$identify" -format '%k' "$1")
    echo "$(basename "$1"): $size, $colours colours"
    [ "$colours" -ge "$2" ] || fail "$1 has only $colours colours: a blank window?"
}
for page in results welcome; do
    png="$wine_out/$page-wine.png"
    wine_stop
    timeout 240 xvfb-run -a -s "-screen 0 1280x800x24" \
        "$wine" "$exe" --screenshot "$(winpath "$png")" --page "$page" --size 1280x800 > /dev/null \
        || fail "--screenshot --page $page failed under Wine"
    check_png "$png" 50
done
if [ "$save_screenshot" = 1 ]; then
    cp "$wine_out/welcome-wine.png" assets/screenshots/welcome-wine.png
    echo "saved assets/screenshots/welcome-wine.png"
fi

step "check-windows: all passed"
