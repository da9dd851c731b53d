#!/usr/bin/env bash
# Directory search under load: starts `gms serve` on loopback over a fresh embedded store, imports the v5.1
# rare-disease edition and the cancer edition from ../shared/data, then drives GET /api/directory/search with wrk
# (bounded: fixed duration and connections, loopback only). Prints requests/s and latency percentiles.
#   bench/search-load.sh [DURATION_SECONDS] [CONNECTIONS]
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
shared="${GMS_SHARED_DATA:-$root/../shared/data}"
duration="${1:-20}"
connections="${2:-32}"
threads=$(( connections < 2 ? 1 : 2 ))
command -v wrk >/dev/null || { apt-get update -qq >/dev/null; DEBIAN_FRONTEND=noninteractive apt-get install -y -qq wrk >/dev/null; }

data=$(mktemp -d /tmp/gms-bench.XXXXXX)
port=$(( 52000 + RANDOM % 3000 ))
cleanup() { [[ -n "${pid:-}" ]] && kill "$pid" 2>/dev/null; wait "${pid:-}" 2>/dev/null || true; rm -rf "$data"; }
trap cleanup EXIT

"$root/gms" --data "$data" directory import "$shared/directory/rare_disease/Rare-and-inherited-disease-national-genomic-test-directory-version-5.1.xlsx" >/dev/null
"$root/gms" --data "$data" directory import "$shared/directory/cancer/National-Genomic-Test-Directory-Cancer-November-2020-21.xlsx" >/dev/null
"$root/gms" --data "$data" serve --urls "http://127.0.0.1:$port" >"$data/serve.log" 2>&1 &
pid=$!
for _ in $(seq 1 120); do curl -sf "http://127.0.0.1:$port/health" >/dev/null && break; sleep 0.5; done

# Queries a user types: codes, words of names, gene symbols, prefixes as typed letter by letter.
cat > "$data/queries.lua" <<'LUA'
local queries = {"R134", "hyperchol", "hypercholesterolaemia", "LDLR", "BRCA1", "cardio", "epilepsy", "M1", "R14",
  "intellectual", "PKD1", "retin", "MLH1", "hearing", "TP53", "ataxia", "FBN1", "myopathy", "R208", "colorectal"}
local i = 0
request = function()
  i = i + 1
  return wrk.format("GET", "/api/directory/search?q=" .. queries[(i % #queries) + 1] .. "&limit=20")
end
LUA
# Warm-up, then the measured run.
wrk -t2 -c8 -d3s -s "$data/queries.lua" "http://127.0.0.1:$port" >/dev/null
echo "== directory search: ${duration}s, ${connections} connections, ${threads} thread(s) (wrk on the same 2-core machine)"
wrk -t"$threads" -c"$connections" -d"${duration}s" --latency -s "$data/queries.lua" "http://127.0.0.1:$port"
