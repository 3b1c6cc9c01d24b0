#include "engine/distributed.h"

#include <torch/torch.h>

#include <algorithm>
#include <atomic>
#include <condition_variable>
#include <cstdio>
#include <cstdlib>
#include <mutex>
#include <set>
#include <sstream>
#include <thread>

#include "engine/collectives.h"

// Set by core/CMakeLists.txt for this file alone when the headers are there: Gloo's
// (libgloo-dev) with LibTorch's c10d, NCCL's with a CUDA LibTorch.
#if defined(CARDIOSEG_WITH_GLOO) || defined(CARDIOSEG_WITH_NCCL)
#define CARDIOSEG_WITH_C10D
#endif

#ifdef CARDIOSEG_WITH_C10D
#include <torch/csrc/distributed/c10d/TCPStore.hpp>
#ifdef CARDIOSEG_WITH_GLOO
#ifndef USE_C10D_GLOO
#define USE_C10D_GLOO
#endif
#include <torch/csrc/distributed/c10d/ProcessGroupGloo.hpp>
#endif
#ifdef CARDIOSEG_WITH_NCCL
#ifndef USE_C10D_NCCL
#define USE_C10D_NCCL
#endif
#include <torch/csrc/distributed/c10d/ProcessGroupNCCL.hpp>
#endif
#if TORCH_VERSION_MAJOR >= 2
#include <torch/csrc/distributed/c10d/Backend.hpp>
#endif
#endif

namespace cardioseg::engine {

namespace {

int parseInt(const std::string& text, const std::string& what) {
    std::size_t used = 0;
    int value = 0;
    try {
        value = std::stoi(text, &used);
    } catch (const std::exception&) {
        used = 0;
    }
    if (text.empty() || used != text.size())
        throw std::invalid_argument(what + ": '" + text + "' is not a whole number");
    return value;
}

std::string firstLine(const std::string& text, std::size_t limit = 240) {
    std::string line = text.substr(0, text.find('\n'));
    if (line.size() > limit) line = line.substr(0, limit) + "...";
    return line;
}

std::string seconds(std::chrono::milliseconds t) {
    std::ostringstream s;
    s << static_cast<double>(t.count()) / 1000.0 << " s";
    return s.str();
}

std::string rankList(const std::vector<int>& ranks) {
    std::string s;
    for (std::size_t k = 0; k < ranks.size(); ++k)
        s += (k == 0 ? "" : k + 1 == ranks.size() ? " and " : ", ") + std::to_string(ranks[k]);
    return (ranks.size() == 1 ? "rank " : "ranks ") + s;
}

void defaultAbort(const std::string& message) {
    std::fprintf(stderr, "cardioseg-cli: %s\n", message.c_str());
    std::fflush(stderr);
    std::_Exit(2);
}

}  // namespace

void parseMaster(const std::string& text, DistributedOptions& options) {
    const auto colon = text.rfind(':');
    if (colon == std::string::npos || colon == 0)
        throw std::invalid_argument("--master: '" + text + "' is not HOST:PORT");
    std::string host = text.substr(0, colon);
    if (host.size() > 2 && host.front() == '[' && host.back() == ']')
        host = host.substr(1, host.size() - 2);
    options.masterAddr = host;
    options.masterPort = parseInt(text.substr(colon + 1), "--master port");
}

DistributedOptions distributedOptions(int worldSize, int rank, const std::string& master) {
    auto get = [](const char* name) -> const char* {
        const char* v = std::getenv(name);
        return v && *v ? v : nullptr;
    };
    DistributedOptions o;
    if (const char* v = get("WORLD_SIZE")) o.worldSize = parseInt(v, "WORLD_SIZE");
    bool ranked = false;
    if (const char* v = get("RANK")) o.rank = parseInt(v, "RANK"), ranked = true;
    if (const char* v = get("LOCAL_RANK")) o.localRank = parseInt(v, "LOCAL_RANK");
    if (const char* v = get("MASTER_ADDR")) o.masterAddr = v;
    if (const char* v = get("MASTER_PORT")) o.masterPort = parseInt(v, "MASTER_PORT");
    if (worldSize > 0) o.worldSize = worldSize;
    if (rank >= 0) o.rank = rank, ranked = true;
    if (!master.empty()) parseMaster(master, o);
    if (o.worldSize > 1 && !ranked)
        throw std::invalid_argument("--rank (or RANK): needed with a world size of " +
                                    std::to_string(o.worldSize));
    return o;
}

void validate(const DistributedOptions& o) {
    if (o.worldSize < 1)
        throw std::invalid_argument("world size " + std::to_string(o.worldSize) +
                                    ": must be 1 or more");
    if (o.rank < 0 || o.rank >= o.worldSize)
        throw std::invalid_argument("rank " + std::to_string(o.rank) + ": must be from 0 to " +
                                    std::to_string(o.worldSize - 1));
    if (o.localRank < 0)
        throw std::invalid_argument("local rank " + std::to_string(o.localRank) +
                                    ": must be 0 or more");
    if (o.masterPort < 1 || o.masterPort > 65535)
        throw std::invalid_argument("master port " + std::to_string(o.masterPort) +
                                    ": must be from 1 to 65535");
    if (o.masterAddr.empty()) throw std::invalid_argument("master address: empty");
    if (!o.backend.empty() && o.backend != "gloo" && o.backend != "nccl")
        throw std::invalid_argument("backend '" + o.backend + "': gloo or nccl");
    if (o.timeout.count() <= 0) throw std::invalid_argument("timeout: must be positive");
}

bool distributedAvailable(const std::string& backend) {
#ifdef CARDIOSEG_WITH_GLOO
    if (backend == "gloo") return true;
#endif
#ifdef CARDIOSEG_WITH_NCCL
    if (backend == "nccl") return torch::cuda::is_available();
#endif
    (void)backend;
    return false;
}

// ---------------------------------------------------------------------------------------------

#ifdef CARDIOSEG_WITH_C10D

#if TORCH_VERSION_MAJOR >= 2
using Group = c10d::Backend;
#else
using Group = c10d::ProcessGroup;
#endif

namespace {
constexpr auto kBeat = std::chrono::milliseconds(1000);
const std::string kPrefix = "cardioseg/";
std::string key(const std::string& what, int rank) {
    return kPrefix + what + "/" + std::to_string(rank);
}
std::string toString(const std::vector<std::uint8_t>& v) {
    return std::string(v.begin(), v.end());
}
std::vector<std::uint8_t> toBytes(const std::string& s) {
    return std::vector<std::uint8_t>(s.begin(), s.end());
}
}  // namespace

struct Distributed::Impl {
    DistributedOptions options;
    std::string backend;
    torch::Device device{torch::kCPU};  // where collectives' tensors live
    c10::intrusive_ptr<c10d::TCPStore> store;
    c10::intrusive_ptr<Group> group;

    std::thread heartbeat;
    std::mutex mutex;
    std::condition_variable cv;
    bool stopping = false;
    std::atomic<std::int64_t> iteration{0};
    std::atomic<bool> failing{false};
    std::atomic<double> communication{0.0};
    bool finished = false;
    std::unique_ptr<DistributedError> failure;

    std::string master() const {
        return options.masterAddr + ":" + std::to_string(options.masterPort);
    }

    c10d::TCPStoreOptions storeOptions(bool server) const {
        c10d::TCPStoreOptions o;
        o.port = static_cast<std::uint16_t>(options.masterPort);
        o.isServer = server;
        o.numWorkers = static_cast<std::size_t>(options.worldSize);
        o.waitWorkers = false;
        o.timeout = options.timeout;
        return o;
    }

    /// "beat iteration" of every rank; throws when the store (the master) is gone.
    std::vector<std::pair<std::int64_t, std::int64_t>> beats() {
        std::vector<std::pair<std::int64_t, std::int64_t>> out;
        for (int r = 0; r < options.worldSize; ++r) {
            std::istringstream in(toString(store->get(key("heartbeat", r))));
            std::int64_t beat = -1, it = -1;
            in >> beat >> it;
            out.emplace_back(beat, it);
        }
        return out;
    }

    void runHeartbeat() {
        // A store client of its own: the main thread's may be blocked in a wait.
        c10::intrusive_ptr<c10d::TCPStore> client;
        std::int64_t beat = 0;
        int misses = 0;
        std::string verdict;  // set when this rank must stop: another rank's report, or rank 0 gone
        for (;;) {
            {
                std::unique_lock<std::mutex> lock(mutex);
                if (beat > 0) cv.wait_for(lock, kBeat, [&] { return stopping; });
                if (stopping) return;
            }
            try {
                if (!client)
                    client = c10::make_intrusive<c10d::TCPStore>(options.masterAddr,
                                                                 storeOptions(false));
                client->set(
                    key("heartbeat", options.rank),
                    toBytes(std::to_string(++beat) + " " + std::to_string(iteration.load())));
                misses = 0;
                if (client->check({kPrefix + "abort"}))
                    verdict = "rank " + std::to_string(options.rank) +
                              " stops: " + toString(client->get(kPrefix + "abort"));
            } catch (const std::exception& e) {
                ++beat;
                client.reset();
                // The store lives in rank 0: unreachable twice in a row, rank 0 is gone.
                if (++misses >= 2)
                    verdict = "rank 0 (the master, " + master() + ") was lost at iteration " +
                              std::to_string(iteration.load() + 1) + " of rank " +
                              std::to_string(options.rank) +
                              ": its rendezvous store no longer answers (" + firstLine(e.what()) +
                              ")";
            }
            // A rank that is reporting a failure itself (fail, abortAll) says so on its own.
            if (!verdict.empty() && !failing) {
                {
                    std::lock_guard<std::mutex> lock(mutex);
                    if (stopping) return;
                }
                options.abort(verdict);
                return;  // a handler that returns: no more beats
            }
            verdict.clear();
        }
    }

    void stopHeartbeat() {
        {
            std::lock_guard<std::mutex> lock(mutex);
            stopping = true;
        }
        cv.notify_all();
        if (heartbeat.joinable()) heartbeat.join();
    }

    template <class Op>
    void collective(Distributed& self, Op&& op) {
        const auto t0 = std::chrono::steady_clock::now();
        try {
            auto work = op();
            work->wait();
        } catch (const DistributedError&) {
            throw;
        } catch (const std::exception& e) {
            self.fail(e.what());
        }
        communication =
            communication.load() +
            std::chrono::duration<double>(std::chrono::steady_clock::now() - t0).count();
    }
};

Distributed::Distributed(const DistributedOptions& options) : m_impl(std::make_unique<Impl>()) {
    Impl& d = *m_impl;
    d.options = options;
    validate(options);
    if (!d.options.abort) d.options.abort = defaultAbort;
    d.backend = options.backend.empty()
                    ? (options.cuda && distributedAvailable("nccl") ? "nccl" : "gloo")
                    : options.backend;
    if (!distributedAvailable(d.backend))
        throw DistributedError(
            "this build has no '" + d.backend + "' process group" +
            (d.backend == "nccl" ? " (it needs a LibTorch with CUDA and NCCL)" : ""));
    if (options.cuda)
        d.device = torch::Device(torch::kCUDA, static_cast<c10::DeviceIndex>(options.localRank));
    if (d.backend == "nccl") {
        if (options.localRank >= static_cast<int>(torch::cuda::device_count()))
            throw DistributedError("LOCAL_RANK " + std::to_string(options.localRank) +
                                   ": this machine has " +
                                   std::to_string(torch::cuda::device_count()) + " GPU(s)");
    } else {
        d.device = torch::Device(torch::kCPU);
    }

    const int rank = options.rank, world = options.worldSize;
    const std::string wait = seconds(options.timeout);
    try {
        d.store =
            c10::make_intrusive<c10d::TCPStore>(options.masterAddr, d.storeOptions(rank == 0));
    } catch (const std::exception& e) {
        const std::string why = e.what();
        if (rank == 0 && (why.find("already in use") != std::string::npos ||
                          why.find("EADDRINUSE") != std::string::npos))
            throw DistributedError(
                "the master port " + std::to_string(options.masterPort) + " of " +
                    options.masterAddr +
                    " is already in use (another training or program holds it): give rank 0 and "
                    "every "
                    "other rank another port (--master HOST:PORT or MASTER_PORT)",
                {0});
        if (rank == 0)
            throw DistributedError(
                "rank 0 could not open the rendezvous at " + d.master() + ": " + firstLine(why),
                {0});
        throw DistributedError(
            "rank " + std::to_string(rank) + " could not reach the master (rank 0) at " +
                d.master() + " within " + wait +
                ": is rank 0 running there, and are the address and port right? (" +
                firstLine(why) + ")",
            {0});
    }
    try {
        d.store->set(key("world", rank), toBytes(std::to_string(world)));
        d.store->set(key("heartbeat", rank), toBytes("0 0"));
        const int masterWorld = std::stoi(toString(d.store->get(key("world", 0))));
        if (masterWorld != world)
            throw DistributedError("rank " + std::to_string(rank) + " was started for " +
                                       std::to_string(world) + " processes, rank 0 for " +
                                       std::to_string(masterWorld) +
                                       ": give every rank the same world size",
                                   {rank});
        std::vector<std::string> joined;
        for (int r = 0; r < world; ++r) joined.push_back(key("world", r));
        try {
            d.store->wait(joined, options.timeout);
        } catch (const std::exception&) {
            std::vector<int> missing;
            for (int r = 0; r < world; ++r)
                if (!d.store->check({key("world", r)})) missing.push_back(r);
            throw DistributedError(rankList(missing) + (missing.size() == 1 ? " did" : " did") +
                                       " not join within " + wait + " (master " + d.master() + ")",
                                   missing);
        }
        for (int r = 0; r < world; ++r) {
            const int w = std::stoi(toString(d.store->get(key("world", r))));
            if (w != world)
                throw DistributedError("rank " + std::to_string(r) + " was started for " +
                                           std::to_string(w) + " processes, rank " +
                                           std::to_string(rank) + " for " + std::to_string(world) +
                                           ": give every rank the same world size",
                                       {r});
        }
    } catch (const DistributedError&) {
        throw;
    } catch (const std::exception& e) {
        throw DistributedError(
            "the rendezvous at " + d.master() + " failed: " + firstLine(e.what()), {0});
    }

    try {
        if (d.backend == "gloo") {
#ifdef CARDIOSEG_WITH_GLOO
            auto opts = c10d::ProcessGroupGloo::Options::create(options.timeout);
            // As PyTorch: GLOO_SOCKET_IFNAME names the network interface; otherwise the
            // loopback device for a loopback master, else this host's own address.
            const char* ifname = std::getenv("GLOO_SOCKET_IFNAME");
            const bool loopback = options.masterAddr == "127.0.0.1" ||
                                  options.masterAddr == "localhost" || options.masterAddr == "::1";
            if (ifname && *ifname)
                opts->devices.push_back(c10d::ProcessGroupGloo::createDeviceForInterface(ifname));
            else if (loopback)
                opts->devices.push_back(
                    c10d::ProcessGroupGloo::createDeviceForHostname("127.0.0.1"));
            else
                opts->devices.push_back(c10d::ProcessGroupGloo::createDefaultDevice());
            d.group = c10::make_intrusive<c10d::ProcessGroupGloo>(d.store, rank, world, opts);
#endif
        } else {
#ifdef CARDIOSEG_WITH_NCCL
            const torch::Tensor probe =
                torch::zeros({1}, torch::TensorOptions().device(d.device));  // selects the GPU
            auto opts = c10d::ProcessGroupNCCL::Options::create();
            opts->timeout = options.timeout;
            d.group = c10::make_intrusive<c10d::ProcessGroupNCCL>(d.store, rank, world, opts);
#endif
        }
    } catch (const std::exception& e) {
        throw DistributedError("rank " + std::to_string(rank) +
                               " could not connect to the other ranks (" + d.backend +
                               "): " + firstLine(e.what()));
    }
    d.heartbeat = std::thread([&d] { d.runHeartbeat(); });
    // Every rank connected: one collective proves the links both ways before training.
    barrier();
}

Distributed::~Distributed() {
    try {
        finish();
    } catch (...) {
        // Leaving after a failure: the others have been told.
    }
}

int Distributed::rank() const {
    return m_impl->options.rank;
}
int Distributed::worldSize() const {
    return m_impl->options.worldSize;
}
std::string Distributed::backend() const {
    return m_impl->backend;
}
const DistributedOptions& Distributed::options() const {
    return m_impl->options;
}
void Distributed::setIteration(std::int64_t iteration) {
    m_impl->iteration = iteration;
}
double Distributed::communicationSeconds() const {
    return m_impl->communication.load();
}
void Distributed::addCommunicationSeconds(double s) {
    m_impl->communication = m_impl->communication.load() + s;
}

void Distributed::requireSame(const std::map<std::string, std::string>& values) {
    Impl& d = *m_impl;
    std::string mine;
    for (const auto& [k, v] : values) mine += k + "=" + v + "\n";
    try {
        d.store->set(key("identity", rank()), toBytes(mine));
        std::vector<std::string> keys;
        for (int r = 0; r < worldSize(); ++r) keys.push_back(key("identity", r));
        d.store->wait(keys, d.options.timeout);
    } catch (const std::exception& e) {
        fail(e.what());
    }
    auto parse = [](const std::string& text) {
        std::map<std::string, std::string> m;
        std::istringstream in(text);
        for (std::string line; std::getline(in, line);) {
            const auto eq = line.find('=');
            if (eq != std::string::npos) m[line.substr(0, eq)] = line.substr(eq + 1);
        }
        return m;
    };
    const auto reference = parse(toString(d.store->get(key("identity", 0))));
    std::vector<int> differ;
    std::set<std::string> what;
    for (int r = 1; r < worldSize(); ++r) {
        const auto theirs = parse(toString(d.store->get(key("identity", r))));
        bool same = true;
        for (const auto& [k, v] : reference) {
            const auto it = theirs.find(k);
            if (it == theirs.end() || it->second != v) {
                same = false;
                what.insert(k);
            }
        }
        if (!same) differ.push_back(r);
    }
    if (differ.empty()) return;
    std::string items;
    for (const auto& w : what) items += (items.empty() ? "" : ", ") + w;
    // Every rank reaches the same verdict from the same store: all refuse, none waits.
    throw DistributedError(
        rankList(differ) + (differ.size() == 1 ? " differs" : " differ") +
            " from rank 0 in: " + items +
            " (every rank must train the same model on the same data with the same options)",
        differ);
}

bool Distributed::any(bool value) {
    return sum({value ? 1.0 : 0.0}).front() > 0.0;
}

std::vector<double> Distributed::sum(const std::vector<double>& values) {
    auto t = torch::tensor(values, torch::kDouble).to(m_impl->device);
    allreduceSum(*this, t);
    t = t.cpu();
    return std::vector<double>(t.data_ptr<double>(), t.data_ptr<double>() + t.numel());
}

void Distributed::barrier() {
    sum({0.0});
}

void Distributed::finish() {
    Impl& d = *m_impl;
    if (d.finished) return;
    d.finished = true;
    d.stopHeartbeat();
    // No rank leaves (rank 0 taking the store with it) before every heartbeat has stopped.
    if (!d.failing && d.group) barrier();
}

void Distributed::rethrowFailure() const {
    if (m_impl->failure) throw *m_impl->failure;
}

void Distributed::abortAll(const std::string& message) {
    Impl& d = *m_impl;
    if (d.failure) throw *d.failure;
    d.failing = true;
    std::string verdict = message;
    try {
        if (d.store->add(kPrefix + "aborts", 1) == 1) {
            d.store->set(kPrefix + "abort", toBytes(message));
            if (rank() == 0) std::this_thread::sleep_for(kBeat + kBeat / 2);
        } else {
            verdict = toString(d.store->get(kPrefix + "abort"));
        }
    } catch (const std::exception&) {
        // The store is gone with rank 0: this rank's own reason is all there is to say.
    }
    d.failure = std::make_unique<DistributedError>(verdict, std::vector<int>{rank()});
    throw *d.failure;
}

void Distributed::fail(const std::string& what) {
    Impl& d = *m_impl;
    if (d.failure) throw *d.failure;
    d.failing = true;
    const int me = rank();
    const std::string reason = firstLine(what);
    auto give = [&](const std::string& message, std::vector<int> ranks) {
        d.failure = std::make_unique<DistributedError>(message, std::move(ranks));
        return *d.failure;
    };
    try {
        d.store->set(key("failed", me), toBytes(reason));
        const auto before = d.beats();
        const auto window = 3 * kBeat;
        std::this_thread::sleep_for(window);
        const auto after = d.beats();
        std::vector<int> silent, stuck;
        for (int r = 0; r < worldSize(); ++r) {
            if (r == me || d.store->check({key("failed", r)})) continue;
            (after[r].first == before[r].first ? silent : stuck).push_back(r);
        }
        std::string message;
        std::vector<int> ranks;
        const std::string at = " at iteration " + std::to_string(d.iteration.load() + 1);
        if (!silent.empty()) {
            ranks = silent;
            std::string last;
            for (int r : silent)
                last += (last.empty() ? "" : ", ") + std::to_string(after[r].second);
            message = rankList(silent) + (silent.size() == 1 ? " was" : " were") + " lost" + at +
                      ": no sign of life for " +
                      seconds(std::chrono::duration_cast<std::chrono::milliseconds>(window)) +
                      " (last seen at iteration " + last + ")";
        } else if (!stuck.empty()) {
            ranks = stuck;
            message = rankList(stuck) + (stuck.size() == 1 ? " is" : " are") +
                      " alive but stopped answering" + at;
        } else {
            message = "every rank's collective failed" + at;
        }
        message += "; rank " + std::to_string(me) + " saw: " + reason;
        if (d.store->add(kPrefix + "aborts", 1) == 1) {
            d.store->set(kPrefix + "abort", toBytes(message));
            // Rank 0's store goes with it: the others' heartbeats read the verdict first.
            if (me == 0) std::this_thread::sleep_for(kBeat + kBeat / 2);
        } else {
            message = toString(d.store->get(
                kPrefix + "abort"));  // the first detector's verdict, everywhere the same
        }
        throw give(message, ranks);
    } catch (const DistributedError&) {
        throw;
    } catch (const std::exception&) {
        throw give("rank 0 (the master, " + d.master() + ") was lost at iteration " +
                       std::to_string(d.iteration.load() + 1) +
                       ": its rendezvous store no longer answers; rank " + std::to_string(me) +
                       " saw: " + reason,
                   {0});
    }
}

// ---------------------------------------------------------------------------------------------

void allreduceSum(Distributed& group, torch::Tensor t) {
    allreduceSumAsync(group, std::move(t))();
}

std::function<void()> allreduceSumAsync(Distributed& group, torch::Tensor t) {
    auto& d = *group.impl();
    if (d.failure) throw *d.failure;
    c10::intrusive_ptr<c10d::Work> work;
    try {
        std::vector<torch::Tensor> tensors{t};
        c10d::AllreduceOptions o;
        o.reduceOp = c10d::ReduceOp::SUM;
        work = d.group->allreduce(tensors, o);
    } catch (const std::exception& e) {
        group.fail(e.what());
    }
    return [&group, &d, work, t] { d.collective(group, [&] { return work; }); };
}

void broadcastFromRankZero(Distributed& group, const std::vector<torch::Tensor>& tensors) {
    auto& d = *group.impl();
    for (const auto& t : tensors) {
        // One tensor at a time: Gloo broadcasts one tensor per call.
        std::vector<torch::Tensor> one{t.is_contiguous() ? t : t.contiguous()};
        d.collective(group, [&] {
            c10d::BroadcastOptions o;
            o.rootRank = 0;
            return d.group->broadcast(one, o);
        });
        if (!t.is_contiguous()) {
            torch::NoGradGuard ng;
            t.copy_(one.front());
        }
    }
}

#else  // no c10d

struct Distributed::Impl {};

Distributed::Distributed(const DistributedOptions& options) {
    validate(options);
    throw DistributedError(
        "this build has no distributed training: LibTorch's Gloo process group (and libgloo-dev's "
        "headers) were not found when it was built");
}
Distributed::~Distributed() = default;
int Distributed::rank() const {
    return 0;
}
int Distributed::worldSize() const {
    return 1;
}
std::string Distributed::backend() const {
    return {};
}
const DistributedOptions& Distributed::options() const {
    static const DistributedOptions none;
    return none;
}
void Distributed::requireSame(const std::map<std::string, std::string>&) {}
bool Distributed::any(bool value) {
    return value;
}
std::vector<double> Distributed::sum(const std::vector<double>& values) {
    return values;
}
void Distributed::barrier() {}
void Distributed::setIteration(std::int64_t) {}
double Distributed::communicationSeconds() const {
    return 0.0;
}
void Distributed::addCommunicationSeconds(double) {}
void Distributed::finish() {}
void Distributed::rethrowFailure() const {}
void Distributed::fail(const std::string& what) {
    throw DistributedError(what);
}
void Distributed::abortAll(const std::string& message) {
    throw DistributedError(message);
}
void allreduceSum(Distributed&, torch::Tensor) {}
std::function<void()> allreduceSumAsync(Distributed&, torch::Tensor) {
    return [] {};
}
void broadcastFromRankZero(Distributed&, const std::vector<torch::Tensor>&) {}

#endif

}  // namespace cardioseg::engine
