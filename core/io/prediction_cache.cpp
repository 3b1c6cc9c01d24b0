#include "io/prediction_cache.h"

#include <cstdio>
#include <cstring>
#include <fstream>
#include <limits>
#include <map>
#include <mutex>
#include <stdexcept>
#include <tuple>

#include "io/atomic_file.h"

namespace fs = std::filesystem;

namespace cardioseg::io {

namespace {

constexpr char kMagic[8] = {'C', 'S', 'L', 'A', 'B', 'E', 'L', '2'};

struct Fnv {
    std::uint64_t h = 1469598103934665603ull;
    void add(const void* data, std::size_t n) {
        const auto* p = static_cast<const unsigned char*>(data);
        for (std::size_t i = 0; i < n; ++i) {
            h ^= p[i];
            h *= 1099511628211ull;
        }
    }
    void add(const std::string& s) {
        add(s.data(), s.size());
        add("\0", 1);
    }
    std::string hex() const {
        char buf[17];
        std::snprintf(buf, sizeof buf, "%016llx", static_cast<unsigned long long>(h));
        return buf;
    }
};

void putVarint(std::string& out, std::uint64_t v) {
    while (v >= 0x80) {
        out += static_cast<char>((v & 0x7f) | 0x80);
        v >>= 7;
    }
    out += static_cast<char>(v);
}

/// Reads a varint at `pos`; false when the bytes end first.
bool getVarint(const std::string& in, std::size_t& pos, std::uint64_t& v) {
    v = 0;
    for (int shift = 0; shift < 64 && pos < in.size(); shift += 7) {
        const auto b = static_cast<unsigned char>(in[pos++]);
        v |= static_cast<std::uint64_t>(b & 0x7f) << shift;
        if (!(b & 0x80)) return true;
    }
    return false;
}

void putString(std::string& out, const std::string& s) {
    putVarint(out, s.size());
    out += s;
}

bool getString(const std::string& in, std::size_t& pos, std::string& s) {
    std::uint64_t n = 0;
    if (!getVarint(in, pos, n) || n > in.size() - pos) return false;
    s = in.substr(pos, n);
    pos += n;
    return true;
}

}  // namespace

std::string fileDigest(const fs::path& file) {
    static std::mutex mutex;
    static std::map<std::tuple<std::string, std::uintmax_t, fs::file_time_type>, std::string> known;
    std::error_code ec;
    const auto size = fs::file_size(file, ec);
    if (ec) throw std::runtime_error(file.string() + ": " + ec.message());
    const auto time = fs::last_write_time(file, ec);
    const auto key = std::make_tuple(fs::absolute(file).string(), size, time);
    {
        const std::lock_guard<std::mutex> lock(mutex);
        const auto it = known.find(key);
        if (it != known.end()) return it->second;
    }
    std::ifstream in(file, std::ios::binary);
    if (!in) throw std::runtime_error(file.string() + ": cannot be read");
    Fnv fnv;
    std::vector<char> buf(1 << 16);
    while (in) {
        in.read(buf.data(), static_cast<std::streamsize>(buf.size()));
        fnv.add(buf.data(), static_cast<std::size_t>(in.gcount()));
    }
    const std::string digest = fnv.hex();
    const std::lock_guard<std::mutex> lock(mutex);
    known[key] = digest;
    return digest;
}

std::string seriesDigest(const image::CineSeries& series) {
    Fnv fnv;
    fnv.add(series.info.seriesUid);
    const int dims[4] = {series.slices, series.phases, series.geometry.rows,
                         series.geometry.columns};
    fnv.add(dims, sizeof dims);
    for (int f : series.grid) {
        if (f < 0)
            fnv.add(std::string("-"));
        else
            fnv.add(series.frames[f].sopInstanceUid + "#" +
                    std::to_string(series.frames[f].frameIndex));
    }
    return fnv.hex();
}

fs::path PredictionCache::fileFor(const image::CineSeries& series) const {
    Fnv fnv;
    fnv.add(series.info.seriesUid);
    return m_folder / "predictions" / ("series-" + fnv.hex().substr(0, 12) + ".labels");
}

void PredictionCache::save(const image::CineSeries& series, const std::string& modelKey,
                           const image::SeriesLabels& labels, const std::vector<double>& uncertainty) const {
    const fs::path file = fileFor(series);
    if (labels.slices != series.slices || labels.phases != series.phases)
        throw std::runtime_error("cannot write " + file.string() +
                                 ": labels do not match the series grid");
    std::string out(kMagic, sizeof kMagic);
    putString(out, seriesDigest(series));
    putString(out, modelKey);
    putVarint(out, static_cast<std::uint64_t>(series.slices));
    putVarint(out, static_cast<std::uint64_t>(series.phases));
    for (std::size_t m = 0; m < labels.maps.size(); ++m) {
        const auto& map = labels.maps[m];
        if (map.empty()) {
            out += '\0';
            continue;
        }
        out += '\1';
        const float u = m < uncertainty.size() ? static_cast<float>(uncertainty[m]) : std::numeric_limits<float>::quiet_NaN();
        out.append(reinterpret_cast<const char*>(&u), sizeof u);
        putVarint(out, static_cast<std::uint64_t>(map.width));
        putVarint(out, static_cast<std::uint64_t>(map.height));
        // Runs of equal labels in row-major order: value, then length.
        std::size_t i = 0;
        while (i < map.data.size()) {
            std::size_t j = i + 1;
            while (j < map.data.size() && map.data[j] == map.data[i]) ++j;
            out += static_cast<char>(map.data[i]);
            putVarint(out, j - i);
            i = j;
        }
    }
    ensureDirectory(file.parent_path());
    writeFileAtomically(file, out);
}

std::optional<CachedPrediction> PredictionCache::load(const image::CineSeries& series,
                                                      const std::string& modelKey) const {
    std::ifstream in(fileFor(series), std::ios::binary);
    if (!in) return std::nullopt;
    const std::string bytes((std::istreambuf_iterator<char>(in)), {});
    if (bytes.size() < sizeof kMagic || std::memcmp(bytes.data(), kMagic, sizeof kMagic) != 0)
        return std::nullopt;
    std::size_t pos = sizeof kMagic;
    std::string seriesKey, storedModel;
    std::uint64_t slices = 0, phases = 0;
    if (!getString(bytes, pos, seriesKey) || !getString(bytes, pos, storedModel) ||
        !getVarint(bytes, pos, slices) || !getVarint(bytes, pos, phases))
        return std::nullopt;
    if (seriesKey != seriesDigest(series) || storedModel != modelKey ||
        slices != static_cast<std::uint64_t>(series.slices) ||
        phases != static_cast<std::uint64_t>(series.phases))
        return std::nullopt;
    CachedPrediction out;
    out.labels = image::SeriesLabels::like(series);
    out.uncertainty.assign(out.labels.maps.size(), std::numeric_limits<double>::quiet_NaN());
    for (std::size_t m = 0; m < out.labels.maps.size(); ++m) {
        auto& map = out.labels.maps[m];
        if (pos >= bytes.size()) return std::nullopt;
        if (bytes[pos++] == '\0') continue;
        float u = 0;
        if (bytes.size() - pos < sizeof u) return std::nullopt;
        std::memcpy(&u, bytes.data() + pos, sizeof u);
        pos += sizeof u;
        out.uncertainty[m] = u;
        std::uint64_t w = 0, h = 0;
        if (!getVarint(bytes, pos, w) || !getVarint(bytes, pos, h) ||
            w != static_cast<std::uint64_t>(series.geometry.columns) ||
            h != static_cast<std::uint64_t>(series.geometry.rows))
            return std::nullopt;
        map = image::LabelMap(static_cast<int>(w), static_cast<int>(h));
        std::size_t i = 0;
        while (i < map.data.size()) {
            std::uint64_t run = 0;
            if (pos >= bytes.size()) return std::nullopt;
            const auto value = static_cast<std::uint8_t>(bytes[pos++]);
            if (!getVarint(bytes, pos, run) || run == 0 || run > map.data.size() - i)
                return std::nullopt;
            std::fill(map.data.begin() + static_cast<std::ptrdiff_t>(i),
                      map.data.begin() + static_cast<std::ptrdiff_t>(i + run), value);
            i += run;
        }
    }
    return out;
}

void PredictionCache::clear(const image::CineSeries& series) const {
    std::error_code ec;
    fs::remove(fileFor(series), ec);
}

}  // namespace cardioseg::io
