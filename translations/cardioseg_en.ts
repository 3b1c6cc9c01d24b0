<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en">
<context>
    <name>QObject</name>
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
    <message numerus="yes">
        <source>Model: %1 · %n image(s) reviewed by a person</source>
        <translation>
            <numerusform>Model: %1 · %n image reviewed by a person</numerusform>
            <numerusform>Model: %1 · %n images reviewed by a person</numerusform>
        </translation>
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
        <source>ID %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>born %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>male</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>female</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>sex: other</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Study of %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Series</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Series %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>: %1 slices × %2 phases, pixels %3 × %4 mm, slices %5 mm apart</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Patient: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Report made on %1 by CardioSeg</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>ED</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>ES</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 (phase %2)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Blood pool (mL)</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>Cardiac phase · blood-pool volume over the %n phase(s): reviewed solid, model dashed</source>
        <translation>
            <numerusform>Cardiac phase · blood-pool volume over the %n phase: reviewed solid, model dashed</numerusform>
            <numerusform>Cardiac phase · blood-pool volume over the %n phases: reviewed solid, model dashed</numerusform>
        </translation>
    </message>
    <message>
        <source>Volumes by disc summation: each labelled slice contributes its labelled area × the slice spacing; nothing is extrapolated beyond the outermost labelled slices. ED and ES are the phases of largest and smallest blood-pool volume unless set by hand. LV mass = myocardium at ED × %1 g/mL; BSA by Mosteller. Reviewed labels: the corrections, the model&apos;s where an image has none.</source>
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
        <source>de-identified (DICOM PS3.15 Basic Profile)</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>cardioseg::ui::CineGrid</name>
    <message>
        <source>ED</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>ES</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Slices (rows, base at the top) × phases (columns). Blue: model; orange: corrected; green: confirmed; yellow dot: expert contours; dimmed: outside the left ventricle (above its base, beyond its apex); ringed: the images to correct first; ED and ES mark end-diastole and end-systole. Click to go to an image; right-click to set the base or apex there.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>cardioseg::ui::DisplayToolBar</name>
    <message>
        <source>Display</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Expert contours</source>
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
        <source>Show the expert contours of datasets in SCD layout (L)</source>
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
</context>
<context>
    <name>cardioseg::ui::EditingPresenter</name>
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
        <source>Zoom, pan and window without editing</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Brush</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Paint the selected label; [ and ] change the size</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Eraser</source>
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
        <source>Clear This Slice (All Phases)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Copy Labels to the Next Phase</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Copy Labels to the Previous Phase</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Confirm This Image</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Un-confirm This Image</source>
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
        <source>Navigate</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Eraser</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Brush: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1, radius %2 px (%3 mm)</source>
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
        <source>Erase</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Paint</source>
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
        <source>Slice %1 is now part of the left ventricle at phase %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No prediction here yet</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Accept prediction</source>
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
        <source>This image is already confirmed (Shift+C un-confirms it)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The model has not segmented this image yet: confirm it once its labels show</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Confirm image</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Image confirmed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This image is not confirmed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Un-confirm image</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Image no longer confirmed: it stays corrected</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Clear the slice</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No labels here to copy</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Copy labels from phase %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Change the clinical inputs</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The coverage is found once the model has segmented the series</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Set the base at slice %1 in every phase</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Set the base at slice %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Set the apex at slice %1 in every phase</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Set the apex at slice %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Coverage found by the model in every phase</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Coverage found by the model in this phase</source>
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
        <source>Folder:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Export to</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>De-identify: no patient identity, new UIDs (DICOM PS3.15 Basic Profile)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>De-identified copies of the source images (the DICOM SEG references them)</source>
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
    <message>
        <source>Step %1 · loss %2 · %3 s left</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>held-out corrections: Dice %1 → %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>replay images: Dice %1 → %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>better on the held-out corrections</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>as good on the held-out corrections</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>no corrections were held out to compare</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>not used: it forgets what it knew (replay images %1, more than %2 below the old model)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>not used: worse on the held-out corrections</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>, and within %1 of the old model on the replay images (%2)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>, and at least as good on the replay images</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Where the model is least sure, at end-diastole and end-systole, in the base, the middle and the apex: a few corrections there teach it most about this study. J goes to the first.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Correct these first (J):</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>cardioseg::ui::FinetunePresenter</name>
    <message>
        <source>Update model</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The model could not be saved: %1</source>
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
        <source>Updating the model</source>
        <translation type="unfinished"></translation>
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
        <source>New model %1 is active (%2 training steps of %3 images in %4 s). %5</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The current model stays active (%1 training steps of %2 images in %3 s): %4</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Saving the model version</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>On the corrected images the new model&apos;s labels agree with the corrections by Dice %1 (blood pool) and %2 (myocardium).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Read-only: the model is updated by the workstation that holds this study</source>
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
    <message>
        <source>EDV</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>ESV</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>EF</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>LV mass</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>g</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 points</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 %2 → %3 %4 (%5)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>With the new model no measure moved by 2 % or more (EF by a point or more).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>With the new model these measures moved: %1.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>ED phase (set by hand)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>ES phase (set by hand)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>BSA (m², from entered height and weight)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>ED = this phase</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Use the phase on screen as end-diastole everywhere (measures, grid, report)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>ES = this phase</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Use the phase on screen as end-systole everywhere (measures, grid, report)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Automatic</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>End-diastole and end-systole from the largest and smallest blood-pool volume</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source> cm</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>height?</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source> kg</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>weight?</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Not in the images:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Height and weight for the body-surface area and the indexed values; saved with the study and marked as entered</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>waiting</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>Waiting for %n image(s) to be segmented before measuring.</source>
        <translation>
            <numerusform>Waiting for %n image to be segmented before measuring.</numerusform>
            <numerusform>Waiting for %n images to be segmented before measuring.</numerusform>
        </translation>
    </message>
    <message>
        <source>Volumes by disc summation over the labelled slices; mass = myocardium at ED × %1 g/mL.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source> ED and ES set by hand.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source> Height and weight entered by hand.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>ED</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>ES</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>no labels</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>phase %1 is labelled on fewer slices than others</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>only one phase is labelled on every labelled slice: no end-systole</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>no myocardium labelled at end-diastole: no LV mass</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Base = this slice</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The most basal slice of the left ventricle at this phase is the slice on screen (Ctrl+B); labels above it do not count</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Apex = this slice</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The most apical slice of the left ventricle at this phase is the slice on screen (Ctrl+Shift+B); labels beyond it do not count</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>As found</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Base and apex as found from the model&apos;s labels: the most basal slice whose myocardium surrounds at least half of the cavity, and the last slice with a cavity</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Left ventricle: found once the model has segmented the series.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Left ventricle at phase %1: not found on any slice.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Left ventricle at phase %1: slices %2 to %3 (set by hand).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Left ventricle at phase %1: slices %2 to %3 (base to apex, as found).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Provisional: end-diastole and end-systole as found on slice %1; measured again over every phase once the model has segmented the series.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>cardioseg::ui::FunctionPresenter</name>
    <message>
        <source>Set the Ventricle&apos;s &amp;Base at This Slice</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Set the Ventricle&apos;s &amp;Apex at This Slice</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>C&amp;overage as Found in Every Phase</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>base</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>middle</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>apex</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>slice %1 at %2 (%3), doubt %4</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>ED</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>ES</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Base of the ventricle here (this phase)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Apex of the ventricle here (this phase)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Base here in every phase</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Apex here in every phase</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Coverage as found (this phase)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Coverage as found (every phase)</source>
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
        <source>Cardiac function</source>
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
        <source>No image to suggest: the model has not segmented the series, or every image at end-diastole and end-systole is reviewed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No image was corrected or confirmed by a person: every contour is the model&apos;s.</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>On the %n image(s) a person corrected or confirmed, the model&apos;s contours overlapped theirs by %1 % for the blood pool and %2 % for the myocardium (Dice; 100 % = identical).</source>
        <translation>
            <numerusform>On the %n image a person corrected or confirmed, the model&apos;s contours overlapped theirs by %1 % for the blood pool and %2 % for the myocardium (Dice; 100 % = identical).</numerusform>
            <numerusform>On the %n images a person corrected or confirmed, the model&apos;s contours overlapped theirs by %1 % for the blood pool and %2 % for the myocardium (Dice; 100 % = identical).</numerusform>
        </translation>
    </message>
    <message>
        <source>Writing the report…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Writing the report</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>cardioseg::ui::JobList</name>
    <message>
        <source>Cancel</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cancel: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 (cancelling)</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>cardioseg::ui::MainMenus</name>
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
        <source>&amp;Export…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Quit</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Edit</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Tools</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Se&amp;ttings…</source>
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
        <source>Next &amp;Unreviewed Image</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Next Unreviewed Image at &amp;ED or ES</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Image to &amp;Correct First</source>
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
        <source>&amp;Update Model from Corrections</source>
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
        <source>&amp;Help</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Keyboard Shortcuts</source>
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
        <source>&lt;b&gt;CardioSeg&lt;/b&gt; %1&lt;br&gt;Cardiac MRI segmentation workstation, with Qt %2.&lt;br&gt;Research software, not a medical device.&lt;br&gt;Free software: GNU General Public License, version 3 or later.&lt;br&gt;Sample study: Sunnybrook Cardiac Data (CC0), Radau et al., MIDAS Journal 2009.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Keyboard shortcuts</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Open a study first</source>
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
        <source>&amp;De-identify Reports and Exports</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No patient name, ID, birth date, study date or description in reports and exports; new UIDs (DICOM PS3.15 Basic Profile)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Open from &amp;PACS…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Send to PA&amp;CS…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>PACS &amp;Nodes…</source>
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
        <source>Series</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Open study</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>CardioSeg — %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>%n file(s) skipped…</source>
        <translation>
            <numerusform>%n file skipped…</numerusform>
            <numerusform>%n files skipped…</numerusform>
        </translation>
    </message>
    <message>
        <source>No model at %1: showing images only</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Model vs corrections</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Corrections NOT saved: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Model updates</source>
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
        <source>Report</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Saving the corrections before closing…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Close</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The window stays open. Free some space or choose another workspace folder in Settings, then close it again.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Read-only</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>CardioSeg — %1 [read-only]</source>
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
    <message>
        <source>Correct or accept images to compare the model with them.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Series: Mean IoU %1 · Mean Dice %2 · Mean Acc %3 · FreqW Acc %4 · Overall Acc %5</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>Reviewed of %n image(s):</source>
        <translation>
            <numerusform>Reviewed of %n image:</numerusform>
            <numerusform>Reviewed of %n images:</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n corrected</source>
        <translation>
            <numerusform>%n corrected</numerusform>
            <numerusform>%n corrected</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n confirmed</source>
        <translation>
            <numerusform>%n confirmed</numerusform>
            <numerusform>%n confirmed</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>cardioseg::ui::ModelPresenter</name>
    <message numerus="yes">
        <source>Segmenting %n image(s)</source>
        <translation>
            <numerusform>Segmenting %n image</numerusform>
            <numerusform>Segmenting %n images</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Segmenting %n image(s) with %1…</source>
        <translation>
            <numerusform>Segmenting %n image with %1…</numerusform>
            <numerusform>Segmenting %n images with %1…</numerusform>
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
        <source>Segmentation failed: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Segmentation</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Segmentation cancelled; the images already segmented are kept</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>The model&apos;s labels of %n image(s) restored from the workspace</source>
        <translation>
            <numerusform>The model&apos;s labels of %n image restored from the workspace</numerusform>
            <numerusform>The model&apos;s labels of %n images restored from the workspace</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Segmented %n image(s) in %1 s (%2)</source>
        <translation>
            <numerusform>Segmented %n image in %1 s (%2)</numerusform>
            <numerusform>Segmented %n images in %1 s (%2)</numerusform>
        </translation>
    </message>
    <message>
        <source>No model at %1. Choose one with Model ▸ Choose Model File…</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>cardioseg::ui::NavigationBar</name>
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
</context>
<context>
    <name>cardioseg::ui::PacsNodesDialog</name>
    <message>
        <source>PACS Nodes</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Add DICOM Node</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Add DICOMweb Service</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Remove</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>e.g. Hospital PACS</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Name</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source> s</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Timeout</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>DICOM networking</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>C-GET (nothing to configure on the PACS but our AE title)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>C-MOVE to our storage port (the PACS must know our AE title, host and port)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Secure connection (TLS)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>trusted certificates (PEM); empty: not verified</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>our certificate (PEM), if the PACS asks</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>its private key (PEM)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>AE title</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Host</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Port</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Our AE title</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Our port (C-MOVE)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Retrieve by</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Trusted certificates</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Certificate</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Private key</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>DICOMweb</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>bearer token instead of a user</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Root URL</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>User</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Password</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Token</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Verify</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>New PACS</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>New DICOMweb service</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Enter the node&apos;s AE title and host first</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Verifying…</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>cardioseg::ui::PacsPresenter</name>
    <message>
        <source>%1 answered in %2 ms</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>cancelled</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>cancelled (what arrived is kept: retrieving again asks for the rest)</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>Retrieved %n image(s)</source>
        <translation>
            <numerusform>Retrieved %n image</numerusform>
            <numerusform>Retrieved %n images</numerusform>
        </translation>
    </message>
    <message>
        <source>Retrieval: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Retrieve from PACS</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>Sent %n object(s) to the PACS</source>
        <translation>
            <numerusform>Sent %n object to the PACS</numerusform>
            <numerusform>Sent %n objects to the PACS</numerusform>
        </translation>
    </message>
    <message>
        <source>Send to PACS</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Not sent:
%1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Verifying %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Querying %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A retrieval is running: wait for it or cancel it</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Retrieving %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>The study cache was over its limit: %n study(ies) removed, oldest first</source>
        <translation>
            <numerusform>The study cache was over its limit: %n study removed, oldest first</numerusform>
            <numerusform>The study cache was over its limit: %n studies removed, oldest first</numerusform>
        </translation>
    </message>
    <message>
        <source>Study cache</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Results are being sent: wait for it or cancel it</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Open a study first</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No room for the results to send: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the report could not be written: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the study was closed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Sending to %1</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>cardioseg::ui::SendToPacsDialog</name>
    <message>
        <source>Send to PACS</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>PACS</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Segmentation (DICOM SEG)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Measurements: EDV, ESV, EF, mass (DICOM SR)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Report (Encapsulated PDF)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Corrections, else the model&apos;s labels</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The model&apos;s labels only</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Labels</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Send</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No PACS configured yet: File ▸ PACS Nodes…</source>
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
    <name>cardioseg::ui::StudyBrowserDialog</name>
    <message>
        <source>Open from PACS</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Nodes…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>PACS</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Doe^J* (wildcards * ?)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>*cine* (wildcards)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Patient name</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Patient ID</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Birth date</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Study date from</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>to</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Modality</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Accession number</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Study description</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Search</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>S&amp;top</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Patient</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Study date</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Description</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Modalities</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Series</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Images</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Retrieve and Open</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The selected study, or its selected series; it opens as soon as its largest series has arrived. A retrieval that stopped resumes where it was.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>On the PACS</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Size (MB)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Complete</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Results sent</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>From</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Open</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Re&amp;move from This Computer</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source> GiB</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Keep at most</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The oldest studies go first when the limit is passed; a study with corrections not yet sent to the PACS is never removed.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>On This Computer</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>%n study(ies) found</source>
        <translation>
            <numerusform>%n study found</numerusform>
            <numerusform>%n studies found</numerusform>
        </translation>
    </message>
    <message>
        <source>Retrieving: %1 of %2 images</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Retrieved</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Retrieval: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No PACS configured yet: add one with Nodes…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Searching…</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>%n study(ies) found so far…</source>
        <translation>
            <numerusform>%n study found so far…</numerusform>
            <numerusform>%n studies found so far…</numerusform>
        </translation>
    </message>
    <message>
        <source>Series %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Retrieving…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>yes</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>partly</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>no</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>cardioseg::ui::StudyPresenter</name>
    <message>
        <source>%1: no such file or folder</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Loading %1…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Loading %1</source>
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
        <source>The study&apos;s folder is not writable; corrections are saved under %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>Loaded %n series</source>
        <translation>
            <numerusform>Loaded %n series</numerusform>
            <numerusform>Loaded %n series</numerusform>
        </translation>
    </message>
    <message>
        <source>Saving corrections</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Corrections NOT saved: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Exporting to %1…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Exporting to %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>cancelled</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>Exported %n file(s)</source>
        <translation>
            <numerusform>Exported %n file</numerusform>
            <numerusform>Exported %n files</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>the DICOM SEG left out or repaired %n invalid value(s) of the source images (listed in the log)</source>
        <translation>
            <numerusform>the DICOM SEG left out or repaired %n invalid value of the source images (listed in the log)</numerusform>
            <numerusform>the DICOM SEG left out or repaired %n invalid values of the source images (listed in the log)</numerusform>
        </translation>
    </message>
    <message>
        <source>Export failed: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Export</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Read-only: another CardioSeg is editing this study (%1). Close it there to edit here.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Study lock taken over</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This study was locked by a CardioSeg that is no longer running (%1). Its saved corrections are loaded; this workstation edits the study now.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Study not locked</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No lock could be taken for this study (%1): another workstation could edit it at the same time.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This study&apos;s lock file was removed or replaced: another workstation may edit it too</source>
        <translation type="unfinished"></translation>
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
    <message>
        <source>No series</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Computing the 3-D surfaces</source>
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
<context>
    <name>cardioseg::ui::ViewerPresenter</name>
    <message>
        <source>(no description)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 · %2
%3 slices × %4 phases, %5</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Study of %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 × %2 px, %3 × %4 mm</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>slice spacing %1 mm</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>%n image(s)</source>
        <translation>
            <numerusform>%n image</numerusform>
            <numerusform>%n images</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n with expert labels</source>
        <translation>
            <numerusform>%n with expert labels</numerusform>
            <numerusform>%n with expert labels</numerusform>
        </translation>
    </message>
    <message>
        <source>Pause</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Play</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>End-diastole and end-systole are not known yet</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Every image at end-diastole and end-systole is reviewed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Every image of this series is reviewed</source>
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
        <source>Image %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>%n corrected</source>
        <translation>
            <numerusform>%n corrected</numerusform>
            <numerusform>%n corrected</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n confirmed</source>
        <translation>
            <numerusform>%n confirmed</numerusform>
            <numerusform>%n confirmed</numerusform>
        </translation>
    </message>
    <message>
        <source>✓ Confirmed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Corrected</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Not reviewed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source> · ED</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source> · ES</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source> · outside the left ventricle</source>
        <translation type="unfinished"></translation>
    </message>
</context>
</TS>
