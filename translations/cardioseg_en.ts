<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en">
<context>
    <name>QObject</name>
    <message>
        <source>Corrections NOT saved: %1</source>
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
        <source>Expert labels</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Show the expert contours and labels (L)</source>
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
        <source>Show Expert &amp;Labels</source>
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
        <source>AI prediction</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Show the model&apos;s labels, filled (P)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Show AI &amp;Prediction</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No model at %1: showing images only</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Segmenting with %1…</source>
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
        <source>Segmentation cancelled</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Segmented %1 images in %2 s (%3)</source>
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
        <source>Paint Blood &amp;Pool</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Paint &amp;Myocardium</source>
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
        <source>Brush: blood pool</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Brush: myocardium</source>
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
        <source>No prediction for this image yet</source>
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
        <source>&amp;Export Masks…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Export masks</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Labels of this series: your corrections, and the model&apos;s where an image has none.</source>
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
        <source>Remove patient identity (DICOM SEG)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Browse…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Export to</source>
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
    <message numerus="yes">
        <source>%n image(s) corrected. Correct or accept images to compare the model with them.</source>
        <translation>
            <numerusform>%n image corrected. Correct or accept images to compare the model with them.</numerusform>
            <numerusform>%n images corrected. Correct or accept images to compare the model with them.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n image(s) corrected.&lt;br&gt;Mean IoU %1 · Mean Dice %2 · Mean Acc %3 · FreqW Acc %4 · Overall Acc %5</source>
        <translation>
            <numerusform>%n image corrected.&lt;br&gt;Mean IoU %1 · Mean Dice %2 · Mean Acc %3 · FreqW Acc %4 · Overall Acc %5</numerusform>
            <numerusform>%n images corrected.&lt;br&gt;Mean IoU %1 · Mean Dice %2 · Mean Acc %3 · FreqW Acc %4 · Overall Acc %5</numerusform>
        </translation>
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
</context>
</TS>
