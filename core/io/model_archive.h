#pragma once

// A model file is a zip archive (LibTorch's serialisation): before LibTorch reads one, CardioSeg
// checks it as untrusted input, without LibTorch and without reading more than the limits allow.

#include <cstdint>
#include <filesystem>
#include <stdexcept>
#include <string>
#include <vector>

namespace cardioseg::io {

/// Why a model archive is refused (the message starts with the file's name).
class ModelArchiveError : public std::runtime_error {
public:
    using std::runtime_error::runtime_error;
};

/// One entry of the archive, as its central directory and local header agree on it.
struct ArchiveEntry {
    std::string name;                 ///< full name, e.g. "default.pt/data/0"
    std::uint64_t dataOffset = 0;     ///< where its (compressed) bytes start in the file
    std::uint64_t compressedSize = 0;
    std::uint64_t size = 0;           ///< uncompressed
    int method = 0;                   ///< 0 stored, 8 deflated
    std::uint32_t crc = 0;
};

struct ModelArchiveLimits {
    std::uint64_t maxFileBytes = std::uint64_t(4) << 30;   ///< the whole file
    std::uint64_t maxEntryBytes = std::uint64_t(1) << 30;  ///< one tensor's storage
    std::uint64_t maxCodeBytes = std::uint64_t(16) << 20;  ///< pickles, code, version (inflated)
    std::size_t maxEntries = 20000;
};

/// Checks a model archive's structure and returns its entries, or throws ModelArchiveError
/// naming the file and the reason: not a zip; sizes beyond the limits or beyond the file; entries
/// that overlap (a zip bomb), are encrypted or compressed other than stored/deflated; names that
/// leave the archive's folder ("..", absolute, backslashes, control characters), differ between
/// the central directory and the local header, repeat, or are not what LibTorch writes for a
/// module (data.pkl, constants.pkl, version, byteorder, .data/…, data/<n>, code/…); a missing
/// data.pkl or version; an unknown format version; pickles with instructions or globals LibTorch
/// never writes for tensors, or whose tensor data records are not the size the pickle says
/// (LibTorch trusts that size and would read past the record); TorchScript code that defines
/// anything (a module saved by CardioSeg declares attributes only: a `def` would run while
/// loading).
std::vector<ArchiveEntry> checkModelArchive(const std::filesystem::path& file, const ModelArchiveLimits& limits = {});

/// The bytes of one entry (inflated when deflated, CRC checked), at most `limit` bytes; throws
/// ModelArchiveError beyond it or when the data are damaged.
std::string readArchiveEntry(const std::filesystem::path& file, const ArchiveEntry& entry, std::uint64_t limit);

}  // namespace cardioseg::io
