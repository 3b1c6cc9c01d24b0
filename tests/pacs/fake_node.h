#pragma once

// Loopback servers that misbehave as broken nodes do: one that accepts connections and never
// answers, one that answers every request with bytes that are not DICOM.

#include <atomic>
#include <string>
#include <thread>

namespace cardioseg::testing {

class FakeNode {
public:
    enum class Behaviour { Silent, Garbage };
    explicit FakeNode(Behaviour behaviour);
    ~FakeNode();
    FakeNode(const FakeNode&) = delete;
    FakeNode& operator=(const FakeNode&) = delete;
    int port() const { return m_port; }

private:
    void serve();
    Behaviour m_behaviour;
    int m_listen = -1;
    int m_port = 0;
    std::atomic<bool> m_stop{false};
    std::thread m_thread;
};

}  // namespace cardioseg::testing
