#!/usr/bin/env python3
# Copies a generated output directory, emptying one kind of method body ({ }, same signature) in its model files, so
# that benchmarks/compile-pair.sh can show what that kind costs the consumer's compile (RESULTS.md §7, "What the model
# files' members cost the consumer's compile"). Usage: empty-model-bodies.py SOURCE_DIR TARGET_DIR reader|writer|validate
import sys, os, re, shutil
src, dst, kind = sys.argv[1:4]
sig = {"validate": "internal void ValidateMembers(ValidationContext context)",
       "reader": None, "writer": "void IJsonWritable.WriteTo(Utf8JsonWriter writer)"}[kind]
shutil.rmtree(dst, ignore_errors=True); os.makedirs(dst)
n = 0
for f in os.listdir(src):
    text = open(os.path.join(src, f)).read()
    if ".Models." in f:
        lines = text.split("\n"); out = []; i = 0
        while i < len(lines):
            l = lines[i]; s = l.strip()
            hit = (s == sig) if sig else (s.startswith("internal ") and s.endswith("(ref Utf8JsonReader reader)"))
            if hit and i + 1 < len(lines) and lines[i+1].strip() == "{":
                ind = lines[i+1][:len(lines[i+1]) - len(lines[i+1].lstrip())]
                j = i + 2
                while lines[j] != ind + "}": j += 1
                out += [l, ind + "{", ind + "}"]; i = j + 1; n += 1; continue
            out.append(l); i += 1
        text = "\n".join(out)
    open(os.path.join(dst, f), "w").write(text)
print(kind, n, "bodies stubbed")
