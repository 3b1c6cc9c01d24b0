#include "cli_common.h"

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <sstream>

namespace cardioseg::cli {

std::set<std::string> splitList(const std::string& text) {
    std::set<std::string> out;
    std::stringstream ss(text);
    std::string item;
    while (std::getline(ss, item, ','))
        if (!item.empty()) out.insert(item);
    return out;
}

std::set<int> splitInts(const std::string& text, const std::string& option) {
    std::set<int> out;
    for (const auto& s : splitList(text)) {
        try {
            std::size_t used = 0;
            const int v = std::stoi(s, &used);
            if (used != s.size()) throw std::invalid_argument(s);
            out.insert(v);
        } catch (const std::exception&) {
            throw UsageError(option + ": '" + s + "' is not a number");
        }
    }
    return out;
}

double nowSeconds() {
    return std::chrono::duration<double>(std::chrono::steady_clock::now().time_since_epoch()).count();
}

double median(std::vector<double> v) {
    if (v.empty()) return 0;
    std::sort(v.begin(), v.end());
    const std::size_t m = v.size() / 2;
    return v.size() % 2 ? v[m] : 0.5 * (v[m - 1] + v[m]);
}

bool StderrProgress::operator()(double fraction, const std::string& status) {
    const double t = nowSeconds();
    if (t - m_last >= m_every || fraction >= 1.0) {
        std::fprintf(stderr, "%s: %s %3.0f%%\n", m_what.c_str(), status.c_str(), fraction * 100);
        m_last = t;
    }
    return true;
}

}  // namespace cardioseg::cli
