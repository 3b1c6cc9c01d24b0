#!/usr/bin/python3
"""The reference CardioSeg's engine is compared with: torchvision's DeepLab v3 in PyTorch-Python.

Runs Debian's python3-torch / python3-torchvision (no download: no pretrained weights).

  pytorch_reference.py bench [--arch resnet50] [--size 256] [--threads 2] [--repeat 10] [--json]
      median time of one inference (batch 1, eval, no_grad, argmax as the engine's benchmark) and
      of one training step (batch 2, SGD momentum 0.9, weight decay 5e-4, cross-entropy), after
      warm-up; the same runs as `cardioseg-cli bench infer|train --arch torchvision-resnet50`.

  pytorch_reference.py export DIR [--arch resnet50] [--size 256] [--seed 0]
      writes DIR/state_dict.pt (random weights, batch-norm statistics randomised so that folding
      them matters), DIR/input.pt (one 3-channel image) and DIR/output.pt (torchvision's logits
      for it, eval mode), all with torch.save, for the engine's parity check.
"""
import argparse
import json
import statistics
import sys
import time

import torch
import torchvision


def build(arch, classes=3):
    factory = {
        "resnet50": torchvision.models.segmentation.deeplabv3_resnet50,
        "resnet101": torchvision.models.segmentation.deeplabv3_resnet101,
    }[arch]
    # weights_backbone=None: no ImageNet weights (they would be downloaded).
    return factory(weights=None, weights_backbone=None, num_classes=classes, aux_loss=False)


def timed(fn, repeat, warmup):
    times = []
    for i in range(warmup + repeat):
        t0 = time.perf_counter()
        fn()
        ms = (time.perf_counter() - t0) * 1000.0
        if i >= warmup:
            times.append(ms)
    return statistics.median(times), len(times)


def bench(args):
    torch.set_num_threads(args.threads)
    torch.manual_seed(0)
    results = []
    net = build(args.arch)

    net.eval()
    x = torch.randn(1, 3, args.size, args.size)

    def infer():
        with torch.no_grad():
            net(x)["out"].argmax(1)

    med, n = timed(infer, args.repeat, args.warmup)
    results.append({"what": "infer", "batch": 1, "median_ms": med, "n": n})

    net.train()
    opt = torch.optim.SGD(net.parameters(), lr=0.01, momentum=0.9, weight_decay=5e-4)
    xb = torch.randn(2, 3, args.size, args.size)
    yb = torch.randint(0, 3, (2, args.size, args.size))

    def step():
        opt.zero_grad()
        loss = torch.nn.functional.cross_entropy(net(xb)["out"], yb)
        loss.backward()
        opt.step()

    med, n = timed(step, max(3, args.repeat // 2), args.warmup)
    results.append({"what": "train", "batch": 2, "median_ms": med, "n": n})

    for r in results:
        r.update({"arch": "torchvision-" + args.arch, "size": args.size, "threads": torch.get_num_threads(),
                  "device": "cpu", "runtime": "pytorch-python " + torch.__version__})
    if args.json:
        print(json.dumps(results, indent=2))
    else:
        for r in results:
            print(f"{r['what']}: {r['arch']}, {r['size']}x{r['size']}, batch {r['batch']}, "
                  f"{r['threads']} threads, PyTorch-Python: median {r['median_ms']:.1f} ms over {r['n']} runs")


def export(args):
    import os

    torch.manual_seed(args.seed)
    net = build(args.arch)
    # Random batch-norm statistics and affine parameters: with the defaults (mean 0, var 1,
    # γ 1, β 0) folding would be the identity and prove nothing.
    with torch.no_grad():
        for m in net.modules():
            if isinstance(m, torch.nn.BatchNorm2d):
                m.running_mean.uniform_(-0.2, 0.2)
                m.running_var.uniform_(0.5, 1.5)
                m.weight.uniform_(0.5, 1.5)
                m.bias.uniform_(-0.2, 0.2)
    net.eval()
    x = torch.randn(1, 3, args.size, args.size)
    with torch.no_grad():
        y = net(x)["out"]
    os.makedirs(args.dir, exist_ok=True)
    state = {k: v.contiguous() for k, v in net.state_dict().items()}
    torch.save(state, os.path.join(args.dir, "state_dict.pt"))
    torch.save(x, os.path.join(args.dir, "input.pt"))
    torch.save(y, os.path.join(args.dir, "output.pt"))
    print(json.dumps({"dir": args.dir, "arch": "torchvision-" + args.arch, "tensors": len(state),
                      "parameters": sum(p.numel() for p in net.parameters()),
                      "output_shape": list(y.shape)}))


def main():
    p = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    sub = p.add_subparsers(dest="command", required=True)
    b = sub.add_parser("bench")
    b.add_argument("--repeat", type=int, default=10)
    b.add_argument("--warmup", type=int, default=2)
    b.add_argument("--threads", type=int, default=2)
    b.add_argument("--json", action="store_true")
    e = sub.add_parser("export")
    e.add_argument("dir")
    e.add_argument("--seed", type=int, default=0)
    for s in (b, e):
        s.add_argument("--arch", choices=["resnet50", "resnet101"], default="resnet50")
        s.add_argument("--size", type=int, default=256)
    args = p.parse_args()
    (bench if args.command == "bench" else export)(args)


if __name__ == "__main__":
    sys.exit(main())
