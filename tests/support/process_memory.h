#pragma once
// What a test process's memory measures: its peak growth over a piece of work (Linux /proc), and
// whether AddressSanitizer runs (its shadow memory and quarantine change what memory measures,
// so memory bounds are not checked there).

#include <fstream>
#include <string>

namespace cardioseg::testing {

constexpr bool underAddressSanitizer() {
#if defined(__SANITIZE_ADDRESS__)
    return true;
#elif defined(__has_feature)
#if __has_feature(address_sanitizer)
    return true;
#else
    return false;
#endif
#else
    return false;
#endif
}

/// The process's peak resident memory from now on: the kernel's high-water mark is reset to the
/// current resident size when made, and grownMiB() says how far the peak rose above it.
class PeakMemory {
public:
    PeakMemory() {
        std::ofstream clear("/proc/self/clear_refs");
        clear << "5";
        m_ok = static_cast<bool>(clear);
        m_startKb = kb("VmRSS:");
    }
    /// False when the kernel does not let a process reset its peak (then nothing is measured).
    bool ok() const { return m_ok && m_startKb >= 0; }
    double grownMiB() const { return (kb("VmHWM:") - m_startKb) / 1024.0; }

private:
    static double kb(const char* field) {
        std::ifstream in("/proc/self/status");
        for (std::string line; std::getline(in, line);)
            if (line.rfind(field, 0) == 0) return std::stod(line.substr(std::string(field).size()));
        return -1;
    }
    bool m_ok = false;
    double m_startKb = -1;
};

}  // namespace cardioseg::testing
