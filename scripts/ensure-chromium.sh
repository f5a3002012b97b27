#!/usr/bin/env bash
# The browser tests drive Debian's Chromium (no browser downloads are possible here) and need
# CJK fonts to render Chinese. Installs both when missing and we may; otherwise says how.
set -euo pipefail
need=()
[ -x /usr/bin/chromium ] || need+=(chromium)
fc-list 2>/dev/null | grep -qi 'noto sans cjk' || need+=(fonts-noto-cjk)
[ ${#need[@]} -eq 0 ] && exit 0
if [ "$(id -u)" = 0 ] && command -v apt-get >/dev/null; then
  echo "installing ${need[*]} for the browser tests …"
  apt-get update -qq >/dev/null
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "${need[@]}" >/dev/null
else
  echo "The browser tests need Debian's ${need[*]}: run  sudo apt-get install -y ${need[*]}" >&2
  exit 1
fi
