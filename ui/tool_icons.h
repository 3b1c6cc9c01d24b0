#pragma once

#include <QIcon>
#include <QString>

namespace cardioseg::ui {

/// Icons of the editing tools, drawn in code so that they stay crisp at any scale and need no
/// image files: "navigate", "brush", "eraser", "polygon", "fill", "contour". A null icon for
/// other names.
QIcon toolIcon(const QString& name);

/// CardioSeg's own icon (resources/icons), every size it ships: the windows' and the About box's.
QIcon applicationIcon();

}  // namespace cardioseg::ui
