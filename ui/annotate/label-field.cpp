#include "ui/annotate/label-field.h"

#include <QLabel>
#include <QStyle>
#include <QVBoxLayout>

namespace srllm::ui {

LabelField::LabelField(const nlohmann::json& field, QWidget* parent)
    : QFrame(parent), m_key(QString::fromStdString(field.value("key", std::string()))),
      m_title(new QLabel(this)), m_body(new QVBoxLayout) {
    for (const auto& value : field.value("values", nlohmann::json::array()))
        if (value.is_string()) m_values << QString::fromStdString(value.get<std::string>());
    setObjectName(QStringLiteral("labelField"));
    setFocusPolicy(Qt::NoFocus);
    // Taxonomy labels are data, not UI text: they are shown as written in the taxonomy JSON.
    m_title->setText(QStringLiteral("<b>%1</b>").arg(QString::fromStdString(field.value("label", field.value("key", std::string()))).toHtmlEscaped()));
    auto* layout = new QVBoxLayout(this);
    layout->setContentsMargins(10, 6, 8, 6);
    layout->setSpacing(2);
    layout->addWidget(m_title);
    layout->addLayout(m_body);
    setActive(false, false);
}

void LabelField::setActive(bool active, bool formFocused) {
    setProperty("active", active ? (formFocused ? "focus" : "yes") : "no");
    style()->unpolish(this);
    style()->polish(this);
}

void LabelField::mousePressEvent(QMouseEvent* event) {
    emit clicked(this);
    QFrame::mousePressEvent(event);
}

QString LabelField::numbered(int n, const QString& value) {
    return n <= 9 ? QStringLiteral("%1   %2").arg(n).arg(value) : QStringLiteral("     %1").arg(value);
}

}  // namespace srllm::ui
