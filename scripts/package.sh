#!/usr/bin/env bash
# Builds the release archives in dist/ (not committed):
#   innocheck-<version>-windows-x64.zip     innocheck.exe, 使用说明.txt (UTF-8 with BOM, CRLF, for
#                                           Notepad), LICENSE.txt, OFL.txt, samples/, rules/
#   innocheck-<version>-linux-x64.tar.gz    innocheck, 使用说明.txt, LICENSE, OFL.txt, samples/, rules/
# Each archive holds one folder, innocheck-<version>-<os>-x64/. Entries are sorted and dated
# at the last commit, so the same binaries give the same archives.
#
#   scripts/package.sh [windows|linux|all]      (default: all)
#
# Needs the Rust target x86_64-pc-windows-gnu and the mingw-w64 linker for the Windows build
# (scripts/check-windows.sh installs both), and python3 for the zip.
set -euo pipefail
cd "$(dirname "$0")/.."
what=${1:-all}
case "$what" in windows|linux|all) ;; *) echo "usage: $0 [windows|linux|all]" >&2; exit 2;; esac

version=$(sed -n 's/^version = "\(.*\)"$/\1/p' Cargo.toml | head -n1)
target_dir=${CARGO_TARGET_DIR:-target}
win_target=x86_64-pc-windows-gnu
export CARGO_TARGET_X86_64_PC_WINDOWS_GNU_LINKER=${CARGO_TARGET_X86_64_PC_WINDOWS_GNU_LINKER:-x86_64-w64-mingw32-gcc}
# Archive dates: the last commit (or SOURCE_DATE_EPOCH when set).
epoch=${SOURCE_DATE_EPOCH:-$(git log -1 --format=%ct 2>/dev/null || echo 315532800)}
mkdir -p dist
stage=$(mktemp -d)
trap 'rm -rf "$stage"' EXIT

# The files both archives share, into $1.
common_files() {
    local d=$1
    mkdir -p "$d/samples" "$d/rules"
    cp assets/samples/*.ron "$d/samples/"
    cp assets/rules/*.ron "$d/rules/"
    cp assets/fonts/OFL.txt "$d/OFL.txt"
    sed "s/{VERSION}/$version/g" packaging/使用说明.txt > "$d/使用说明.txt"
}

if [ "$what" != linux ]; then
    echo "== cargo build --release --target $win_target"
    cargo build --release --locked --target "$win_target"
    name=innocheck-$version-windows-x64
    d=$stage/$name
    common_files "$d"
    cp "$target_dir/$win_target/release/innocheck.exe" "$d/"
    cp LICENSE "$d/LICENSE.txt"
    # Notepad: a byte-order mark and CRLF line ends.
    python3 - "$d/使用说明.txt" <<'PY'
import sys
p = sys.argv[1]
text = open(p, encoding="utf-8").read().replace("\r\n", "\n").replace("\n", "\r\n")
open(p, "w", encoding="utf-8-sig", newline="").write(text)
PY
    rm -f "dist/$name.zip"
    # Python's zipfile marks non-ASCII names as UTF-8 (flag bit 11), which Windows' own zip
    # folder, 7-Zip and Bandizip read; timestamps are fixed and entries sorted.
    python3 - "$stage" "$name" "dist/$name.zip" "$epoch" <<'PY'
import os, sys, time, zipfile
stage, name, out, epoch = sys.argv[1], sys.argv[2], sys.argv[3], int(sys.argv[4])
stamp = time.gmtime(max(epoch, 315532800))[:6]
paths = []
for root, dirs, files in os.walk(os.path.join(stage, name)):
    for f in files:
        paths.append(os.path.relpath(os.path.join(root, f), stage))
with zipfile.ZipFile(out, "w") as z:
    for rel in sorted(paths):
        info = zipfile.ZipInfo(rel.replace(os.sep, "/"), stamp)
        info.compress_type = zipfile.ZIP_DEFLATED
        info.external_attr = 0o644 << 16
        with open(os.path.join(stage, rel), "rb") as f:
            z.writestr(info, f.read(), compresslevel=9)
PY
fi

if [ "$what" != windows ]; then
    echo "== cargo build --release"
    cargo build --release --locked
    name=innocheck-$version-linux-x64
    d=$stage/$name
    common_files "$d"
    cp "$target_dir/release/innocheck" "$d/"
    cp LICENSE "$d/LICENSE"
    chmod 0755 "$d/innocheck"
    rm -f "dist/$name.tar.gz"
    tar -C "$stage" --sort=name --mtime="@$epoch" --owner=0 --group=0 --numeric-owner \
        --mode='u+rwX,go+rX,go-w' -cf - "$name" | gzip -9n > "dist/$name.tar.gz"
fi

echo "== dist/"
for f in dist/innocheck-"$version"-*; do
    printf '%10d  %s\n' "$(stat -c %s "$f")" "$f"
done
