<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="fr">
<context>
    <name>QObject</name>
    <message>
        <source>Browse…</source>
        <translation>Parcourir…</translation>
    </message>
    <message>
        <source>LV function report — %1</source>
        <translation>Rapport de fonction VG — %1</translation>
    </message>
    <message>
        <source>Left-ventricular function</source>
        <translation>Fonction ventriculaire gauche</translation>
    </message>
    <message numerus="yes">
        <source>Model: %1 · %n image(s) reviewed by a person</source>
        <translation>
            <numerusform>Modèle : %1 · %n image revue par une personne</numerusform>
            <numerusform>Modèle : %1 · %n images revues par une personne</numerusform>
        </translation>
    </message>
    <message>
        <source>Measure</source>
        <translation>Mesure</translation>
    </message>
    <message>
        <source>Model</source>
        <translation>Modèle</translation>
    </message>
    <message>
        <source>Reviewed</source>
        <translation>Revu</translation>
    </message>
    <message>
        <source>Difference</source>
        <translation>Différence</translation>
    </message>
    <message>
        <source>End-diastole</source>
        <translation>Télédiastole</translation>
    </message>
    <message>
        <source>End-systole</source>
        <translation>Télésystole</translation>
    </message>
    <message>
        <source>: slice %1, phase %2</source>
        <translation> : coupe %1, phase %2</translation>
    </message>
    <message>
        <source>ID %1</source>
        <translation>ID %1</translation>
    </message>
    <message>
        <source>born %1</source>
        <translation>né(e) le %1</translation>
    </message>
    <message>
        <source>male</source>
        <translation>homme</translation>
    </message>
    <message>
        <source>female</source>
        <translation>femme</translation>
    </message>
    <message>
        <source>sex: other</source>
        <translation>sexe : autre</translation>
    </message>
    <message>
        <source>Study of %1</source>
        <translation>Examen du %1</translation>
    </message>
    <message>
        <source>Series</source>
        <translation>Série</translation>
    </message>
    <message>
        <source>Series %1</source>
        <translation>Série %1</translation>
    </message>
    <message>
        <source>: %1 slices × %2 phases, pixels %3 × %4 mm, slices %5 mm apart</source>
        <translation> : %1 coupes × %2 phases, pixels de %3 × %4 mm, coupes espacées de %5 mm</translation>
    </message>
    <message>
        <source>Patient: %1</source>
        <translation>Patient : %1</translation>
    </message>
    <message>
        <source>Report made on %1 by CardioSeg</source>
        <translation>Rapport établi le %1 par CardioSeg</translation>
    </message>
    <message>
        <source>ED</source>
        <translation>TD</translation>
    </message>
    <message>
        <source>ES</source>
        <translation>TS</translation>
    </message>
    <message>
        <source>%1 (phase %2)</source>
        <translation>%1 (phase %2)</translation>
    </message>
    <message>
        <source>Blood pool (mL)</source>
        <translation>Cavité VG (mL)</translation>
    </message>
    <message numerus="yes">
        <source>Cardiac phase · blood-pool volume over the %n phase(s): reviewed solid, model dashed</source>
        <translation>
            <numerusform>Phase cardiaque · volume de la cavité sur la %n phase : revu en trait plein, modèle en tirets</numerusform>
            <numerusform>Phase cardiaque · volume de la cavité sur les %n phases : revu en trait plein, modèle en tirets</numerusform>
        </translation>
    </message>
    <message>
        <source>Volumes by disc summation: each labelled slice contributes its labelled area × the slice spacing; nothing is extrapolated beyond the outermost labelled slices. ED and ES are the phases of largest and smallest blood-pool volume unless set by hand. LV mass = myocardium at ED × %1 g/mL; BSA by Mosteller. Reviewed labels: the corrections, the model&apos;s where an image has none.</source>
        <translation>Volumes par sommation de disques : chaque coupe délinéée apporte son aire × l’espacement des coupes ; rien n’est extrapolé au-delà des coupes délinéées extrêmes. TD et TS sont les phases de plus grand et de plus petit volume de la cavité, sauf si elles ont été choisies à la main. Masse VG = myocarde en TD × %1 g/mL ; surface corporelle selon Mosteller. Étiquettes revues : les corrections, celles du modèle là où une image n’en a pas.</translation>
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
        <source>de-identified (DICOM PS3.15 Basic Profile)</source>
        <translation>dé-identifié (DICOM PS3.15, profil de base)</translation>
    </message>
</context>
<context>
    <name>cardioseg::ui::CineGrid</name>
    <message>
        <source>ED</source>
        <translation>TD</translation>
    </message>
    <message>
        <source>ES</source>
        <translation>TS</translation>
    </message>
    <message>
        <source>Slices (rows, base at the top) × phases (columns). Blue: model; orange: corrected; green: confirmed; yellow dot: expert contours; dimmed: outside the left ventricle (above its base, beyond its apex); ringed: the images to correct first; ED and ES mark end-diastole and end-systole. Click to go to an image; right-click to set the base or apex there.</source>
        <translation>Coupes (lignes, base en haut) × phases (colonnes). Bleu : modèle ; orange : corrigée ; vert : confirmée ; point jaune : contours experts ; assombrie : hors du ventricule gauche (au-dessus de sa base, au-delà de son apex) ; cerclée : les images à corriger d’abord ; TD et TS marquent la télédiastole et la télésystole. Cliquez pour aller à une image ; clic droit pour y placer la base ou l’apex.</translation>
    </message>
</context>
<context>
    <name>cardioseg::ui::DisplayToolBar</name>
    <message>
        <source>Display</source>
        <translation>Affichage</translation>
    </message>
    <message>
        <source>Expert contours</source>
        <translation>Contours experts</translation>
    </message>
    <message>
        <source>Labels: corrections, else model</source>
        <translation>Étiquettes : corrections, sinon modèle</translation>
    </message>
    <message>
        <source>Labels: model only</source>
        <translation>Étiquettes : modèle seul</translation>
    </message>
    <message>
        <source>Labels: corrections only</source>
        <translation>Étiquettes : corrections seules</translation>
    </message>
    <message>
        <source>Compare: corrections vs model</source>
        <translation>Comparer : corrections et modèle</translation>
    </message>
    <message>
        <source>Which labels the overlay shows (P cycles). Compare draws the model&apos;s outline dashed and highlights where it disagrees with the corrections.</source>
        <translation>Étiquettes affichées en surimpression (P pour changer). « Comparer » trace le contour du modèle en tirets et met en évidence ses désaccords avec les corrections.</translation>
    </message>
    <message>
        <source>Filled</source>
        <translation>Rempli</translation>
    </message>
    <message>
        <source>Contour lines</source>
        <translation>Contours</translation>
    </message>
    <message>
        <source>Filled + contours</source>
        <translation>Rempli + contours</translation>
    </message>
    <message>
        <source>How labels are drawn (O cycles)</source>
        <translation>Rendu des étiquettes (O pour changer)</translation>
    </message>
    <message>
        <source>Show the expert contours of datasets in SCD layout (L)</source>
        <translation>Afficher les contours experts des jeux de données au format SCD (L)</translation>
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
</context>
<context>
    <name>cardioseg::ui::EditingPresenter</name>
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
        <source>Zoom, pan and window without editing</source>
        <translation>Zoom, déplacement et fenêtrage sans modification</translation>
    </message>
    <message>
        <source>&amp;Brush</source>
        <translation>&amp;Pinceau</translation>
    </message>
    <message>
        <source>Paint the selected label; [ and ] change the size</source>
        <translation>Peindre l’étiquette choisie ; [ et ] changent la taille</translation>
    </message>
    <message>
        <source>&amp;Eraser</source>
        <translation>&amp;Gomme</translation>
    </message>
    <message>
        <source>Paint background</source>
        <translation>Peindre le fond</translation>
    </message>
    <message>
        <source>&amp;Polygon / Lasso</source>
        <translation>&amp;Polygone / lasso</translation>
    </message>
    <message>
        <source>Drag a lasso, or click vertices and double-click (or Enter) to fill with the selected label</source>
        <translation>Tracer un lasso, ou cliquer les sommets puis double-cliquer (ou Entrée) pour remplir avec l’étiquette choisie</translation>
    </message>
    <message>
        <source>&amp;Flood Fill</source>
        <translation>&amp;Remplissage</translation>
    </message>
    <message>
        <source>Click a region to fill it with the selected label</source>
        <translation>Cliquer une région pour la remplir avec l’étiquette choisie</translation>
    </message>
    <message>
        <source>Con&amp;tour</source>
        <translation>Con&amp;tour</translation>
    </message>
    <message>
        <source>Edit the outline of the selected label: drag vertices, press on an edge to add one, right-click to remove one</source>
        <translation>Modifier le contour de l’étiquette choisie : glisser les sommets, appuyer sur un côté pour en ajouter un, clic droit pour en retirer un</translation>
    </message>
    <message>
        <source>Blood pool</source>
        <translation>Cavité VG</translation>
    </message>
    <message>
        <source>Myocardium</source>
        <translation>Myocarde</translation>
    </message>
    <message>
        <source>Background</source>
        <translation>Fond</translation>
    </message>
    <message>
        <source>The label the tools paint (1, 2, 0)</source>
        <translation>L’étiquette que peignent les outils (1, 2, 0)</translation>
    </message>
    <message>
        <source>radius </source>
        <translation>rayon </translation>
    </message>
    <message>
        <source> px</source>
        <translation> px</translation>
    </message>
    <message>
        <source>Brush radius in pixels ([ and ]); the status bar shows it in mm</source>
        <translation>Rayon du pinceau en pixels ([ et ]) ; la barre d’état l’indique en mm</translation>
    </message>
    <message>
        <source>Label: Blood &amp;Pool</source>
        <translation>Étiquette : &amp;cavité VG</translation>
    </message>
    <message>
        <source>Label: &amp;Myocardium</source>
        <translation>Étiquette : &amp;myocarde</translation>
    </message>
    <message>
        <source>Label: Back&amp;ground</source>
        <translation>Étiquette : &amp;fond</translation>
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
        <source>Accept Prediction for This &amp;Slice</source>
        <translation>Accepter la prédiction pour cette &amp;coupe</translation>
    </message>
    <message>
        <source>Accept Prediction for This Se&amp;ries</source>
        <translation>Accepter la prédiction pour cette sé&amp;rie</translation>
    </message>
    <message>
        <source>C&amp;lear This Image</source>
        <translation>&amp;Effacer cette image</translation>
    </message>
    <message>
        <source>Clear This Slice (All Phases)</source>
        <translation>Effacer cette coupe (toutes les phases)</translation>
    </message>
    <message>
        <source>Copy Labels to the Next Phase</source>
        <translation>Copier les étiquettes vers la phase suivante</translation>
    </message>
    <message>
        <source>Copy Labels to the Previous Phase</source>
        <translation>Copier les étiquettes vers la phase précédente</translation>
    </message>
    <message>
        <source>&amp;Confirm This Image</source>
        <translation>&amp;Confirmer cette image</translation>
    </message>
    <message>
        <source>&amp;Un-confirm This Image</source>
        <translation>&amp;Retirer la confirmation de cette image</translation>
    </message>
    <message>
        <source>blood pool</source>
        <translation>cavité VG</translation>
    </message>
    <message>
        <source>myocardium</source>
        <translation>myocarde</translation>
    </message>
    <message>
        <source>background</source>
        <translation>fond</translation>
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
        <source>Brush: %1</source>
        <translation>Pinceau : %1</translation>
    </message>
    <message>
        <source>%1, radius %2 px (%3 mm)</source>
        <translation>%1, rayon %2 px (%3 mm)</translation>
    </message>
    <message>
        <source>Polygon / lasso: %1</source>
        <translation>Polygone / lasso : %1</translation>
    </message>
    <message>
        <source>Flood fill: %1</source>
        <translation>Remplissage : %1</translation>
    </message>
    <message>
        <source>Contour: epicardium</source>
        <translation>Contour : épicarde</translation>
    </message>
    <message>
        <source>Contour: endocardium</source>
        <translation>Contour : endocarde</translation>
    </message>
    <message>
        <source>No outline to edit here: draw one with the polygon tool (G)</source>
        <translation>Aucun contour à modifier ici : tracez-en un avec l’outil polygone (G)</translation>
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
        <source>Fill polygon</source>
        <translation>Remplir un polygone</translation>
    </message>
    <message>
        <source>Flood fill</source>
        <translation>Remplissage</translation>
    </message>
    <message>
        <source>Edit epicardium</source>
        <translation>Modifier l’épicarde</translation>
    </message>
    <message>
        <source>Edit endocardium</source>
        <translation>Modifier l’endocarde</translation>
    </message>
    <message>
        <source>Clear image</source>
        <translation>Effacer l’image</translation>
    </message>
    <message>
        <source>Slice %1 is now part of the left ventricle at phase %2</source>
        <translation>La coupe %1 fait maintenant partie du ventricule gauche à la phase %2</translation>
    </message>
    <message>
        <source>No prediction here yet</source>
        <translation>Pas encore de prédiction ici</translation>
    </message>
    <message>
        <source>Accept prediction</source>
        <translation>Accepter la prédiction</translation>
    </message>
    <message>
        <source>Accept prediction for the slice</source>
        <translation>Accepter la prédiction pour la coupe</translation>
    </message>
    <message>
        <source>Accept prediction for the series</source>
        <translation>Accepter la prédiction pour la série</translation>
    </message>
    <message>
        <source>This image is already confirmed (Shift+C un-confirms it)</source>
        <translation>Cette image est déjà confirmée (Maj+C retire la confirmation)</translation>
    </message>
    <message>
        <source>The model has not segmented this image yet: confirm it once its labels show</source>
        <translation>Le modèle n’a pas encore segmenté cette image : confirmez-la une fois ses étiquettes affichées</translation>
    </message>
    <message>
        <source>Confirm image</source>
        <translation>Confirmer l’image</translation>
    </message>
    <message>
        <source>Image confirmed</source>
        <translation>Image confirmée</translation>
    </message>
    <message>
        <source>This image is not confirmed</source>
        <translation>Cette image n’est pas confirmée</translation>
    </message>
    <message>
        <source>Un-confirm image</source>
        <translation>Retirer la confirmation</translation>
    </message>
    <message>
        <source>Image no longer confirmed: it stays corrected</source>
        <translation>Image plus confirmée : elle reste corrigée</translation>
    </message>
    <message>
        <source>Clear the slice</source>
        <translation>Effacer la coupe</translation>
    </message>
    <message>
        <source>No labels here to copy</source>
        <translation>Aucune étiquette à copier ici</translation>
    </message>
    <message>
        <source>Copy labels from phase %1</source>
        <translation>Copier les étiquettes de la phase %1</translation>
    </message>
    <message>
        <source>Change the clinical inputs</source>
        <translation>Modifier les données cliniques</translation>
    </message>
    <message>
        <source>The coverage is found once the model has segmented the series</source>
        <translation>L’étendue est trouvée une fois la série segmentée par le modèle</translation>
    </message>
    <message>
        <source>Set the base at slice %1 in every phase</source>
        <translation>Base à la coupe %1 à toutes les phases</translation>
    </message>
    <message>
        <source>Set the base at slice %1</source>
        <translation>Base à la coupe %1</translation>
    </message>
    <message>
        <source>Set the apex at slice %1 in every phase</source>
        <translation>Apex à la coupe %1 à toutes les phases</translation>
    </message>
    <message>
        <source>Set the apex at slice %1</source>
        <translation>Apex à la coupe %1</translation>
    </message>
    <message>
        <source>Coverage found by the model in every phase</source>
        <translation>Étendue trouvée par le modèle à toutes les phases</translation>
    </message>
    <message>
        <source>Coverage found by the model in this phase</source>
        <translation>Étendue trouvée par le modèle à cette phase</translation>
    </message>
</context>
<context>
    <name>cardioseg::ui::ExportDialog</name>
    <message>
        <source>Export</source>
        <translation>Exporter</translation>
    </message>
    <message>
        <source>Corrections, the model&apos;s labels elsewhere</source>
        <translation>Corrections, et les étiquettes du modèle ailleurs</translation>
    </message>
    <message>
        <source>Corrections only</source>
        <translation>Corrections seulement</translation>
    </message>
    <message>
        <source>The model&apos;s labels only</source>
        <translation>Étiquettes du modèle seulement</translation>
    </message>
    <message>
        <source>Labels:</source>
        <translation>Étiquettes :</translation>
    </message>
    <message>
        <source>Masks</source>
        <translation>Masques</translation>
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
        <source>Contours (pixels and patient mm)</source>
        <translation>Contours (pixels et mm patient)</translation>
    </message>
    <message>
        <source>JSON polygons</source>
        <translation>Polygones JSON</translation>
    </message>
    <message>
        <source>CSV points</source>
        <translation>Points CSV</translation>
    </message>
    <message>
        <source>Metrics CSV: the model against the corrections, per image and for the series</source>
        <translation>Métriques CSV : le modèle face aux corrections, par image et pour la série</translation>
    </message>
    <message>
        <source>Folder:</source>
        <translation>Dossier :</translation>
    </message>
    <message>
        <source>Export to</source>
        <translation>Exporter vers</translation>
    </message>
    <message>
        <source>De-identify: no patient identity, new UIDs (DICOM PS3.15 Basic Profile)</source>
        <translation>Dé-identifier : sans identité du patient, nouveaux UID (DICOM PS3.15, profil de base)</translation>
    </message>
    <message>
        <source>De-identified copies of the source images (the DICOM SEG references them)</source>
        <translation>Copies dé-identifiées des images sources (référencées par le DICOM SEG)</translation>
    </message>
</context>
<context>
    <name>cardioseg::ui::FinetunePanel</name>
    <message>
        <source>Update model</source>
        <translation>Mettre à jour le modèle</translation>
    </message>
    <message>
        <source>Fine-tune the model on the corrected and confirmed images (Ctrl+U). It runs in the background; you can keep working.</source>
        <translation>Affiner le modèle sur les images corrigées et confirmées (Ctrl+U). Il s’exécute en arrière-plan ; vous pouvez continuer à travailler.</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Annuler</translation>
    </message>
    <message>
        <source>Use it anyway</source>
        <translation>L’utiliser quand même</translation>
    </message>
    <message>
        <source>Make the new model active although it was not better on the held-out images</source>
        <translation>Activer le nouveau modèle bien qu’il ne soit pas meilleur sur les images mises de côté</translation>
    </message>
    <message>
        <source>Model</source>
        <translation>Modèle</translation>
    </message>
    <message>
        <source>Images</source>
        <translation>Images</translation>
    </message>
    <message>
        <source>Dice before → after</source>
        <translation>Dice avant → après</translation>
    </message>
    <message>
        <source>Use selected model</source>
        <translation>Utiliser le modèle choisi</translation>
    </message>
    <message>
        <source>Switch to (or roll back to) the selected version; double-click a row does the same</source>
        <translation>Passer à la version choisie (ou y revenir) ; un double-clic sur une ligne fait de même</translation>
    </message>
    <message>
        <source>Versions of this study&apos;s model:</source>
        <translation>Versions du modèle de cet examen :</translation>
    </message>
    <message>
        <source>Correct or confirm images, then update the model to learn from them.</source>
        <translation>Corrigez ou confirmez des images, puis mettez le modèle à jour pour qu’il en apprenne.</translation>
    </message>
    <message numerus="yes">
        <source>%n reviewed image(s) to learn from</source>
        <translation>
            <numerusform>%n image revue pour l’apprentissage</numerusform>
            <numerusform>%n images revues pour l’apprentissage</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source> (%n new since the last update)</source>
        <translation>
            <numerusform> (%n nouvelle depuis la dernière mise à jour)</numerusform>
            <numerusform> (%n nouvelles depuis la dernière mise à jour)</numerusform>
        </translation>
    </message>
    <message>
        <source>Starting…</source>
        <translation>Démarrage…</translation>
    </message>
    <message>
        <source>Measuring the current model on held-out corrections…</source>
        <translation>Mesure du modèle actuel sur les corrections mises de côté…</translation>
    </message>
    <message>
        <source>Checking the new model…</source>
        <translation>Vérification du nouveau modèle…</translation>
    </message>
    <message>
        <source>Default model (%1)</source>
        <translation>Modèle par défaut (%1)</translation>
    </message>
    <message>
        <source>%1 · %2</source>
        <translation>%1 · %2</translation>
    </message>
    <message>
        <source>%1 → %2</source>
        <translation>%1 → %2</translation>
    </message>
    <message>
        <source>Parent: %1
%2
%3</source>
        <translation>Parent : %1
%2
%3</translation>
    </message>
    <message>
        <source>Step %1 · loss %2 · %3 s left</source>
        <translation>Étape %1 · perte %2 · encore %3 s</translation>
    </message>
    <message>
        <source>held-out corrections: Dice %1 → %2</source>
        <translation>corrections mises de côté : Dice %1 → %2</translation>
    </message>
    <message>
        <source>replay images: Dice %1 → %2</source>
        <translation>images de rappel : Dice %1 → %2</translation>
    </message>
    <message>
        <source>better on the held-out corrections</source>
        <translation>meilleur sur les corrections mises de côté</translation>
    </message>
    <message>
        <source>as good on the held-out corrections</source>
        <translation>aussi bon sur les corrections mises de côté</translation>
    </message>
    <message>
        <source>no corrections were held out to compare</source>
        <translation>aucune correction mise de côté pour comparer</translation>
    </message>
    <message>
        <source>not used: it forgets what it knew (replay images %1, more than %2 below the old model)</source>
        <translation>non retenu : il oublie ce qu’il savait (images de rappel %1, plus de %2 sous l’ancien modèle)</translation>
    </message>
    <message>
        <source>not used: worse on the held-out corrections</source>
        <translation>non retenu : moins bon sur les corrections mises de côté</translation>
    </message>
    <message>
        <source>, and within %1 of the old model on the replay images (%2)</source>
        <translation>, et à moins de %1 de l’ancien modèle sur les images de rappel (%2)</translation>
    </message>
    <message>
        <source>, and at least as good on the replay images</source>
        <translation>, et au moins aussi bon sur les images de rappel</translation>
    </message>
    <message>
        <source>Where the model is least sure, at end-diastole and end-systole, in the base, the middle and the apex: a few corrections there teach it most about this study. J goes to the first.</source>
        <translation>Là où le modèle est le moins sûr, en télédiastole et en télésystole, à la base, au milieu et à l’apex : quelques corrections à ces endroits lui en apprennent le plus sur cet examen. J va à la première.</translation>
    </message>
    <message>
        <source>Correct these first (J):</source>
        <translation>À corriger d’abord (J) :</translation>
    </message>
</context>
<context>
    <name>cardioseg::ui::FinetunePresenter</name>
    <message>
        <source>Update model</source>
        <translation>Mettre à jour le modèle</translation>
    </message>
    <message>
        <source>The model could not be saved: %1</source>
        <translation>Le modèle n’a pas pu être enregistré : %1</translation>
    </message>
    <message>
        <source>No model at %1 to start from.</source>
        <translation>Aucun modèle en %1 d’où partir.</translation>
    </message>
    <message>
        <source>Correct or confirm images first: the model learns from them</source>
        <translation>Corrigez ou confirmez d’abord des images : le modèle en apprend</translation>
    </message>
    <message numerus="yes">
        <source>Updating the model from %n reviewed image(s) in the background…</source>
        <translation>
            <numerusform>Mise à jour du modèle avec %n image revue, en arrière-plan…</numerusform>
            <numerusform>Mise à jour du modèle avec %n images revues, en arrière-plan…</numerusform>
        </translation>
    </message>
    <message>
        <source>Updating the model</source>
        <translation>Mise à jour du modèle</translation>
    </message>
    <message>
        <source>The model was not updated: %1</source>
        <translation>Le modèle n’a pas été mis à jour : %1</translation>
    </message>
    <message>
        <source>The model of the previous study was updated (%1)</source>
        <translation>Le modèle de l’examen précédent a été mis à jour (%1)</translation>
    </message>
    <message>
        <source>New model %1 is active (%2 training steps of %3 images in %4 s). %5</source>
        <translation>Le nouveau modèle %1 est actif (%2 étapes d’entraînement de %3 images en %4 s). %5</translation>
    </message>
    <message>
        <source>The current model stays active (%1 training steps of %2 images in %3 s): %4</source>
        <translation>Le modèle actuel reste actif (%1 étapes d’entraînement de %2 images en %3 s) : %4</translation>
    </message>
    <message>
        <source>Saving the model version</source>
        <translation>Enregistrement de la version du modèle</translation>
    </message>
    <message>
        <source>On the corrected images the new model&apos;s labels agree with the corrections by Dice %1 (blood pool) and %2 (myocardium).</source>
        <translation>Sur les images corrigées, les étiquettes du nouveau modèle concordent avec les corrections avec un Dice de %1 (cavité) et %2 (myocarde).</translation>
    </message>
    <message>
        <source>Read-only: the model is updated by the workstation that holds this study</source>
        <translation>Lecture seule : le modèle est mis à jour par le poste qui détient cet examen</translation>
    </message>
</context>
<context>
    <name>cardioseg::ui::FunctionPanel</name>
    <message>
        <source>Model</source>
        <translation>Modèle</translation>
    </message>
    <message>
        <source>Reviewed</source>
        <translation>Revu</translation>
    </message>
    <message>
        <source>Difference</source>
        <translation>Différence</translation>
    </message>
    <message>
        <source>Reviewed: the corrections where an image has them, the model&apos;s labels elsewhere</source>
        <translation>Revu : les corrections là où une image en a, les étiquettes du modèle ailleurs</translation>
    </message>
    <message>
        <source>3-D view</source>
        <translation>Vue 3-D</translation>
    </message>
    <message>
        <source>Report (PDF)…</source>
        <translation>Rapport (PDF)…</translation>
    </message>
    <message>
        <source>CSV…</source>
        <translation>CSV…</translation>
    </message>
    <message>
        <source>ED phase</source>
        <translation>Phase TD</translation>
    </message>
    <message>
        <source>ES phase</source>
        <translation>Phase TS</translation>
    </message>
    <message>
        <source>EDV (mL)</source>
        <translation>VTD (mL)</translation>
    </message>
    <message>
        <source>ESV (mL)</source>
        <translation>VTS (mL)</translation>
    </message>
    <message>
        <source>SV (mL)</source>
        <translation>VES (mL)</translation>
    </message>
    <message>
        <source>EF (%)</source>
        <translation>FE (%)</translation>
    </message>
    <message>
        <source>Myocardium at ED (mL)</source>
        <translation>Myocarde en TD (mL)</translation>
    </message>
    <message>
        <source>LV mass (g)</source>
        <translation>Masse VG (g)</translation>
    </message>
    <message>
        <source>BSA (m²)</source>
        <translation>Surface corporelle (m²)</translation>
    </message>
    <message>
        <source>EDV index (mL/m²)</source>
        <translation>VTD indexé (mL/m²)</translation>
    </message>
    <message>
        <source>ESV index (mL/m²)</source>
        <translation>VTS indexé (mL/m²)</translation>
    </message>
    <message>
        <source>LV mass index (g/m²)</source>
        <translation>Masse VG indexée (g/m²)</translation>
    </message>
    <message>
        <source>Phase</source>
        <translation>Phase</translation>
    </message>
    <message>
        <source>mL</source>
        <translation>mL</translation>
    </message>
    <message>
        <source>Blood-pool volume over the cycle</source>
        <translation>Volume de la cavité au cours du cycle</translation>
    </message>
    <message>
        <source>Slice (base → apex)</source>
        <translation>Coupe (base → apex)</translation>
    </message>
    <message>
        <source>cm²</source>
        <translation>cm²</translation>
    </message>
    <message>
        <source>Blood-pool area per slice, phase %1</source>
        <translation>Aire de la cavité par coupe, phase %1</translation>
    </message>
    <message>
        <source>EDV</source>
        <translation>VTD</translation>
    </message>
    <message>
        <source>ESV</source>
        <translation>VTS</translation>
    </message>
    <message>
        <source>EF</source>
        <translation>FE</translation>
    </message>
    <message>
        <source>%</source>
        <translation>%</translation>
    </message>
    <message>
        <source>LV mass</source>
        <translation>Masse VG</translation>
    </message>
    <message>
        <source>g</source>
        <translation>g</translation>
    </message>
    <message>
        <source>%1 points</source>
        <translation>%1 points</translation>
    </message>
    <message>
        <source>%1 %2 → %3 %4 (%5)</source>
        <translation>%1 %2 → %3 %4 (%5)</translation>
    </message>
    <message>
        <source>With the new model no measure moved by 2 % or more (EF by a point or more).</source>
        <translation>Avec le nouveau modèle, aucune mesure n’a bougé de 2 % ou plus (la FE d’un point ou plus).</translation>
    </message>
    <message>
        <source>With the new model these measures moved: %1.</source>
        <translation>Avec le nouveau modèle, ces mesures ont bougé : %1.</translation>
    </message>
    <message>
        <source>ED phase (set by hand)</source>
        <translation>Phase TD (choisie à la main)</translation>
    </message>
    <message>
        <source>ES phase (set by hand)</source>
        <translation>Phase TS (choisie à la main)</translation>
    </message>
    <message>
        <source>BSA (m², from entered height and weight)</source>
        <translation>Surface corporelle (m², taille et poids saisis)</translation>
    </message>
    <message>
        <source>ED = this phase</source>
        <translation>TD = cette phase</translation>
    </message>
    <message>
        <source>Use the phase on screen as end-diastole everywhere (measures, grid, report)</source>
        <translation>Prendre la phase affichée comme télédiastole partout (mesures, grille, rapport)</translation>
    </message>
    <message>
        <source>ES = this phase</source>
        <translation>TS = cette phase</translation>
    </message>
    <message>
        <source>Use the phase on screen as end-systole everywhere (measures, grid, report)</source>
        <translation>Prendre la phase affichée comme télésystole partout (mesures, grille, rapport)</translation>
    </message>
    <message>
        <source>Automatic</source>
        <translation>Automatique</translation>
    </message>
    <message>
        <source>End-diastole and end-systole from the largest and smallest blood-pool volume</source>
        <translation>Télédiastole et télésystole d’après le plus grand et le plus petit volume de la cavité</translation>
    </message>
    <message>
        <source> cm</source>
        <translation> cm</translation>
    </message>
    <message>
        <source>height?</source>
        <translation>taille ?</translation>
    </message>
    <message>
        <source> kg</source>
        <translation> kg</translation>
    </message>
    <message>
        <source>weight?</source>
        <translation>poids ?</translation>
    </message>
    <message>
        <source>Not in the images:</source>
        <translation>Absents des images :</translation>
    </message>
    <message>
        <source>Height and weight for the body-surface area and the indexed values; saved with the study and marked as entered</source>
        <translation>Taille et poids pour la surface corporelle et les valeurs indexées ; enregistrés avec l’examen et signalés comme saisis</translation>
    </message>
    <message>
        <source>waiting</source>
        <translation>en attente</translation>
    </message>
    <message numerus="yes">
        <source>Waiting for %n image(s) to be segmented before measuring.</source>
        <translation>
            <numerusform>En attente de la segmentation de %n image avant de mesurer.</numerusform>
            <numerusform>En attente de la segmentation de %n images avant de mesurer.</numerusform>
        </translation>
    </message>
    <message>
        <source>Volumes by disc summation over the labelled slices; mass = myocardium at ED × %1 g/mL.</source>
        <translation>Volumes par sommation de disques sur les coupes délinéées ; masse = myocarde en TD × %1 g/mL.</translation>
    </message>
    <message>
        <source> ED and ES set by hand.</source>
        <translation> TD et TS choisies à la main.</translation>
    </message>
    <message>
        <source> Height and weight entered by hand.</source>
        <translation> Taille et poids saisis à la main.</translation>
    </message>
    <message>
        <source>ED</source>
        <translation>TD</translation>
    </message>
    <message>
        <source>ES</source>
        <translation>TS</translation>
    </message>
    <message>
        <source>no labels</source>
        <translation>aucune étiquette</translation>
    </message>
    <message>
        <source>phase %1 is labelled on fewer slices than others</source>
        <translation>la phase %1 est délinéée sur moins de coupes que les autres</translation>
    </message>
    <message>
        <source>only one phase is labelled on every labelled slice: no end-systole</source>
        <translation>une seule phase est délinéée sur toutes les coupes délinéées : pas de télésystole</translation>
    </message>
    <message>
        <source>no myocardium labelled at end-diastole: no LV mass</source>
        <translation>aucun myocarde délinéé en télédiastole : pas de masse VG</translation>
    </message>
    <message>
        <source>Base = this slice</source>
        <translation>Base = cette coupe</translation>
    </message>
    <message>
        <source>The most basal slice of the left ventricle at this phase is the slice on screen (Ctrl+B); labels above it do not count</source>
        <translation>La coupe la plus basale du ventricule gauche à cette phase est la coupe affichée (Ctrl+B) ; les étiquettes au-dessus ne comptent pas</translation>
    </message>
    <message>
        <source>Apex = this slice</source>
        <translation>Apex = cette coupe</translation>
    </message>
    <message>
        <source>The most apical slice of the left ventricle at this phase is the slice on screen (Ctrl+Shift+B); labels beyond it do not count</source>
        <translation>La coupe la plus apicale du ventricule gauche à cette phase est la coupe affichée (Ctrl+Maj+B) ; les étiquettes au-delà ne comptent pas</translation>
    </message>
    <message>
        <source>As found</source>
        <translation>Comme trouvé</translation>
    </message>
    <message>
        <source>Base and apex as found from the model&apos;s labels: the most basal slice whose myocardium surrounds at least half of the cavity, and the last slice with a cavity</source>
        <translation>Base et apex tels que trouvés d’après les étiquettes du modèle : la coupe la plus basale dont le myocarde entoure au moins la moitié de la cavité, et la dernière coupe avec une cavité</translation>
    </message>
    <message>
        <source>Left ventricle: found once the model has segmented the series.</source>
        <translation>Ventricule gauche : repéré une fois la série segmentée par le modèle.</translation>
    </message>
    <message>
        <source>Left ventricle at phase %1: not found on any slice.</source>
        <translation>Ventricule gauche à la phase %1 : trouvé sur aucune coupe.</translation>
    </message>
    <message>
        <source>Left ventricle at phase %1: slices %2 to %3 (set by hand).</source>
        <translation>Ventricule gauche à la phase %1 : coupes %2 à %3 (choisies à la main).</translation>
    </message>
    <message>
        <source>Left ventricle at phase %1: slices %2 to %3 (base to apex, as found).</source>
        <translation>Ventricule gauche à la phase %1 : coupes %2 à %3 (de la base à l’apex, comme trouvé).</translation>
    </message>
    <message>
        <source>Provisional: end-diastole and end-systole as found on slice %1; measured again over every phase once the model has segmented the series.</source>
        <translation>Provisoire : télédiastole et télésystole trouvées sur la coupe %1 ; mesuré à nouveau sur toutes les phases une fois la série segmentée par le modèle.</translation>
    </message>
</context>
<context>
    <name>cardioseg::ui::FunctionPresenter</name>
    <message>
        <source>Set the Ventricle&apos;s &amp;Base at This Slice</source>
        <translation>Placer la &amp;base du ventricule à cette coupe</translation>
    </message>
    <message>
        <source>Set the Ventricle&apos;s &amp;Apex at This Slice</source>
        <translation>Placer l’&amp;apex du ventricule à cette coupe</translation>
    </message>
    <message>
        <source>C&amp;overage as Found in Every Phase</source>
        <translation>Étend&amp;ue comme trouvée à toutes les phases</translation>
    </message>
    <message>
        <source>base</source>
        <translation>base</translation>
    </message>
    <message>
        <source>middle</source>
        <translation>milieu</translation>
    </message>
    <message>
        <source>apex</source>
        <translation>apex</translation>
    </message>
    <message>
        <source>slice %1 at %2 (%3), doubt %4</source>
        <translation>coupe %1 en %2 (%3), doute %4</translation>
    </message>
    <message>
        <source>ED</source>
        <translation>TD</translation>
    </message>
    <message>
        <source>ES</source>
        <translation>TS</translation>
    </message>
    <message>
        <source>Base of the ventricle here (this phase)</source>
        <translation>Base du ventricule ici (cette phase)</translation>
    </message>
    <message>
        <source>Apex of the ventricle here (this phase)</source>
        <translation>Apex du ventricule ici (cette phase)</translation>
    </message>
    <message>
        <source>Base here in every phase</source>
        <translation>Base ici à toutes les phases</translation>
    </message>
    <message>
        <source>Apex here in every phase</source>
        <translation>Apex ici à toutes les phases</translation>
    </message>
    <message>
        <source>Coverage as found (this phase)</source>
        <translation>Étendue comme trouvée (cette phase)</translation>
    </message>
    <message>
        <source>Coverage as found (every phase)</source>
        <translation>Étendue comme trouvée (toutes les phases)</translation>
    </message>
    <message>
        <source>Save measures</source>
        <translation>Enregistrer les mesures</translation>
    </message>
    <message>
        <source>CSV (*.csv)</source>
        <translation>CSV (*.csv)</translation>
    </message>
    <message>
        <source>Cardiac function</source>
        <translation>Fonction cardiaque</translation>
    </message>
    <message>
        <source>Saved %1</source>
        <translation>%1 enregistré</translation>
    </message>
    <message>
        <source>Report saved: %1</source>
        <translation>Rapport enregistré : %1</translation>
    </message>
    <message>
        <source>Report failed: %1</source>
        <translation>Échec du rapport : %1</translation>
    </message>
    <message>
        <source>No image to suggest: the model has not segmented the series, or every image at end-diastole and end-systole is reviewed</source>
        <translation>Aucune image à proposer : le modèle n’a pas segmenté la série, ou toutes les images en télédiastole et télésystole sont revues</translation>
    </message>
    <message>
        <source>No image was corrected or confirmed by a person: every contour is the model&apos;s.</source>
        <translation>Aucune image n’a été corrigée ou confirmée par une personne : tous les contours sont ceux du modèle.</translation>
    </message>
    <message numerus="yes">
        <source>On the %n image(s) a person corrected or confirmed, the model&apos;s contours overlapped theirs by %1 % for the blood pool and %2 % for the myocardium (Dice; 100 % = identical).</source>
        <translation>
            <numerusform>Sur la %n image corrigée ou confirmée par une personne, les contours du modèle recouvraient les siens à %1 % pour la cavité et à %2 % pour le myocarde (Dice ; 100 % = identiques).</numerusform>
            <numerusform>Sur les %n images corrigées ou confirmées par une personne, les contours du modèle recouvraient les siens à %1 % pour la cavité et à %2 % pour le myocarde (Dice ; 100 % = identiques).</numerusform>
        </translation>
    </message>
    <message>
        <source>Writing the report…</source>
        <translation>Rédaction du rapport…</translation>
    </message>
    <message>
        <source>Writing the report</source>
        <translation>Rédaction du rapport</translation>
    </message>
</context>
<context>
    <name>cardioseg::ui::JobList</name>
    <message>
        <source>Cancel</source>
        <translation>Annuler</translation>
    </message>
    <message>
        <source>Cancel: %1</source>
        <translation>Annuler : %1</translation>
    </message>
    <message>
        <source>%1 (cancelling)</source>
        <translation>%1 (annulation)</translation>
    </message>
</context>
<context>
    <name>cardioseg::ui::MainMenus</name>
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
        <source>&amp;Export…</source>
        <translation>&amp;Exporter…</translation>
    </message>
    <message>
        <source>&amp;Quit</source>
        <translation>&amp;Quitter</translation>
    </message>
    <message>
        <source>&amp;Edit</source>
        <translation>É&amp;dition</translation>
    </message>
    <message>
        <source>Tools</source>
        <translation>Outils</translation>
    </message>
    <message>
        <source>Se&amp;ttings…</source>
        <translation>Pa&amp;ramètres…</translation>
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
        <source>Show Expert &amp;Contours</source>
        <translation>Afficher les &amp;contours experts</translation>
    </message>
    <message>
        <source>Next Overlay &amp;Labels</source>
        <translation>&amp;Étiquettes de surimpression suivantes</translation>
    </message>
    <message>
        <source>Next Overlay &amp;Style</source>
        <translation>&amp;Style de surimpression suivant</translation>
    </message>
    <message>
        <source>Show &amp;Overlay</source>
        <translation>Afficher la &amp;surimpression</translation>
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
        <source>Next &amp;Unreviewed Image</source>
        <translation>Image non revue &amp;suivante</translation>
    </message>
    <message>
        <source>Next Unreviewed Image at &amp;ED or ES</source>
        <translation>Image non revue suivante en &amp;TD ou TS</translation>
    </message>
    <message>
        <source>Image to &amp;Correct First</source>
        <translation>Image à &amp;corriger d’abord</translation>
    </message>
    <message>
        <source>&amp;Model</source>
        <translation>&amp;Modèle</translation>
    </message>
    <message>
        <source>Segment This &amp;Image</source>
        <translation>Segmenter cette &amp;image</translation>
    </message>
    <message>
        <source>Segment This &amp;Slice (All Phases)</source>
        <translation>Segmenter cette &amp;coupe (toutes les phases)</translation>
    </message>
    <message>
        <source>Segment This S&amp;eries</source>
        <translation>Segmenter cette &amp;série</translation>
    </message>
    <message>
        <source>Segment the Whole S&amp;tudy</source>
        <translation>Segmenter tout l’e&amp;xamen</translation>
    </message>
    <message>
        <source>&amp;Cancel</source>
        <translation>&amp;Annuler</translation>
    </message>
    <message>
        <source>Choose Model &amp;File…</source>
        <translation>Choisir le &amp;fichier du modèle…</translation>
    </message>
    <message>
        <source>Use the &amp;Default Model</source>
        <translation>Utiliser le modèle par &amp;défaut</translation>
    </message>
    <message>
        <source>&amp;Update Model from Corrections</source>
        <translation>&amp;Mettre à jour le modèle avec les corrections</translation>
    </message>
    <message>
        <source>F&amp;unction</source>
        <translation>F&amp;onction</translation>
    </message>
    <message>
        <source>&amp;3-D View</source>
        <translation>Vue &amp;3-D</translation>
    </message>
    <message>
        <source>&amp;Report (PDF)…</source>
        <translation>&amp;Rapport (PDF)…</translation>
    </message>
    <message>
        <source>Measures as &amp;CSV…</source>
        <translation>Mesures en &amp;CSV…</translation>
    </message>
    <message>
        <source>&amp;Help</source>
        <translation>Aid&amp;e</translation>
    </message>
    <message>
        <source>&amp;Keyboard Shortcuts</source>
        <translation>&amp;Raccourcis clavier</translation>
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
        <source>&lt;b&gt;CardioSeg&lt;/b&gt; %1&lt;br&gt;Cardiac MRI segmentation workstation, with Qt %2.&lt;br&gt;Research software, not a medical device.&lt;br&gt;Free software: GNU General Public License, version 3 or later.&lt;br&gt;Sample study: Sunnybrook Cardiac Data (CC0), Radau et al., MIDAS Journal 2009.</source>
        <translation>&lt;b&gt;CardioSeg&lt;/b&gt; %1&lt;br&gt;Station de segmentation d’IRM cardiaque, avec Qt %2.&lt;br&gt;Logiciel de recherche, pas un dispositif médical.&lt;br&gt;Logiciel libre : licence publique générale GNU, version 3 ou ultérieure.&lt;br&gt;Examen d’exemple : Sunnybrook Cardiac Data (CC0), Radau et al., MIDAS Journal 2009.</translation>
    </message>
    <message>
        <source>Keyboard shortcuts</source>
        <translation>Raccourcis clavier</translation>
    </message>
    <message>
        <source>Open a study first</source>
        <translation>Ouvrez d’abord un examen</translation>
    </message>
    <message>
        <source>Choose a model file</source>
        <translation>Choisir un fichier de modèle</translation>
    </message>
    <message>
        <source>CardioSeg models (*.pt);;All files (*)</source>
        <translation>Modèles CardioSeg (*.pt);;Tous les fichiers (*)</translation>
    </message>
    <message>
        <source>&amp;De-identify Reports and Exports</source>
        <translation>&amp;Dé-identifier rapports et exports</translation>
    </message>
    <message>
        <source>No patient name, ID, birth date, study date or description in reports and exports; new UIDs (DICOM PS3.15 Basic Profile)</source>
        <translation>Ni nom, ni identifiant, ni date de naissance, ni date ou description d’examen dans les rapports et exports ; nouveaux UID (DICOM PS3.15, profil de base)</translation>
    </message>
    <message>
        <source>Open from &amp;PACS…</source>
        <translation>Ouvrir depuis le &amp;PACS…</translation>
    </message>
    <message>
        <source>Send to PA&amp;CS…</source>
        <translation>Envoyer au PA&amp;CS…</translation>
    </message>
    <message>
        <source>PACS &amp;Nodes…</source>
        <translation>&amp;Nœuds PACS…</translation>
    </message>
</context>
<context>
    <name>cardioseg::ui::MainWindow</name>
    <message>
        <source>CardioSeg</source>
        <translation>CardioSeg</translation>
    </message>
    <message>
        <source>Series</source>
        <translation>Séries</translation>
    </message>
    <message>
        <source>Open study</source>
        <translation>Ouvrir un examen</translation>
    </message>
    <message>
        <source>CardioSeg — %1</source>
        <translation>CardioSeg — %1</translation>
    </message>
    <message numerus="yes">
        <source>%n file(s) skipped…</source>
        <translation>
            <numerusform>%n fichier ignoré…</numerusform>
            <numerusform>%n fichiers ignorés…</numerusform>
        </translation>
    </message>
    <message>
        <source>No model at %1: showing images only</source>
        <translation>Aucun modèle à %1 : images seules</translation>
    </message>
    <message>
        <source>Model vs corrections</source>
        <translation>Modèle vs corrections</translation>
    </message>
    <message>
        <source>Corrections NOT saved: %1</source>
        <translation>Corrections NON enregistrées : %1</translation>
    </message>
    <message>
        <source>Model updates</source>
        <translation>Mises à jour du modèle</translation>
    </message>
    <message>
        <source>Cardiac function</source>
        <translation>Fonction cardiaque</translation>
    </message>
    <message>
        <source>Save report</source>
        <translation>Enregistrer le rapport</translation>
    </message>
    <message>
        <source>PDF (*.pdf)</source>
        <translation>PDF (*.pdf)</translation>
    </message>
    <message>
        <source>Report</source>
        <translation>Rapport</translation>
    </message>
    <message>
        <source>Saving the corrections before closing…</source>
        <translation>Enregistrement des corrections avant la fermeture…</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>Fermer</translation>
    </message>
    <message>
        <source>The window stays open. Free some space or choose another workspace folder in Settings, then close it again.</source>
        <translation>La fenêtre reste ouverte. Libérez de l’espace ou choisissez un autre dossier de travail dans les Paramètres, puis fermez-la à nouveau.</translation>
    </message>
    <message>
        <source>Read-only</source>
        <translation>Lecture seule</translation>
    </message>
    <message>
        <source>CardioSeg — %1 [read-only]</source>
        <translation>CardioSeg — %1 [lecture seule]</translation>
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
        <translation>Cavité VG</translation>
    </message>
    <message>
        <source>Myocardium</source>
        <translation>Myocarde</translation>
    </message>
    <message>
        <source>Image</source>
        <translation>Image</translation>
    </message>
    <message>
        <source>Slice</source>
        <translation>Coupe</translation>
    </message>
    <message>
        <source>Series</source>
        <translation>Série</translation>
    </message>
    <message>
        <source>Dice</source>
        <translation>Dice</translation>
    </message>
    <message>
        <source>Dice (slice)</source>
        <translation>Dice (coupe)</translation>
    </message>
    <message>
        <source>IoU (slice)</source>
        <translation>IoU (coupe)</translation>
    </message>
    <message>
        <source>Correct or accept images to compare the model with them.</source>
        <translation>Corrigez ou acceptez des images pour leur comparer le modèle.</translation>
    </message>
    <message>
        <source>Series: Mean IoU %1 · Mean Dice %2 · Mean Acc %3 · FreqW Acc %4 · Overall Acc %5</source>
        <translation>Série : IoU moyen %1 · Dice moyen %2 · Exactitude moyenne %3 · Exactitude pondérée %4 · Exactitude globale %5</translation>
    </message>
    <message numerus="yes">
        <source>Reviewed of %n image(s):</source>
        <translation>
            <numerusform>Revues sur %n image :</numerusform>
            <numerusform>Revues sur %n images :</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n corrected</source>
        <translation>
            <numerusform>%n corrigée</numerusform>
            <numerusform>%n corrigées</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n confirmed</source>
        <translation>
            <numerusform>%n confirmée</numerusform>
            <numerusform>%n confirmées</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>cardioseg::ui::ModelPresenter</name>
    <message numerus="yes">
        <source>Segmenting %n image(s)</source>
        <translation>
            <numerusform>Segmentation de %n image</numerusform>
            <numerusform>Segmentation de %n images</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Segmenting %n image(s) with %1…</source>
        <translation>
            <numerusform>Segmentation de %n image avec %1…</numerusform>
            <numerusform>Segmentation de %n images avec %1…</numerusform>
        </translation>
    </message>
    <message>
        <source>Loading model %1…</source>
        <translation>Chargement du modèle %1…</translation>
    </message>
    <message>
        <source>The model was not changed: %1</source>
        <translation>Le modèle n’a pas été changé : %1</translation>
    </message>
    <message>
        <source>Model</source>
        <translation>Modèle</translation>
    </message>
    <message>
        <source>Model: %1</source>
        <translation>Modèle : %1</translation>
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
        <source>Segmentation cancelled; the images already segmented are kept</source>
        <translation>Segmentation annulée ; les images déjà segmentées sont conservées</translation>
    </message>
    <message numerus="yes">
        <source>The model&apos;s labels of %n image(s) restored from the workspace</source>
        <translation>
            <numerusform>Étiquettes du modèle de %n image reprises de l’espace de travail</numerusform>
            <numerusform>Étiquettes du modèle de %n images reprises de l’espace de travail</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Segmented %n image(s) in %1 s (%2)</source>
        <translation>
            <numerusform>%n image segmentée en %1 s (%2)</numerusform>
            <numerusform>%n images segmentées en %1 s (%2)</numerusform>
        </translation>
    </message>
    <message>
        <source>No model at %1. Choose one with Model ▸ Choose Model File…</source>
        <translation>Aucun modèle en %1. Choisissez-en un avec Modèle ▸ Choisir le fichier du modèle…</translation>
    </message>
</context>
<context>
    <name>cardioseg::ui::NavigationBar</name>
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
</context>
<context>
    <name>cardioseg::ui::PacsNodesDialog</name>
    <message>
        <source>PACS Nodes</source>
        <translation>Nœuds PACS</translation>
    </message>
    <message>
        <source>Add DICOM Node</source>
        <translation>Ajouter un nœud DICOM</translation>
    </message>
    <message>
        <source>Add DICOMweb Service</source>
        <translation>Ajouter un service DICOMweb</translation>
    </message>
    <message>
        <source>Remove</source>
        <translation>Retirer</translation>
    </message>
    <message>
        <source>e.g. Hospital PACS</source>
        <translation>p. ex. PACS de l’hôpital</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>Nom</translation>
    </message>
    <message>
        <source> s</source>
        <translation> s</translation>
    </message>
    <message>
        <source>Timeout</source>
        <translation>Délai</translation>
    </message>
    <message>
        <source>DICOM networking</source>
        <translation>Réseau DICOM</translation>
    </message>
    <message>
        <source>C-GET (nothing to configure on the PACS but our AE title)</source>
        <translation>C-GET (rien à configurer sur le PACS sauf notre titre AE)</translation>
    </message>
    <message>
        <source>C-MOVE to our storage port (the PACS must know our AE title, host and port)</source>
        <translation>C-MOVE vers notre port de réception (le PACS doit connaître notre titre AE, hôte et port)</translation>
    </message>
    <message>
        <source>Secure connection (TLS)</source>
        <translation>Connexion sécurisée (TLS)</translation>
    </message>
    <message>
        <source>trusted certificates (PEM); empty: not verified</source>
        <translation>certificats de confiance (PEM) ; vide : non vérifié</translation>
    </message>
    <message>
        <source>our certificate (PEM), if the PACS asks</source>
        <translation>notre certificat (PEM), si le PACS le demande</translation>
    </message>
    <message>
        <source>its private key (PEM)</source>
        <translation>sa clé privée (PEM)</translation>
    </message>
    <message>
        <source>AE title</source>
        <translation>Titre AE</translation>
    </message>
    <message>
        <source>Host</source>
        <translation>Hôte</translation>
    </message>
    <message>
        <source>Port</source>
        <translation>Port</translation>
    </message>
    <message>
        <source>Our AE title</source>
        <translation>Notre titre AE</translation>
    </message>
    <message>
        <source>Our port (C-MOVE)</source>
        <translation>Notre port (C-MOVE)</translation>
    </message>
    <message>
        <source>Retrieve by</source>
        <translation>Récupérer par</translation>
    </message>
    <message>
        <source>Trusted certificates</source>
        <translation>Certificats de confiance</translation>
    </message>
    <message>
        <source>Certificate</source>
        <translation>Certificat</translation>
    </message>
    <message>
        <source>Private key</source>
        <translation>Clé privée</translation>
    </message>
    <message>
        <source>DICOMweb</source>
        <translation>DICOMweb</translation>
    </message>
    <message>
        <source>bearer token instead of a user</source>
        <translation>jeton (bearer) au lieu d’un utilisateur</translation>
    </message>
    <message>
        <source>Root URL</source>
        <translation>URL racine</translation>
    </message>
    <message>
        <source>User</source>
        <translation>Utilisateur</translation>
    </message>
    <message>
        <source>Password</source>
        <translation>Mot de passe</translation>
    </message>
    <message>
        <source>Token</source>
        <translation>Jeton</translation>
    </message>
    <message>
        <source>&amp;Verify</source>
        <translation>&amp;Vérifier</translation>
    </message>
    <message>
        <source>New PACS</source>
        <translation>Nouveau PACS</translation>
    </message>
    <message>
        <source>New DICOMweb service</source>
        <translation>Nouveau service DICOMweb</translation>
    </message>
    <message>
        <source>Enter the node&apos;s AE title and host first</source>
        <translation>Saisissez d’abord le titre AE et l’hôte du nœud</translation>
    </message>
    <message>
        <source>Verifying…</source>
        <translation>Vérification…</translation>
    </message>
</context>
<context>
    <name>cardioseg::ui::PacsPresenter</name>
    <message>
        <source>%1 answered in %2 ms</source>
        <translation>%1 a répondu en %2 ms</translation>
    </message>
    <message>
        <source>cancelled</source>
        <translation>annulé</translation>
    </message>
    <message>
        <source>cancelled (what arrived is kept: retrieving again asks for the rest)</source>
        <translation>annulé (ce qui est arrivé est conservé : une nouvelle récupération demande le reste)</translation>
    </message>
    <message numerus="yes">
        <source>Retrieved %n image(s)</source>
        <translation>
            <numerusform>%n image récupérée</numerusform>
            <numerusform>%n images récupérées</numerusform>
        </translation>
    </message>
    <message>
        <source>Retrieval: %1</source>
        <translation>Récupération : %1</translation>
    </message>
    <message>
        <source>Retrieve from PACS</source>
        <translation>Récupérer depuis le PACS</translation>
    </message>
    <message numerus="yes">
        <source>Sent %n object(s) to the PACS</source>
        <translation>
            <numerusform>%n objet envoyé au PACS</numerusform>
            <numerusform>%n objets envoyés au PACS</numerusform>
        </translation>
    </message>
    <message>
        <source>Send to PACS</source>
        <translation>Envoyer au PACS</translation>
    </message>
    <message>
        <source>Not sent:
%1</source>
        <translation>Non envoyé :
%1</translation>
    </message>
    <message>
        <source>Verifying %1</source>
        <translation>Vérification de %1</translation>
    </message>
    <message>
        <source>Querying %1</source>
        <translation>Interrogation de %1</translation>
    </message>
    <message>
        <source>A retrieval is running: wait for it or cancel it</source>
        <translation>Une récupération est en cours : attendez-la ou annulez-la</translation>
    </message>
    <message>
        <source>Retrieving %1</source>
        <translation>Récupération de %1</translation>
    </message>
    <message numerus="yes">
        <source>The study cache was over its limit: %n study(ies) removed, oldest first</source>
        <translation>
            <numerusform>Le cache des examens dépassait sa limite : %n examen retiré, le plus ancien d’abord</numerusform>
            <numerusform>Le cache des examens dépassait sa limite : %n examens retirés, les plus anciens d’abord</numerusform>
        </translation>
    </message>
    <message>
        <source>Study cache</source>
        <translation>Cache des examens</translation>
    </message>
    <message>
        <source>Results are being sent: wait for it or cancel it</source>
        <translation>Des résultats sont en cours d’envoi : attendez ou annulez</translation>
    </message>
    <message>
        <source>Open a study first</source>
        <translation>Ouvrez d’abord un examen</translation>
    </message>
    <message>
        <source>No room for the results to send: %1</source>
        <translation>Pas de place pour les résultats à envoyer : %1</translation>
    </message>
    <message>
        <source>the report could not be written: %1</source>
        <translation>le rapport n’a pas pu être écrit : %1</translation>
    </message>
    <message>
        <source>the study was closed</source>
        <translation>l’examen a été fermé</translation>
    </message>
    <message>
        <source>Sending to %1</source>
        <translation>Envoi vers %1</translation>
    </message>
</context>
<context>
    <name>cardioseg::ui::SendToPacsDialog</name>
    <message>
        <source>Send to PACS</source>
        <translation>Envoyer au PACS</translation>
    </message>
    <message>
        <source>PACS</source>
        <translation>PACS</translation>
    </message>
    <message>
        <source>Segmentation (DICOM SEG)</source>
        <translation>Segmentation (DICOM SEG)</translation>
    </message>
    <message>
        <source>Measurements: EDV, ESV, EF, mass (DICOM SR)</source>
        <translation>Mesures : VTD, VTS, FE, masse (DICOM SR)</translation>
    </message>
    <message>
        <source>Report (Encapsulated PDF)</source>
        <translation>Rapport (PDF encapsulé)</translation>
    </message>
    <message>
        <source>Corrections, else the model&apos;s labels</source>
        <translation>Corrections, sinon les étiquettes du modèle</translation>
    </message>
    <message>
        <source>The model&apos;s labels only</source>
        <translation>Les étiquettes du modèle seules</translation>
    </message>
    <message>
        <source>Labels</source>
        <translation>Étiquettes</translation>
    </message>
    <message>
        <source>Send</source>
        <translation>Envoyer</translation>
    </message>
    <message>
        <source>No PACS configured yet: File ▸ PACS Nodes…</source>
        <translation>Aucun PACS configuré : Fichier ▸ Nœuds PACS…</translation>
    </message>
</context>
<context>
    <name>cardioseg::ui::SettingsDialog</name>
    <message>
        <source>Settings</source>
        <translation>Paramètres</translation>
    </message>
    <message>
        <source>Model</source>
        <translation>Modèle</translation>
    </message>
    <message>
        <source>Model file:</source>
        <translation>Fichier du modèle :</translation>
    </message>
    <message>
        <source>Choose a model file</source>
        <translation>Choisir un fichier de modèle</translation>
    </message>
    <message>
        <source>CardioSeg models (*.pt);;All files (*)</source>
        <translation>Modèles CardioSeg (*.pt);;Tous les fichiers (*)</translation>
    </message>
    <message>
        <source>Automatic (GPU when available)</source>
        <translation>Automatique (GPU si disponible)</translation>
    </message>
    <message>
        <source>CPU</source>
        <translation>CPU</translation>
    </message>
    <message>
        <source>GPU (CUDA)</source>
        <translation>GPU (CUDA)</translation>
    </message>
    <message>
        <source>GPU (CUDA, not available here)</source>
        <translation>GPU (CUDA, indisponible ici)</translation>
    </message>
    <message>
        <source>Device:</source>
        <translation>Processeur :</translation>
    </message>
    <message>
        <source>all cores but one</source>
        <translation>tous les cœurs sauf un</translation>
    </message>
    <message>
        <source>CPU threads:</source>
        <translation>Threads CPU :</translation>
    </message>
    <message>
        <source>Display</source>
        <translation>Affichage</translation>
    </message>
    <message>
        <source>Blood pool colour:</source>
        <translation>Couleur de la cavité VG :</translation>
    </message>
    <message>
        <source>Myocardium colour:</source>
        <translation>Couleur du myocarde :</translation>
    </message>
    <message>
        <source>Fill opacity:</source>
        <translation>Opacité du remplissage :</translation>
    </message>
    <message>
        <source>Corrections are saved</source>
        <translation>Les corrections sont enregistrées</translation>
    </message>
    <message>
        <source>Beside the study (a “CardioSeg workspace” folder), when it is writable</source>
        <translation>À côté de l’examen (un dossier « CardioSeg workspace »), s’il est accessible en écriture</translation>
    </message>
    <message>
        <source>In this folder:</source>
        <translation>Dans ce dossier :</translation>
    </message>
    <message>
        <source>Workspace folder</source>
        <translation>Dossier de travail</translation>
    </message>
    <message>
        <source>Applies to the next study opened.</source>
        <translation>S’applique au prochain examen ouvert.</translation>
    </message>
    <message>
        <source> s</source>
        <translation> s</translation>
    </message>
    <message>
        <source>Model update time:</source>
        <translation>Durée d’une mise à jour :</translation>
    </message>
    <message>
        <source>only when asked</source>
        <translation>seulement sur demande</translation>
    </message>
    <message>
        <source> new reviewed images</source>
        <translation> nouvelles images revues</translation>
    </message>
    <message>
        <source>Update the model after:</source>
        <translation>Mettre à jour le modèle après :</translation>
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
        <translation>Pixel (%1 ; %2)  valeur %3   position (%4 ; %5 ; %6) mm</translation>
    </message>
    <message numerus="yes">
        <source>model ≠ corrections: %n px</source>
        <translation>
            <numerusform>modèle ≠ corrections : %n px</numerusform>
            <numerusform>modèle ≠ corrections : %n px</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>cardioseg::ui::StudyBrowserDialog</name>
    <message>
        <source>Open from PACS</source>
        <translation>Ouvrir depuis le PACS</translation>
    </message>
    <message>
        <source>Nodes…</source>
        <translation>Nœuds…</translation>
    </message>
    <message>
        <source>PACS</source>
        <translation>PACS</translation>
    </message>
    <message>
        <source>Doe^J* (wildcards * ?)</source>
        <translation>Dupont^J* (jokers * ?)</translation>
    </message>
    <message>
        <source>*cine* (wildcards)</source>
        <translation>*cine* (jokers)</translation>
    </message>
    <message>
        <source>Patient name</source>
        <translation>Nom du patient</translation>
    </message>
    <message>
        <source>Patient ID</source>
        <translation>ID du patient</translation>
    </message>
    <message>
        <source>Birth date</source>
        <translation>Date de naissance</translation>
    </message>
    <message>
        <source>Study date from</source>
        <translation>Date d’examen du</translation>
    </message>
    <message>
        <source>to</source>
        <translation>au</translation>
    </message>
    <message>
        <source>Modality</source>
        <translation>Modalité</translation>
    </message>
    <message>
        <source>Accession number</source>
        <translation>Numéro d’accession</translation>
    </message>
    <message>
        <source>Study description</source>
        <translation>Description de l’examen</translation>
    </message>
    <message>
        <source>&amp;Search</source>
        <translation>&amp;Rechercher</translation>
    </message>
    <message>
        <source>S&amp;top</source>
        <translation>&amp;Arrêter</translation>
    </message>
    <message>
        <source>Patient</source>
        <translation>Patient</translation>
    </message>
    <message>
        <source>Study date</source>
        <translation>Date d’examen</translation>
    </message>
    <message>
        <source>Description</source>
        <translation>Libellé</translation>
    </message>
    <message>
        <source>Modalities</source>
        <translation>Modalités</translation>
    </message>
    <message>
        <source>Series</source>
        <translation>Séries</translation>
    </message>
    <message>
        <source>Images</source>
        <translation>Images</translation>
    </message>
    <message>
        <source>&amp;Retrieve and Open</source>
        <translation>&amp;Récupérer et ouvrir</translation>
    </message>
    <message>
        <source>The selected study, or its selected series; it opens as soon as its largest series has arrived. A retrieval that stopped resumes where it was.</source>
        <translation>L’examen choisi, ou ses séries choisies ; il s’ouvre dès que sa plus grande série est arrivée. Une récupération interrompue reprend là où elle en était.</translation>
    </message>
    <message>
        <source>On the PACS</source>
        <translation>Sur le PACS</translation>
    </message>
    <message>
        <source>Size (MB)</source>
        <translation>Taille (Mo)</translation>
    </message>
    <message>
        <source>Complete</source>
        <translation>Complet</translation>
    </message>
    <message>
        <source>Results sent</source>
        <translation>Résultats envoyés</translation>
    </message>
    <message>
        <source>From</source>
        <translation>Provenance</translation>
    </message>
    <message>
        <source>&amp;Open</source>
        <translation>&amp;Ouvrir</translation>
    </message>
    <message>
        <source>Re&amp;move from This Computer</source>
        <translation>Re&amp;tirer de cet ordinateur</translation>
    </message>
    <message>
        <source> GiB</source>
        <translation> Gio</translation>
    </message>
    <message>
        <source>Keep at most</source>
        <translation>Garder au plus</translation>
    </message>
    <message>
        <source>The oldest studies go first when the limit is passed; a study with corrections not yet sent to the PACS is never removed.</source>
        <translation>Les examens les plus anciens partent d’abord quand la limite est dépassée ; un examen dont les corrections n’ont pas été envoyées au PACS n’est jamais retiré.</translation>
    </message>
    <message>
        <source>On This Computer</source>
        <translation>Sur cet ordinateur</translation>
    </message>
    <message numerus="yes">
        <source>%n study(ies) found</source>
        <translation>
            <numerusform>%n examen trouvé</numerusform>
            <numerusform>%n examens trouvés</numerusform>
        </translation>
    </message>
    <message>
        <source>Retrieving: %1 of %2 images</source>
        <translation>Récupération : %1 images sur %2</translation>
    </message>
    <message>
        <source>Retrieved</source>
        <translation>Récupéré</translation>
    </message>
    <message>
        <source>Retrieval: %1</source>
        <translation>Récupération : %1</translation>
    </message>
    <message>
        <source>No PACS configured yet: add one with Nodes…</source>
        <translation>Aucun PACS configuré : ajoutez-en un avec Nœuds…</translation>
    </message>
    <message>
        <source>Searching…</source>
        <translation>Recherche…</translation>
    </message>
    <message numerus="yes">
        <source>%n study(ies) found so far…</source>
        <translation>
            <numerusform>%n examen trouvé pour l’instant…</numerusform>
            <numerusform>%n examens trouvés pour l’instant…</numerusform>
        </translation>
    </message>
    <message>
        <source>Series %1</source>
        <translation>Série %1</translation>
    </message>
    <message>
        <source>Retrieving…</source>
        <translation>Récupération…</translation>
    </message>
    <message>
        <source>yes</source>
        <translation>oui</translation>
    </message>
    <message>
        <source>partly</source>
        <translation>en partie</translation>
    </message>
    <message>
        <source>no</source>
        <translation>non</translation>
    </message>
</context>
<context>
    <name>cardioseg::ui::StudyPresenter</name>
    <message>
        <source>%1: no such file or folder</source>
        <translation>%1 : fichier ou dossier introuvable</translation>
    </message>
    <message>
        <source>Loading %1…</source>
        <translation>Chargement de %1…</translation>
    </message>
    <message>
        <source>Loading %1</source>
        <translation>Chargement de %1</translation>
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
        <source>The study&apos;s folder is not writable; corrections are saved under %1</source>
        <translation>Le dossier de l’examen n’est pas accessible en écriture ; les corrections sont enregistrées dans %1</translation>
    </message>
    <message numerus="yes">
        <source>Loaded %n series</source>
        <translation>
            <numerusform>%n série chargée</numerusform>
            <numerusform>%n séries chargées</numerusform>
        </translation>
    </message>
    <message>
        <source>Saving corrections</source>
        <translation>Enregistrement des corrections</translation>
    </message>
    <message>
        <source>Corrections NOT saved: %1</source>
        <translation>Corrections NON enregistrées : %1</translation>
    </message>
    <message>
        <source>Exporting to %1…</source>
        <translation>Export vers %1…</translation>
    </message>
    <message>
        <source>Exporting to %1</source>
        <translation>Export vers %1</translation>
    </message>
    <message>
        <source>cancelled</source>
        <translation>annulé</translation>
    </message>
    <message numerus="yes">
        <source>Exported %n file(s)</source>
        <translation>
            <numerusform>%n fichier exporté</numerusform>
            <numerusform>%n fichiers exportés</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>the DICOM SEG left out or repaired %n invalid value(s) of the source images (listed in the log)</source>
        <translation>
            <numerusform>le DICOM SEG a omis ou réparé %n valeur invalide des images sources (détail dans le journal)</numerusform>
            <numerusform>le DICOM SEG a omis ou réparé %n valeurs invalides des images sources (détail dans le journal)</numerusform>
        </translation>
    </message>
    <message>
        <source>Export failed: %1</source>
        <translation>L’export a échoué : %1</translation>
    </message>
    <message>
        <source>Export</source>
        <translation>Exporter</translation>
    </message>
    <message>
        <source>Read-only: another CardioSeg is editing this study (%1). Close it there to edit here.</source>
        <translation>Lecture seule : un autre CardioSeg modifie cet examen (%1). Fermez-le là-bas pour le modifier ici.</translation>
    </message>
    <message>
        <source>Study lock taken over</source>
        <translation>Verrou de l’examen repris</translation>
    </message>
    <message>
        <source>This study was locked by a CardioSeg that is no longer running (%1). Its saved corrections are loaded; this workstation edits the study now.</source>
        <translation>Cet examen était verrouillé par un CardioSeg qui ne tourne plus (%1). Ses corrections enregistrées sont chargées ; ce poste modifie désormais l’examen.</translation>
    </message>
    <message>
        <source>Study not locked</source>
        <translation>Examen non verrouillé</translation>
    </message>
    <message>
        <source>No lock could be taken for this study (%1): another workstation could edit it at the same time.</source>
        <translation>Aucun verrou n’a pu être pris pour cet examen (%1) : un autre poste pourrait le modifier en même temps.</translation>
    </message>
    <message>
        <source>This study&apos;s lock file was removed or replaced: another workstation may edit it too</source>
        <translation>Le fichier de verrou de cet examen a été supprimé ou remplacé : un autre poste peut aussi le modifier</translation>
    </message>
</context>
<context>
    <name>cardioseg::ui::SurfaceDialog</name>
    <message>
        <source>Left ventricle in 3-D</source>
        <translation>Ventricule gauche en 3-D</translation>
    </message>
    <message>
        <source>Reviewed labels</source>
        <translation>Étiquettes revues</translation>
    </message>
    <message>
        <source>Model&apos;s labels</source>
        <translation>Étiquettes du modèle</translation>
    </message>
    <message>
        <source>Blood pool</source>
        <translation>Cavité VG</translation>
    </message>
    <message>
        <source>Epicardium</source>
        <translation>Épicarde</translation>
    </message>
    <message>
        <source>Export mesh…</source>
        <translation>Exporter le maillage…</translation>
    </message>
    <message>
        <source>Play</source>
        <translation>Lecture</translation>
    </message>
    <message>
        <source>Pause</source>
        <translation>Pause</translation>
    </message>
    <message>
        <source>Export mesh</source>
        <translation>Exporter le maillage</translation>
    </message>
    <message>
        <source>STL (*.stl);;VTK XML (*.vtp);;Wavefront OBJ (*.obj)</source>
        <translation>STL (*.stl);;VTK XML (*.vtp);;Wavefront OBJ (*.obj)</translation>
    </message>
    <message>
        <source>Computing surfaces…</source>
        <translation>Calcul des surfaces…</translation>
    </message>
    <message>
        <source>Phase %1 / %2 · blood pool %3 mL (surface)</source>
        <translation>Phase %1 / %2 · cavité VG %3 mL (surface)</translation>
    </message>
    <message>
        <source>No series</source>
        <translation>Aucune série</translation>
    </message>
    <message>
        <source>Computing the 3-D surfaces</source>
        <translation>Calcul des surfaces 3-D</translation>
    </message>
</context>
<context>
    <name>cardioseg::ui::SurfaceView</name>
    <message>
        <source>No surface to show</source>
        <translation>Aucune surface à afficher</translation>
    </message>
    <message>
        <source>Drag to rotate, wheel to zoom, double-click to reset</source>
        <translation>Glisser pour tourner, molette pour zoomer, double-clic pour réinitialiser</translation>
    </message>
</context>
<context>
    <name>cardioseg::ui::ViewerPresenter</name>
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
    <message>
        <source>Study of %1</source>
        <translation>Examen du %1</translation>
    </message>
    <message>
        <source>%1 × %2 px, %3 × %4 mm</source>
        <translation>%1 × %2 px, %3 × %4 mm</translation>
    </message>
    <message>
        <source>slice spacing %1 mm</source>
        <translation>espacement des coupes %1 mm</translation>
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
            <numerusform>%n avec contours experts</numerusform>
            <numerusform>%n avec contours experts</numerusform>
        </translation>
    </message>
    <message>
        <source>Pause</source>
        <translation>Pause</translation>
    </message>
    <message>
        <source>Play</source>
        <translation>Lecture</translation>
    </message>
    <message>
        <source>End-diastole and end-systole are not known yet</source>
        <translation>La télédiastole et la télésystole ne sont pas encore connues</translation>
    </message>
    <message>
        <source>Every image at end-diastole and end-systole is reviewed</source>
        <translation>Toutes les images en télédiastole et télésystole sont revues</translation>
    </message>
    <message>
        <source>Every image of this series is reviewed</source>
        <translation>Toutes les images de cette série sont revues</translation>
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
        <source>Image %1</source>
        <translation>Image %1</translation>
    </message>
    <message numerus="yes">
        <source>%n corrected</source>
        <translation>
            <numerusform>%n corrigée</numerusform>
            <numerusform>%n corrigées</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n confirmed</source>
        <translation>
            <numerusform>%n confirmée</numerusform>
            <numerusform>%n confirmées</numerusform>
        </translation>
    </message>
    <message>
        <source>✓ Confirmed</source>
        <translation>✓ Confirmée</translation>
    </message>
    <message>
        <source>Corrected</source>
        <translation>Corrigée</translation>
    </message>
    <message>
        <source>Not reviewed</source>
        <translation>Non revue</translation>
    </message>
    <message>
        <source> · ED</source>
        <translation> · TD</translation>
    </message>
    <message>
        <source> · ES</source>
        <translation> · TS</translation>
    </message>
    <message>
        <source> · outside the left ventricle</source>
        <translation> · hors du ventricule gauche</translation>
    </message>
</context>
</TS>
