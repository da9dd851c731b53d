#!/usr/bin/env bash
# The `gms` launcher: builds the CLI in Release on first use and whenever a source changed, then runs it.
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
dll="$root/artifacts/bin/OpenGms.Cli/release/OpenGms.Cli.dll"
stamp="$root/artifacts/.gms-build-stamp"

needs_build() {
  [[ -f "$dll" && -f "$stamp" ]] || return 0
  [[ -n "$(find "$root/src" "$root/Directory.Build.props" "$root/Directory.Packages.props" "$root/global.json" \
      -newer "$stamp" \( -name '*.cs' -o -name '*.csproj' -o -name '*.props' -o -name '*.json' -o -name '*.cshtml' \
      -o -name '*.css' -o -name '*.js' -o -name '*.sql' -o -name '*.tsv' -o -name '*.json.gz' \) -print -quit 2>/dev/null)" ]]
}

if needs_build; then
  mkdir -p "$root/artifacts"
  exec 9>"$root/artifacts/.gms-build-lock"
  flock 9
  if needs_build; then
    echo "gms: building (Release)..." >&2
    touch "$stamp.new"
    if ! dotnet build "$root/src/OpenGms.Cli/OpenGms.Cli.csproj" -c Release -nologo -v quiet >"$root/artifacts/gms-build.log" 2>&1; then
      grep -E "error|rror\(s\)" "$root/artifacts/gms-build.log" >&2 || cat "$root/artifacts/gms-build.log" >&2
      echo "gms: build failed (full log: artifacts/gms-build.log)" >&2
      exit 1
    fi
    mv "$stamp.new" "$stamp"
  fi
  exec 9>&-
fi
exec dotnet "$dll" "$@"
