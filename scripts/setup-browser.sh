#!/usr/bin/env bash
# Browser tests drive Debian's Chromium with playwright-core (no browser download is possible
# here). Installs it, with CJK fonts for screenshots, when it is not there yet.
set -euo pipefail
if command -v chromium >/dev/null 2>&1 && fc-list 2>/dev/null | grep -qi "Noto Sans CJK"; then
  echo "chromium and CJK fonts already installed: $(chromium --version 2>/dev/null || true)"
  exit 0
fi
SUDO=""
if [ "$(id -u)" != "0" ]; then SUDO="sudo"; fi
$SUDO apt-get update -qq
DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq chromium fonts-noto-cjk >/dev/null
echo "installed: $(chromium --version)"
