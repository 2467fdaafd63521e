#!/bin/sh
# Copy reference boundary files into the git-ignored boundaries directory.
# Usage: fetch_boundaries.sh SOURCE_DIR TARGET_DIR
# Files already in TARGET_DIR (a deployment's own) are kept unless the source is newer.
src="$1"; dst="$2"
mkdir -p "$dst"
if [ ! -d "$src" ]; then
  echo "boundaries: $src not found; maps will use the schematic tile map unless $dst holds boundary files."
  exit 0
fi
for f in kelurahan.geojson kecamatan.geojson lampung_kabkota.geojson LICENSE-boundaries.txt README.md; do
  if [ -f "$src/$f" ]; then
    if [ ! -f "$dst/$f" ] || [ "$src/$f" -nt "$dst/$f" ]; then cp "$src/$f" "$dst/$f"; fi
  fi
done
