#!/usr/bin/env bash
# Fuzzes the engine's VCF reader/validator and index parser with AFL++ through SharpFuzz, for a bounded time.
#
#   fuzz/run.sh [SECONDS_PER_TARGET] [TARGET...]     targets: vcf index (default: both), seconds default 60
#
# Exit codes: 0 no crash found; 1 AFL found crashes or hangs (the inputs are copied to artifacts/fuzz/<target>/crashes,
# replay one with `dotnet artifacts/fuzz/replay/OpenGms.Fuzz.dll <target> FILE`); 2 set-up failed (afl-fuzz missing...).
# Seeds: small files from ../shared/data (conformance VCFs, indexes) when present, plus a few written here.
set -euo pipefail
# No `head` in these pipelines: with pipefail, a reader that stops early makes the writer die of SIGPIPE (exit 141).
cd "$(dirname "$0")/.."
root=$PWD
seconds=${1:-60}
shift || true
targets=("$@")
[ ${#targets[@]} -gt 0 ] || targets=(vcf index)

if ! command -v afl-fuzz >/dev/null; then
    if [ "$(id -u)" = 0 ] && command -v apt-get >/dev/null; then
        DEBIAN_FRONTEND=noninteractive apt-get install -y -qq afl++ >/dev/null
    else
        echo "fuzz: afl-fuzz not found; install Debian's afl++" >&2
        exit 2
    fi
fi

out=$root/artifacts/fuzz
bin=$out/bin
rm -rf "$out"
mkdir -p "$bin"
dotnet tool restore >/dev/null
dotnet build fuzz/OpenGms.Fuzz -c Release -o "$bin" -v quiet -nologo >"$out/build.log" 2>&1 || { cat "$out/build.log"; exit 2; }
# An uninstrumented copy replays crashes outside AFL (instrumented code needs AFL's shared memory).
cp -r "$bin" "$out/replay"
# Instrument only the engine: coverage of the code under test guides AFL; the harness and the BCL stay as they are.
dotnet sharpfuzz "$bin/OpenGms.Genomics.dll" >/dev/null

shared=$root/../shared/data
seed_vcf() {
    local dir=$1
    mkdir -p "$dir"
    printf '##fileformat=VCFv4.3\n##contig=<ID=1,length=1000>\n##INFO=<ID=DP,Number=1,Type=Integer,Description="Depth">\n##FORMAT=<ID=GT,Number=1,Type=String,Description="Genotype">\n##FORMAT=<ID=AD,Number=R,Type=Integer,Description="Depths">\n#CHROM\tPOS\tID\tREF\tALT\tQUAL\tFILTER\tINFO\tFORMAT\tS1\tS2\n1\t10\t.\tAC\tA,ACC\t50\tPASS\tDP=7\tGT:AD\t0/1:3,4,0\t1|2:0,2,2\n1\t20\trs1\tG\t<DEL>\t.\t.\t.\tGT\t.\t1\n' >"$dir/seed1.vcf"
    gzip -c "$dir/seed1.vcf" >"$dir/seed2.vcf.gz"
    if [ -d "$shared/variants/vcf-conformance" ]; then
        find "$shared/variants/vcf-conformance" -type f -size -2k \( -name '*.vcf' -o -name '*.vcf.gz' \) | sort | awk 'NR <= 40' |
            while read -r f; do cp "$f" "$dir/$(echo "$f" | md5sum | cut -c1-12)-$(basename "$f")"; done
    fi
}
seed_index() {
    local dir=$1
    mkdir -p "$dir"
    if [ -d "$shared/variants" ]; then
        find "$shared/variants" -type f -size -20k \( -name '*.tbi' -o -name '*.csi' \) | sort | awk 'NR <= 8' |
            while read -r f; do gzip -dc "$f" >"$dir/$(basename "$f").raw" 2>/dev/null || true; done
    fi
    printf 'TBI\001\001\000\000\000\002\000\000\000\001\000\000\000\002\000\000\000\000\000\000\000#\000\000\000\000\000\000\000\0061\000\000\000\000\000\000\000\000\000' >"$dir/tiny.tbi.raw"
}

export AFL_SKIP_BIN_CHECK=1 AFL_NO_UI=1 AFL_SKIP_CPUFREQ=1 AFL_I_DONT_CARE_ABOUT_MISSING_CRASHES=1 AFL_NO_AFFINITY=1
status=0
for target in "${targets[@]}"; do
    seed_"$target" "$out/$target/seeds"
    echo "fuzz: $target for ${seconds}s ($(ls "$out/$target/seeds" | wc -l) seeds)"
    afl-fuzz -V "$seconds" -i "$out/$target/seeds" -o "$out/$target/findings" -t 5000 -m none \
        -- dotnet "$bin/OpenGms.Fuzz.dll" "$target" >"$out/$target/afl.log" 2>&1 || {
        echo "fuzz: afl-fuzz failed for $target:" >&2; tail -30 "$out/$target/afl.log" >&2; exit 2; }
    stats=$out/$target/findings/default/fuzzer_stats
    execs=$(awk -F: '/^execs_done/ {gsub(/ /,"",$2); print $2}' "$stats")
    paths=$(awk -F: '/^corpus_count/ {gsub(/ /,"",$2); print $2}' "$stats")
    crashes=$(find "$out/$target/findings/default/crashes" -type f -name 'id:*' | wc -l)
    hangs=$(find "$out/$target/findings/default/hangs" -type f -name 'id:*' | wc -l)
    echo "fuzz: $target: $execs executions, $paths corpus entries, $crashes crashes, $hangs hangs"
    if [ "$crashes" -gt 0 ] || [ "$hangs" -gt 0 ]; then
        mkdir -p "$out/$target/crashes"
        cp "$out/$target/findings/default/crashes/"id:* "$out/$target/findings/default/hangs/"id:* "$out/$target/crashes/" 2>/dev/null || true
        for f in $(ls "$out/$target/crashes/"* | awk 'NR <= 3'); do
            echo "--- $f" >&2
            timeout 20 dotnet "$out/replay/OpenGms.Fuzz.dll" "$target" "$f" 2>&1 | tail -8 >&2 || true
        done
        status=1
    fi
done
exit $status
