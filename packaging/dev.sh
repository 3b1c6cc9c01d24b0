#!/usr/bin/env bash
# One entry point for developers and CI:
#   packaging/dev.sh gui [study]   install what is missing, build, open the workstation
#   packaging/dev.sh test          install what is missing, build, run every test, build the
#                                  Debian package and test it (packaging/test-package.sh), then
#                                  the core and workstation suites again under ASan + UBSan (CI
#                                  runs this; CARDIOSEG_SKIP_PACKAGE=1 leaves the package out,
#                                  CARDIOSEG_SKIP_SANITIZE=1 the sanitizer run)
#   packaging/dev.sh build         install what is missing, build
#   packaging/dev.sh package       build, then build/package/cardioseg_<version>_amd64.deb
#   packaging/dev.sh install       build the package and install it with apt-get (sudo if not root)
#   packaging/dev.sh sanitize      ASan + UBSan build of the core and workstation suites, run
# Environment: BUILD_DIR (default build), SANITIZE_DIR (default build-sanitize), JOBS (default 2),
# CMAKE_ARGS (extra configure flags).
set -euo pipefail

here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
root="$(cd "$here/.." && pwd)"
build="${BUILD_DIR:-$root/build}"
jobs="${JOBS:-2}"
cmd="${1:-}"
[ $# -gt 0 ] && shift

build_project() {
    "$here/install-deps.sh"
    if [ ! -f "$build/build.ninja" ]; then
        # shellcheck disable=SC2086
        cmake -S "$root" -B "$build" -G Ninja -DCMAKE_BUILD_TYPE=Release ${CMAKE_ARGS:-} >/dev/null
    fi
    cmake --build "$build" -j "$jobs"
}

# ctest in the current folder; off-screen rendering needs an X display: Xvfb gives one where
# there is none.
run_ctest() {
    if [ -z "${DISPLAY:-}" ] && command -v xvfb-run >/dev/null 2>&1; then
        xvfb-run -a -s "-screen 0 1600x1000x24" ctest --output-on-failure -j "$jobs" "$@"
    else
        ctest --output-on-failure -j "$jobs" "$@"
    fi
}

# The Debian package (CPack, packaging/CMakeLists.txt) from the Release build; prints its path.
package() {
    build_project >&2
    rm -f "$build"/package/cardioseg_*.deb
    (cd "$build" && cpack -G DEB >/dev/null)
    ls "$build"/package/cardioseg_*_amd64.deb
}

# AddressSanitizer and UndefinedBehaviorSanitizer on every target of ours (README, "Reliability");
# LibTorch, Qt and the other system libraries are not instrumented. Runs the core and workstation
# suites, the fuzz replays and the model-file test (labels core, ui, sanitize).
sanitize() {
    "$here/install-deps.sh"
    local dir="${SANITIZE_DIR:-$root/build-sanitize}"
    if [ ! -f "$dir/build.ninja" ]; then
        # -O1 -g1: quicker to build than -O2 -g, the stacks still name files and lines.
        # shellcheck disable=SC2086
        cmake -S "$root" -B "$dir" -G Ninja -DCMAKE_BUILD_TYPE=RelWithDebInfo \
            -DCMAKE_CXX_FLAGS_RELWITHDEBINFO="-O1 -g1 -DNDEBUG" -DCMAKE_C_FLAGS_RELWITHDEBINFO="-O1 -g1 -DNDEBUG" \
            -DCARDIOSEG_SANITIZE=address,undefined ${CMAKE_ARGS:-} >/dev/null
    fi
    cmake --build "$dir" -j "$jobs" --target core_ui_tests
    local supp="$here/sanitizers"
    (
        cd "$dir"
        export ASAN_OPTIONS="detect_leaks=1:abort_on_error=1:detect_stack_use_after_return=1:check_initialization_order=1"
        export LSAN_OPTIONS="suppressions=$supp/lsan.supp:print_suppressions=0"
        export UBSAN_OPTIONS="print_stacktrace=1:halt_on_error=1:suppressions=$supp/ubsan.supp"
        run_ctest -L "core|ui|sanitize" "$@"
    )
}

case "$cmd" in
    build)
        build_project
        ;;
    gui)
        build_project
        exec "$build/app/cardioseg" "$@"
        ;;
    package)
        package
        ;;
    install)
        deb="$(package)"
        SUDO=""
        [ "$(id -u)" -ne 0 ] && SUDO="sudo"
        $SUDO apt-get install -y "$deb"
        ;;
    test)
        build_project
        (cd "$build" && run_ctest "$@")
        if [ "${CARDIOSEG_SKIP_PACKAGE:-0}" != 1 ]; then
            "$here/test-package.sh" "$(package)"
        fi
        if [ "${CARDIOSEG_SKIP_SANITIZE:-0}" != 1 ]; then
            sanitize
        fi
        ;;
    sanitize)
        sanitize "$@"
        ;;
    *)
        echo "usage: packaging/dev.sh gui [study] | test [ctest args] | build | package | install | sanitize [ctest args]" >&2
        exit 2
        ;;
esac
