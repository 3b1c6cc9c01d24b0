#!/usr/bin/env bash
# The engine on a GPU machine that has nothing but a CUDA PyTorch: builds the engine and
# cardioseg-engine-check against the LibTorch bundled with PyTorch (no Qt, DCMTK, OpenCV or VTK
# needed), runs its checks on the GPU and prints the benchmark table.
#   packaging/gpu-check.sh [engine-check args, e.g. --repeat 50]
# Environment: PYTHON (default python3), BUILD_DIR (default build-gpu), JOBS (default: all cores).
# Needs CMake ≥ 3.22, a C++17 compiler and the CUDA toolkit PyTorch's CMake files look for.
set -euo pipefail

here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
root="$(cd "$here/.." && pwd)"
build="${BUILD_DIR:-$root/build-gpu}"
python="${PYTHON:-python3}"
jobs="${JOBS:-$(nproc)}"

prefix="$("$python" -c 'import torch; print(torch.utils.cmake_prefix_path)')"
"$python" -c 'import torch; print("PyTorch", torch.__version__, "CUDA", torch.version.cuda,
      "GPU:", torch.cuda.get_device_name(0) if torch.cuda.is_available() else "none")'
command -v nvidia-smi >/dev/null && nvidia-smi --query-gpu=name,memory.total,driver_version --format=csv,noheader

generator=()
command -v ninja >/dev/null && generator=(-G Ninja)
cmake -S "$root" -B "$build" "${generator[@]}" -DCMAKE_BUILD_TYPE=Release -DCARDIOSEG_ENGINE_ONLY=ON \
    -DCMAKE_PREFIX_PATH="$prefix" >"$build.configure.log" 2>&1 || {
    tail -40 "$build.configure.log"
    exit 1
}
cmake --build "$build" -j "$jobs" --target cardioseg-engine-check
exec "$build/tests/gpu/cardioseg-engine-check" --device cuda "$@"
