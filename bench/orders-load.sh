#!/usr/bin/env bash
# Orders under load: starts `gms serve` on loopback over a fresh store (demo directory, panels and routing table):
# the embedded SQLite store, or PostgreSQL in a throwaway cluster this script starts on loopback and removes. Signs in a requesting clinician and a GLH scientist, then drives with wrk (bounded: fixed duration and
# connections, loopback only):
#   1. POST /api/orders        order submission (R134.1 with DLCN answers; 20 patients found or registered in turn)
#   2. GET  /api/orders/worklist?glh=north-west&status=requested&limit=50   the GLH worklist over what step 1 stored
#   3. GET  /health            the web stack's floor on the same machine in the same run (no database, no auth)
# Every order request is authorised, validated, routed, stored and audited; every worklist request writes one audit
# line per patient it returns. Prints requests/s and latency percentiles.
#   bench/orders-load.sh [DURATION_SECONDS] [CONNECTIONS] [sqlite|postgres]
# PostgreSQL needs the server binaries (PG_BIN, default /usr/lib/postgresql/15/bin); run as root, the cluster runs as
# the postgres user.
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
duration="${1:-10}"
connections="${2:-8}"
store="${3:-sqlite}"
[[ "$store" == sqlite || "$store" == postgres ]] || { echo "store must be sqlite or postgres, not '$store'" >&2; exit 2; }
threads=$(( connections < 2 ? 1 : 2 ))
command -v wrk >/dev/null || { apt-get update -qq >/dev/null; DEBIAN_FRONTEND=noninteractive apt-get install -y -qq wrk >/dev/null; }

data=$(mktemp -d /tmp/gms-orders-bench.XXXXXX)
port=$(( 52000 + RANDOM % 3000 ))
base="http://127.0.0.1:$port"
pg_bin="${PG_BIN:-/usr/lib/postgresql/15/bin}"
as_postgres() { if [[ $(id -u) -eq 0 ]]; then runuser -u postgres -- "$@"; else "$@"; fi; }
cleanup() {
  [[ -n "${pid:-}" ]] && kill "$pid" 2>/dev/null; wait "${pid:-}" 2>/dev/null || true
  [[ -n "${pg_started:-}" ]] && as_postgres "$pg_bin/pg_ctl" -D "$data/pg" -m fast stop >/dev/null 2>&1 || true
  rm -rf "$data"
}
trap cleanup EXIT

gms=("$root/gms" --data "$data")
if [[ "$store" == postgres ]]; then
  pg_port=$(( 55000 + RANDOM % 2000 ))
  [[ $(id -u) -eq 0 ]] && chown postgres "$data"
  as_postgres "$pg_bin/initdb" -D "$data/pg" -U gms --auth=trust >/dev/null
  as_postgres "$pg_bin/pg_ctl" -D "$data/pg" -l "$data/pg.log" -o "-c listen_addresses=127.0.0.1 -p $pg_port -k $data" -w start >/dev/null
  pg_started=1
  as_postgres "$pg_bin/psql" -h 127.0.0.1 -p "$pg_port" -U gms -d postgres -qc "CREATE DATABASE gms_bench" >/dev/null
  gms+=(--db "Host=127.0.0.1;Port=$pg_port;Username=gms;Database=gms_bench")
  chmod 777 "$data"
fi

password="bench-password-not-secret"
"${gms[@]}" db migrate >/dev/null
echo "$password" | "${gms[@]}" users add bench.clinician --role requesting-clinician >/dev/null
echo "$password" | "${gms[@]}" users add bench.scientist --role glh-scientist --glh north-west >/dev/null
"${gms[@]}" serve --urls "$base" >"$data/serve.log" 2>&1 &
pid=$!
for _ in $(seq 1 120); do curl -sf "$base/health" >/dev/null && break; sleep 0.5; done

cookie() {
  curl -sf -c - -H 'Content-Type: application/json' -d "{\"userName\":\"$1\",\"password\":\"$password\"}" "$base/api/account/login" \
    | awk '$6 == "gms.auth" { print $6 "=" $7 }'
}
clinician=$(cookie bench.clinician)
scientist=$(cookie bench.scientist)
[[ -n "$clinician" && -n "$scientist" ]] || { echo "sign-in failed" >&2; exit 1; }

cat > "$data/place.lua" <<'LUA'
local nhs = {"9000000017","9000079209","9000158397","9000237580","9000316774","9000395968","9000475155","9000554349",
  "9000633532","9000712726","9000871107","9000950295","9001029485","9001108679","9001187862","9001346243","9001425437",
  "9001504620","9001583814","9001663001"}
local i = 0
wrk.method = "POST"
wrk.headers["Content-Type"] = "application/json"
request = function()
  i = i + 1
  local n = nhs[(i % #nhs) + 1]
  local body = '{"nhsNumber":"' .. n .. '","newPatient":{"nhsNumber":"' .. n .. '","givenName":"Bench","familyName":"Patient' .. (i % #nhs) ..
    '","dateOfBirth":"1970-01-01","sex":"female"},"testCode":"R134.1","organisationOds":"RW3","hpoTerms":["HP:0003124"],' ..
    '"urgency":"Routine","eligibility":{"fh":{"ldlCholesterolMmolPerL":8.6,"tendonXanthomata":true}}}'
  return wrk.format(nil, "/api/orders", nil, body)
end
response = function(status, headers, body)
  if status ~= 201 then io.stderr:write("unexpected status " .. status .. "\n") end
end
LUA

# Warm-up, then the measured runs.
wrk -t1 -c2 -d2s -H "Cookie: $clinician" -s "$data/place.lua" "$base" >/dev/null
echo "== store: $store; load: $(uptime | sed 's/.*load average/load average/')"
echo "== order submission: POST /api/orders, ${duration}s, ${connections} connections, ${threads} thread(s)"
wrk -t"$threads" -c"$connections" -d"${duration}s" --latency -H "Cookie: $clinician" -s "$data/place.lua" "$base"
orders=$(curl -sf -H "Cookie: $scientist" "$base/api/orders/worklist?glh=north-west&status=requested&limit=500" | grep -o '"id":' | wc -l)
echo "== worklist: GET /api/orders/worklist (50 newest of ${orders}+ requested orders), ${duration}s, ${connections} connections"
wrk -t"$threads" -c"$connections" -d"${duration}s" --latency -H "Cookie: $scientist" "$base/api/orders/worklist?glh=north-west&status=requested&limit=50"
echo "== floor: GET /health, ${duration}s, ${connections} connections"
wrk -t"$threads" -c"$connections" -d"${duration}s" --latency "$base/health"
