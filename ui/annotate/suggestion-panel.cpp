#include "ui/annotate/suggestion-panel.h"

#include <QGroupBox>
#include <QHBoxLayout>
#include <QLabel>
#include <QPushButton>
#include <QVBoxLayout>

namespace srllm::ui {

namespace {

QString labelsText(const nlohmann::json& labels) {
    QStringList parts;
    for (const auto& [key, value] : labels.items()) {
        QString v;
        if (value.is_string()) v = QString::fromStdString(value.get<std::string>());
        else for (const auto& x : value) v += (v.isEmpty() ? "" : ", ") + QString::fromStdString(x.get<std::string>());
        parts << QStringLiteral("%1: %2").arg(QString::fromStdString(key), v);
    }
    return parts.join(QStringLiteral("; "));
}

QPushButton* useButton(const QString& text, QWidget* parent) {
    auto* button = new QPushButton(text, parent);
    button->setFocusPolicy(Qt::NoFocus);  // the keyboard stays with the label form
    return button;
}

QHBoxLayout* row(QLabel* label, QPushButton* button) {
    auto* layout = new QHBoxLayout;
    label->setWordWrap(true);
    layout->addWidget(label, 1);
    layout->addWidget(button, 0, Qt::AlignTop);
    return layout;
}

}  // namespace

SuggestionPanel::SuggestionPanel(QWidget* parent) : QWidget(parent), m_layout(new QVBoxLayout(this)) {
    m_layout->setContentsMargins(0, 0, 0, 0);
    hide();
}

void SuggestionPanel::setSuggestions(const std::vector<db::SuggestionRow>& suggestions) {
    m_suggestions = suggestions;
    while (QLayoutItem* item = m_layout->takeAt(0)) {
        delete item->widget();
        delete item;
    }
    for (const auto& s : m_suggestions) m_layout->addWidget(sourceBox(s));
    setVisible(!m_suggestions.empty());
}

QWidget* SuggestionPanel::sourceBox(const db::SuggestionRow& s) {
    // A scorer's source is its 64-digit content hash: the first twelve name it on screen.
    const QString source = QString::fromStdString(s.source);
    const QString scorerPrefix = QStringLiteral("scorer:");
    const QString shown = source.startsWith(scorerPrefix)
                              ? tr("the risk scorer %1…").arg(source.mid(scorerPrefix.size(), 12))
                              : source;
    auto* box = new QGroupBox(tr("Suggested by %1").arg(shown), this);
    box->setToolTip(tr("A suggestion, not your label: it counts only once you use it or choose the same."));
    box->setStyleSheet(QStringLiteral("QGroupBox { color: #3c6ec8; }"));
    auto* layout = new QVBoxLayout(box);
    const core::Suggestion& suggestion = s.suggestion;
    if (!suggestion.labels.empty()) {
        auto* use = useButton(tr("Use labels"), box);
        connect(use, &QPushButton::clicked, this, [this, labels = suggestion.labels] { emit useLabels(labels); });
        layout->addLayout(row(new QLabel(labelsText(suggestion.labels), box), use));
    }
    if (!suggestion.spans.empty()) {
        auto* use = useButton(tr("Mark them"), box);
        connect(use, &QPushButton::clicked, this, [this, spans = suggestion.spans] { emit useSpans(spans); });
        layout->addLayout(row(new QLabel(tr("%n candidate biased word(s), underlined with dots in the text", "",
                                            int(suggestion.spans.size())), box), use));
    }
    if (suggestion.rewrite) {
        const QString rewrite = QString::fromStdString(*suggestion.rewrite);
        auto* use = useButton(tr("Use rewrite"), box);
        connect(use, &QPushButton::clicked, this, [this, rewrite] { emit useRewrite(rewrite); });
        layout->addLayout(row(new QLabel(tr("Rewrite: %1").arg(rewrite), box), use));
    }
    return box;
}

}  // namespace srllm::ui
