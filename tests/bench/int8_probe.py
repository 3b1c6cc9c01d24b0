#!/usr/bin/env python3
# int8 (static, FX graph mode, oneDNN/qnnpack engines) vs fp32 on a replica of the shipped
# network's shape (DeepLab v3, ResNet-18 width 24, output stride 8, ASPP 96): speed only.
# Usage: /usr/bin/python3 tests/bench/int8_probe.py SIZE THREADS (Debian's python3-torch).
# Speed only: random weights, random calibration inputs; the engine does not run int8 yet.
import sys, time, torch, torch.nn as nn, torch.nn.functional as F
from torch.ao.quantization import get_default_qconfig_mapping
from torch.ao.quantization.quantize_fx import prepare_fx, convert_fx

def cbr(i, o, k=3, s=1, d=1):
    return nn.Sequential(nn.Conv2d(i, o, k, s, (k // 2) * d, d, bias=False), nn.BatchNorm2d(o), nn.ReLU())

class Block(nn.Module):
    def __init__(s, i, o, stride, dil):
        super().__init__()
        s.c1 = cbr(i, o, 3, stride, dil); s.c2 = nn.Conv2d(o, o, 3, 1, dil, dil, bias=False); s.b2 = nn.BatchNorm2d(o)
        s.down = None if (stride == 1 and i == o) else nn.Sequential(nn.Conv2d(i, o, 1, stride, bias=False), nn.BatchNorm2d(o))
        s.relu = nn.ReLU(); s.add = torch.ao.nn.quantized.FloatFunctional()
    def forward(s, x):
        idt = x if s.down is None else s.down(x)
        return s.relu(s.add.add(s.b2(s.c2(s.c1(x))), idt))

class Net(nn.Module):
    def __init__(s, w=24, c=96):
        super().__init__()
        s.stem = nn.Sequential(cbr(1, w, 7, 2), nn.MaxPool2d(3, 2, 1))
        cfg = [(w, w, 1, 1), (w, 2 * w, 2, 1), (2 * w, 4 * w, 1, 2), (4 * w, 8 * w, 1, 4)]
        s.layers = nn.Sequential(*[nn.Sequential(Block(i, o, st, d), Block(o, o, 1, d)) for i, o, st, d in cfg])
        s.aspp = nn.ModuleList([cbr(8 * w, c, 1)] + [cbr(8 * w, c, 3, 1, r) for r in (12, 24, 36)])
        s.pool = nn.Sequential(nn.AdaptiveAvgPool2d(1), cbr(8 * w, c, 1))
        s.proj = cbr(5 * c, c, 1); s.head = nn.Sequential(cbr(c, c, 3), nn.Conv2d(c, 3, 1))
    def forward(s, x):
        f = s.layers(s.stem(x))
        p = F.interpolate(s.pool(f), size=f.shape[-2:], mode="bilinear", align_corners=False)
        y = s.head(s.proj(torch.cat([m(f) for m in s.aspp] + [p], 1)))
        return F.interpolate(y, size=x.shape[-2:], mode="bilinear", align_corners=False)

def bench(m, x, n=15):
    with torch.inference_mode():
        for _ in range(3): m(x)
        t = []
        for _ in range(n):
            t0 = time.perf_counter(); m(x); t.append(time.perf_counter() - t0)
    t.sort(); return 1000 * t[len(t) // 2]

size, threads = int(sys.argv[1]), int(sys.argv[2])
torch.set_num_threads(threads); torch.manual_seed(0)
net = Net().eval(); x = torch.randn(1, 1, size, size)
fp32 = bench(net, x)
out = {"size": size, "threads": threads, "fp32_ms": fp32}
for engine in ("onednn", "qnnpack"):
    try:
        torch.backends.quantized.engine = engine
        qm = get_default_qconfig_mapping(engine if engine != "onednn" else "onednn")
        prepared = prepare_fx(net, qm, example_inputs=(x,))
        with torch.inference_mode():
            for _ in range(8): prepared(torch.randn(1, 1, size, size))
        q = convert_fx(prepared)
        out[engine + "_int8_ms"] = bench(q, x)
    except Exception as e:
        out[engine + "_int8_ms"] = "failed: " + str(e)[:200]
print(out)
