#!/usr/bin/env bash
# Browser tests drive Debian's Chromium (no browser download from the web) and read the printed selection
# with poppler-utils (pdftotext, pdftoppm, pdfinfo). Install them when missing.
set -euo pipefail
CHROMIUM="${CHROMIUM_PATH:-/usr/bin/chromium}"
NEED=()
[ -x "$CHROMIUM" ] || NEED+=(chromium fonts-dejavu-core)
command -v pdftotext >/dev/null 2>&1 || NEED+=(poppler-utils)
if [ ${#NEED[@]} -eq 0 ]; then exit 0; fi
echo "Installation des paquets Debian manquants : ${NEED[*]}…"
SUDO=""
if [ "$(id -u)" -ne 0 ]; then SUDO="sudo"; fi
export DEBIAN_FRONTEND=noninteractive
$SUDO apt-get update -qq
$SUDO apt-get install -y -qq --no-install-recommends "${NEED[@]}" >/dev/null
[ -x "$CHROMIUM" ] || { echo "Chromium introuvable après installation ($CHROMIUM)" >&2; exit 1; }
command -v pdftotext >/dev/null 2>&1 || { echo "pdftotext introuvable après installation (poppler-utils)" >&2; exit 1; }
