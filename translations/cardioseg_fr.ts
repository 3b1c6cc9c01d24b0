<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="fr">
<context>
    <name>QObject</name>
    <message>
        <source>Corrections NOT saved: %1</source>
        <translation>Corrections NON enregistrées : %1</translation>
    </message>
</context>
<context>
    <name>cardioseg::ui::CineGrid</name>
    <message>
        <source>Slices (rows, base at the top) × phases (columns). Blue: model; orange: corrected; green: confirmed; yellow dot: expert contours. Click to go to an image.</source>
        <translation>Coupes (lignes, base en haut) × phases (colonnes). Bleu : modèle ; orange : corrigée ; vert : confirmée ; point jaune : contours experts. Cliquez pour aller à une image.</translation>
    </message>
</context>
<context>
    <name>cardioseg::ui::MainWindow</name>
    <message>
        <source>CardioSeg</source>
        <translation>CardioSeg</translation>
    </message>
    <message>
        <source>Slice, base to apex (Up/Down)</source>
        <translation>Coupe, de la base vers l’apex (Haut/Bas)</translation>
    </message>
    <message>
        <source>Cardiac phase (Left/Right)</source>
        <translation>Phase cardiaque (Gauche/Droite)</translation>
    </message>
    <message>
        <source>Play</source>
        <translation>Lecture</translation>
    </message>
    <message>
        <source>Play the cardiac cycle (Space)</source>
        <translation>Lire le cycle cardiaque (Espace)</translation>
    </message>
    <message>
        <source> fps</source>
        <translation> i/s</translation>
    </message>
    <message>
        <source>Expert labels</source>
        <translation>Contours experts</translation>
    </message>
    <message>
        <source>Show the expert contours and labels (L)</source>
        <translation>Afficher les contours et étiquettes des experts (L)</translation>
    </message>
    <message>
        <source>Window: DICOM</source>
        <translation>Fenêtre : DICOM</translation>
    </message>
    <message>
        <source>Window: auto</source>
        <translation>Fenêtre : auto</translation>
    </message>
    <message>
        <source>Window: full range</source>
        <translation>Fenêtre : plage complète</translation>
    </message>
    <message>
        <source>Series</source>
        <translation>Séries</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Annuler</translation>
    </message>
    <message>
        <source>&amp;File</source>
        <translation>&amp;Fichier</translation>
    </message>
    <message>
        <source>&amp;Open Folder…</source>
        <translation>&amp;Ouvrir un dossier…</translation>
    </message>
    <message>
        <source>Open a study folder</source>
        <translation>Ouvrir le dossier d’un examen</translation>
    </message>
    <message>
        <source>Open &amp;Files…</source>
        <translation>Ouvrir des &amp;fichiers…</translation>
    </message>
    <message>
        <source>Open a DICOM file or DICOMDIR</source>
        <translation>Ouvrir un fichier DICOM ou un DICOMDIR</translation>
    </message>
    <message>
        <source>&amp;Recent Studies</source>
        <translation>Examens &amp;récents</translation>
    </message>
    <message>
        <source>&amp;Quit</source>
        <translation>&amp;Quitter</translation>
    </message>
    <message>
        <source>&amp;View</source>
        <translation>&amp;Affichage</translation>
    </message>
    <message>
        <source>&amp;Fit to Window</source>
        <translation>&amp;Ajuster à la fenêtre</translation>
    </message>
    <message>
        <source>Show Expert &amp;Labels</source>
        <translation>Afficher les contours &amp;experts</translation>
    </message>
    <message>
        <source>&amp;Play Cine</source>
        <translation>&amp;Lire le ciné</translation>
    </message>
    <message>
        <source>Next Slice</source>
        <translation>Coupe suivante</translation>
    </message>
    <message>
        <source>Previous Slice</source>
        <translation>Coupe précédente</translation>
    </message>
    <message>
        <source>Next Phase</source>
        <translation>Phase suivante</translation>
    </message>
    <message>
        <source>Previous Phase</source>
        <translation>Phase précédente</translation>
    </message>
    <message>
        <source>&amp;Help</source>
        <translation>Aid&amp;e</translation>
    </message>
    <message>
        <source>&amp;About CardioSeg</source>
        <translation>À &amp;propos de CardioSeg</translation>
    </message>
    <message>
        <source>About CardioSeg</source>
        <translation>À propos de CardioSeg</translation>
    </message>
    <message>
        <source>&lt;b&gt;CardioSeg&lt;/b&gt; %1&lt;br&gt;Cardiac MRI segmentation workstation.&lt;br&gt;Sample study: Sunnybrook Cardiac Data (CC0), Radau et al., MIDAS Journal 2009.</source>
        <translation>&lt;b&gt;CardioSeg&lt;/b&gt; %1&lt;br&gt;Station de segmentation d’IRM cardiaque.&lt;br&gt;Examen d’exemple : Sunnybrook Cardiac Data (CC0), Radau et al., MIDAS Journal 2009.</translation>
    </message>
    <message>
        <source>%1: no such file or folder</source>
        <translation>%1 : fichier ou dossier introuvable</translation>
    </message>
    <message>
        <source>Open study</source>
        <translation>Ouvrir un examen</translation>
    </message>
    <message>
        <source>Loading %1…</source>
        <translation>Chargement de %1…</translation>
    </message>
    <message>
        <source>Loading cancelled</source>
        <translation>Chargement annulé</translation>
    </message>
    <message numerus="yes">
        <source>No DICOM image could be read from %1 (%n file(s) skipped).</source>
        <translation>
            <numerusform>Aucune image DICOM n’a pu être lue dans %1 (%n fichier ignoré).</numerusform>
            <numerusform>Aucune image DICOM n’a pu être lue dans %1 (%n fichiers ignorés).</numerusform>
        </translation>
    </message>
    <message>
        <source>CardioSeg — %1</source>
        <translation>CardioSeg — %1</translation>
    </message>
    <message>
        <source>(no description)</source>
        <translation>(sans description)</translation>
    </message>
    <message>
        <source>%1 · %2
%3 slices × %4 phases, %5</source>
        <translation>%1 · %2
%3 coupes × %4 phases, %5</translation>
    </message>
    <message numerus="yes">
        <source>%n file(s) skipped…</source>
        <translation>
            <numerusform>%n fichier ignoré…</numerusform>
            <numerusform>%n fichiers ignorés…</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Loaded %n series</source>
        <translation>
            <numerusform>%n série chargée</numerusform>
            <numerusform>%n séries chargées</numerusform>
        </translation>
    </message>
    <message>
        <source>&lt;b&gt;%1&lt;/b&gt;&lt;br&gt;Study date %2&lt;br&gt;%3 × %4 px, %5 × %6 mm&lt;br&gt;slice spacing %7 mm&lt;br&gt;%8 images, %9 with expert labels</source>
        <translation>&lt;b&gt;%1&lt;/b&gt;&lt;br&gt;Date de l’examen %2&lt;br&gt;%3 × %4 px, %5 × %6 mm&lt;br&gt;espacement des coupes %7 mm&lt;br&gt;%8 images, dont %9 avec contours experts</translation>
    </message>
    <message>
        <source>Slice –</source>
        <translation>Coupe –</translation>
    </message>
    <message>
        <source>Phase –</source>
        <translation>Phase –</translation>
    </message>
    <message>
        <source>Slice %1 / %2</source>
        <translation>Coupe %1 / %2</translation>
    </message>
    <message>
        <source> (%1 ms)</source>
        <translation> (%1 ms)</translation>
    </message>
    <message>
        <source>Phase %1 / %2%3</source>
        <translation>Phase %1 / %2%3</translation>
    </message>
    <message>
        <source>Pause</source>
        <translation>Pause</translation>
    </message>
    <message>
        <source>Skipped files</source>
        <translation>Fichiers ignorés</translation>
    </message>
    <message>
        <source>File</source>
        <translation>Fichier</translation>
    </message>
    <message>
        <source>Reason</source>
        <translation>Raison</translation>
    </message>
    <message>
        <source>AI prediction</source>
        <translation>Prédiction IA</translation>
    </message>
    <message>
        <source>Show the model&apos;s labels, filled (P)</source>
        <translation>Afficher les étiquettes du modèle, remplies (P)</translation>
    </message>
    <message>
        <source>Show AI &amp;Prediction</source>
        <translation>Afficher la &amp;prédiction IA</translation>
    </message>
    <message>
        <source>No model at %1: showing images only</source>
        <translation>Aucun modèle à %1 : images seules</translation>
    </message>
    <message>
        <source>Segmenting with %1…</source>
        <translation>Segmentation avec %1…</translation>
    </message>
    <message>
        <source>Segmentation failed: %1</source>
        <translation>La segmentation a échoué : %1</translation>
    </message>
    <message>
        <source>Segmentation</source>
        <translation>Segmentation</translation>
    </message>
    <message>
        <source>Segmentation cancelled</source>
        <translation>Segmentation annulée</translation>
    </message>
    <message>
        <source>Segmented %1 images in %2 s (%3)</source>
        <translation>%1 images segmentées en %2 s (%3)</translation>
    </message>
    <message>
        <source>Model vs corrections</source>
        <translation>Modèle vs corrections</translation>
    </message>
    <message>
        <source>&amp;Edit</source>
        <translation>É&amp;dition</translation>
    </message>
    <message>
        <source>&amp;Undo</source>
        <translation>&amp;Annuler</translation>
    </message>
    <message>
        <source>&amp;Redo</source>
        <translation>&amp;Rétablir</translation>
    </message>
    <message>
        <source>&amp;Navigate</source>
        <translation>&amp;Naviguer</translation>
    </message>
    <message>
        <source>&amp;Brush</source>
        <translation>&amp;Pinceau</translation>
    </message>
    <message>
        <source>&amp;Eraser</source>
        <translation>&amp;Gomme</translation>
    </message>
    <message>
        <source>Paint Blood &amp;Pool</source>
        <translation>Peindre le sang intra-&amp;VG</translation>
    </message>
    <message>
        <source>Paint &amp;Myocardium</source>
        <translation>Peindre le &amp;myocarde</translation>
    </message>
    <message>
        <source>Smaller Brush</source>
        <translation>Pinceau plus petit</translation>
    </message>
    <message>
        <source>Larger Brush</source>
        <translation>Pinceau plus grand</translation>
    </message>
    <message>
        <source>&amp;Accept Prediction for This Image</source>
        <translation>&amp;Accepter la prédiction pour cette image</translation>
    </message>
    <message>
        <source>Navigate</source>
        <translation>Navigation</translation>
    </message>
    <message>
        <source>Eraser</source>
        <translation>Gomme</translation>
    </message>
    <message>
        <source>Brush: blood pool</source>
        <translation>Pinceau : sang intra-VG</translation>
    </message>
    <message>
        <source>Brush: myocardium</source>
        <translation>Pinceau : myocarde</translation>
    </message>
    <message>
        <source>%1, radius %2 px (%3 mm)</source>
        <translation>%1, rayon %2 px (%3 mm)</translation>
    </message>
    <message>
        <source>Erase</source>
        <translation>Effacer</translation>
    </message>
    <message>
        <source>Paint</source>
        <translation>Peindre</translation>
    </message>
    <message>
        <source>No prediction for this image yet</source>
        <translation>Pas encore de prédiction pour cette image</translation>
    </message>
    <message>
        <source>Accept prediction</source>
        <translation>Accepter la prédiction</translation>
    </message>
    <message>
        <source>&amp;Confirm This Image</source>
        <translation>&amp;Confirmer cette image</translation>
    </message>
    <message>
        <source>confirmed</source>
        <translation>confirmée</translation>
    </message>
    <message>
        <source>corrected</source>
        <translation>corrigée</translation>
    </message>
    <message>
        <source>unreviewed</source>
        <translation>non revue</translation>
    </message>
    <message>
        <source>Image %1 · %2 corrected, %3 confirmed</source>
        <translation>Image %1 · %2 corrigées, %3 confirmées</translation>
    </message>
    <message numerus="yes">
        <source>Exported %n file(s)</source>
        <translation>
            <numerusform>%n fichier exporté</numerusform>
            <numerusform>%n fichiers exportés</numerusform>
        </translation>
    </message>
    <message>
        <source>Export failed: %1</source>
        <translation>L’export a échoué : %1</translation>
    </message>
    <message>
        <source>&amp;Export Masks…</source>
        <translation>&amp;Exporter les masques…</translation>
    </message>
    <message>
        <source>Export masks</source>
        <translation>Exporter les masques</translation>
    </message>
    <message>
        <source>Labels of this series: your corrections, and the model&apos;s where an image has none.</source>
        <translation>Étiquettes de cette série : vos corrections, et celles du modèle là où une image n’en a pas.</translation>
    </message>
    <message>
        <source>PNG label images (one per image)</source>
        <translation>Images d’étiquettes PNG (une par image)</translation>
    </message>
    <message>
        <source>NIfTI (4-D, all phases)</source>
        <translation>NIfTI (4-D, toutes les phases)</translation>
    </message>
    <message>
        <source>DICOM SEG</source>
        <translation>DICOM SEG</translation>
    </message>
    <message>
        <source>Remove patient identity (DICOM SEG)</source>
        <translation>Retirer l’identité du patient (DICOM SEG)</translation>
    </message>
    <message>
        <source>Browse…</source>
        <translation>Parcourir…</translation>
    </message>
    <message>
        <source>Export to</source>
        <translation>Exporter vers</translation>
    </message>
</context>
<context>
    <name>cardioseg::ui::MetricsPanel</name>
    <message>
        <source>Dice (image)</source>
        <translation>Dice (image)</translation>
    </message>
    <message>
        <source>IoU (image)</source>
        <translation>IoU (image)</translation>
    </message>
    <message>
        <source>Dice (series)</source>
        <translation>Dice (série)</translation>
    </message>
    <message>
        <source>IoU (series)</source>
        <translation>IoU (série)</translation>
    </message>
    <message>
        <source>Blood pool</source>
        <translation>Sang intra-VG</translation>
    </message>
    <message>
        <source>Myocardium</source>
        <translation>Myocarde</translation>
    </message>
    <message numerus="yes">
        <source>%n image(s) corrected. Correct or accept images to compare the model with them.</source>
        <translation>
            <numerusform>%n image corrigée. Corrigez ou acceptez des images pour comparer le modèle.</numerusform>
            <numerusform>%n images corrigées. Corrigez ou acceptez des images pour comparer le modèle.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n image(s) corrected.&lt;br&gt;Mean IoU %1 · Mean Dice %2 · Mean Acc %3 · FreqW Acc %4 · Overall Acc %5</source>
        <translation>
            <numerusform>%n image corrigée.&lt;br&gt;IoU moyen %1 · Dice moyen %2 · Précision moyenne %3 · Précision pondérée %4 · Précision globale %5</numerusform>
            <numerusform>%n images corrigées.&lt;br&gt;IoU moyen %1 · Dice moyen %2 · Précision moyenne %3 · Précision pondérée %4 · Précision globale %5</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>cardioseg::ui::SliceView</name>
    <message>
        <source>No image. Open a study with File ▸ Open folder…</source>
        <translation>Aucune image. Ouvrez un examen avec Fichier ▸ Ouvrir un dossier…</translation>
    </message>
    <message>
        <source>W %1  L %2   zoom %3%</source>
        <translation>L %1  N %2   zoom %3 %</translation>
    </message>
    <message>
        <source>Pixel (%1, %2)  value %3   position (%4, %5, %6) mm</source>
        <translation>Pixel (%1, %2)  valeur %3   position (%4, %5, %6) mm</translation>
    </message>
</context>
</TS>
