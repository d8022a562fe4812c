#!/usr/bin/env bash
# Installs the Debian packages the build and the tests need, only when they are missing.
#   ensure-system-packages.sh site   -> Pango and fonts for WeasyPrint (the cards PDF), Cairo for the app icons
#   ensure-system-packages.sh test   -> the above, plus Chromium and poppler-utils
set -euo pipefail
want=()
have_lib() { ldconfig -p 2>/dev/null | grep -q "$1"; }
have_lib libpango-1.0.so || want+=(libpango-1.0-0)
have_lib libpangoft2-1.0.so || want+=(libpangoft2-1.0-0)
have_lib libcairo.so.2 || want+=(libcairo2)
fc-list 2>/dev/null | grep -qi "dejavu sans" || want+=(fonts-dejavu-core fontconfig)
if [ "${1:-site}" = test ]; then
  browser="${CHROMIUM:-/usr/bin/chromium}"
  [ -x "$browser" ] || command -v chromium >/dev/null || want+=(chromium)
  command -v pdftoppm >/dev/null || want+=(poppler-utils)
fi
[ ${#want[@]} -eq 0 ] && exit 0
echo "Installing system packages: ${want[*]}"
sudo=""
[ "$(id -u)" -eq 0 ] || sudo="sudo"
$sudo apt-get update -q
DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -q --no-install-recommends "${want[@]}"
