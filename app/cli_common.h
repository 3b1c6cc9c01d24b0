#pragma once

// Shared pieces of cardioseg-cli's commands.

#include <iostream>
#include <set>
#include <stdexcept>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "image/slice_range.h"
#include "io/progress.h"

namespace cardioseg::cli {

/// Exit code for bad usage or unusable input (CLI.md).
constexpr int kUsageError = 2;

/// Bad usage or unusable input: main() prints "cardioseg-cli: <what>" and exits 2.
struct UsageError : std::runtime_error {
    using std::runtime_error::runtime_error;
};

inline nlohmann::json skippedJson(const std::vector<io::SkippedFile>& skipped) {
    nlohmann::json arr = nlohmann::json::array();
    for (const auto& s : skipped) arr.push_back({{"file", s.file}, {"reason", s.reason}});
    return arr;
}

/// The left ventricle's coverage per phase as JSON: [base_slice, apex_slice] (0-based, base
/// first), null for a phase where no ventricle was found.
inline nlohmann::json coverageJson(const std::vector<image::SliceRange>& coverage) {
    nlohmann::json arr = nlohmann::json::array();
    for (const auto& r : coverage)
        arr.push_back(r.empty() ? nlohmann::json(nullptr) : nlohmann::json::array({r.base, r.apex}));
    return arr;
}

/// "a,b,c" → {a, b, c} (empty items dropped).
std::set<std::string> splitList(const std::string& text);
/// "12,40" → {12, 40}; throws UsageError on a non-number.
std::set<int> splitInts(const std::string& text, const std::string& option);

/// Progress on stderr, at most every `seconds` (the last call always prints).
class StderrProgress {
public:
    explicit StderrProgress(std::string what, double seconds = 2.0) : m_what(std::move(what)), m_every(seconds) {}
    bool operator()(double fraction, const std::string& status);

private:
    std::string m_what;
    double m_every;
    double m_last = -1e9;
};

double nowSeconds();
double median(std::vector<double> v);

}  // namespace cardioseg::cli
