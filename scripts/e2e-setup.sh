#!/usr/bin/env bash
# Installs, idempotently, what the offline "real VS Code" route needs (see README, 集成测试 / Integration tests):
#   - Debian packages: chromium libkrb5-dev ripgrep fonts-wqy-microhei   (only the missing ones)
#   - code-server + playwright-core into $E2E_HOME (default $HOME/.cache/vscode-web-e2e), reused when present
# Both through ../shared/tools/vscode-web-e2e.sh --install-only (the shared tools beside the repository).
# Fast (< 1 s) when everything is already there. Exit 1 with a clear message when it cannot be done.
#
# env: E2E_HOME             install/cache folder (default $HOME/.cache/vscode-web-e2e)
#      CODE_SERVER_VERSION  default 4.100.3 (VS Code 1.100.3, the newest that runs on Node 20)
#      GOVREPORT_SHARED_TOOLS  where the shared tools are (default <repo>/../shared/tools)
#      E2E_SKIP_APT=1       do not apt-get install anything
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
TOOLS="${GOVREPORT_SHARED_TOOLS:-$ROOT/../shared/tools}"
export E2E_HOME="${E2E_HOME:-$HOME/.cache/vscode-web-e2e}"
CODE_SERVER_VERSION="${CODE_SERVER_VERSION:-4.100.3}"
log() { echo "[e2e-setup] $*" >&2; }

if [ ! -f "$TOOLS/vscode-web-e2e.sh" ] || [ ! -f "$TOOLS/code-web-shim.mjs" ]; then
  log "the shared VS Code tools are missing: expected $TOOLS/vscode-web-e2e.sh and code-web-shim.mjs"
  log "(the repository must be checked out with shared/ beside it, or set GOVREPORT_SHARED_TOOLS)"
  exit 1
fi

missing=()
for p in chromium libkrb5-dev ripgrep fonts-wqy-microhei; do
  dpkg -s "$p" >/dev/null 2>&1 || missing+=("$p")
done
CS="$E2E_HOME/node_modules/.bin/code-server"
have_cs=0
if [ -x "$CS" ] && [ -d "$E2E_HOME/node_modules/playwright-core" ] \
  && grep -q "\"version\": \"$CODE_SERVER_VERSION\"" "$E2E_HOME/node_modules/code-server/package.json" 2>/dev/null; then
  have_cs=1
fi
if [ ${#missing[@]} -eq 0 ] && [ "$have_cs" = 1 ]; then
  log "ready: code-server $CODE_SERVER_VERSION in $E2E_HOME, chromium $(command -v chromium)"
  exit 0
fi

[ ${#missing[@]} -gt 0 ] && log "missing Debian packages: ${missing[*]}"
[ "$have_cs" = 0 ] && log "code-server $CODE_SERVER_VERSION not in $E2E_HOME: installing (1-3 minutes)"
if [ ${#missing[@]} -gt 0 ] && [ "${E2E_SKIP_APT:-0}" != 1 ] && [ "$(id -u)" != 0 ]; then
  log "apt-get needs root: run as root, or install ${missing[*]} yourself and set E2E_SKIP_APT=1"
  exit 1
fi
start=$(date +%s)
CODE_SERVER_VERSION="$CODE_SERVER_VERSION" bash "$TOOLS/vscode-web-e2e.sh" --install-only \
  || { log "install failed (see $E2E_HOME/install.log)"; exit 1; }
log "installed in $(( $(date +%s) - start )) s"
