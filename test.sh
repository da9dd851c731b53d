#!/usr/bin/env bash
# Runs every test: unit, integration (SQLite and a throwaway PostgreSQL on loopback), API and browser tests.
# Installs what it needs from Debian packages when missing (PostgreSQL, Chromium); needs root or sudo for that.
set -uo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
cd "$root"

as_root() { if [[ $(id -u) -eq 0 ]]; then "$@"; else sudo "$@"; fi; }

need=()
pg_bin=$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -n 1)
[[ -n "$pg_bin" && -x "$pg_bin/initdb" ]] || need+=(postgresql)
[[ -x /usr/bin/chromium ]] || need+=(chromium)
command -v bgzip >/dev/null || need+=(tabix)
command -v afl-fuzz >/dev/null || need+=(afl++)
if ((${#need[@]})); then
  echo "test.sh: installing ${need[*]} from Debian packages"
  as_root apt-get update -qq >/dev/null
  DEBIAN_FRONTEND=noninteractive as_root apt-get install -y -qq --no-install-recommends "${need[@]}" >/dev/null || {
    echo "test.sh: could not install ${need[*]}" >&2; exit 1; }
  pg_bin=$(ls -d /usr/lib/postgresql/*/bin | sort -V | tail -n 1)
fi

# A throwaway PostgreSQL cluster on loopback, removed on exit. PostgreSQL refuses to run as root, so as root
# the cluster belongs to the 'postgres' user the Debian package creates.
pg_dir=$(mktemp -d /tmp/gms-pg.XXXXXX)
pg_port=$(( 55000 + RANDOM % 5000 ))
run_pg() { if [[ $(id -u) -eq 0 ]]; then runuser -u postgres -- "$@"; else "$@"; fi; }
[[ $(id -u) -eq 0 ]] && chown postgres "$pg_dir"
cleanup() { run_pg "$pg_bin/pg_ctl" -D "$pg_dir/data" -m immediate stop >/dev/null 2>&1; rm -rf "$pg_dir"; }
trap cleanup EXIT
run_pg "$pg_bin/initdb" -D "$pg_dir/data" -U gms --auth=trust -E UTF8 >/dev/null || { echo "test.sh: initdb failed" >&2; exit 1; }
run_pg "$pg_bin/pg_ctl" -D "$pg_dir/data" -l "$pg_dir/log" -w \
  -o "-c listen_addresses=127.0.0.1 -p $pg_port -k $pg_dir -c fsync=off -c synchronous_commit=off -c full_page_writes=off -c max_connections=200" \
  start >/dev/null || { echo "test.sh: PostgreSQL did not start" >&2; cat "$pg_dir/log" >&2; exit 1; }
export GMS_TEST_POSTGRES="Host=127.0.0.1;Port=$pg_port;Username=gms;Database=postgres;Pooling=true;Timeout=30"
echo "test.sh: PostgreSQL $("$pg_bin/postgres" --version | awk '{print $3}') on 127.0.0.1:$pg_port"

results="$root/artifacts/test-results"
rm -rf "$results"; mkdir -p "$results"
dotnet test --solution OpenGms.slnx -c Release --results-directory "$results" --report-trx "$@" 2>&1 | tee "$results/output.log"
status=${PIPESTATUS[0]}

# Bounded fuzzing of the engine's readers (AFL++ through SharpFuzz): a crash fails the run like a failing test.
# GMS_FUZZ_SECONDS=0 skips it (e.g. when iterating on one test project).
fuzz_seconds=${GMS_FUZZ_SECONDS:-45}
if [[ $fuzz_seconds -gt 0 ]]; then
  fuzz/run.sh "$fuzz_seconds" 2>&1 | tee "$results/fuzz.log"
  fuzz_status=${PIPESTATUS[0]}
  [[ $fuzz_status -ne 0 && $status -eq 0 ]] && status=$fuzz_status
fi

# One plain closing line over every test project, read from the TRX files.
python3 - "$results" <<'PY'
import sys, glob, xml.etree.ElementTree as ET
ns = {'t': 'http://microsoft.com/schemas/VisualStudio/TeamTest/2010'}
passed = failed = skipped = 0
for f in glob.glob(sys.argv[1] + '/**/*.trx', recursive=True):
    c = ET.parse(f).getroot().find('t:ResultSummary/t:Counters', ns)
    if c is None: continue
    passed += int(c.get('passed', 0)); failed += int(c.get('failed', 0)) + int(c.get('error', 0))
    skipped += int(c.get('notExecuted', 0))
print(f"\n{passed} passed, {failed} failed, {skipped} skipped")
PY
exit $status
