// The review rules of ReviewSession, without a window or a DICOM file: a hand-built series of
// 5 slices × 4 phases whose ventricle (a blood pool disc in a myocardial ring) spans slices 1–3.
#include <QtTest>

#include <cmath>

#include "image/label_edit.h"
#include "session/review_session.h"

using namespace cardioseg;
using session::Cell;
using session::Change;
using session::ReviewSession;
using State = io::ReviewState;

namespace {

constexpr int kSize = 48;

std::shared_ptr<const ReviewSession::Study> study(bool missingImage = false) {
    image::CineSeries s;
    s.slices = 5;
    s.phases = 4;
    s.geometry.rows = s.geometry.columns = kSize;
    s.geometry.rowSpacing = s.geometry.colSpacing = 1.5;
    s.geometry.sliceSpacing = 8.0;
    for (int k = 0; k < s.slices; ++k)
        for (int p = 0; p < s.phases; ++p) {
            if (missingImage && k == 4 && p == 3) {
                s.grid.push_back(-1);
                continue;
            }
            s.grid.push_back(static_cast<int>(s.frames.size()));
            s.frames.emplace_back();
            s.frames.back().instanceNumber = static_cast<int>(s.frames.size());
            s.pixels.emplace_back(kSize, kSize, 100.0f);
        }
    return std::make_shared<const ReviewSession::Study>(ReviewSession::Study{s});
}

/// The model's labels: the ventricle on slices 1–3, nothing on 0 and 4.
image::LabelMap modelLabels(int slice) {
    image::LabelMap m(kSize, kSize, image::label::Background);
    if (slice < 1 || slice > 3) return m;
    image::paintDisc(m, 24, 24, 9, image::label::Myocardium);
    image::paintDisc(m, 24, 24, 6, image::label::BloodPool);
    return m;
}

/// Every image segmented, then the segmentation's end.
void segmentAll(ReviewSession& r) {
    const auto& s = r.series(0);
    for (int k = 0; k < s.slices; ++k)
        for (int p = 0; p < s.phases; ++p)
            if (s.image(k, p)) r.setPrediction(0, {k, p}, modelLabels(k), 0.1 * k + 0.01 * p);
    r.refreshCoverage(0);
}

std::size_t count(const image::LabelMap& m, std::uint8_t label) {
    return static_cast<std::size_t>(std::count(m.data.begin(), m.data.end(), label));
}

}  // namespace

class TestReviewSession : public QObject {
    Q_OBJECT

private slots:
    void theFirstCorrectionStartsFromTheModelAndUndoTakesItBack() {
        ReviewSession r(study());
        segmentAll(r);
        QVERIFY(r.corrections(0).at(2, 1).empty());
        auto e = r.beginEdit(0, {2, 1});
        QVERIFY(e.valid());
        QCOMPARE(e.labels().data, modelLabels(2).data);  // starts from the model's labels
        image::paintDisc(e.labels(), 24, 24, 3, image::label::Myocardium);
        const session::Edit edit = r.commit(e);
        QVERIFY(!edit.empty());
        QVERIFY(!e.valid());
        QCOMPARE(edit.cell(), Cell(2, 1));
        QCOMPARE(r.reviewState(0, {2, 1}), State::Corrected);
        QVERIFY(count(r.corrections(0).at(2, 1), image::label::BloodPool) < count(modelLabels(2), image::label::BloodPool));

        r.undo(edit);  // the corrections and the state go, as before the edit
        QVERIFY(r.corrections(0).at(2, 1).empty());
        QCOMPARE(r.reviewState(0, {2, 1}), State::Unreviewed);
        r.redo(edit);
        QCOMPARE(r.reviewState(0, {2, 1}), State::Corrected);
        QCOMPARE(count(r.corrections(0).at(2, 1), image::label::BloodPool),
                 count(modelLabels(2), image::label::BloodPool) - count([] {
                     image::LabelMap m(kSize, kSize, 0);
                     image::paintDisc(m, 24, 24, 3, 1);
                     return m;
                 }(), 1));

        // A second edit of a corrected image that changes nothing is no edit; one that does is
        // undone to the first edit's labels, the image staying corrected.
        auto same = r.beginEdit(0, {2, 1});
        QVERIFY(r.commit(same).empty());
        const image::LabelMap afterFirst = r.corrections(0).at(2, 1);
        auto second = r.beginEdit(0, {2, 1});
        image::paintDisc(second.labels(), 5, 5, 2, image::label::BloodPool);
        const session::Edit edit2 = r.commit(second);
        r.undo(edit2);
        QCOMPARE(r.corrections(0).at(2, 1).data, afterFirst.data);
        QCOMPARE(r.reviewState(0, {2, 1}), State::Corrected);
    }

    void anImageWithoutModelLabelsStartsFromBackground() {
        ReviewSession r(study());
        auto e = r.beginEdit(0, {0, 0});
        QCOMPARE(count(e.labels(), image::label::Background), std::size_t(kSize * kSize));
        image::paintDisc(e.labels(), 10, 10, 2, image::label::BloodPool);
        QVERIFY(!r.commit(e).empty());
        QVERIFY(!r.beginEdit(0, {7, 0}).valid());  // no such slice
    }

    void aReadOnlySessionRefusesEveryEdit() {
        ReviewSession r(study());
        segmentAll(r);
        int changes = 0;
        r.setListener([&](const session::Change& c) {
            if (c.kinds & (session::Change::Corrections | session::Change::Review | session::Change::Inputs)) ++changes;
        });
        r.setReadOnly(true);
        QVERIFY(r.isReadOnly());
        QVERIFY(!r.beginEdit(0, {2, 1}).valid());
        QVERIFY(r.clearImage(0, {2, 1}).empty());
        QVERIFY(r.clearSlice(0, 2).empty());
        QVERIFY(r.acceptPrediction(0, r.predictedCells(0, ReviewSession::Scope::Series, {0, 0})).empty());
        QVERIFY(r.copyLabels(0, 2, 0, 1).empty());
        io::ClinicalInputs inputs;
        inputs.edPhase = 1;
        QVERIFY(r.setClinicalInputs(0, inputs).empty());
        QVERIFY(r.setCoverageLimit(0, {1, 0}, true, true).empty());
        QVERIFY(r.automaticCoverage(0, 0, true).empty());
        session::Edit edit;
        QCOMPARE(r.confirm(0, {2, 1}, false, edit), ReviewSession::ConfirmOutcome::ReadOnly);
        QVERIFY(edit.empty());
        QVERIFY(r.unconfirm(0, {2, 1}).empty());
        QCOMPARE(changes, 0);
        QCOMPARE(r.corrections(0).labelledCount(), std::size_t(0));
        QCOMPARE(r.clinicalInputs(0).edPhase, -1);
        QVERIFY(!r.hasUnsaved());
        // The model's labels still arrive, and the session is editable again once writable.
        r.setPrediction(0, {0, 0}, modelLabels(2), 0.5);
        QVERIFY(!r.prediction(0).at(0, 0).empty());
        r.setReadOnly(false);
        QVERIFY(!r.clearImage(0, {2, 1}).empty());
        QVERIFY(r.hasUnsaved());
    }

    void confirmingKeepsTheLabelsOnScreen() {
        ReviewSession r(study(true));
        session::Edit edit;
        QCOMPARE(r.confirm(0, {4, 3}, false, edit), ReviewSession::ConfirmOutcome::NoImage);
        // Before the model's labels arrive, an image cannot be confirmed while they are coming.
        QCOMPARE(r.confirm(0, {2, 0}, true, edit), ReviewSession::ConfirmOutcome::NotSegmentedYet);
        QVERIFY(edit.empty());
        QCOMPARE(r.reviewState(0, {2, 0}), State::Unreviewed);
        // No model running and no labels: confirmed as "no ventricle here".
        QCOMPARE(r.confirm(0, {0, 0}, false, edit), ReviewSession::ConfirmOutcome::Confirmed);
        QCOMPARE(count(r.corrections(0).at(0, 0), image::label::Background), std::size_t(kSize * kSize));

        segmentAll(r);
        QCOMPARE(r.confirm(0, {2, 0}, false, edit), ReviewSession::ConfirmOutcome::Confirmed);
        QCOMPARE(r.corrections(0).at(2, 0).data, modelLabels(2).data);  // the model's become the corrections
        QCOMPARE(r.reviewState(0, {2, 0}), State::Confirmed);
        session::Edit again;
        QCOMPARE(r.confirm(0, {2, 0}, false, again), ReviewSession::ConfirmOutcome::AlreadyConfirmed);
        QVERIFY(again.empty());
        r.undo(edit);  // one step: the state and the copied labels
        QCOMPARE(r.reviewState(0, {2, 0}), State::Unreviewed);
        QVERIFY(r.corrections(0).at(2, 0).empty());
        r.redo(edit);

        // Un-confirming leaves the image corrected; editing a confirmed image keeps it confirmed.
        QVERIFY(r.unconfirm(0, {1, 1}).empty());  // not confirmed
        const session::Edit un = r.unconfirm(0, {2, 0});
        QCOMPARE(r.reviewState(0, {2, 0}), State::Corrected);
        QVERIFY(!r.corrections(0).at(2, 0).empty());
        r.undo(un);
        QCOMPARE(r.reviewState(0, {2, 0}), State::Confirmed);
        auto e = r.beginEdit(0, {2, 0});
        image::paintDisc(e.labels(), 24, 24, 2, image::label::Background);
        r.commit(e);
        QCOMPARE(r.reviewState(0, {2, 0}), State::Confirmed);

        // A corrected image confirmed keeps its corrections; undo returns it to corrected.
        auto c = r.beginEdit(0, {3, 2});
        image::paintDisc(c.labels(), 24, 24, 2, image::label::Background);
        r.commit(c);
        const image::LabelMap corrected = r.corrections(0).at(3, 2);
        session::Edit confirmCorrected;
        r.confirm(0, {3, 2}, false, confirmCorrected);
        QCOMPARE(r.corrections(0).at(3, 2).data, corrected.data);
        r.undo(confirmCorrected);
        QCOMPARE(r.reviewState(0, {3, 2}), State::Corrected);
        QCOMPARE(r.corrections(0).at(3, 2).data, corrected.data);
    }

    void acceptingThePredictionIsOneEditPerScope() {
        ReviewSession r(study(true));
        QVERIFY(r.predictedCells(0, ReviewSession::Scope::Image, {2, 1}).empty());  // not segmented
        segmentAll(r);
        QCOMPARE(r.predictedCells(0, ReviewSession::Scope::Image, {2, 1}), std::vector<Cell>{Cell(2, 1)});
        QCOMPARE(r.predictedCells(0, ReviewSession::Scope::Slice, {2, 1}).size(), std::size_t(4));
        QCOMPARE(r.predictedCells(0, ReviewSession::Scope::Series, {2, 1}).size(), std::size_t(19));  // one missing

        const auto cells = r.predictedCells(0, ReviewSession::Scope::Slice, {2, 1});
        const session::Edit edit = r.acceptPrediction(0, cells);
        QCOMPARE(edit.cell().first, -1);  // several images
        for (int p = 0; p < 4; ++p) {
            QCOMPARE(r.reviewState(0, {2, p}), State::Corrected);
            QCOMPARE(r.corrections(0).at(2, p).data, r.prediction(0).at(2, p).data);
        }
        QCOMPARE(r.counts(0).corrected, 4);
        QCOMPARE(r.counts(0).images, 19);
        r.undo(edit);
        QCOMPARE(r.counts(0).corrected, 0);
        for (int p = 0; p < 4; ++p) QVERIFY(r.corrections(0).at(2, p).empty());
    }

    void clearingASliceAndCopyingToTheNextPhase() {
        ReviewSession r(study());
        segmentAll(r);
        const session::Edit cleared = r.clearSlice(0, 2);
        for (int p = 0; p < 4; ++p) {
            QCOMPARE(count(r.corrections(0).at(2, p), image::label::Background), std::size_t(kSize * kSize));
            QCOMPARE(r.reviewState(0, {2, p}), State::Corrected);
        }
        r.undo(cleared);
        QCOMPARE(r.counts(0).corrected, 0);

        // The copy takes the corrections where there are some, else the model's labels.
        auto e = r.beginEdit(0, {3, 0});
        image::paintDisc(e.labels(), 24, 24, 9, image::label::BloodPool);
        r.commit(e);
        const session::Edit copied = r.copyLabels(0, 3, 0, 1);
        QCOMPARE(copied.cell(), Cell(3, 1));
        QCOMPARE(r.corrections(0).at(3, 1).data, r.corrections(0).at(3, 0).data);
        QVERIFY(!r.copyLabels(0, 1, 2, 3).empty());  // model's labels
        QCOMPARE(r.corrections(0).at(1, 3).data, r.prediction(0).at(1, 2).data);
        QVERIFY(r.copyLabels(0, 3, 1, 1).empty());  // onto itself: nothing
        r.undo(copied);
        QVERIFY(r.corrections(0).at(3, 1).empty());

        ReviewSession unsegmented(study());
        QVERIFY(unsegmented.copyLabels(0, 2, 0, 1).empty());  // nothing on screen to copy
    }

    void theCoverageIsFoundOnceEveryImageIsSegmentedAndAppliesToTheModel() {
        ReviewSession r(study());
        const auto& s = r.series(0);
        // One image short of the series: no coverage yet, the labels as they come.
        for (int k = 0; k < s.slices; ++k)
            for (int p = 0; p < s.phases; ++p)
                if (k != 4 || p != 3) r.setPrediction(0, {k, p}, modelLabels(2), 0.0);  // the ventricle everywhere
        r.refreshCoverage(0);
        QVERIFY(r.coverage(0).empty());
        QVERIFY(count(r.prediction(0).at(0, 0), image::label::BloodPool) > 0);

        segmentAll(r);
        const auto ranges = r.coverage(0);
        QCOMPARE(ranges.size(), std::size_t(4));
        for (const auto& range : ranges) {
            QCOMPARE(range.base, 1);
            QCOMPARE(range.apex, 3);
        }
        // The model's labels outside count as background, even segmented again; the raw ones stay.
        r.setPrediction(0, {0, 1}, modelLabels(2), 0.0);
        QCOMPARE(count(r.prediction(0).at(0, 1), image::label::BloodPool), std::size_t(0));
        QVERIFY(count(r.rawPrediction(0).at(0, 1), image::label::BloodPool) > 0);
        QCOMPARE(r.uncertainty(0)[1], 0.0);
        QCOMPARE(r.uncertainty(0)[2 * 4 + 3], 0.23);

        // A base set by hand at slice 0 (every phase) brings the raw labels there back.
        const session::Edit base = r.setCoverageLimit(0, {0, 1}, true, true);
        QVERIFY(!base.empty());
        for (const auto& range : r.coverage(0)) QCOMPARE(range.base, 0);
        QVERIFY(count(r.prediction(0).at(0, 1), image::label::BloodPool) > 0);
        // The apex above the base at one phase moves the base with it.
        const session::Edit apex = r.setCoverageLimit(0, {2, 0}, false, false);
        QCOMPARE(r.coverage(0)[0].apex, 2);
        QCOMPARE(r.coverage(0)[1].apex, 3);
        r.undo(apex);
        QCOMPARE(r.coverage(0)[0].apex, 3);
        const session::Edit automatic = r.automaticCoverage(0, 1, false);
        QCOMPARE(r.coverage(0)[1].base, 1);
        QCOMPARE(r.coverage(0)[0].base, 0);
        r.undo(automatic);
        r.undo(base);
        QCOMPARE(r.coverage(0)[1].base, 1);
        QVERIFY(r.clinicalInputs(0).coverage.empty());

        ReviewSession unknown(study());
        QVERIFY(unknown.setCoverageLimit(0, {1, 1}, true, false).empty());  // nothing found yet
    }

    void anEditOutsideTheCoverageExtendsItInTheSameStep() {
        ReviewSession r(study());
        segmentAll(r);
        // Background painted outside: the coverage stays.
        auto none = r.beginEdit(0, {4, 2});
        image::paintDisc(none.labels(), 10, 10, 2, image::label::Background);
        QCOMPARE(r.commit(none).coverageExtendedTo(), -1);
        QCOMPARE(r.coverage(0)[2].apex, 3);
        // A blood pool drawn on slice 4: the apex of that phase moves there; undo moves it back.
        auto e = r.beginEdit(0, {4, 2});
        image::paintDisc(e.labels(), 24, 24, 4, image::label::BloodPool);
        const session::Edit edit = r.commit(e);
        QCOMPARE(edit.coverageExtendedTo(), 4);
        QCOMPARE(r.coverage(0)[2].apex, 4);
        QCOMPARE(r.coverage(0)[1].apex, 3);
        r.undo(edit);
        QCOMPARE(r.coverage(0)[2].apex, 3);
        QCOMPARE(r.reviewState(0, {4, 2}), State::Corrected);  // the first (background) edit stays
        r.redo(edit);
        QCOMPARE(r.coverage(0)[2].apex, 4);

        // The reviewed labels: corrections, else the model's, and nothing outside the coverage.
        const auto reviewed = r.reviewedLabels(0);
        QVERIFY(count(reviewed.at(4, 2), image::label::BloodPool) > 0);
        QCOMPARE(reviewed.at(2, 0).data, r.prediction(0).at(2, 0).data);
        auto outside = r.beginEdit(0, {0, 3});  // background only: the coverage stays out
        QVERIFY(!r.commit(outside).empty());
        QVERIFY(r.clearSlice(0, 0).coverageExtendedTo() < 0);
        QCOMPARE(count(r.reviewedLabels(0).at(0, 3), image::label::BloodPool), std::size_t(0));
    }

    void clinicalInputsAreEditsToo() {
        ReviewSession r(study());
        io::ClinicalInputs in;
        in.edPhase = 0;
        in.esPhase = 2;
        in.heightM = 1.8;
        const session::Edit edit = r.setClinicalInputs(0, in);
        QVERIFY(!edit.empty());
        QCOMPARE(edit.cell().first, -1);
        QVERIFY(r.setClinicalInputs(0, in).empty());  // the same again: nothing
        QCOMPARE(r.clinicalInputs(0).esPhase, 2);
        r.undo(edit);
        QCOMPARE(r.clinicalInputs(0).esPhase, -1);
        QVERIFY(r.setClinicalInputs(3, in).empty());  // no such series
    }

    void everyChangeIsToldAndUserChangesAreUnsaved() {
        ReviewSession r(study());
        std::vector<Change> changes;
        r.setListener([&](const Change& c) { changes.push_back(c); });
        r.setPrediction(0, {1, 2}, modelLabels(1), 0.5);
        QCOMPARE(changes.size(), std::size_t(1));
        QCOMPARE(changes[0].kinds, int(Change::Prediction));
        QCOMPARE(changes[0].slice, 1);
        QCOMPARE(changes[0].phase, 2);
        QVERIFY(!r.hasUnsaved());  // the model's labels are not the user's work

        changes.clear();
        auto e = r.beginEdit(0, {1, 2});
        image::paintDisc(e.labels(), 5, 5, 2, image::label::BloodPool);
        const session::Edit edit = r.commit(e);
        QCOMPARE(changes.size(), std::size_t(1));
        QCOMPARE(changes[0].kinds, Change::Corrections | Change::Review);
        QCOMPARE(changes[0].slice, 1);
        QVERIFY(r.hasUnsaved());

        // What is taken to be saved is a copy; a failed save puts the series back.
        auto work = r.takeUnsaved();
        QVERIFY(!r.hasUnsaved());
        QCOMPARE(work.size(), std::size_t(1));
        QCOMPARE(work[0].first, 0);
        QCOMPARE(work[0].second.review.at({1, 2}), State::Corrected);
        r.undo(edit);
        QVERIFY(r.hasUnsaved());  // undo is a change to save too
        QVERIFY(!work[0].second.corrections.at(1, 2).empty());  // the copy kept what was taken
        r.takeUnsaved();
        r.markUnsaved({0, 5});
        QCOMPARE(r.unsavedSeries(), std::set<int>{0});

        // Several images at once: one change for the series.
        changes.clear();
        r.clearSlice(0, 3);
        QCOMPARE(changes.size(), std::size_t(1));
        QCOMPARE(changes[0].slice, -1);
        // Clinical inputs tell Inputs (and, with the coverage, the model's labels anew).
        changes.clear();
        io::ClinicalInputs in;
        in.weightKg = 70;
        r.setClinicalInputs(0, in);
        QCOMPARE(changes.size(), std::size_t(1));
        QCOMPARE(changes[0].kinds, int(Change::Inputs));
    }

    void reviewedImagesAreWhatFineTuningLearnsFrom() {
        ReviewSession r(study());
        segmentAll(r);
        QCOMPARE(r.reviewedImageCount(), 0);
        session::Edit edit;
        r.confirm(0, {2, 0}, false, edit);
        r.acceptPrediction(0, {{1, 1}, {3, 3}});
        const auto images = r.reviewedImages();
        QCOMPARE(images.size(), std::size_t(3));
        QCOMPARE(r.reviewedImageCount(), 3);
        for (const auto& im : images) {
            QCOMPARE(im.series, 0);
            QVERIFY(im.labels && !im.labels->empty());
        }
    }

    void theWorkspaceIsRestoredAndCheckedAgainstTheSeries() {
        const auto s = study();
        io::SeriesWork good;
        good.corrections = image::SeriesLabels::like(s->front());
        good.corrections.at(1, 1) = modelLabels(1);
        good.review[{1, 1}] = State::Confirmed;
        good.review[{9, 9}] = State::Corrected;  // not in the series: dropped
        good.clinical.edPhase = 1;
        ReviewSession restored(s, {good});
        QCOMPARE(restored.reviewState(0, {1, 1}), State::Confirmed);
        QCOMPARE(restored.counts(0).confirmed, 1);
        QCOMPARE(restored.counts(0).corrected, 0);
        QCOMPARE(restored.clinicalInputs(0).edPhase, 1);
        QCOMPARE(restored.shownLabels(0, {1, 1}), &restored.corrections(0).at(1, 1));
        QVERIFY(!restored.hasUnsaved());

        io::SeriesWork other;  // labels of another layout: not taken for this series
        other.corrections = image::SeriesLabels(2, 2);
        ReviewSession mismatched(s, {other});
        QCOMPARE(mismatched.corrections(0).maps.size(), std::size_t(20));
        QVERIFY(mismatched.shownLabels(0, {1, 1}) == nullptr);
        QVERIFY_THROWS_EXCEPTION(std::out_of_range, mismatched.series(1));
    }

    void backgroundWorkHoldsTheSeriesBeyondTheSession() {
        std::shared_ptr<const image::CineSeries> held;
        {
            ReviewSession r(study());
            held = r.sharedSeries(0);
            QCOMPARE(held.get(), &r.series(0));  // shared, not copied
        }
        QCOMPARE(held->slices, 5);
        QVERIFY(held->image(2, 2) != nullptr);
    }
};

QTEST_APPLESS_MAIN(TestReviewSession)
#include "test_review_session.moc"
