#!/usr/bin/env bash
# Installs what the real-editor tests (scripts/e2e/run.mjs) need, idempotently:
#   - from Debian apt: chromium (driven headless by playwright-core), ripgrep (seeds code-server's
#     rg download), and the toolchain code-server's native modules build with;
#   - code-server 4.100.3 (= VS Code 1.100.3 with a Node extension host) from the npm registry, into
#     a cache folder outside the repository: ${APEDTS_E2E_CACHE:-$HOME/.cache/apedts-e2e}.
# Only the npm registry and Debian's mirrors are reachable on CI machines; every download code-server's
# install would make elsewhere (GitHub, nodejs.org) is replaced below. See ../shared/e2e/README.md.
# A second run does nothing but check (well under a second).
set -euo pipefail

CS_VERSION=4.100.3
# @vscode/ripgrep as pinned inside code-server 4.100.3, and the rg release it would download.
RG_PKG_VERSION=1.15.11
RG_ASSET=ripgrep-v13.0.0-10-x86_64-unknown-linux-musl.tar.gz
# fonts-wqy-microhei: a CJK font (1.6 MB), so the Chinese window's screenshots show characters, not boxes.
APT_PACKAGES=(chromium ripgrep build-essential python3 libkrb5-dev fonts-wqy-microhei)

CACHE=${APEDTS_E2E_CACHE:-$HOME/.cache/apedts-e2e}
CS_DIR="$CACHE/code-server-$CS_VERSION"
CS_BIN="$CS_DIR/node_modules/.bin/code-server"

T0=$(date +%s%N)
STEP_T0=$T0
lap() {
  local now
  now=$(date +%s%N)
  awk -v n="$now" -v s="$STEP_T0" -v t="$T0" -v l="$1" \
    'BEGIN { printf "[e2e setup] %-34s %6.1fs  (total %6.1fs)\n", l, (n - s) / 1e9, (n - t) / 1e9 }'
  STEP_T0=$now
}

# --- 1. Debian packages -------------------------------------------------------------------------
missing=()
for p in "${APT_PACKAGES[@]}"; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q '^install ok installed$' || missing+=("$p")
done
if ((${#missing[@]})); then
  SUDO=()
  if [ "$(id -u)" -ne 0 ]; then
    command -v sudo >/dev/null || { echo "[e2e setup] need root (or sudo) to apt-get install: ${missing[*]}" >&2; exit 1; }
    SUDO=(sudo)
  fi
  echo "[e2e setup] apt-get install ${missing[*]}"
  "${SUDO[@]}" apt-get update -qq
  DEBIAN_FRONTEND=noninteractive "${SUDO[@]}" apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
fi
[ -x /usr/bin/chromium ] || { echo "[e2e setup] /usr/bin/chromium is missing after apt" >&2; exit 1; }
lap "apt packages${missing[*]:+ (installed ${missing[*]})}"

# --- 2. code-server -------------------------------------------------------------------------------
# code-server writes a default config and logs under $HOME (XDG dirs) on any invocation, even
# --version: point those at the cache folder.
installed_version() {
  XDG_CONFIG_HOME="$CACHE/xdg/config" XDG_DATA_HOME="$CACHE/xdg/data" \
    "$CS_BIN" --config "$CACHE/xdg/config.yaml" --version 2>/dev/null |
    grep -oE '^[0-9]+\.[0-9]+\.[0-9]+ [0-9a-f]{40}' | head -n1 | cut -d' ' -f1
}

if [ -f "$CS_DIR/.install-complete" ] && [ -x "$CS_BIN" ] && [ "$(installed_version)" = "$CS_VERSION" ]; then
  lap "code-server $CS_VERSION (cached)"
else
  # The marker file is written last, so an interrupted install is never mistaken for a good one.
  # (Installed in place, not moved afterwards: native builds may remember their paths.)
  rm -rf "$CS_DIR"
  mkdir -p "$CS_DIR/tmp"
  # npm 11 rejects --allow-scripts on project installs; the allowlist lives in package.json.
  printf '{"name":"apedts-e2e-code-server","private":true,"allowScripts":{"code-server":true}}\n' >"$CS_DIR/package.json"

  # (a) @vscode/ripgrep's postinstall downloads rg from GitHub: pre-seed its download cache
  #     (under TMPDIR) with a tarball holding Debian's rg.
  RG_CACHE="$CS_DIR/tmp/vscode-ripgrep-cache-$RG_PKG_VERSION"
  mkdir -p "$RG_CACHE"
  tar czf "$RG_CACHE/$RG_ASSET" -C "$(dirname "$(command -v rg)")" rg
  # (b) code-server's postinstall refuses root unless npm_config_unsafe_perm is set;
  # (c) node-pty's postinstall runs `npx node-gyp`, which a user npmrc `yes=false` cancels;
  # (d) node-gyp must take Node's headers from the local install, not from nodejs.org.
  # (e) node-gyp builds with every core (JOBS): the native builds are most of the install time.
  ENVV=(TMPDIR="$CS_DIR/tmp" npm_config_unsafe_perm=true npm_config_yes=true JOBS=max)
  NODE_PREFIX=$(dirname "$(dirname "$(readlink -f "$(command -v node)")")")
  if [ -f "$NODE_PREFIX/include/node/node.h" ]; then
    ENVV+=(npm_config_nodedir="$NODE_PREFIX")
  else
    echo "[e2e setup] warning: no Node headers under $NODE_PREFIX/include/node; node-gyp may try to download them" >&2
  fi

  LOG="$CACHE/code-server-install.log"
  echo "[e2e setup] npm install code-server@$CS_VERSION into $CS_DIR (log: $LOG)"
  if ! (cd "$CS_DIR" && env "${ENVV[@]}" npm install --no-audit --no-fund --foreground-scripts \
    "code-server@$CS_VERSION" >"$LOG" 2>&1); then
    tail -n 60 "$LOG" >&2
    echo "[e2e setup] code-server install failed; full log: $LOG" >&2
    exit 1
  fi
  rm -rf "$CS_DIR/tmp"
  v=$(installed_version)
  [ "$v" = "$CS_VERSION" ] || { echo "[e2e setup] installed code-server reports version '$v', expected $CS_VERSION" >&2; exit 1; }
  touch "$CS_DIR/.install-complete"
  lap "code-server $CS_VERSION (installed)"
fi

echo "[e2e setup] ready: $CS_BIN"
