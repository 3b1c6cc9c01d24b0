#pragma once

// Data-parallel training over several processes and machines on PyTorch's own distributed
// engine (c10d): a TCPStore on the master for the rendezvous, Gloo on CPUs, NCCL on GPUs when
// this LibTorch has it. This header is light (no LibTorch); the tensor-level operations the
// trainer and the network use are in engine/collectives.h.

#include <chrono>
#include <cstdint>
#include <functional>
#include <map>
#include <memory>
#include <stdexcept>
#include <string>
#include <vector>

namespace cardioseg::engine {

struct DistributedOptions {
    int worldSize = 1;
    int rank = 0;
    int localRank = 0;  ///< picks the GPU on a machine with several
    std::string masterAddr = "127.0.0.1";
    int masterPort = 29500;
    /// Longest wait for a peer: joining, every collective, the heartbeat. A rank that dies or
    /// hangs is named by every other within about this (a dead one's closed connections are
    /// seen at once).
    std::chrono::milliseconds timeout{std::chrono::seconds(120)};
    std::string
        backend;        ///< "gloo", "nccl", or empty: nccl on CUDA (when built with it), else gloo
    bool cuda = false;  ///< training runs on CUDA (empty backend then means nccl)
    /// All-reduce buckets of gradients of about this size; 0: one all-reduce after the backward
    /// pass (nothing overlapped).
    std::size_t bucketBytes = 4u << 20;
    /// Called from the heartbeat thread when another rank has reported a lost peer, or the
    /// master is gone, while this rank waits: by default prints the message on stderr and ends
    /// the process with exit status 2 (a collective could otherwise wait for its timeout).
    std::function<void(const std::string& message)> abort;
};

/// The processes of a run: WORLD_SIZE, RANK, LOCAL_RANK, MASTER_ADDR, MASTER_PORT (what
/// torchrun and the Slurm launch in packaging/train-cluster.sh set) where they are set, then the
/// flags where given (worldSize > 0, rank >= 0, master "HOST:PORT" not empty); one process
/// when neither names a world size. Throws std::invalid_argument naming the variable or flag
/// whose value is not usable, or a world size above 1 without a rank.
DistributedOptions distributedOptions(int worldSize = 0, int rank = -1,
                                      const std::string& master = {});
/// "HOST:PORT" → masterAddr, masterPort; throws std::invalid_argument.
void parseMaster(const std::string& text, DistributedOptions& options);
/// Checks ranks, world size and port; throws std::invalid_argument with the reason.
void validate(const DistributedOptions& options);

/// A peer was lost, hung, refused the run (other data or model) or could not be reached.
/// `ranks` names the ranks at fault where they are known.
class DistributedError : public std::runtime_error {
public:
    DistributedError(const std::string& message, std::vector<int> ranks = {})
        : std::runtime_error(message), m_ranks(std::move(ranks)) {}
    const std::vector<int>& ranks() const { return m_ranks; }

private:
    std::vector<int> m_ranks;
};

/// Whether this build can train on several processes (LibTorch's Gloo process group; NCCL
/// for "nccl").
bool distributedAvailable(const std::string& backend = "gloo");

/// One process's membership of a training run. The constructor joins the others (rank 0 hosts
/// the rendezvous store), and throws DistributedError for a busy master port, a master that
/// cannot be reached or ranks that do not join within the timeout. A heartbeat thread keeps
/// each rank's sign of life and iteration in the store, so that when a collective fails every
/// surviving rank names the lost one, and stops within the timeout even where its own
/// collective would wait longer. finish() (after the last collective) leaves cleanly.
class Distributed {
public:
    explicit Distributed(const DistributedOptions& options);
    ~Distributed();
    Distributed(const Distributed&) = delete;
    Distributed& operator=(const Distributed&) = delete;

    int rank() const;
    int worldSize() const;
    std::string backend() const;
    const DistributedOptions& options() const;

    /// Every rank gives its values (what it trains: "model", "data", "options", ...); throws
    /// DistributedError on every rank, naming the ranks and the entry, when any differs from
    /// rank 0's. Collective: all ranks call it with the same keys.
    void requireSame(const std::map<std::string, std::string>& values);
    /// Logical OR over the ranks (cancellation, time budget). Collective.
    bool any(bool value);
    /// The sum over the ranks, element by element. Collective.
    std::vector<double> sum(const std::vector<double>& values);
    /// Waits for every rank. Collective.
    void barrier();

    /// The iteration this rank is at (shown in the fault report of the others).
    void setIteration(std::int64_t iteration);
    /// Time spent waiting for collectives so far (communication not hidden behind compute).
    double communicationSeconds() const;
    void addCommunicationSeconds(double seconds);

    /// Stops the heartbeat and waits for every rank to do so; after it no collective may run.
    /// Called by the destructor when not before.
    void finish();

    /// Turns a failed collective (`what`: its error) into the DistributedError every rank
    /// reports: finds which rank is lost or stuck from the heartbeats, tells the others, and
    /// throws. Does not return.
    [[noreturn]] void fail(const std::string& what);
    /// This rank cannot go on (`message` says why): tells the others, which stop with the same
    /// message, and throws it as a DistributedError. Does not return.
    [[noreturn]] void abortAll(const std::string& message);
    /// After a collective failed (inside the backward pass its error reaches the trainer
    /// re-wrapped): throws the DistributedError fail() made; returns when none.
    void rethrowFailure() const;

    struct Impl;
    Impl* impl() const { return m_impl.get(); }

private:
    std::unique_ptr<Impl> m_impl;
};

}  // namespace cardioseg::engine
