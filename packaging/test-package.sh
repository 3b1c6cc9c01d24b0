#!/usr/bin/env bash
# Installs the Debian package where nothing else is, uses it as a user would, removes it, and
# checks that nothing is left behind (README, "Install"). Run by `packaging/dev.sh test` after
# the main suite; by hand:
#   packaging/test-package.sh [build/package/cardioseg_<version>_amd64.deb]
#
# 1. lintian: no error and no warning (the remaining informational tags are explained in
#    packaging/debian/cardioseg.lintian-overrides).
# 2. A throwaway Debian 12 root made by mmdebstrap from Debian's archive (the host's apt
#    sources), in which, as root: `apt-get install ./cardioseg_*.deb` (its dependencies from the
#    archive: what dpkg-shlibdeps and the package say, nothing the build machine happens to
#    have); then as an ordinary user: `cardioseg-cli --version`, `cardioseg-cli info` on the
#    installed sample, `cardioseg-cli segment` with the installed model (NIfTI and DICOM SEG,
#    read back), `cardioseg --screenshot` under Xvfb, `man cardioseg-cli`; then
#    `apt-get purge cardioseg` and `apt-get autoremove --purge`: the root's files must be the
#    ones it had before the install.
# CARDIOSEG_PACKAGE_TEST=host runs step 2 on this machine itself instead (root, and only when
# cardioseg is not installed already): install, the same commands, purge (no autoremove), no
# file of the package left. OUT_DIR (default build/package-test) receives the screenshot and the logs.
set -euo pipefail

here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
root_dir="$(cd "$here/.." && pwd)"
build="${BUILD_DIR:-$root_dir/build}"
deb="${1:-}"
if [ -z "$deb" ]; then
    deb="$(ls -t "$build"/package/cardioseg_*_amd64.deb 2>/dev/null | head -n 1 || true)"
fi
[ -n "$deb" ] && [ -f "$deb" ] || { echo "test-package: no package (run packaging/dev.sh package first)" >&2; exit 2; }
deb="$(cd "$(dirname "$deb")" && pwd)/$(basename "$deb")"
out="${OUT_DIR:-$build/package-test}"
rm -rf "$out" && mkdir -p "$out"
mode="${CARDIOSEG_PACKAGE_TEST:-chroot}"
say() { echo "test-package: $*" >&2; }

# --- 1. lintian ----------------------------------------------------------------------------
if command -v lintian >/dev/null 2>&1; then
    # (As root, lintian says it would rather not be: that line is left out.)
    status=0
    lintian --fail-on error,warning "$deb" >"$out/lintian.txt" 2>&1 || status=$?
    grep -v "running with root privileges" "$out/lintian.txt" >&2 || true
    [ "$status" -eq 0 ] || { say "lintian reports errors or warnings (above)"; exit 1; }
    say "lintian: no errors, no warnings"
else
    say "lintian is not installed (Debian: lintian): skipped"
fi

# --- 2. install, use, remove ------------------------------------------------------------
# What runs where the package is installed: $1 is "chroot" or "host". Writes results to
# /tmp/cardioseg-package-test (in the chroot) or to $RESULTS.
inside="$out/inside.sh"
cat >"$inside" <<'INSIDE'
#!/bin/bash
set -euo pipefail
mode="$1" deb="$2" results="$3"
export DEBIAN_FRONTEND=noninteractive
mkdir -p "$results"
# Every path of the root but what any package operation changes (apt's and dpkg's own state,
# logs, caches) and the test's own folders.
snapshot() {
    find / -xdev \( -path /proc -o -path /sys -o -path /dev -o -path /run -o -path /tmp \
        -o -path /var/cache -o -path /var/lib/apt -o -path /var/lib/dpkg -o -path /var/log \
        -o -path /home/tester -o -path /root \) -prune -o -print | sort
}
# The user the programs run as; made here, and on a host removed again at the end.
if ! id tester >/dev/null 2>&1; then
    useradd --create-home tester
    [ "$mode" = host ] && trap 'userdel --remove tester 2>/dev/null || true' EXIT
fi
packages() { dpkg-query -W -f='${db:Status-Abbrev} ${Package}\n' | awk '$1 == "ii" { print $2 }' | sort; }
if [ "$mode" = chroot ]; then snapshot >"$results/before.txt"; packages >"$results/packages-before.txt"; fi

apt-get install -y --no-install-recommends "$deb" >"$results/install.log" 2>&1 ||
    { tail -n 30 "$results/install.log" >&2; exit 1; }
echo "installed: $(dpkg-query -W -f='${Package} ${Version}' cardioseg), $(grep -c '^Setting up' "$results/install.log") packages set up" >&2
for f in /usr/bin/cardioseg /usr/bin/cardioseg-cli /usr/bin/cardioseg-train-cluster \
         /usr/share/cardioseg/models/default.pt /usr/share/cardioseg/translations/cardioseg_fr.qm \
         /usr/share/applications/org.cardioseg.CardioSeg.desktop \
         /usr/share/metainfo/org.cardioseg.CardioSeg.metainfo.xml \
         /usr/share/icons/hicolor/256x256/apps/org.cardioseg.CardioSeg.png \
         /usr/share/man/man1/cardioseg-cli.1.gz /usr/share/doc/cardioseg/copyright; do
    [ -e "$f" ] || { echo "missing after install: $f" >&2; exit 1; }
done

# As an ordinary user, from /usr/bin, with nothing of the build tree anywhere.
as_user() { runuser -u tester -- env HOME=/home/tester PATH=/usr/bin:/bin "$@"; }
work=/home/tester/work
as_user mkdir -p "$work"
as_user cardioseg-cli --version | tee "$results/version.txt" >&2
as_user cardioseg-cli info /usr/share/cardioseg/sample/dicoms/SCD0000101 --json >"$results/info.json"
grep -q '"slices": 12' "$results/info.json" && grep -q '"phases": 20' "$results/info.json" ||
    { echo "cardioseg-cli info: not 12 slices x 20 phases" >&2; cat "$results/info.json" >&2; exit 1; }
as_user cardioseg-cli segment --input /usr/share/cardioseg/sample/dicoms/SCD0000101 --output "$work/seg" \
    --format nifti dicom-seg --json >"$results/segment.json" 2>"$results/segment.log" ||
    { cat "$results/segment.log" >&2; exit 1; }
grep -q '"images": 240' "$results/segment.json" || { echo "segment: not 240 images" >&2; cat "$results/segment.json" >&2; exit 1; }
grep -q '/usr/share/cardioseg/models/default.pt' "$results/segment.json" ||
    { echo "segment: not the installed model" >&2; exit 1; }
for f in labels.nii.gz segmentation.dcm; do
    [ -s "$work/seg/$f" ] || { echo "segment: no $f" >&2; exit 1; }
done
as_user cardioseg-cli measure --input /usr/share/cardioseg/sample/dicoms/SCD0000101 \
    --labels "$work/seg/labels.nii.gz" --json >"$results/measure.json"
grep -q '"ef_percent"' "$results/measure.json" || { echo "measure: no ejection fraction" >&2; exit 1; }
as_user xvfb-run -a -s "-screen 0 1600x1000x24" cardioseg --screenshot "$work/main_window.png" \
    >"$results/gui.log" 2>&1 || { cat "$results/gui.log" >&2; exit 1; }
[ "$(head -c 8 "$work/main_window.png" | od -An -tx1 | tr -d ' ')" = 89504e470d0a1a0a ] ||
    { echo "cardioseg --screenshot: no PNG" >&2; exit 1; }
cp "$work/main_window.png" "$results/"
as_user cardioseg-train-cluster --help >/dev/null
if command -v man >/dev/null 2>&1; then
    as_user env MANWIDTH=80 man cardioseg-cli >"$results/man.txt" 2>&1 && grep -q "finetune" "$results/man.txt" ||
        { echo "man cardioseg-cli: not found" >&2; exit 1; }
fi
echo "used: info, segment (240 images), measure, the workstation's screenshot, man" >&2

apt-get purge -y cardioseg >"$results/purge.log" 2>&1
# What the install brought in goes too; on a host, where autoremove would also take packages
# unrelated to this test, it is left to the machine's owner.
[ "$mode" = chroot ] && apt-get autoremove --purge -y >>"$results/purge.log" 2>&1
if dpkg -s cardioseg >/dev/null 2>&1; then
    echo "cardioseg is still known to dpkg after purge" >&2; exit 1
fi
left="$(find /usr /etc /opt /var/lib/dpkg/info -xdev -iname '*cardioseg*' 2>/dev/null || true)"
if [ -n "$left" ]; then echo "left behind after purge:" >&2; echo "$left" >&2; exit 1; fi
if [ "$mode" = chroot ]; then
    # apt never removes packages of priority required or important on its own, even when only
    # cardioseg's dependencies brought them (tzdata): they are listed, and purged too, so that
    # the root can be compared file by file with what it was.
    kept="$(comm -13 "$results/packages-before.txt" <(packages))"
    if [ -n "$kept" ]; then
        for p in $kept; do
            priority="$(dpkg-query -W -f='${Priority}' "$p")"
            case "$priority" in
                required|important) echo "kept by apt (priority $priority): $p" >&2 ;;
                *) echo "left installed after autoremove: $p (priority $priority)" >&2; exit 1 ;;
            esac
        done
        # shellcheck disable=SC2086
        apt-get purge -y $kept >>"$results/purge.log" 2>&1
    fi
    snapshot >"$results/after.txt"
    if ! diff "$results/before.txt" "$results/after.txt" >"$results/left-behind.diff"; then
        echo "the root differs from before the install:" >&2
        head -n 40 "$results/left-behind.diff" >&2
        exit 1
    fi
fi
echo "removed: nothing left behind" >&2
INSIDE
chmod +x "$inside"

if [ "$mode" = chroot ]; then
    command -v mmdebstrap >/dev/null 2>&1 || { say "mmdebstrap is not installed (Debian: mmdebstrap)"; exit 1; }
    sources=()
    for f in /etc/apt/sources.list.d/debian.sources /etc/apt/sources.list; do
        [ -s "$f" ] && grep -q bookworm "$f" && { sources=("$f"); break; }
    done
    aptopts=()
    proxy="$(apt-config shell p Acquire::http::Proxy 2>/dev/null | sed -n "s/^p='\(.*\)'$/\1/p")"
    [ -n "$proxy" ] && aptopts=(--aptopt="Acquire::http::Proxy \"$proxy\"")
    say "Debian 12 root from the archive, then the package into it (a few minutes)"
    start=$SECONDS
    # The mounts (/proc, /sys, /dev) live while the hooks run; the root is thrown away after.
    if ! mmdebstrap --variant=apt --include=xvfb,xauth,man-db,ca-certificates "${aptopts[@]}" \
            --customize-hook="copy-in $deb $inside /tmp" \
            --customize-hook="chroot \"\$1\" /tmp/inside.sh chroot /tmp/$(basename "$deb") /tmp/results" \
            --customize-hook="sync-out /tmp/results $out" \
            bookworm /dev/null "${sources[@]}" >"$out/mmdebstrap.log" 2>&1; then
        tail -n 40 "$out/mmdebstrap.log" >&2
        say "FAILED in a throwaway Debian 12 root (log: $out/mmdebstrap.log)"
        exit 1
    fi
    grep -E "^(installed|used|removed|cardioseg-cli [0-9])" "$out/mmdebstrap.log" >&2 || true
    say "passed in a throwaway Debian 12 root in $((SECONDS - start)) s; screenshot: $out/main_window.png"
else
    [ "$(id -u)" -eq 0 ] || { say "host mode needs root"; exit 1; }
    if dpkg-query -W -f='${Status}' cardioseg 2>/dev/null | grep -q "install ok installed"; then
        say "cardioseg is installed on this machine already; host mode would remove it: refused"
        exit 1
    fi
    "$inside" host "$deb" "$out"
    say "passed on this machine; screenshot: $out/main_window.png"
fi
