#include "ui/main/placeholder-page.h"

#include <QLabel>
#include <QVBoxLayout>

namespace srllm::ui {

PlaceholderPage::PlaceholderPage(const QString& title, const QString& message, QWidget* parent) : QWidget(parent) {
    auto* heading = new QLabel(QStringLiteral("<h2>%1</h2>").arg(title.toHtmlEscaped()), this);
    auto* text = new QLabel(message, this);
    text->setWordWrap(true);
    text->setStyleSheet(QStringLiteral("color: palette(mid); font-size: 11pt;"));
    for (QLabel* label : {heading, text}) label->setAlignment(Qt::AlignCenter);
    auto* layout = new QVBoxLayout(this);
    layout->addStretch(1);
    layout->addWidget(heading);
    layout->addWidget(text);
    layout->addStretch(2);
}

}  // namespace srllm::ui
