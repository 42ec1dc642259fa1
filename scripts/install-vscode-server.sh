#!/usr/bin/env bash
# Installs a real VS Code server (the one inside the npm package code-server) for the integration tests and
# `npm start`, offline apart from the npm registry. It lives outside the clone, in a cache shared by every
# clone on the machine, so a second clone does not install it again.
# Needs Debian packages libkrb5-dev (code-server's kerberos native module) and ripgrep (scripts/ensure-system-packages.sh).
set -euo pipefail
CODE_SERVER_VERSION="${CODE_SERVER_VERSION:-4.100.3}"   # the last code-server whose engines.node is 20 (VS Code 1.100.3)
CACHE="${CUTOVER_VSCODE_CACHE:-${XDG_CACHE_HOME:-$HOME/.cache}/cutover-vscode-test}"
DEST="$CACHE/code-server-$CODE_SERVER_VERSION"
MAIN="$DEST/node_modules/code-server/lib/vscode/out/server-main.js"
if [ -f "$MAIN" ] && [ -f "$DEST/.installed" ]; then
  echo "VS Code server $CODE_SERVER_VERSION already installed in $DEST"; exit 0
fi
command -v rg >/dev/null || { echo "ripgrep (rg) is missing: run scripts/ensure-system-packages.sh"; exit 1; }
mkdir -p "$CACHE"
# One installer at a time: two clones testing at once must not write the same folder.
exec 9>"$CACHE/.install.lock"
flock 9
if [ -f "$MAIN" ] && [ -f "$DEST/.installed" ]; then echo "VS Code server installed by another run"; exit 0; fi
STAGE="$DEST.partial"
rm -rf "$STAGE"; mkdir -p "$STAGE"
echo '{"name":"cutover-vscode-test-server","private":true}' > "$STAGE/package.json"
# @vscode/ripgrep's postinstall downloads rg from GitHub; hand it a pre-filled download cache made from Debian's rg.
RG_TMP="$STAGE/.rg-tmp"; mkdir -p "$RG_TMP/bin"
cp "$(command -v rg)" "$RG_TMP/bin/rg"
for v in 1.15.9 1.15.10 1.15.11 1.15.12 1.15.13 1.15.14; do   # the cache folder is keyed by @vscode/ripgrep's version
  mkdir -p "$RG_TMP/vscode-ripgrep-cache-$v"
  tar czf "$RG_TMP/vscode-ripgrep-cache-$v/ripgrep-v13.0.0-10-x86_64-unknown-linux-musl.tar.gz" -C "$RG_TMP/bin" rg
done
start=$(date +%s)
echo "Installing VS Code server (code-server $CODE_SERVER_VERSION) into $DEST; about a minute, once per machine"
# npm_config_unsafe_perm: code-server's postinstall refuses to run as root without it.
# npm_config_yes: node-pty's postinstall runs `npx node-gyp`, which an npmrc with yes=false would cancel.
( cd "$STAGE" && TMPDIR="$RG_TMP" npm_config_unsafe_perm=true npm_config_yes=true npm_config_loglevel=error \
    timeout 900 npm install --no-audit --no-fund --foreground-scripts "code-server@$CODE_SERVER_VERSION" > install.log 2>&1 ) \
  || { tail -40 "$STAGE/install.log"; echo "code-server install failed (log: $STAGE/install.log)"; exit 1; }
rm -rf "$RG_TMP"
test -f "${MAIN/$DEST/$STAGE}" || { echo "code-server installed but server-main.js is missing"; exit 1; }
rm -rf "$DEST"; mv "$STAGE" "$DEST"
echo "$CODE_SERVER_VERSION" > "$DEST/.installed"
echo "VS Code server $CODE_SERVER_VERSION installed in $(( $(date +%s) - start ))s ($(du -sh "$DEST" | cut -f1))"
