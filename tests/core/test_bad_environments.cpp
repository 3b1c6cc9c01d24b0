// Bad environments: a full or read-only disk under the workspace, the model versions and the
// exports (the write fails as the system would, through io::setWriteFault), a study folder that
// disappears while it loads. Nothing written before is lost or left half-written, no temporary
// file stays, and every error names the file and the system's reason.
#include <QtTest>

#include <cerrno>
#include <fstream>

#include <nlohmann/json.hpp>

#include "analysis/series_export.h"
#include "image/label_edit.h"
#include "io/atomic_file.h"
#include "io/model_versions.h"
#include "io/study.h"
#include "io/workspace.h"
#include "synthetic_dicom.h"

using namespace cardioseg;
namespace fs = std::filesystem;

namespace {

/// Every write fails with `error` while the object lives (from the `from`-th write on).
class DiskFault {
public:
    explicit DiskFault(int error, int from = 1) {
        io::setWriteFault([this, error, from](const fs::path& target) {
            m_targets.push_back(target);
            return static_cast<int>(m_targets.size()) >= from ? error : 0;
        });
    }
    ~DiskFault() { io::setWriteFault({}); }
    int writes() const { return static_cast<int>(m_targets.size()); }

private:
    std::vector<fs::path> m_targets;
};

/// An atomic write's temporaries left under `folder`, for messages.
QStringList temporaries(const fs::path& folder) {
    QStringList found;
    for (const auto& f : testing::atomicTemporariesIn(folder)) found << QString::fromStdString(f);
    return found;
}

image::SeriesLabels disc(const image::CineSeries& series, int radius) {
    image::SeriesLabels labels = image::SeriesLabels::like(series);
    for (int k = 0; k < series.slices; ++k) {
        image::LabelMap m(series.geometry.columns, series.geometry.rows, image::label::Background);
        image::paintDisc(m, series.geometry.columns / 2.0, series.geometry.rows / 2.0, radius, image::label::BloodPool);
        labels.at(k, 0) = m;
    }
    return labels;
}

testing::SyntheticSeries small() {
    testing::SyntheticSeries s;
    s.rows = s.columns = 32;
    s.slices = 3;
    s.phases = 2;
    return s;
}

}  // namespace

class TestBadEnvironments : public QObject {
    Q_OBJECT

private slots:
    void aFullOrReadOnlyDiskNeverCostsTheSavedWorkspace() {
        testing::TempDir dir;
        const image::CineSeries series = testing::makeCineSeries(small());
        const io::Workspace ws(dir / "ws");
        io::SeriesWork first{disc(series, 5), {}, {}};
        first.review[{0, 0}] = io::ReviewState::Confirmed;
        ws.save(series, first);
        io::SeriesWork second{disc(series, 9), {}, {}};
        second.clinical.edPhase = 1;
        for (const auto& [error, reason] : {std::pair{ENOSPC, "No space left on device"},
                                           std::pair{EROFS, "Read-only file system"}}) {
            for (int from = 1; from <= 4; ++from) {  // the first mask, a later one, the index…
                DiskFault fault(error, from);
                try {
                    ws.save(series, second);
                    QVERIFY(fault.writes() < from);  // fewer writes than the fault waited for
                    continue;
                } catch (const std::runtime_error& e) {
                    const std::string what = e.what();
                    QVERIFY2(what.find(reason) != std::string::npos && what.find((dir / "ws").string()) != std::string::npos,
                             what.c_str());
                }
                QVERIFY2(temporaries(dir / "ws").isEmpty(), qPrintable(temporaries(dir / "ws").join(", ")));
                // What is on disk reads back whole: each image as one save or the other left it.
                std::vector<io::SkippedFile> skipped;
                const io::SeriesWork back = ws.load(series, skipped);
                QVERIFY(skipped.empty());
                for (int k = 0; k < series.slices; ++k) {
                    const auto& m = back.corrections.at(k, 0);
                    QVERIFY(m.data == first.corrections.at(k, 0).data || m.data == second.corrections.at(k, 0).data);
                }
                QCOMPARE(back.review.at({0, 0}), io::ReviewState::Confirmed);  // the index: the first save's
                QCOMPARE(back.clinical.edPhase, -1);
            }
        }
        ws.save(series, second);  // room again: the whole second save is written
        std::vector<io::SkippedFile> skipped;
        QCOMPARE(ws.load(series, skipped).clinical.edPhase, 1);
    }

    void aFullDiskKeepsTheModelVersions() {
        testing::TempDir dir;
        const io::ModelVersions versions(dir / "models");
        io::ModelVersion v;
        v.file = (dir / "models" / "v1.pt").string();
        QCOMPARE(versions.add(v).id, std::string("v1"));
        for (int error : {ENOSPC, EROFS}) {
            DiskFault fault(error);
            v.file = (dir / "models" / "v2.pt").string();
            try {
                versions.add(v);
                QFAIL("expected an error");
            } catch (const std::runtime_error& e) {
                QVERIFY2(std::string(e.what()).find("versions.json") != std::string::npos, e.what());
                QVERIFY2(std::string(e.what()).find(std::strerror(error)) != std::string::npos, e.what());
            }
        }
        QCOMPARE(versions.list().size(), std::size_t(1));
        QCOMPARE(versions.nextId(), std::string("v2"));
        QVERIFY(temporaries(dir / "models").isEmpty());
    }

    void anExportThatRunsOutOfDiskSaysWhatItWrote() {
        testing::TempDir dir;
        testing::writeSeries(dir / "study", small());
        auto loaded = io::loadDicom({dir / "study"}, {});
        QCOMPARE(loaded.series.size(), std::size_t(1));
        analysis::ExportInput in;
        in.series = std::make_shared<const image::CineSeries>(std::move(loaded.series[0]));
        in.prediction = disc(*in.series, 6);
        in.corrections = disc(*in.series, 7);
        analysis::ExportOptions o;
        o.png = o.nifti = o.dicomSeg = o.contoursJson = o.contoursCsv = o.metricsCsv = true;
        // Count the writes of a whole export, then fail each in turn.
        int total = 0;
        {
            DiskFault count(0);
            o.folder = dir / "count";
            QVERIFY(analysis::exportSeries(in, o, {}).error.empty());
            total = count.writes();
        }
        QVERIFY(total >= 8);
        for (int k = 1; k <= total; ++k) {
            o.folder = dir / ("out" + std::to_string(k));
            DiskFault fault(ENOSPC, k);
            const analysis::ExportResult r = analysis::exportSeries(in, o, {});
            QVERIFY2(r.error.find("No space left on device") != std::string::npos, r.error.c_str());
            QVERIFY2(r.error.find(o.folder.string()) != std::string::npos, r.error.c_str());
            QCOMPARE(static_cast<int>(r.files.size()), k - 1);  // the files before the failure…
            if (k > 1) QVERIFY2(r.error.find("written before the failure") != std::string::npos, r.error.c_str());
            for (const auto& f : r.files) {  // …are complete
                QVERIFY2(fs::file_size(f) > 0, f.c_str());
                if (fs::path(f).extension() == ".json") {
                    std::ifstream json(f);
                    QVERIFY(!nlohmann::json::parse(json, nullptr, false).is_discarded());
                }
            }
            QVERIFY(temporaries(o.folder).isEmpty());
        }
    }

    void aStudyFolderThatDisappearsWhileLoading() {
        testing::TempDir dir;
        testing::SyntheticSeries s = small();
        s.phases = 10;
        testing::writeSeries(dir / "study", s);
        io::WorkspacePlacement placement;
        placement.root = dir / "workspaces";
        bool removed = false;
        const io::Study study = io::loadStudy(dir / "study", placement, [&](double, const std::string&) {
            if (!removed) fs::remove_all(dir / "study");  // a USB disk pulled, a network share gone
            removed = true;
            return true;
        });
        QVERIFY(removed);
        // Whatever was read before it went is there; every file it could not read is named with why.
        std::size_t images = 0;
        for (const auto& se : study.result.series) images += se.frames.size();
        QCOMPARE(images + study.result.skipped.size(), static_cast<std::size_t>(s.slices * s.phases));
        for (const auto& sk : study.result.skipped) {
            QVERIFY2(sk.file.find((dir / "study").string()) != std::string::npos, sk.file.c_str());
            QVERIFY(!sk.reason.empty());
        }
        // Gone before it starts: said plainly, nothing thrown.
        const io::Study none = io::loadStudy(dir / "study", placement, {});
        QVERIFY(none.result.series.empty());
    }
};

QTEST_GUILESS_MAIN(TestBadEnvironments)
#include "test_bad_environments.moc"
