#include "io/model_archive.h"

#include <zlib.h>

#include <algorithm>
#include <cctype>
#include <cstring>
#include <fstream>
#include <map>
#include <iterator>
#include <set>
#include <utility>

namespace fs = std::filesystem;

namespace cardioseg::io {

namespace {

constexpr std::uint32_t kLocalHeader = 0x04034b50, kCentralHeader = 0x02014b50, kEnd = 0x06054b50,
                        kEnd64 = 0x06064b50, kEnd64Locator = 0x07064b50;

std::uint16_t u16(const unsigned char* p) { return static_cast<std::uint16_t>(p[0] | (p[1] << 8)); }
std::uint32_t u32(const unsigned char* p) {
    return static_cast<std::uint32_t>(p[0]) | (static_cast<std::uint32_t>(p[1]) << 8) |
           (static_cast<std::uint32_t>(p[2]) << 16) | (static_cast<std::uint32_t>(p[3]) << 24);
}
std::uint64_t u64(const unsigned char* p) { return u32(p) | (static_cast<std::uint64_t>(u32(p + 4)) << 32); }

/// Reads parts of the file, never past its end.
class File {
public:
    explicit File(const fs::path& path) : m_name(path.string()), m_in(path, std::ios::binary) {
        std::error_code ec;
        if (!m_in || !fs::is_regular_file(path, ec)) fail("cannot be opened");
        m_size = fs::file_size(path, ec);
        if (ec) fail("cannot be read");
    }
    std::uint64_t size() const { return m_size; }
    std::string read(std::uint64_t offset, std::uint64_t n, const char* what) {
        if (offset > m_size || n > m_size - offset) fail(std::string(what) + " lies beyond the end of the file (truncated?)");
        std::string out(static_cast<std::size_t>(n), '\0');
        m_in.seekg(static_cast<std::streamoff>(offset));
        if (n && !m_in.read(out.data(), static_cast<std::streamsize>(n))) fail(std::string("cannot read its ") + what);
        return out;
    }
    [[noreturn]] void fail(const std::string& why) const { throw ModelArchiveError(m_name + ": " + why); }

private:
    std::string m_name;
    std::ifstream m_in;
    std::uint64_t m_size = 0;
};

const unsigned char* bytes(const std::string& s) { return reinterpret_cast<const unsigned char*>(s.data()); }

bool isDigits(const std::string& s) {
    return !s.empty() && s.size() <= 9 && std::all_of(s.begin(), s.end(), [](char c) { return c >= '0' && c <= '9'; });
}

bool isNamePart(const std::string& s) {
    return !s.empty() && std::all_of(s.begin(), s.end(), [](char c) {
        return std::isalnum(static_cast<unsigned char>(c)) || c == '_' || c == '.';
    });
}

/// What LibTorch writes for a module, below the archive's folder.
bool expectedEntry(const std::string& rest) {
    static const std::set<std::string> fixed = {"data.pkl", "constants.pkl", "version", "byteorder",
                                                ".data/version", ".data/serialization_id", ".format_version",
                                                ".storage_alignment"};
    if (fixed.count(rest)) return true;
    if (rest.rfind("data/", 0) == 0) return isDigits(rest.substr(5));
    if (rest.rfind("constants/", 0) == 0) return isDigits(rest.substr(10));
    if (rest.rfind("code/", 0) == 0) {
        // code/__torch__.py, code/__torch__/…/x.py and their .debug_pkl
        std::string path = rest.substr(5);
        const bool debug = path.size() > 10 && path.compare(path.size() - 10, 10, ".debug_pkl") == 0;
        if (debug) path.resize(path.size() - 10);
        if (path.size() < 4 || path.compare(path.size() - 3, 3, ".py") != 0) return false;
        std::size_t start = 0;
        for (std::size_t slash; (slash = path.find('/', start)) != std::string::npos; start = slash + 1)
            if (!isNamePart(path.substr(start, slash - start))) return false;
        return isNamePart(path.substr(start));
    }
    return false;
}

/// The name's problem, or empty when it is a plain relative path.
std::string nameProblem(const std::string& name) {
    if (name.empty() || name.size() > 1024) return "an entry with an empty or over-long name";
    for (unsigned char c : name)
        if (c < 0x21 || c > 0x7E || c == '\\')
            return "entry '" + name.substr(0, 64) + "' has a control character, space, backslash or non-ASCII name";
    if (name[0] == '/') return "entry '" + name + "' has an absolute path";
    std::size_t start = 0;
    for (;;) {
        const std::size_t slash = name.find('/', start);
        const std::string part = name.substr(start, slash == std::string::npos ? std::string::npos : slash - start);
        if (part.empty() || part == "." || part == "..")
            return "entry '" + name + "' has an empty, '.' or '..' path component";
        if (slash == std::string::npos) break;
        start = slash + 1;
    }
    return {};
}

/// A TorchScript line a module saved by CardioSeg may hold: attribute declarations only.
bool declarationOnly(const std::string& raw) {
    std::string line = raw;
    while (!line.empty() && (line.back() == '\r' || line.back() == ' ')) line.pop_back();
    std::size_t i = 0;
    while (i < line.size() && line[i] == ' ') ++i;
    line = line.substr(i);
    if (line.empty()) return true;
    const auto isIdent = [](const std::string& s) {
        return !s.empty() && !std::isdigit(static_cast<unsigned char>(s[0])) &&
               std::all_of(s.begin(), s.end(), [](char c) { return std::isalnum(static_cast<unsigned char>(c)) || c == '_'; });
    };
    const auto isType = [](const std::string& s) {
        return !s.empty() && std::all_of(s.begin(), s.end(), [](char c) {
            return std::isalnum(static_cast<unsigned char>(c)) || c == '_' || c == '[' || c == ']' || c == ',' ||
                   c == ' ' || c == '.';
        });
    };
    // class Name(Base):
    if (line.rfind("class ", 0) == 0 && line.size() > 8 && line.back() == ':') {
        const std::string decl = line.substr(6, line.size() - 7);
        const auto open = decl.find('('), close = decl.find(')');
        return open != std::string::npos && close == decl.size() - 1 && isIdent(decl.substr(0, open)) &&
               isType(decl.substr(open + 1, close - open - 1));
    }
    // __parameters__ = ["a.b", …] and __buffers__ = [...]
    for (const char* list : {"__parameters__ = [", "__buffers__ = ["}) {
        const std::string prefix = list;
        if (line.rfind(prefix, 0) != 0 || line.back() != ']') continue;
        const std::string items = line.substr(prefix.size(), line.size() - prefix.size() - 1);
        std::size_t k = 0;
        while (k < items.size()) {
            if (items[k] == ' ' || items[k] == ',') {
                ++k;
                continue;
            }
            if (items[k] != '"') return false;
            const auto end = items.find('"', k + 1);
            if (end == std::string::npos || !isNamePart(items.substr(k + 1, end - k - 1))) return false;
            k = end + 1;
        }
        return true;
    }
    // __annotations__["a.b"] = Type
    if (line.rfind("__annotations__[\"", 0) == 0) {
        const auto end = line.find("\"] = ", 17);
        return end != std::string::npos && isNamePart(line.substr(17, end - 17)) && isType(line.substr(end + 5));
    }
    // name : Type
    const auto colon = line.find(" : ");
    return colon != std::string::npos && isIdent(line.substr(0, colon)) && isType(line.substr(colon + 3));
}

/// Checks a pickle as LibTorch writes them for a module: protocol-2 opcodes only, globals only
/// the tensor and storage builders, and every tensor storage it names ("storage", type, key,
/// location, size) present under `records` with exactly the bytes its size says. LibTorch
/// trusts the size in the pickle: a record shorter than it would be read past its end.
class PickleCheck {
public:
    PickleCheck(File& file, std::string entry, std::map<std::string, std::uint64_t> records, bool storagesAllowed)
        : m_file(file), m_entry(std::move(entry)), m_records(std::move(records)), m_storagesAllowed(storagesAllowed) {}

    void run(const std::string& p) {
        std::size_t i = 0;
        const auto need = [&](std::size_t n) {
            if (n > p.size() - i) fail("ends inside an instruction");
        };
        const auto le = [&](std::size_t n) {
            need(n);
            std::uint64_t v = 0;
            for (std::size_t k = 0; k < n; ++k) v |= static_cast<std::uint64_t>(static_cast<unsigned char>(p[i + k])) << (8 * k);
            i += n;
            return v;
        };
        while (i < p.size()) {
            const unsigned char op = static_cast<unsigned char>(p[i++]);
            switch (op) {
                case 0x80: le(1); break;                                            // PROTO
                case '.':                                                           // STOP
                    if (i != p.size()) fail("has bytes after its end");
                    if (m_stack.size() != 1) fail("is damaged (stack)");
                    return;
                case 'c': {                                                         // GLOBAL module\nname\n
                    const auto a = p.find('\n', i);
                    const auto b = a == std::string::npos ? a : p.find('\n', a + 1);
                    if (b == std::string::npos || b - i > 200) fail("has a damaged global");
                    const std::string g = p.substr(i, a - i) + " " + p.substr(a + 1, b - a - 1);
                    i = b + 1;
                    if (!allowedGlobal(g)) fail("names '" + g.substr(0, 80) + "', which a model file never holds");
                    push({Kind::Global, g, 0, {}});
                    break;
                }
                case 'q': memo(static_cast<std::uint32_t>(le(1))); break;           // BINPUT
                case 'r': memo(static_cast<std::uint32_t>(le(4))); break;           // LONG_BINPUT
                case 'h': recall(static_cast<std::uint32_t>(le(1))); break;         // BINGET
                case 'j': recall(static_cast<std::uint32_t>(le(4))); break;         // LONG_BINGET
                case '(': m_marks.push_back(m_stack.size()); break;                 // MARK
                case 't': push(tuple(popMark())); break;                            // TUPLE
                case 0x85: push(tuple(pop(1))); break;                              // TUPLE1
                case 0x86: push(tuple(pop(2))); break;                              // TUPLE2
                case 0x87: push(tuple(pop(3))); break;                              // TUPLE3
                case ')': push(tuple({})); break;                                   // EMPTY_TUPLE
                case ']': case '}': case 'N': case 0x88: case 0x89: push({}); break;  // [], {}, None, True, False
                case 'a': pop(1); top(); break;                                     // APPEND
                case 'e': popMark(); top(); break;                                  // APPENDS
                case 's': pop(2); top(); break;                                     // SETITEM
                case 'u': popMark(); top(); break;                                  // SETITEMS
                case 'J': push(integer(static_cast<std::int32_t>(le(4)))); break;   // BININT
                case 'K': push(integer(static_cast<std::int64_t>(le(1)))); break;   // BININT1
                case 'M': push(integer(static_cast<std::int64_t>(le(2)))); break;   // BININT2
                case 0x8a: {                                                        // LONG1
                    const std::size_t n = static_cast<std::size_t>(le(1));
                    if (n > 8) fail("has an integer too large");
                    std::int64_t v = static_cast<std::int64_t>(le(n));
                    if (n > 0 && n < 8 && (v >> (8 * n - 1)) & 1) v -= std::int64_t(1) << (8 * n);
                    push(integer(v));
                    break;
                }
                case 'G': le(8); push({}); break;                                   // BINFLOAT
                case 'X': {                                                         // BINUNICODE
                    const std::size_t n = static_cast<std::size_t>(le(4));
                    need(n);
                    push({Kind::Str, p.substr(i, std::min<std::size_t>(n, 64)), 0, {}});  // keys are short
                    i += n;
                    break;
                }
                case 'R': pop(2); push({}); break;                                  // REDUCE
                case 0x81: pop(2); push({}); break;                                 // NEWOBJ
                case 'b': pop(1); top(); break;                                     // BUILD
                case 'Q': storage(pop(1)[0]); push({}); break;                      // BINPERSID
                default:
                    fail("holds pickle instruction 0x" + hex(op) + ", which LibTorch does not write for a model");
            }
            if (m_stack.size() > 100000 || m_memo.size() > 100000) fail("is larger than any model's");
        }
        fail("has no end");
    }

private:
    enum class Kind { Other, Str, Int, Global, Tuple };
    struct Value {
        Kind kind = Kind::Other;
        std::string text;
        std::int64_t number = 0;
        std::vector<Value> items;  ///< of small tuples (a storage reference has five)
    };

    static std::string hex(unsigned v) {
        const char* d = "0123456789abcdef";
        return {d[(v >> 4) & 15], d[v & 15]};
    }
    static bool allowedGlobal(const std::string& g) {
        static const std::set<std::string> fixed = {
            "torch._utils _rebuild_tensor_v2", "torch._utils _rebuild_parameter", "collections OrderedDict", "torch.jit._pickle build_intlist",
            "torch.jit._pickle build_doublelist", "torch.jit._pickle build_boollist",
            "torch.jit._pickle build_tensorlist", "torch.jit._pickle restore_type_tag"};
        if (fixed.count(g) || storageItemSize(g) > 0) return true;
        // The module's own class, as TorchScript names it.
        return g.rfind("__torch__ ", 0) == 0 && isNamePart(g.substr(10));
    }
    static int storageItemSize(const std::string& g) {
        static const std::map<std::string, int> sizes = {
            {"torch FloatStorage", 4}, {"torch DoubleStorage", 8}, {"torch HalfStorage", 2},
            {"torch BFloat16Storage", 2}, {"torch LongStorage", 8}, {"torch IntStorage", 4},
            {"torch ShortStorage", 2}, {"torch CharStorage", 1}, {"torch ByteStorage", 1}, {"torch BoolStorage", 1}};
        const auto it = sizes.find(g);
        return it == sizes.end() ? 0 : it->second;
    }
    static Value integer(std::int64_t v) { return {Kind::Int, {}, v, {}}; }
    /// Only a small tuple of plain values is kept whole (a storage reference is one): nested
    /// tuples are not, so memoised values can never multiply into unbounded memory.
    static Value tuple(std::vector<Value> items) {
        Value t{Kind::Tuple, {}, 0, {}};
        const bool plain = items.size() <= 8 && std::all_of(items.begin(), items.end(), [](const Value& v) {
                               return v.kind != Kind::Tuple;
                           });
        if (plain) t.items = std::move(items);
        else t.kind = Kind::Other;
        return t;
    }

    [[noreturn]] void fail(const std::string& why) const { m_file.fail("'" + m_entry + "' " + why); }
    void push(Value v) { m_stack.push_back(std::move(v)); }
    void top() const {
        if (m_stack.empty()) fail("is damaged (stack)");
    }
    std::vector<Value> pop(std::size_t n) {
        if (m_stack.size() < n || (!m_marks.empty() && m_stack.size() - n < m_marks.back())) fail("is damaged (stack)");
        std::vector<Value> out(std::make_move_iterator(m_stack.end() - static_cast<long>(n)),
                               std::make_move_iterator(m_stack.end()));
        m_stack.resize(m_stack.size() - n);
        return out;
    }
    std::vector<Value> popMark() {
        if (m_marks.empty()) fail("is damaged (mark)");
        const std::size_t at = m_marks.back();
        m_marks.pop_back();
        if (at > m_stack.size()) fail("is damaged (mark)");
        std::vector<Value> out(std::make_move_iterator(m_stack.begin() + static_cast<long>(at)),
                               std::make_move_iterator(m_stack.end()));
        m_stack.resize(at);
        return out;
    }
    void memo(std::uint32_t key) {
        top();
        m_memo[key] = m_stack.back();
    }
    void recall(std::uint32_t key) {
        const auto it = m_memo.find(key);
        if (it == m_memo.end()) fail("refers to a value it never stored");
        push(it->second);
    }
    void storage(const Value& id) {
        if (!m_storagesAllowed) fail("refers to tensor data, which it cannot hold");
        if (id.kind != Kind::Tuple || id.items.size() != 5 || id.items[0].kind != Kind::Str ||
            id.items[0].text != "storage" || id.items[1].kind != Kind::Global || id.items[2].kind != Kind::Str ||
            id.items[3].kind != Kind::Str || id.items[4].kind != Kind::Int)
            fail("refers to tensor data in a form LibTorch does not write");
        const int item = storageItemSize(id.items[1].text);
        const std::string& key = id.items[2].text;
        const std::int64_t numel = id.items[4].number;
        const auto record = m_records.find(key);
        if (item == 0 || record == m_records.end()) fail("refers to tensor data '" + key.substr(0, 32) + "' it does not have");
        if (numel < 0 || static_cast<std::uint64_t>(numel) > record->second / static_cast<std::uint64_t>(item) ||
            static_cast<std::uint64_t>(numel) * static_cast<std::uint64_t>(item) != record->second)
            fail("says tensor data '" + key + "' holds " + std::to_string(numel) + " values of " + std::to_string(item) +
                 " bytes, but it has " + std::to_string(record->second) + " bytes");
    }

    File& m_file;
    std::string m_entry;
    std::map<std::string, std::uint64_t> m_records;
    bool m_storagesAllowed;
    std::vector<Value> m_stack;
    std::vector<std::size_t> m_marks;
    std::map<std::uint32_t, Value> m_memo;
};

}  // namespace

std::vector<ArchiveEntry> checkModelArchive(const fs::path& path, const ModelArchiveLimits& limits) {
    File file(path);
    const std::uint64_t size = file.size();
    if (size < 22) file.fail("not a readable model file (corrupt or truncated: too short for an archive)");
    if (size > limits.maxFileBytes)
        file.fail("is " + std::to_string(size >> 20) + " MiB, more than a model file may be (" +
                  std::to_string(limits.maxFileBytes >> 20) + " MiB)");

    // The end of central directory record, within the last 64 KiB (its comment at most that).
    const std::uint64_t tailSize = std::min<std::uint64_t>(size, 65535 + 22);
    const std::string tail = file.read(size - tailSize, tailSize, "end record");
    std::uint64_t endAt = std::string::npos;
    for (std::uint64_t i = tailSize - 22 + 1; i-- > 0;)
        if (u32(bytes(tail) + i) == kEnd && i + 22 + u16(bytes(tail) + i + 20) == tailSize) {
            endAt = size - tailSize + i;
            break;
        }
    if (endAt == std::string::npos) file.fail("not a readable model file (corrupt or truncated: no archive directory at its end)");
    const unsigned char* end = bytes(tail) + (endAt - (size - tailSize));
    if (u16(end + 4) != 0 && u16(end + 4) != 0xFFFF) file.fail("a multi-part zip archive, which no model file is");
    std::uint64_t count = u16(end + 10), cdSize = u32(end + 12), cdOffset = u32(end + 16);
    std::uint64_t directoryEnd = endAt;
    if (count == 0xFFFF || cdSize == 0xFFFFFFFF || cdOffset == 0xFFFFFFFF) {
        if (endAt < 20) file.fail("a zip64 archive without its locator");
        const std::string locator = file.read(endAt - 20, 20, "zip64 locator");
        if (u32(bytes(locator)) != kEnd64Locator) file.fail("a zip64 archive without its locator");
        const std::uint64_t at = u64(bytes(locator) + 8);
        const std::string end64 = file.read(at, 56, "zip64 end record");
        if (u32(bytes(end64)) != kEnd64) file.fail("a damaged zip64 end record");
        count = u64(bytes(end64) + 32);
        cdSize = u64(bytes(end64) + 40);
        cdOffset = u64(bytes(end64) + 48);
        directoryEnd = at;
    }
    if (count == 0) file.fail("an empty archive");
    if (count > limits.maxEntries)
        file.fail("has " + std::to_string(count) + " entries, more than a model has (" +
                  std::to_string(limits.maxEntries) + ")");
    if (cdOffset > directoryEnd || cdSize > directoryEnd - cdOffset || cdSize > count * (46 + 3 * 65535ULL))
        file.fail("its archive directory lies outside the file");
    const std::string cd = file.read(cdOffset, cdSize, "archive directory");

    std::vector<ArchiveEntry> entries;
    std::set<std::string> names;
    std::string folder;
    std::vector<std::pair<std::uint64_t, std::uint64_t>> spans;  // [local header, end of data)
    std::size_t at = 0;
    for (std::uint64_t k = 0; k < count; ++k) {
        if (at + 46 > cd.size() || u32(bytes(cd) + at) != kCentralHeader) file.fail("a damaged archive directory");
        const unsigned char* h = bytes(cd) + at;
        const std::uint16_t flags = u16(h + 8), method = u16(h + 10), nameLen = u16(h + 28), extraLen = u16(h + 30),
                            commentLen = u16(h + 32);
        if (at + 46 + nameLen + extraLen + commentLen > cd.size()) file.fail("a damaged archive directory");
        ArchiveEntry e;
        e.name.assign(cd, at + 46, nameLen);
        e.method = method;
        e.crc = u32(h + 16);
        e.compressedSize = u32(h + 20);
        e.size = u32(h + 24);
        std::uint64_t local = u32(h + 42);
        // Sizes and offset beyond 32 bits are in the zip64 extra field, in this order.
        for (std::size_t x = at + 46 + nameLen; x + 4 <= at + 46 + nameLen + extraLen;) {
            const std::uint16_t id = u16(bytes(cd) + x), len = u16(bytes(cd) + x + 2);
            if (x + 4 + len > at + 46 + nameLen + extraLen) file.fail("a damaged archive directory");
            if (id == 0x0001) {
                std::size_t f = x + 4;
                const auto next = [&](std::uint64_t& v) {
                    if (v != 0xFFFFFFFF) return;
                    if (f + 8 > x + 4 + len) file.fail("a damaged zip64 field");
                    v = u64(bytes(cd) + f);
                    f += 8;
                };
                next(e.size);
                next(e.compressedSize);
                next(local);
            }
            x += 4 + len;
        }
        at += 46 + nameLen + extraLen + commentLen;

        const std::string problem = nameProblem(e.name);
        if (!problem.empty()) file.fail(problem);
        if (!names.insert(e.name).second) file.fail("entry '" + e.name + "' appears twice");
        const auto slash = e.name.find('/');
        if (slash == std::string::npos) file.fail("entry '" + e.name + "' is outside the archive's folder");
        if (folder.empty()) folder = e.name.substr(0, slash);
        if (e.name.compare(0, slash, folder) != 0 || slash != folder.size())
            file.fail("entry '" + e.name + "' is outside the archive's folder '" + folder + "'");
        if (!expectedEntry(e.name.substr(slash + 1)))
            file.fail("unexpected entry '" + e.name + "' (not part of a model LibTorch writes)");
        if (flags & 0x0001) file.fail("entry '" + e.name + "' is encrypted");
        if (method != 0 && method != 8)
            file.fail("entry '" + e.name + "' is compressed with method " + std::to_string(method) +
                      " (a model file stores or deflates)");
        if (method == 0 && e.compressedSize != e.size) file.fail("entry '" + e.name + "' has inconsistent sizes");
        const std::uint64_t cap = method == 8 ? limits.maxCodeBytes : limits.maxEntryBytes;
        if (e.size > cap || (method == 8 && e.compressedSize > cap))
            file.fail("entry '" + e.name + "' claims " + std::to_string(e.size) + " bytes, more than allowed (" +
                      std::to_string(cap) + ")");

        // Its local header: the same name, and the data before the directory.
        const std::string lh = file.read(local, 30, "entry header");
        if (u32(bytes(lh)) != kLocalHeader) file.fail("entry '" + e.name + "' has no header where the directory says");
        const std::uint16_t localName = u16(bytes(lh) + 26), localExtra = u16(bytes(lh) + 28);
        if (file.read(local + 30, localName, "entry name") != e.name)
            file.fail("entry '" + e.name + "' has another name in its header");
        e.dataOffset = local + 30 + localName + localExtra;
        if (e.dataOffset > cdOffset || e.compressedSize > cdOffset - e.dataOffset)
            file.fail("entry '" + e.name + "' runs into the archive directory (sizes beyond the file)");
        spans.emplace_back(local, e.dataOffset + e.compressedSize);
        entries.push_back(std::move(e));
    }
    std::sort(spans.begin(), spans.end());
    for (std::size_t i = 1; i < spans.size(); ++i)
        if (spans[i].first < spans[i - 1].second) file.fail("entries overlap (a zip bomb, or a damaged archive)");

    const auto find = [&](const std::string& rest) -> const ArchiveEntry* {
        for (const auto& e : entries)
            if (e.name == folder + "/" + rest) return &e;
        return nullptr;
    };
    for (const char* required : {"data.pkl", "version"})
        if (!find(required)) file.fail(std::string("no '") + required + "' entry: not a module LibTorch saved");
    std::string version = readArchiveEntry(path, *find("version"), 64);
    while (!version.empty() && std::isspace(static_cast<unsigned char>(version.back()))) version.pop_back();
    if (!isDigits(version) || std::stoi(version) < 1 || std::stoi(version) > 10)
        file.fail("format version '" + version.substr(0, 16) + "' is not one CardioSeg reads");
    // The pickles: data.pkl and constants.pkl with their tensor data, the code's debug tables.
    for (const char* records : {"data/", "constants/"}) {
        const std::string pickle = std::string(records) == "data/" ? "data.pkl" : "constants.pkl";
        const ArchiveEntry* e = find(pickle);
        if (!e) continue;
        std::map<std::string, std::uint64_t> sizes;
        const std::string prefix = folder + "/" + records;
        for (const auto& r : entries)
            if (r.name.rfind(prefix, 0) == 0) sizes[r.name.substr(prefix.size())] = r.size;
        PickleCheck(file, e->name, std::move(sizes), true).run(readArchiveEntry(path, *e, limits.maxCodeBytes));
    }
    for (const auto& e : entries)
        if (e.name.size() > 10 && e.name.compare(e.name.size() - 10, 10, ".debug_pkl") == 0)
            PickleCheck(file, e.name, {}, false).run(readArchiveEntry(path, e, limits.maxCodeBytes));
    for (const auto& e : entries) {
        if (e.name.compare(folder.size() + 1, 5, "code/") != 0 || e.name.size() < 3 ||
            e.name.compare(e.name.size() - 3, 3, ".py") != 0)
            continue;
        const std::string code = readArchiveEntry(path, e, limits.maxCodeBytes);
        std::size_t start = 0, line = 1;
        for (;; ++line) {
            const std::size_t nl = code.find('\n', start);
            if (!declarationOnly(code.substr(start, nl == std::string::npos ? std::string::npos : nl - start)))
                file.fail("'" + e.name + "' line " + std::to_string(line) +
                          " is code, not a declaration: a model file of CardioSeg holds weights only, and code in "
                          "it would run while loading");
            if (nl == std::string::npos) break;
            start = nl + 1;
        }
    }
    return entries;
}

std::string readArchiveEntry(const fs::path& path, const ArchiveEntry& e, std::uint64_t limit) {
    File file(path);
    if (e.size > limit || (e.method == 8 && e.compressedSize > limit))
        file.fail("entry '" + e.name + "' is larger than allowed");
    const std::string raw = file.read(e.dataOffset, e.compressedSize, "entry data");
    std::string out;
    if (e.method == 0) {
        out = raw;
    } else {
        out.resize(static_cast<std::size_t>(e.size));
        z_stream z{};
        if (inflateInit2(&z, -MAX_WBITS) != Z_OK) file.fail("cannot inflate '" + e.name + "'");
        z.next_in = reinterpret_cast<Bytef*>(const_cast<char*>(raw.data()));
        z.avail_in = static_cast<uInt>(raw.size());
        z.next_out = reinterpret_cast<Bytef*>(out.data());
        z.avail_out = static_cast<uInt>(out.size());
        const int st = inflate(&z, Z_FINISH);
        const bool whole = st == Z_STREAM_END && z.total_out == e.size;
        inflateEnd(&z);
        if (!whole) file.fail("entry '" + e.name + "' does not inflate to the size it claims (damaged or a bomb)");
    }
    if (crc32(0L, reinterpret_cast<const Bytef*>(out.data()), static_cast<uInt>(out.size())) != e.crc)
        file.fail("entry '" + e.name + "' is damaged (checksum)");
    return out;
}

}  // namespace cardioseg::io
