#!/usr/bin/env bash
# Loads a tarikh TimelineJS export in the real TimelineJS3 3.9.8 under headless
# Chromium and screenshots it (DESIGN §7).
#
#   tests/store/timelinejs/run.sh TIMELINE.json [OUT.png] [SLIDE]
#
# Prints "TARIKH-LOADED n events + title" and exits 0 when TimelineJS loaded
# the file; prints TimelineJS's error and exits 1 otherwise. Needs node/npm
# (once, to fetch the package into $TARIKH_TLJS_CACHE) and `chromium`
# (apt-get install chromium), python3 for the local http server.
# TARIKH_TLJS_SIZE=1280,1800 gives the time navigator room for many lanes
# (TimelineJS3 draws every group in it, ~21 px each).
set -euo pipefail

json=${1:?usage: run.sh TIMELINE.json [OUT.png] [SLIDE]}
png=${2:-}
slide=${3:-}
here=$(cd "$(dirname "$0")" && pwd)
cache=${TARIKH_TLJS_CACHE:-${XDG_CACHE_HOME:-$HOME/.cache}/tarikh/timelinejs-3.9.8}

# 3.9.8 is the last release whose npm package ships dist/js/timeline.js.
if [[ ! -f $cache/package/dist/js/timeline.js ]]; then
  mkdir -p "$cache"
  (cd "$cache" && npm pack --silent @knight-lab/timelinejs@3.9.8 >/dev/null && tar xzf knight-lab-timelinejs-3.9.8.tgz)
fi

root=$(mktemp -d)
profile=$(mktemp -d)
server_pid=
cleanup() {
  [[ -n $server_pid ]] && kill "$server_pid" 2>/dev/null || true
  rm -rf "$root" "$profile"
}
trap cleanup EXIT

ln -s "$cache/package" "$root/tl"
cp "$here/check.html" "$root/check.html"
cp "$json" "$root/timeline.json"

# Over http on 127.0.0.1 (TimelineJS fetches its locale; file:// will not do).
port=$(python3 -c 'import socket; s = socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])')
python3 -m http.server "$port" --bind 127.0.0.1 --directory "$root" >/dev/null 2>&1 &
server_pid=$!
for _ in $(seq 50); do
  python3 -c "import urllib.request; urllib.request.urlopen('http://127.0.0.1:$port/check.html')" 2>/dev/null && break
  sleep 0.1
done

url="http://127.0.0.1:$port/check.html?data=/timeline.json${slide:+&slide=$slide}"
chrome=(chromium --headless --no-sandbox --disable-gpu --disable-background-networking --disable-component-update
        --disable-sync --no-first-run --user-data-dir="$profile" --virtual-time-budget=8000
        --window-size="${TARIKH_TLJS_SIZE:-1280,800}")

status=$("${chrome[@]}" --dump-dom "$url" 2>/dev/null | grep -o 'TARIKH-[A-Z]*[^<]*' | head -1 || true)
if [[ -n $png ]]; then
  "${chrome[@]}" --screenshot="$png" "$url" >/dev/null 2>&1
  echo "screenshot: $png"
fi
echo "${status:-TARIKH-ERROR no status}"
[[ $status == TARIKH-LOADED* ]]
