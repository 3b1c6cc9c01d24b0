#!/usr/bin/env bash
# The engine against PyTorch-Python on the same network (torchvision's deeplabv3_resnet50,
# 3 classes, 256², same thread count), then the study-level figures:
#   tests/bench/compare_pytorch.sh [build dir] [threads]
# Needs Debian's python3-torchvision (packaging/install-deps.sh --bench installs it).
set -euo pipefail

root="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
build="${1:-$root/build}"
threads="${2:-2}"
cli="$build/app/cardioseg-cli"
python=/usr/bin/python3
[ -x "$python" ] || python=python3
repeat="${REPEAT:-10}"

ref="$("$python" "$root/tests/bench/pytorch_reference.py" bench --threads "$threads" --repeat "$repeat" --json)"
ours_infer="$("$cli" bench infer --arch torchvision-resnet50 --size 256 --batch 1 --threads "$threads" --repeat "$repeat" --json)"
ours_fp32="$("$cli" bench infer --arch torchvision-resnet50 --size 256 --batch 1 --threads "$threads" --repeat "$repeat" --without mixed-precision --json)"
ours_train="$("$cli" bench train --arch torchvision-resnet50 --size 256 --batch 2 --threads "$threads" --repeat $((repeat / 2 > 3 ? repeat / 2 : 3)) --json)"
study="$("$cli" bench study --threads "$threads" --repeat 5 --json)"
load="$("$cli" bench load --threads "$threads" --repeat 10 --json)"

"$python" - "$ref" "$ours_infer" "$ours_train" "$study" "$load" "$ours_fp32" <<'PY'
import json, sys
ref = {r["what"]: r for r in json.loads(sys.argv[1])}
ours = {"infer": json.loads(sys.argv[2]), "train": json.loads(sys.argv[3]), "infer-fp32": json.loads(sys.argv[6])}
ref["infer-fp32"] = ref["infer"]
study, load = json.loads(sys.argv[4]), json.loads(sys.argv[5])
line = ours["infer"].get("roofline", {})
print(f"| torchvision-resnet50, 256², {ref['infer']['threads']} threads | PyTorch-Python | CardioSeg | speed-up | share of peak (PyTorch / CardioSeg) |")
print("|---|---|---|---|---|")
for what, label in (("infer-fp32", "inference, batch 1, fp32 as PyTorch-Python"),
                    ("infer", "inference, batch 1, engine default (" + ours["infer"].get("configuration", "bf16 where the CPU has it") + ")"),
                    ("train", "training step, batch 2 (SGD, fp32)")):
    p, c = ref[what]["median_ms"], ours[what]["median_ms"]
    share = ""
    r = ours[what].get("roofline")
    if r and r["peak_gflops"] > 0:
        share = f"{r['gflop'] * 1000 / p / r['peak_gflops'] * 100:.0f} % / {r['peak_fraction'] * 100:.0f} %"
    print(f"| {label} | {p:.0f} ms | {c:.0f} ms | {p / c:.2f}× | {share} |")
if line:
    print(f"\nPeak: {line['peak_formula']} = {line['peak_gflops']:.0f} GFLOP/s ({line['cpu']}, {line['isa']}); "
          f"{line['gflop']:.1f} GFLOP per image.")
print()
print(f"| study | median |")
print("|---|---|")
print(f"| segment the {study['batch']}-image sample ({study['arch']}, {study['threads']} threads) | {study['median_ms'] / 1000:.2f} s |")
print(f"| load the {load.get('images', load.get('batch', ''))}-image sample | {load['median_ms']:.0f} ms |")
PY
