#!/usr/bin/env bash
# Compiles two sets of generated files (for example a spec's output before and after a change to the templates)
# as a consumer's build does, both builds started together so that whatever else loads the machine loads both
# alike, and prints the processor-time ratio of each round. Processor time, not wall time: on a loaded machine
# the pair's wall times swing together, their CPU times much less.
#
#   dotnet benchmarks/GenerationBenchmarks/bin/Release/net10.0/GenerationBenchmarks.dll --host /tmp/before github.openapi.json
#   (change the templates, rebuild the benchmark, run it again into /tmp/after)
#   benchmarks/compile-pair.sh /tmp/before /tmp/after 3
#
# Each side is a net10.0 library with nullable on, built in Debug with `dotnet build --no-incremental` and
# `-p:UseSharedCompilation=false`, so the compiler runs as MSBuild's child and GNU time counts it. The generated
# files are compiled as plain sources: the generator itself does not run.
set -euo pipefail

if [[ $# -lt 2 ]]; then
  echo "usage: $0 BEFORE_DIR AFTER_DIR [ROUNDS]" >&2
  exit 2
fi

before=$(realpath "$1")
after=$(realpath "$2")
rounds=${3:-3}
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

make_project() {
  local name=$1 sources=$2
  mkdir -p "$work/$name"
  cat >"$work/$name/Consumer.csproj" <<EOF
<Project Sdk="Microsoft.NET.Sdk">
  <PropertyGroup>
    <TargetFramework>net10.0</TargetFramework>
    <Nullable>enable</Nullable>
    <ImplicitUsings>enable</ImplicitUsings>
    <EnableDefaultCompileItems>false</EnableDefaultCompileItems>
    <NoWarn>\$(NoWarn);CS0436</NoWarn>
  </PropertyGroup>
  <ItemGroup>
    <Compile Include="$sources/*.cs" />
  </ItemGroup>
</Project>
EOF
  dotnet restore "$work/$name" -nologo -v:q -tl:off >/dev/null
}

# Prints "user+system peak_KiB" of one build; fails loudly when the build does.
build() {
  local name=$1
  /usr/bin/time -f "%U %S %M" -o "$work/$name.time" \
    dotnet build "$work/$name" --no-restore --no-incremental -nologo -v:q -tl:off -m:1 -nodeReuse:false \
      -p:UseSharedCompilation=false -clp:NoSummary\;ErrorsOnly >"$work/$name.log" 2>&1 \
    || { echo "build of $name failed:" >&2; tail -20 "$work/$name.log" >&2; return 1; }
  awk '{ printf "%.1f %d\n", $1 + $2, $3 }' "$work/$name.time"
}

make_project before "$before"
make_project after "$after"

echo "round  before CPU s (peak MiB)  after CPU s (peak MiB)  after/before"
ratios=()
for ((round = 1; round <= rounds; round++)); do
  build before >"$work/before.out" &
  pid_before=$!
  build after >"$work/after.out" &
  pid_after=$!
  wait "$pid_before"
  wait "$pid_after"
  read -r cpu_before peak_before <"$work/before.out"
  read -r cpu_after peak_after <"$work/after.out"
  ratio=$(awk -v a="$cpu_after" -v b="$cpu_before" 'BEGIN { printf "%.3f", a / b }')
  ratios+=("$ratio")
  printf "%5d  %10.1f (%5d)         %10.1f (%5d)        %s\n" "$round" "$cpu_before" $((peak_before / 1024)) \
    "$cpu_after" $((peak_after / 1024)) "$ratio"
done
printf "median after/before: %s\n" "$(printf "%s\n" "${ratios[@]}" | sort -n | awk '{ a[NR] = $1 } END { print a[int((NR + 1) / 2)] }')"
