#pragma once

#include <QString>

#include <array>
#include <optional>

namespace genius::ui {

/// The views of the main window, in navigation order.
enum class ViewId { Chat, Documents, Research, Summarize, Generate, DataManager, Settings };

/// Every view, in navigation order (the order of the list and of Ctrl+1..Ctrl+7).
const std::array<ViewId, 7>& allViews();

/// The position of a view in the navigation, 0 to 6.
int viewIndex(ViewId view);

/// The command-line spelling used by `genius --view`: chat, documents, research,
/// summarize, generate, datamanager, settings.
QString viewName(ViewId view);

/// Parses the command-line spelling (case-insensitive, surrounding blanks ignored);
/// anything else gives no value.
std::optional<ViewId> parseViewId(const QString& name);

/// Every command-line spelling, comma-separated, for help and error texts.
QString viewNameList();

/// The translated title shown in the navigation and as the page heading.
QString viewTitle(ViewId view);

} // namespace genius::ui
