#!/usr/bin/env bash
# Data-parallel retraining with `cardioseg-cli train` over several processes (README,
# "Retraining on several machines"). --batch stays the global batch; rank 0 writes the model.
#
# One machine, N processes (CPU threads shared out between them; one GPU each by LOCAL_RANK):
#   packaging/train-cluster.sh local N [--port P] -- --dataset DIR --output MODEL [train options]
#
# Several machines under Slurm: one task per GPU (or one per machine on CPUs), e.g. in an
# sbatch script
#   #SBATCH --nodes=4 --ntasks-per-node=8 --gpus-per-node=8 --cpus-per-task=8
#   srun packaging/train-cluster.sh slurm -- --dataset /shared/scd --output /shared/m.pt --batch 64
# Every task reads the same dataset (a shared file system, or the same copy on each machine).
# GLOO_SOCKET_IFNAME picks the network interface when a machine has several.
#
# CARDIOSEG_CLI: the program (default: cardioseg-cli beside this script, else on PATH, else the
# build folder's).
# Exit status: 0 when every rank succeeded; 2 when a rank was lost or the run was refused (the
# message names the rank); otherwise the first failing rank's.
set -euo pipefail

# The header above, under the name this script was run by (cardioseg-train-cluster when
# installed); --help prints it on stdout and exits 0, a wrong call on stderr and exits 2.
usage() {
    sed -n '2,13p' "${BASH_SOURCE[0]}" | sed 's/^# \{0,1\}//' |
        sed "s|packaging/train-cluster.sh|${0##*/}|g" >&"${1:-2}"
    exit "${2:-2}"
}
case "${1:-}" in -h|--help) usage 1 0 ;; esac

# The program: beside this script when installed, else on PATH, else the build folder's.
here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
cli="${CARDIOSEG_CLI:-}"
if [ -z "$cli" ]; then
    if [ -x "$here/cardioseg-cli" ]; then cli="$here/cardioseg-cli"
    elif command -v cardioseg-cli >/dev/null 2>&1; then cli="$(command -v cardioseg-cli)"
    else cli="${BUILD_DIR:-$here/../build}/app/cardioseg-cli"; fi
fi
[ -x "$cli" ] || { echo "${0##*/}: $cli: not found (set CARDIOSEG_CLI)" >&2; exit 2; }

mode="${1:-}"
[ $# -gt 0 ] && shift
case "$mode" in
    local)
        n="${1:-}"
        if ! [[ "$n" =~ ^[0-9]+$ ]] || [ "$n" -lt 1 ]; then usage; fi
        shift
        port=29500
        while [ $# -gt 0 ] && [ "$1" != "--" ]; do
            case "$1" in
                --port) port="$2"; shift 2 ;;
                *) usage ;;
            esac
        done
        [ "${1:-}" = "--" ] && shift
        # The cores shared out, unless the caller gave --threads.
        threads=()
        case " $* " in
            *" --threads "*) ;;
            *) threads=(--threads "$(( $(nproc) / n > 0 ? $(nproc) / n : 1 ))") ;;
        esac
        pids=()
        # shellcheck disable=SC2317  # called by the trap
        stop() { for p in "${pids[@]}"; do kill -TERM "$p" 2>/dev/null || true; done; }
        trap stop INT TERM
        for (( r = 0; r < n; r++ )); do
            if [ "$r" -eq 0 ]; then
                LOCAL_RANK=$r "$cli" train "$@" "${threads[@]}" --world-size "$n" --rank "$r" \
                    --master "127.0.0.1:$port" &
            else
                # One JSON object on stdout: rank 0's.
                LOCAL_RANK=$r "$cli" train "$@" "${threads[@]}" --world-size "$n" --rank "$r" \
                    --master "127.0.0.1:$port" >/dev/null &
            fi
            pids+=($!)
        done
        status=0
        for p in "${pids[@]}"; do
            code=0
            wait "$p" || code=$?
            # A signal interrupts wait: wait again for the rank itself.
            while kill -0 "$p" 2>/dev/null; do code=0; wait "$p" || code=$?; done
            if [ "$code" -eq 2 ] || { [ "$status" -eq 0 ] && [ "$code" -ne 0 ]; }; then status=$code; fi
        done
        exit "$status"
        ;;
    slurm)
        [ "${1:-}" = "--" ] && shift
        : "${SLURM_PROCID:?train-cluster: slurm mode runs under srun (SLURM_PROCID is not set)}"
        : "${SLURM_NTASKS:?train-cluster: SLURM_NTASKS is not set}"
        master="${MASTER_ADDR:-}"
        if [ -z "$master" ]; then
            master="$(scontrol show hostnames "${SLURM_JOB_NODELIST:?}" | head -n 1)"
        fi
        # One port per job, so that two jobs sharing a first machine do not collide.
        port="${MASTER_PORT:-$(( 29500 + ${SLURM_JOB_ID:-0} % 1000 ))}"
        export WORLD_SIZE="$SLURM_NTASKS" RANK="$SLURM_PROCID" LOCAL_RANK="${SLURM_LOCALID:-0}" \
               MASTER_ADDR="$master" MASTER_PORT="$port"
        if [ "$SLURM_PROCID" -ne 0 ]; then exec "$cli" train "$@" >/dev/null; fi
        exec "$cli" train "$@"
        ;;
    *)
        usage
        ;;
esac
