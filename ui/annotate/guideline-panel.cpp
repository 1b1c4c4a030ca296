#include "ui/annotate/guideline-panel.h"

namespace srllm::ui {

namespace {
QString str(const nlohmann::json& object, const char* key) {
    const auto it = object.find(key);
    return it != object.end() && it->is_string() ? QString::fromStdString(it->get<std::string>()).toHtmlEscaped()
                                                 : QString();
}
}  // namespace

GuidelinePanel::GuidelinePanel(QWidget* parent) : QTextBrowser(parent) {
    setOpenLinks(false);
    setFocusPolicy(Qt::NoFocus);
}

void GuidelinePanel::setTaxonomy(const nlohmann::json& taxonomy) {
    m_taxonomy = taxonomy;
    render();
}

void GuidelinePanel::showField(const QString& key) {
    if (key == m_activeKey) return;
    m_activeKey = key;
    render();
    scrollToAnchor(key);
}

void GuidelinePanel::render() {
    // Taxonomy text is project data written by its author, shown as is (not translated).
    QString html = QStringLiteral("<h3>%1</h3>").arg(str(m_taxonomy, "name"));
    const auto section = [&](const nlohmann::json& field, const QString& extra) {
        const QString key = str(field, "key");
        const bool active = !key.isEmpty() && key == m_activeKey.toHtmlEscaped();
        html += QStringLiteral("<a name=\"%1\"></a><table width=\"100%\" cellpadding=\"6\" style=\"margin-bottom:8px\">"
                               "<tr><td style=\"background:%2\"><b>%3</b><br>%4%5</td></tr></table>")
                    .arg(key, active ? QStringLiteral("#eef4fd") : QStringLiteral("transparent"), str(field, "label"),
                         str(field, "definition"), extra);
    };
    for (const auto& field : m_taxonomy.value("fields", nlohmann::json::array())) {
        if (!field.is_object()) continue;
        QStringList values;
        for (const auto& v : field.value("values", nlohmann::json::array()))
            if (v.is_string()) values << QString::fromStdString(v.get<std::string>()).toHtmlEscaped();
        QString extra = QStringLiteral("<br><i>%1</i> %2").arg(tr("Values:"), values.join(QStringLiteral(" · ")));
        const auto examples = field.value("examples", nlohmann::json::array());
        if (!examples.empty()) {
            extra += QStringLiteral("<br><i>%1</i><ul style=\"margin-top:0\">").arg(tr("Examples:"));
            for (const auto& example : examples)
                if (example.is_object())
                    extra += QStringLiteral("<li>“%1” → <b>%2</b></li>").arg(str(example, "text"), str(example, "value"));
            extra += QStringLiteral("</ul>");
        }
        section(field, extra);
    }
    for (const char* part : {"spans", "rewrite"})
        if (m_taxonomy.contains(part) && m_taxonomy.at(part).is_object()) section(m_taxonomy.at(part), QString());
    setHtml(html);
}

}  // namespace srllm::ui
