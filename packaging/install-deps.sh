#!/usr/bin/env bash
# Installs the Debian 12 packages CardioSeg needs to build, test and run.
# Idempotent and quiet: when everything is present it prints nothing and exits 0.
set -euo pipefail

PACKAGES=(
  build-essential cmake ninja-build pkg-config git
  qt6-base-dev qt6-base-dev-tools qt6-tools-dev qt6-tools-dev-tools qt6-l10n-tools qt6-translations-l10n
  qt6-charts-dev libqt6opengl6-dev qt6-svg-dev libgl-dev libxkbcommon-dev
  libtorch-dev libopenblas0-pthread libgloo-dev
  libdcmtk-dev dcmtk dicom3tools zlib1g-dev
  orthanc orthanc-dicomweb
  libopencv-dev
  libvtk9-dev
  nlohmann-json3-dev libcli11-dev libspdlog-dev libfmt-dev
  libbenchmark-dev python3-torchvision
  xvfb xauth fonts-dejavu-core
  dpkg-dev lintian desktop-file-utils appstream man-db mmdebstrap
)

missing=()
for p in "${PACKAGES[@]}"; do
  if ! dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed"; then
    missing+=("$p")
  fi
done
[ ${#missing[@]} -eq 0 ] && exit 0

SUDO=""
if [ "$(id -u)" -ne 0 ]; then
  if command -v sudo >/dev/null 2>&1; then SUDO="sudo"; else
    echo "install-deps: missing packages (${missing[*]}) and not root; run as root or install sudo" >&2
    exit 1
  fi
fi
echo "install-deps: installing ${#missing[@]} Debian packages: ${missing[*]}" >&2
export DEBIAN_FRONTEND=noninteractive
$SUDO apt-get update -qq
$SUDO apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
