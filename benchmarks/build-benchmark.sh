#!/usr/bin/env bash
# Build benchmark: wall time of `dotnet build` of output-samples/HuaweiCloudSample with the generator, against the same
# project with the generated files checked in as plain sources and no generator.
#
#   benchmarks/build-benchmark.sh [NO_CHANGE_RUNS (5)] [TOUCH_RUNS (3)]
#
# Three copies are built, side by side in a temporary folder (the repository is not touched, so concurrent edits of
# generator/ cannot change what is measured half-way):
#   generator   the sample as it is: the generator as a ProjectReference (OutputItemType=Analyzer), the specs as AdditionalFiles;
#   analyzer    the generator as prebuilt analyzer DLLs, as a NuGet package hands it to the compiler (no generator project to check);
#   sources     no generator: the files the first variant generated, compiled as ordinary sources.
# Each is restored and built once (not counted), then, alternating between the three: NO_CHANGE_RUNS builds with no
# change, and TOUCH_RUNS builds after touching Program.cs (the compiler runs again, and with it the generator).
set -euo pipefail
no_change_runs=${1:-5}
touch_runs=${2:-3}
repo=$(cd "$(dirname "$0")/.." && pwd)
work=$(mktemp -d "${TMPDIR:-/tmp}/build-benchmark.XXXXXX")
trap 'rm -rf "$work"' EXIT
export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1 DOTNET_SKIP_FIRST_TIME_EXPERIENCE=1
sample=output-samples/HuaweiCloudSample

copy_sample() { # $1: variant root
  mkdir -p "$1/$sample"
  cp "$repo/Directory.Build.props" "$1/"
  cp "$repo/$sample/HuaweiCloudSample.csproj" "$repo/$sample/Program.cs" "$1/$sample/"
}

# generator: the sample with the generator project, templates and specs next to it, exactly as in the repository.
copy_sample "$work/generator"
mkdir -p "$work/generator/generator"
(cd "$repo/generator" && tar --exclude=./bin --exclude=./obj -cf - .) | (cd "$work/generator/generator" && tar -xf -)
cp -r "$repo/templates" "$repo/specs" "$work/generator/"

echo "Restoring and building each variant once (not counted)..." >&2
dotnet build "$work/generator/$sample" -nologo -v:q >/dev/null
generated="$work/generator/$sample/Generated/OpenApiClientGenerator"
test -d "$generated" || { echo "The generator variant emitted nothing into $generated" >&2; exit 1; }

# analyzer: the generator's DLL and the libraries it loads, as analyzer items.
copy_sample "$work/analyzer"
cp -r "$repo/specs" "$work/analyzer/"
mkdir -p "$work/analyzer/analyzers"
dotnet msbuild "$work/generator/generator/OpenApiClientGenerator.csproj" -nologo -t:GetTargetPath -getItem:TargetPathWithTargetPlatformMoniker \
  | python3 -c 'import json,sys; [print(i["Identity"]) for i in json.load(sys.stdin)["Items"]["TargetPathWithTargetPlatformMoniker"]]' \
  | while read -r dll; do cp "$dll" "$work/analyzer/analyzers/"; done
python3 - "$work/analyzer/$sample/HuaweiCloudSample.csproj" <<'PY'
import re, sys
path = sys.argv[1]
text = open(path).read()
text, n = re.subn(r'<ProjectReference Include="[^"]*OpenApiClientGenerator.csproj"[^>]*/>',
                  '<Analyzer Include="../../analyzers/*.dll" />', text)
assert n == 1, "the sample's generator ProjectReference was not found"
open(path, "w").write(text)
PY
dotnet build "$work/analyzer/$sample" -nologo -v:q >/dev/null

# sources: the generated files as plain sources; no generator, no specs.
mkdir -p "$work/sources/$sample"
cp "$repo/Directory.Build.props" "$work/sources/"
cp "$repo/$sample/Program.cs" "$work/sources/$sample/"
cp -r "$generated" "$work/sources/$sample/GeneratedSources"
cat > "$work/sources/$sample/HuaweiCloudSample.csproj" <<'XML'
<Project Sdk="Microsoft.NET.Sdk">
  <!-- The sample with the generated clients checked in as ordinary sources (GeneratedSources/) and no generator. -->
  <PropertyGroup>
    <OutputType>Exe</OutputType>
    <TargetFramework>net10.0</TargetFramework>
    <RootNamespace>HuaweiCloudSample</RootNamespace>
  </PropertyGroup>
  <ItemGroup>
    <FrameworkReference Include="Microsoft.AspNetCore.App" />
  </ItemGroup>
</Project>
XML
dotnet build "$work/sources/$sample" -nologo -v:q >/dev/null

variants=(generator analyzer sources)
declare -A times
build_ms() { # $1: variant; prints the wall time of one `dotnet build` in milliseconds
  local start end
  start=$(date +%s%N)
  dotnet build "$work/$1/$sample" -nologo -v:q >/dev/null
  end=$(date +%s%N)
  echo $(( (end - start) / 1000000 ))
}

# One build of each with no change first, so that every variant starts from the same up-to-date state.
for v in "${variants[@]}"; do build_ms "$v" >/dev/null; done
for ((i = 1; i <= no_change_runs; i++)); do
  for v in "${variants[@]}"; do times[nochange,$v]+="$(build_ms "$v") "; done
done
for ((i = 1; i <= touch_runs; i++)); do
  for v in "${variants[@]}"; do
    touch "$work/$v/$sample/Program.cs"
    times[touch,$v]+="$(build_ms "$v") "
  done
done

python3 - "$no_change_runs" "$touch_runs" \
  "${times[nochange,generator]}" "${times[nochange,analyzer]}" "${times[nochange,sources]}" \
  "${times[touch,generator]}" "${times[touch,analyzer]}" "${times[touch,sources]}" <<'PY'
import statistics, sys
n, t = sys.argv[1], sys.argv[2]
runs = [[int(x) for x in a.split()] for a in sys.argv[3:]]
names = ["generator (ProjectReference, as in the repo)", "generator as prebuilt analyzer DLLs", "generated files as plain sources, no generator"]
def table(title, rows):
    base = statistics.median(rows[2])
    print(f"\n{title}\n")
    print("| variant | median ms | min ms | runs (ms) | ratio to plain sources (medians) |")
    print("|---|---:|---:|---|---:|")
    for name, r in zip(names, rows):
        print(f"| {name} | {statistics.median(r):.0f} | {min(r)} | {' '.join(map(str, r))} | {statistics.median(r) / base:.2f} |")
table(f"`dotnet build`, no change ({n} runs each, alternating):", runs[0:3])
table(f"`dotnet build` after `touch Program.cs` ({t} runs each, alternating):", runs[3:6])
PY
