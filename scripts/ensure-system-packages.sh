#!/usr/bin/env bash
# Installs the Debian packages the workbench and the tests need, when they are missing:
# chromium (the workbench UI, driven headless by playwright-core), libkrb5-dev (a native module of the VS Code
# server), ripgrep (the VS Code server's search), mariadb-server (the database the integration tests run on).
set -euo pipefail
need=()
command -v chromium >/dev/null || need+=(chromium)
dpkg -s libkrb5-dev >/dev/null 2>&1 || need+=(libkrb5-dev)
command -v rg >/dev/null || need+=(ripgrep)
command -v mariadbd >/dev/null || [ -x /usr/sbin/mariadbd ] || need+=(mariadb-server)
[ ${#need[@]} -eq 0 ] && exit 0
if ! command -v apt-get >/dev/null; then
  echo "Missing system packages: ${need[*]}. Install them with your package manager, then run this again."; exit 1
fi
SUDO=""; [ "$(id -u)" = 0 ] || SUDO=sudo
echo "Installing Debian packages: ${need[*]}"
log="$(mktemp)"
{ timeout 600 $SUDO apt-get update -qq && DEBIAN_FRONTEND=noninteractive timeout 900 $SUDO apt-get install -y -qq "${need[@]}"; } > "$log" 2>&1 \
  || { tail -30 "$log"; echo "apt-get could not install: ${need[*]}"; exit 1; }
rm -f "$log"
