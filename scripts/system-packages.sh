#!/usr/bin/env bash
# Debian packages the project uses beyond PyPI, installed only when missing:
#   runtime: chromium (slide images via kaleido, and the browser tests), Liberation fonts
#            (Arial-compatible, so exported charts and decks look the same everywhere)
#   dev:     runtime + libreoffice-impress (the test that renders a briefing pack to PDF)
#   venv:    only python3-venv, when Python's venv module is missing (run before the venv exists)
# Without root or apt-get it says what is missing and carries on: the dashboard still runs
# (image exports then say why they are unavailable) and those tests skip, unless
# BRIEFING_REQUIRE_TOOLS=1 makes them fail.
set -uo pipefail
want="${1:-runtime}"

missing=()
# Debian and Ubuntu ship Python's venv module apart: without it `python3 -m venv` fails.
"${PYTHON:-python3}" -c "import ensurepip, venv" >/dev/null 2>&1 || missing+=(python3-venv)
if [ "$want" != venv ]; then
  command -v chromium >/dev/null 2>&1 || missing+=(chromium)
  fc-list 2>/dev/null | grep -q "Liberation Sans" || missing+=(fonts-liberation)
fi
if [ "$want" = dev ]; then
  command -v libreoffice >/dev/null 2>&1 || missing+=(libreoffice-impress)
fi
[ ${#missing[@]} -eq 0 ] && exit 0

if ! command -v apt-get >/dev/null 2>&1; then
  echo "note: install ${missing[*]} with your package manager for slide exports and their tests" >&2
  exit 0
fi
run=()
[ "$(id -u)" -ne 0 ] && run=(sudo -n)
echo "installing Debian packages: ${missing[*]}" >&2
export DEBIAN_FRONTEND=noninteractive
office=() rest=()
for p in "${missing[@]}"; do
  if [ "$p" = libreoffice-impress ]; then office+=("$p"); else rest+=("$p"); fi
done
ok=1
"${run[@]}" apt-get update -qq || ok=0
if [ $ok = 1 ] && [ ${#rest[@]} -gt 0 ]; then
  "${run[@]}" apt-get install -y -qq "${rest[@]}" >/dev/null || ok=0
fi
if [ $ok = 1 ] && [ ${#office[@]} -gt 0 ]; then
  # Impress alone (no recommends) is enough to convert a deck to PDF.
  "${run[@]}" apt-get install -y -qq --no-install-recommends "${office[@]}" >/dev/null || ok=0
fi
[ $ok = 1 ] || echo "warning: could not install ${missing[*]}; slide images or their tests will be unavailable" >&2
exit 0
