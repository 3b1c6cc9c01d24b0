<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en">
<context>
    <name>QObject</name>
    <message>
        <source>The study&apos;s folder is not writable; corrections are saved under %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Browse…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>LV function report — %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Left-ventricular function</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Patient: %1 (ID %2), born %3, sex %4</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Study date %1 · %2 · series %3 (%4 slices × %5 phases, %6 × %7 mm, slices %8 mm apart)</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>Model: %1 · %n image(s) reviewed by a person</source>
        <translation>
            <numerusform>Model: %1 · %n image reviewed by a person</numerusform>
            <numerusform>Model: %1 · %n images reviewed by a person</numerusform>
        </translation>
    </message>
    <message>
        <source>Report made %1 by CardioSeg</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Measure</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Model</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Reviewed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Difference</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>Blood-pool volume (mL) over the %n phase(s): reviewed solid, model dashed</source>
        <translation>
            <numerusform>Blood-pool volume (mL) over the phase: reviewed solid, model dashed</numerusform>
            <numerusform>Blood-pool volume (mL) over the %n phases: reviewed solid, model dashed</numerusform>
        </translation>
    </message>
    <message>
        <source>End-diastole</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>End-systole</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>: slice %1, phase %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Volumes by disc summation: each labelled slice contributes its labelled area × the slice spacing; nothing is extrapolated beyond the outermost labelled slices. ED and ES are the phases of largest and smallest blood-pool volume. LV mass = myocardium at ED × 1.05 g/mL; BSA by Mosteller. Reviewed labels: the corrections, the model&apos;s where an image has none.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>cardioseg::ui::CineGrid</name>
    <message>
        <source>Slices (rows, base at the top) × phases (columns). Blue: model; orange: corrected; green: confirmed; yellow dot: expert contours. Click to go to an image.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>cardioseg::ui::ExportDialog</name>
    <message>
        <source>Export</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Corrections, the model&apos;s labels elsewhere</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Corrections only</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The model&apos;s labels only</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Labels:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Masks</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>PNG label images (one per image)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>NIfTI (4-D, all phases)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>DICOM SEG</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Contours (pixels and patient mm)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>JSON polygons</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>CSV points</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Metrics CSV: the model against the corrections, per image and for the series</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Remove patient identity (DICOM SEG, contours JSON)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Folder:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Export to</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>cardioseg::ui::FinetunePanel</name>
    <message>
        <source>Update model</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Fine-tune the model on the corrected and confirmed images (Ctrl+U). It runs in the background; you can keep working.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Use it anyway</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Make the new model active although it was not better on the held-out images</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Model</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Images</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Dice before → after</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Use selected model</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Switch to (or roll back to) the selected version; double-click a row does the same</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Versions of this study&apos;s model:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Correct or confirm images, then update the model to learn from them.</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>%n reviewed image(s) to learn from</source>
        <translation>
            <numerusform>%n reviewed image to learn from</numerusform>
            <numerusform>%n reviewed images to learn from</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source> (%n new since the last update)</source>
        <translation>
            <numerusform> (%n new since the last update)</numerusform>
            <numerusform> (%n new since the last update)</numerusform>
        </translation>
    </message>
    <message>
        <source>Starting…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Measuring the current model on held-out corrections…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Checking the new model…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Iteration %1 · loss %2 · %3 s left</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Default model (%1)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 · %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 → %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Parent: %1
%2
%3</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>cardioseg::ui::FunctionPanel</name>
    <message>
        <source>Model</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Reviewed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Difference</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Reviewed: the corrections where an image has them, the model&apos;s labels elsewhere</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>3-D view</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Report (PDF)…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>CSV…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>ED phase</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>ES phase</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>EDV (mL)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>ESV (mL)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>SV (mL)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>EF (%)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Myocardium at ED (mL)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>LV mass (g)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>BSA (m²)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>EDV index (mL/m²)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>ESV index (mL/m²)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>LV mass index (g/m²)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Volumes by disc summation over the labelled slices; mass = myocardium at ED × 1.05 g/mL.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Phase</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>mL</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Blood-pool volume over the cycle</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Slice (base → apex)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>cm²</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Blood-pool area per slice, phase %1</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>cardioseg::ui::MainWindow</name>
    <message>
        <source>CardioSeg</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Slice, base to apex (Up/Down)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cardiac phase (Left/Right)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Play</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Play the cardiac cycle (Space)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source> fps</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Window: DICOM</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Window: auto</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Window: full range</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Series</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;File</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Open Folder…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Open a study folder</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Open &amp;Files…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Open a DICOM file or DICOMDIR</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Recent Studies</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Quit</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;View</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Fit to Window</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Play Cine</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Next Slice</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Previous Slice</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Next Phase</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Previous Phase</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Help</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;About CardioSeg</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>About CardioSeg</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&lt;b&gt;CardioSeg&lt;/b&gt; %1&lt;br&gt;Cardiac MRI segmentation workstation.&lt;br&gt;Sample study: Sunnybrook Cardiac Data (CC0), Radau et al., MIDAS Journal 2009.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1: no such file or folder</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Open study</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Loading %1…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Loading cancelled</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>No DICOM image could be read from %1 (%n file(s) skipped).</source>
        <translation>
            <numerusform>No DICOM image could be read from %1 (%n file skipped).</numerusform>
            <numerusform>No DICOM image could be read from %1 (%n files skipped).</numerusform>
        </translation>
    </message>
    <message>
        <source>CardioSeg — %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>(no description)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 · %2
%3 slices × %4 phases, %5</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>%n file(s) skipped…</source>
        <translation>
            <numerusform>%n file skipped…</numerusform>
            <numerusform>%n files skipped…</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Loaded %n series</source>
        <translation>
            <numerusform>Loaded %n series</numerusform>
            <numerusform>Loaded %n series</numerusform>
        </translation>
    </message>
    <message>
        <source>&lt;b&gt;%1&lt;/b&gt;&lt;br&gt;Study date %2&lt;br&gt;%3 × %4 px, %5 × %6 mm&lt;br&gt;slice spacing %7 mm&lt;br&gt;%8 images, %9 with expert labels</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Slice –</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Phase –</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Slice %1 / %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source> (%1 ms)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Phase %1 / %2%3</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Pause</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Skipped files</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>File</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Reason</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No model at %1: showing images only</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Segmentation failed: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Segmentation</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Model vs corrections</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Edit</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Undo</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Redo</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Navigate</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Brush</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Eraser</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Smaller Brush</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Larger Brush</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Accept Prediction for This Image</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Navigate</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Eraser</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1, radius %2 px (%3 mm)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Erase</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Paint</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Accept prediction</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Confirm This Image</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>confirmed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>corrected</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>unreviewed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Image %1 · %2 corrected, %3 confirmed</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>Exported %n file(s)</source>
        <translation>
            <numerusform>Exported %n file</numerusform>
            <numerusform>Exported %n files</numerusform>
        </translation>
    </message>
    <message>
        <source>Export failed: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>cancelled</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Export</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Display</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Labels: corrections, else model</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Labels: model only</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Labels: corrections only</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Compare: corrections vs model</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Which labels the overlay shows (P cycles). Compare draws the model&apos;s outline dashed and highlights where it disagrees with the corrections.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Filled</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Contour lines</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Filled + contours</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>How labels are drawn (O cycles)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Expert contours</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Show the expert contours of datasets in SCD layout (L)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Export…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Show Expert &amp;Contours</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Next Overlay &amp;Labels</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Next Overlay &amp;Style</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Show &amp;Overlay</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Keyboard Shortcuts</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Keyboard shortcuts</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Tools</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Zoom, pan and window without editing</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Paint the selected label; [ and ] change the size</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Paint background</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Polygon / Lasso</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Drag a lasso, or click vertices and double-click (or Enter) to fill with the selected label</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Flood Fill</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Click a region to fill it with the selected label</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Con&amp;tour</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Edit the outline of the selected label: drag vertices, press on an edge to add one, right-click to remove one</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Blood pool</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Myocardium</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Background</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The label the tools paint (1, 2, 0)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>radius </source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source> px</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Brush radius in pixels ([ and ]); the status bar shows it in mm</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Label: Blood &amp;Pool</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Label: &amp;Myocardium</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Label: Back&amp;ground</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Accept Prediction for This &amp;Slice</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Accept Prediction for This Se&amp;ries</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>C&amp;lear This Image</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Se&amp;ttings…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>blood pool</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>myocardium</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>background</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Brush: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Polygon / lasso: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Flood fill: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Contour: epicardium</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Contour: endocardium</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No outline to edit here: draw one with the polygon tool (G)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Fill polygon</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Flood fill</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Edit epicardium</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Edit endocardium</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Clear image</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No prediction here yet</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Accept prediction for the slice</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Accept prediction for the series</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Corrections NOT saved: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Model</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Segment This &amp;Image</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Segment This &amp;Slice (All Phases)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Segment This S&amp;eries</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Segment the Whole S&amp;tudy</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Cancel</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Choose Model &amp;File…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Use the &amp;Default Model</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No model at %1. Choose one with Model ▸ Choose Model File…</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>Segmenting %n image(s) with %1…</source>
        <translation>
            <numerusform>Segmenting %n image with %1…</numerusform>
            <numerusform>Segmenting %n images with %1…</numerusform>
        </translation>
    </message>
    <message>
        <source>Segmentation cancelled; the images already segmented are kept</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>Segmented %n image(s) in %1 s (%2)</source>
        <translation>
            <numerusform>Segmented %n image in %1 s (%2)</numerusform>
            <numerusform>Segmented %n images in %1 s (%2)</numerusform>
        </translation>
    </message>
    <message>
        <source>Loading model %1…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The model was not changed: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Model</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Model: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Choose a model file</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>CardioSeg models (*.pt);;All files (*)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Exporting to %1…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Open a study first</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Model updates</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Update Model from Corrections</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Update model</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No model at %1 to start from.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Correct or confirm images first: the model learns from them</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>Updating the model from %n reviewed image(s) in the background…</source>
        <translation>
            <numerusform>Updating the model from %n reviewed image in the background…</numerusform>
            <numerusform>Updating the model from %n reviewed images in the background…</numerusform>
        </translation>
    </message>
    <message>
        <source>The model was not updated: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The model of the previous study was updated (%1)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>New model %1 is active (%2 iterations in %3 s). %4</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The current model stays active: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The model could not be saved: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cardiac function</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Save report</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>PDF (*.pdf)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Save measures</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>CSV (*.csv)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Saved %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Report saved: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Report failed: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Report</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>F&amp;unction</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;3-D View</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Report (PDF)…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Measures as &amp;CSV…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The model against the corrections: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Writing the report…</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>cardioseg::ui::MetricsPanel</name>
    <message>
        <source>Dice (image)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>IoU (image)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Dice (series)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>IoU (series)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Blood pool</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Myocardium</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Image</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Slice</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Series</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Dice</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Dice (slice)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>IoU (slice)</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>Reviewed: %1 corrected, %2 confirmed of %n image(s).</source>
        <translation>
            <numerusform>Reviewed: %1 corrected, %2 confirmed of %n image.</numerusform>
            <numerusform>Reviewed: %1 corrected, %2 confirmed of %n images.</numerusform>
        </translation>
    </message>
    <message>
        <source>Correct or accept images to compare the model with them.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Series: Mean IoU %1 · Mean Dice %2 · Mean Acc %3 · FreqW Acc %4 · Overall Acc %5</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>cardioseg::ui::SettingsDialog</name>
    <message>
        <source>Settings</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Model</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Model file:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Choose a model file</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>CardioSeg models (*.pt);;All files (*)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Automatic (GPU when available)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>CPU</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>GPU (CUDA)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>GPU (CUDA, not available here)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Device:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>all cores but one</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>CPU threads:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Display</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Blood pool colour:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Myocardium colour:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Fill opacity:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Corrections are saved</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Beside the study (a “CardioSeg workspace” folder), when it is writable</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>In this folder:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Workspace folder</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Applies to the next study opened.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source> s</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Model update time:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>only when asked</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source> new reviewed images</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Update the model after:</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>cardioseg::ui::SliceView</name>
    <message>
        <source>No image. Open a study with File ▸ Open folder…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>W %1  L %2   zoom %3%</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Pixel (%1, %2)  value %3   position (%4, %5, %6) mm</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>model ≠ corrections: %n px</source>
        <translation>
            <numerusform>model ≠ corrections: %n px</numerusform>
            <numerusform>model ≠ corrections: %n px</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>cardioseg::ui::SurfaceDialog</name>
    <message>
        <source>Left ventricle in 3-D</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Reviewed labels</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Model&apos;s labels</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Blood pool</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Epicardium</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Export mesh…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Play</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Pause</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Export mesh</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>STL (*.stl);;VTK XML (*.vtp);;Wavefront OBJ (*.obj)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Computing surfaces…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Phase %1 / %2 · blood pool %3 mL (surface)</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>cardioseg::ui::SurfaceView</name>
    <message>
        <source>No surface to show</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Drag to rotate, wheel to zoom, double-click to reset</source>
        <translation type="unfinished"></translation>
    </message>
</context>
</TS>
