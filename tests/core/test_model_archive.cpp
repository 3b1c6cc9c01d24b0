// The model-file check without LibTorch (the engine's test crafts archives from real models): a
// module as LibTorch writes it passes, every entry readable; path tricks and damage are refused.
#include <QtTest>

#include <fstream>

#include "io/model_archive.h"
#include "synthetic_dicom.h"

using namespace cardioseg;
namespace fs = std::filesystem;

namespace {

const fs::path kCorpus = fs::path(CARDIOSEG_SOURCE_DIR) / "tests" / "fuzz" / "corpus" / "fuzz_model_archive";

std::string refusal(const fs::path& file) {
    try {
        io::checkModelArchive(file);
    } catch (const io::ModelArchiveError& e) {
        return e.what();
    }
    return {};
}

}  // namespace

class TestModelArchive : public QObject {
    Q_OBJECT

private slots:
    void aModuleAsLibTorchWritesItPasses() {
        const auto entries = io::checkModelArchive(kCorpus / "tiny_module.pt");
        QCOMPARE(entries.size(), std::size_t(6));
        for (const auto& e : entries) {
            const std::string bytes = io::readArchiveEntry(kCorpus / "tiny_module.pt", e, 1 << 20);
            QCOMPARE(bytes.size(), static_cast<std::size_t>(e.size));
        }
    }

    void damageAndTricksAreRefusedByName() {
        const std::string dotdot = refusal(kCorpus / "dotdot.pt");
        QVERIFY2(dotdot.find("dotdot.pt") != std::string::npos && dotdot.find("'..'") != std::string::npos,
                 dotdot.c_str());
        testing::TempDir dir;
        const std::string good = [] {
            std::ifstream in(kCorpus / "tiny_module.pt", std::ios::binary);
            return std::string((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
        }();
        const auto variant = [&](const std::string& name, std::string bytes) {
            std::ofstream(dir / name, std::ios::binary) << bytes;
            return refusal(dir / name);
        };
        QVERIFY(variant("empty.pt", "").find("too short") != std::string::npos);
        QVERIFY(variant("cut.pt", good.substr(0, good.size() / 2)).find("no archive directory") != std::string::npos);
        // Limits: a file larger than a model may be is not read at all.
        std::ofstream(dir / "big.pt", std::ios::binary) << good;
        io::ModelArchiveLimits small;
        small.maxFileBytes = 100;
        try {
            io::checkModelArchive(dir / "big.pt", small);
            QFAIL("expected a refusal");
        } catch (const io::ModelArchiveError& e) {
            QVERIFY2(std::string(e.what()).find("more than a model file may be") != std::string::npos, e.what());
        }
        small = {};
        small.maxEntries = 3;
        QVERIFY_THROWS_EXCEPTION(io::ModelArchiveError, io::checkModelArchive(dir / "big.pt", small));
        // A byte of the version flipped: its checksum says so.
        std::string flipped = good;
        const auto at = flipped.rfind("3\n");
        QVERIFY(at != std::string::npos);
        flipped[at] = '4';
        QVERIFY(variant("crc.pt", flipped).find("checksum") != std::string::npos);
    }
};

QTEST_GUILESS_MAIN(TestModelArchive)
#include "test_model_archive.moc"
