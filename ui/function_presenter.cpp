#include "function_presenter.h"

#include <QSettings>

#include <QFileDialog>
#include <QFileInfo>
#include <QLocale>
#include <QMenu>
#include <QTimer>

#include <algorithm>
#include <cmath>
#include <tuple>

#include "analysis/label_export.h"
#include "cine_grid.h"
#include "editing_presenter.h"
#include "function_panel.h"
#include "job_list.h"
#include "report.h"
#include "session/segmentation_order.h"
#include "surface_view.h"

namespace cardioseg::ui {

FunctionPresenter::FunctionPresenter(FunctionPanel* panel, CineGrid* grid, EditingPresenter* editing, JobList* jobs,
                                     Context context, QObject* parent)
    : QObject(parent), m_panel(panel), m_grid(grid), m_editing(editing), m_jobs(jobs), m_context(std::move(context)) {
    m_settle = new QTimer(this);
    m_settle->setSingleShot(true);
    m_settle->setInterval(300);  // once labels settle, not on every arriving image
    connect(m_settle, &QTimer::timeout, this, &FunctionPresenter::update);
    connect(m_grid, &CineGrid::cellMenuRequested, this, [this](int, int, const QPoint& at) {
        // The cell is current (the click went there first): its base, apex or automatic coverage.
        QMenu menu(m_grid);
        menu.addAction(tr("Base of the ventricle here (this phase)"), this, [this] { m_editing->setCoverageLimit(true, false); });
        menu.addAction(tr("Apex of the ventricle here (this phase)"), this, [this] { m_editing->setCoverageLimit(false, false); });
        menu.addAction(tr("Base here in every phase"), this, [this] { m_editing->setCoverageLimit(true, true); });
        menu.addAction(tr("Apex here in every phase"), this, [this] { m_editing->setCoverageLimit(false, true); });
        menu.addSeparator();
        menu.addAction(tr("Coverage as found (this phase)"), this, [this] { m_editing->automaticCoverage(false); });
        menu.addAction(tr("Coverage as found (every phase)"), this, [this] { m_editing->automaticCoverage(true); });
        menu.exec(at);
    });
    connect(m_panel, &FunctionPanel::csvRequested, this, [this] {
        if (m_context.series() < 0) return;
        const QString f =
            QFileDialog::getSaveFileName(m_panel->window(), tr("Save measures"), QString(), tr("CSV (*.csv)"));
        if (f.isEmpty()) return;
        const QString error = writeCsv(f);
        if (!error.isEmpty()) Q_EMIT failed(tr("Cardiac function"), error);
        else Q_EMIT message(tr("Saved %1").arg(f), 8000);
    });
    connect(&m_report, &QFutureWatcher<ReportOutcome>::finished, this, [this] {
        const auto [file, error] = m_report.result();
        Q_EMIT message(error.isEmpty() ? tr("Report saved: %1").arg(file) : tr("Report failed: %1").arg(error), 10000);
        Q_EMIT reportFinished(file, error);
    });
    connect(m_panel, &FunctionPanel::edRequested, this, [this] { setCardiacPhase(true); });
    connect(m_panel, &FunctionPanel::esRequested, this, [this] { setCardiacPhase(false); });
    connect(m_panel, &FunctionPanel::baseRequested, m_editing, [this] { m_editing->setCoverageLimit(true, false); });
    connect(m_panel, &FunctionPanel::apexRequested, m_editing, [this] { m_editing->setCoverageLimit(false, false); });
    connect(m_panel, &FunctionPanel::automaticCoverageRequested, m_editing,
            [this] { m_editing->automaticCoverage(false); });
    connect(m_panel, &FunctionPanel::automaticEdEsRequested, this, [this] {
        if (!session()->hasSeries(m_context.series())) return;
        io::ClinicalInputs c = session()->clinicalInputs(m_context.series());
        c.edPhase = c.esPhase = -1;
        m_editing->setClinicalInputs(c);
    });
    connect(m_panel, &FunctionPanel::bodySizeEntered, this, [this](double heightM, double weightKg) {
        if (!session()->hasSeries(m_context.series())) return;
        io::ClinicalInputs c = session()->clinicalInputs(m_context.series());
        c.heightM = heightM;
        c.weightKg = weightKg;
        m_editing->setClinicalInputs(c);
    });
}

void FunctionPresenter::addCoverageActions(QMenu* menu) {
    menu->addAction(tr("Set the Ventricle's &Base at This Slice"), QKeySequence(Qt::CTRL | Qt::Key_B), m_editing,
                    [this] { m_editing->setCoverageLimit(true, false); });
    menu->addAction(tr("Set the Ventricle's &Apex at This Slice"), QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_B),
                    m_editing, [this] { m_editing->setCoverageLimit(false, false); });
    menu->addAction(tr("C&overage as Found in Every Phase"), m_editing, [this] { m_editing->automaticCoverage(true); });
}

void FunctionPresenter::setCardiacPhase(bool endDiastole) {
    if (!session()->hasSeries(m_context.series())) return;
    io::ClinicalInputs c = session()->clinicalInputs(m_context.series());
    const int phase = m_context.cell().second;
    // The other one stays as it is shown.
    int& chosen = endDiastole ? c.edPhase : c.esPhase;
    int& other = endDiastole ? c.esPhase : c.edPhase;
    chosen = phase;
    if (other < 0) other = endDiastole ? m_function[1].esPhase : m_function[1].edPhase;
    if (other == chosen) other = -1;
    m_editing->setClinicalInputs(c);
}

std::optional<FunctionPresenter::Provisional> FunctionPresenter::provisionalEdEs() const {
    const int series = m_context.series();
    const auto opening = m_context.openingSlice();
    if (!opening || opening->first != series || !session()->hasSeries(series)) return std::nullopt;
    // One of them set by hand: the other is found from the volumes of every phase.
    const io::ClinicalInputs& c = session()->clinicalInputs(series);
    if (c.edPhase >= 0 || c.esPhase >= 0) return std::nullopt;
    const auto& s = session()->series(series);
    const auto& raw = session()->rawPrediction(series);  // before the coverage: the areas as segmented
    const int slice = opening->second;
    std::vector<double> areas;
    for (int p = 0; p < s.phases; ++p) {
        if (s.frameAt(slice, p) < 0) continue;
        const auto& map = raw.at(slice, p);
        areas.push_back(map.empty() ? -1.0
                                    : static_cast<double>(std::count(map.data.begin(), map.data.end(),
                                                                     image::label::BloodPool)));
    }
    // Phases without an image on the slice are left out; their positions shift the indices.
    if (static_cast<int>(areas.size()) != s.phases) return std::nullopt;
    const auto edEs = session::provisionalEdEs(areas);
    if (!edEs) return std::nullopt;
    return Provisional{slice, *edEs};
}

int FunctionPresenter::imagesAwaitingModel() const {
    // A job's labels reach this thread after it ends, until its end is handled: the opening
    // job counts as running until then.
    const int series = m_context.series();
    if (!session()->hasSeries(series) || !(m_context.segmenting() || m_context.openingSlice())) return 0;
    // The phases the measures need: every phase while ED and ES are found from the volumes,
    // only those two when both are set by hand.
    const auto& s = session()->series(series);
    const io::ClinicalInputs& c = session()->clinicalInputs(series);
    const bool byHand = c.edPhase >= 0 && c.esPhase >= 0;
    const auto provisional = provisionalEdEs();
    const int ed = byHand ? c.edPhase : provisional ? provisional->edEs.first : -1;
    const int es = byHand ? c.esPhase : provisional ? provisional->edEs.second : -1;
    const auto& predicted = session()->prediction(series);
    int missing = 0;
    for (int k = 0; k < s.slices; ++k)
        for (int p = 0; p < s.phases; ++p) {
            if (ed >= 0 && p != ed && p != es) continue;
            if (s.frameAt(k, p) >= 0 && predicted.at(k, p).empty()) ++missing;
        }
    return missing;
}

void FunctionPresenter::update() {
    m_settle->stop();
    const int series = m_context.series();
    if (!session()->hasSeries(series)) {
        m_function[0] = m_function[1] = analysis::CardiacFunction();
        m_panel->setWaiting(0);
        m_panel->setProvisional(-1);
        m_panel->setFunctions(m_function[0], m_function[1], 0);
        m_panel->setBodySize(false, 0, 0);
        Q_EMIT updated();
        return;
    }
    const auto& s = session()->series(series);
    const io::ClinicalInputs& c = session()->clinicalInputs(series);
    analysis::FunctionOptions o;
    o.edPhase = c.edPhase;
    o.esPhase = c.esPhase;
    o.heightM = c.heightM;
    o.weightKg = c.weightKg;
    // While the model segments the series, ED and ES as found on the opening slice: the measures
    // need only those two phases (figures shown as provisional).
    const auto provisional = provisionalEdEs();
    if (provisional) std::tie(o.edPhase, o.esPhase) = provisional->edEs;
    m_function[0] = analysis::measureFunction(s, session()->prediction(series), o);
    m_function[1] = analysis::measureFunction(s, session()->reviewedLabels(series), o);
    if (provisional) m_function[0].edEsByHand = m_function[1].edEsByHand = false;
    m_panel->setProvisional(provisional ? provisional->slice : -1);
    m_panel->setWaiting(imagesAwaitingModel());
    m_shownPhase = m_context.cell().second;
    m_panel->setFunctions(m_function[0], m_function[1], m_shownPhase);
    m_panel->setBodySize(!(s.info.patientSizeM > 0) || !(s.info.patientWeightKg > 0), c.heightM, c.weightKg);
    m_grid->setCardiacPhases(m_function[1].edPhase, m_function[1].esPhase, m_function[1].edEsByHand);
    showCoverage();
    updateSuggestions();
    Q_EMIT updated();
}

void FunctionPresenter::labelsChanged() {
    // The measures as soon as the last image they wait for arrives (while the model goes on with
    // the series' other images); otherwise once the labels settle.
    if (m_panel->waiting() > 0 && imagesAwaitingModel() == 0) update();
    else m_settle->start();
}

void FunctionPresenter::imageShown() {
    const int phase = m_context.cell().second;
    if (phase != m_shownPhase) {
        m_shownPhase = phase;
        m_panel->setFunctions(m_function[0], m_function[1], phase);
    }
    showCoverage();
}

void FunctionPresenter::showCoverage() {
    const int series = m_context.series();
    const int phase = m_context.cell().second;
    const auto ranges = session()->hasSeries(series) ? session()->coverage(series) : std::vector<image::SliceRange>();
    const auto& choices = session()->hasSeries(series) ? session()->clinicalInputs(series).coverage
                                                       : std::vector<image::CoverageChoice>();
    const bool byHand = phase >= 0 && phase < static_cast<int>(choices.size()) &&
                        (choices[phase].base >= 0 || choices[phase].apex >= 0);
    m_panel->setCoverage(phase >= 0 && phase < static_cast<int>(ranges.size()) ? ranges[phase] : image::SliceRange(),
                         phase, byHand, !ranges.empty());
}

std::vector<session::Suggestion> FunctionPresenter::suggestions(int count) const {
    const int series = m_context.series();
    if (!session()->hasSeries(series)) return {};
    const auto& s = session()->series(series);
    const auto& review = *session();
    return session::suggestCorrections(
        s.slices, s.phases, m_function[1].edPhase, m_function[1].esPhase, review.coverage(series),
        review.uncertainty(series),
        [&](session::Cell c) {
            return s.image(c.first, c.second) && review.reviewState(series, c) == io::ReviewState::Unreviewed;
        },
        count);
}

void FunctionPresenter::updateSuggestions() {
    QStringList lines;
    std::vector<std::pair<int, int>> cells;
    for (const auto& g : suggestions()) {
        const QString region = g.region == "base" ? tr("base") : g.region == "mid" ? tr("middle") : tr("apex");
        lines << tr("slice %1 at %2 (%3), doubt %4")
                     .arg(g.cell.first + 1)
                     .arg(g.endDiastole ? tr("ED") : tr("ES"))
                     .arg(region)
                     .arg(QLocale().toString(g.uncertainty, 'f', 2));
        cells.push_back(g.cell);
    }
    Q_EMIT suggestionsChanged(lines, cells);
}

SurfaceDialog* FunctionPresenter::showSurfaces(QWidget* parent) {
    const int series = m_context.series();
    if (!session()->hasSeries(series)) return nullptr;
    if (!m_surfaces) m_surfaces = new SurfaceDialog(parent, m_jobs);
    m_surfaces->setLabels(session()->series(series).geometry, session()->prediction(series),
                          session()->reviewedLabels(series), m_context.cell().second);
    m_surfaces->show();
    m_surfaces->raise();
    return m_surfaces;
}

void FunctionPresenter::clearSurfaces() {
    if (m_surfaces) m_surfaces->clear();
}

QString FunctionPresenter::writeCsv(const QString& file) {
    update();
    try {
        analysis::writeFunctionCsv(file.toStdString(), {{"model", &m_function[0]}, {"reviewed", &m_function[1]}});
    } catch (const std::exception& e) {
        return QString::fromStdString(e.what());
    }
    return {};
}

FunctionPresenter::~FunctionPresenter() { m_report.waitForFinished(); }

bool FunctionPresenter::goToSuggestion() {
    const auto list = suggestions(1);
    if (list.empty()) {
        Q_EMIT message(tr("No image to suggest: the model has not segmented the series, or every image "
                          "at end-diastole and end-systole is reviewed"),
                       6000);
        return false;
    }
    Q_EMIT goTo(list.front().cell.first, list.front().cell.second);
    return true;
}

bool FunctionPresenter::deidentifyExports() { return QSettings().value(QStringLiteral("export/deidentify"), false).toBool(); }

void FunctionPresenter::setDeidentifyExports(bool on) { QSettings().setValue(QStringLiteral("export/deidentify"), on); }

void FunctionPresenter::writeReport(const QString& file, const QString& modelName, std::pair<double, double> dice) {
    const int series = m_context.series();
    const auto s = session();
    if (!s->hasSeries(series) || m_report.isRunning()) return;
    update();
    ReportInput in;
    // The worker shares the series: another study may be opened while it writes.
    in.series = s->sharedSeries(series);
    in.model = s->prediction(series);
    in.reviewed = s->reviewedLabels(series);
    in.modelFunction = function(false);
    in.reviewedFunction = function(true);
    in.modelName = modelName;
    in.reviewedImages = s->reviewedImageCount();
    in.deidentify = deidentifyExports();
    // For a clinical reader: how far the model's contours were changed, without the
    // segmentation-accuracy jargon (the CSV export carries every metric).
    const auto [bp, myo] = dice;
    if (in.reviewedImages == 0 || std::isnan(bp))
        in.agreement = tr("No image was corrected or confirmed by a person: every contour is the model's.");
    else
        in.agreement = tr("On the %n image(s) a person corrected or confirmed, the model's contours overlapped "
                          "theirs by %1 % for the blood pool and %2 % for the myocardium (Dice; 100 % = identical).",
                          "", in.reviewedImages)
                           .arg(localNumber(100 * bp, 0), std::isnan(myo) ? QStringLiteral("–") : localNumber(100 * myo, 0));
    Q_EMIT message(tr("Writing the report…"), 0);
    m_report.setFuture(m_jobs->run<ReportOutcome>(tr("Writing the report"), [file, in](const io::ProgressFn&) {
        try {
            ui::writeReport(file, in);
            return ReportOutcome{file, QString()};
        } catch (const std::exception& e) {
            return ReportOutcome{file, QString::fromStdString(e.what())};
        }
    }));
}

}  // namespace cardioseg::ui
