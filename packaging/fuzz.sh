#!/usr/bin/env bash
# Builds the fuzz targets with clang-14's libFuzzer, ASan and UBSan, writes their seed corpora
# from the tests' synthetic writers, and runs each target for SECONDS (default 60).
#   packaging/fuzz.sh [seconds] [target ...]
# What a run finds: build-fuzz/artifacts/<target>/ (crash-*, leak-*, timeout-*, oom-*), and the
# exit status is 1. Inputs it discovered stay in build-fuzz/corpus/<target>/; the seeds and every
# input that found a bug (once fixed) belong in tests/fuzz/corpus/<target>/, which ctest replays.
# Environment: BUILD_DIR (default build-fuzz), JOBS (default 2).
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
build="${BUILD_DIR:-$root/build-fuzz}"
jobs="${JOBS:-2}"
seconds="${1:-60}"
shift || true
targets=("$@")
if [ ${#targets[@]} -eq 0 ]; then
    targets=(fuzz_dicom_file fuzz_dicom_folder fuzz_scd_contour fuzz_png_mask fuzz_nifti_mask fuzz_dicom_seg
             fuzz_workspace fuzz_versions fuzz_model_info fuzz_model_archive)
fi
command -v clang++-14 >/dev/null || { echo "fuzz.sh: needs clang-14 and libclang-rt-14-dev (apt-get install clang-14 libclang-rt-14-dev)" >&2; exit 2; }

if [ ! -f "$build/build.ninja" ]; then
    CC=clang-14 CXX=clang++-14 cmake -S "$root" -B "$build" -G Ninja -DCMAKE_BUILD_TYPE=RelWithDebInfo \
        -DCARDIOSEG_FUZZ=ON -DCARDIOSEG_SANITIZE=address,undefined -DCARDIOSEG_WITH_TORCH=OFF \
        -DCARDIOSEG_BUILD_GUI=OFF >/dev/null
fi
cmake --build "$build" -j "$jobs" --target fuzz_seeds "${targets[@]}"

# Seeds of this run (runs of different targets may go on side by side).
seeds="$(mktemp -d "$build/seeds.XXXXXX")"
trap 'rm -rf "$seeds"' EXIT
"$build/tests/fuzz/fuzz_seeds" "$seeds" >/dev/null
export ASAN_OPTIONS="detect_leaks=1:allocator_may_return_null=1"
export LSAN_OPTIONS="suppressions=$root/packaging/sanitizers/lsan.supp:print_suppressions=0"
export UBSAN_OPTIONS="print_stacktrace=1:halt_on_error=1"
found=0
for t in "${targets[@]}"; do
    corpus="$build/corpus/$t"
    artifacts="$build/artifacts/$t"
    mkdir -p "$corpus" "$artifacts"
    dict=()
    case "$t" in fuzz_dicom_*) dict=(-dict="$root/tests/fuzz/dicom.dict") ;; esac
    echo "== $t: $seconds s"
    # 2 GB of memory at most, one allocation of 512 MB at most, 10 s per input at most.
    inputs=("$corpus")  # new inputs go to the first folder; seeds and the kept corpus are read
    for d in "$seeds/$t" "$root/tests/fuzz/corpus/$t"; do [ -d "$d" ] && inputs+=("$d"); done
    if ! "$build/tests/fuzz/$t" "${inputs[@]}" "${dict[@]}" \
        -max_total_time="$seconds" -rss_limit_mb=2048 -malloc_limit_mb=512 -timeout=10 -max_len=65536 \
        -artifact_prefix="$artifacts/" -print_final_stats=1 2>"$build/$t.log"; then
        found=1
        echo "   FOUND: see $artifacts and $build/$t.log"
    fi
    grep -E "^stat::number_of_executed_units|^stat::new_units_added" "$build/$t.log" | sed 's/^/   /' || true
done
exit $found
