#!/usr/bin/env bash
# Renders the application icon's PNG sizes (resources/icons/hicolor/<n>x<n>/apps/) from
# resources/icons/cardioseg.svg. Run after editing the SVG; the PNGs are committed, so building
# needs no SVG renderer. Needs rsvg-convert (Debian: librsvg2-bin).
set -euo pipefail
icons="$(cd "$(dirname "${BASH_SOURCE[0]}")/../resources/icons" && pwd)"
for n in 16 22 24 32 48 64 128 256; do
    mkdir -p "$icons/hicolor/${n}x${n}/apps"
    rsvg-convert -w "$n" -h "$n" "$icons/cardioseg.svg" -o "$icons/hicolor/${n}x${n}/apps/org.cardioseg.CardioSeg.png"
done
