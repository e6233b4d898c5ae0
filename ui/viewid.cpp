#include "ui/viewid.h"

#include <QCoreApplication>
#include <QStringList>

namespace genius::ui {

const std::array<ViewId, 7>& allViews()
{
    static constexpr std::array<ViewId, 7> views = {
        ViewId::Chat,     ViewId::Documents,   ViewId::Research, ViewId::Summarize,
        ViewId::Generate, ViewId::DataManager, ViewId::Settings,
    };
    return views;
}

int viewIndex(ViewId view)
{
    return static_cast<int>(view);
}

QString viewName(ViewId view)
{
    switch (view) {
    case ViewId::Chat: return QStringLiteral("chat");
    case ViewId::Documents: return QStringLiteral("documents");
    case ViewId::Research: return QStringLiteral("research");
    case ViewId::Summarize: return QStringLiteral("summarize");
    case ViewId::Generate: return QStringLiteral("generate");
    case ViewId::DataManager: return QStringLiteral("datamanager");
    case ViewId::Settings: return QStringLiteral("settings");
    }
    return QString();
}

std::optional<ViewId> parseViewId(const QString& name)
{
    const QString wanted = name.trimmed().toLower();
    for (const ViewId view : allViews()) {
        if (viewName(view) == wanted)
            return view;
    }
    return std::nullopt;
}

QString viewNameList()
{
    QStringList names;
    for (const ViewId view : allViews())
        names << viewName(view);
    return names.join(QStringLiteral(", "));
}

QString viewTitle(ViewId view)
{
    switch (view) {
    case ViewId::Chat: return QCoreApplication::translate("genius::ui::ViewId", "Chat");
    case ViewId::Documents: return QCoreApplication::translate("genius::ui::ViewId", "Documents");
    case ViewId::Research: return QCoreApplication::translate("genius::ui::ViewId", "Research");
    case ViewId::Summarize: return QCoreApplication::translate("genius::ui::ViewId", "Summary");
    case ViewId::Generate: return QCoreApplication::translate("genius::ui::ViewId", "Text generation");
    case ViewId::DataManager: return QCoreApplication::translate("genius::ui::ViewId", "Data management");
    case ViewId::Settings: return QCoreApplication::translate("genius::ui::ViewId", "Settings");
    }
    return QString();
}

} // namespace genius::ui
