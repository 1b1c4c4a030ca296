#pragma once
// Suggestions for the item on screen (db/suggestions.h), one box per source: suggested labels, candidate
// biased words and a suggested rewrite, each with a button that copies it into the annotator's own
// annotation (an ordinary undoable edit). Nothing here is ever saved as the annotator's labels by itself.
// Hidden when the item has no suggestions. Threading: GUI thread only.
#include <vector>

#include <QWidget>
#include <nlohmann/json.hpp>

#include "db/suggestions.h"

class QVBoxLayout;

namespace srllm::ui {

class SuggestionPanel : public QWidget {
    Q_OBJECT
public:
    explicit SuggestionPanel(QWidget* parent = nullptr);

    void setSuggestions(const std::vector<db::SuggestionRow>& suggestions);
    const std::vector<db::SuggestionRow>& suggestions() const { return m_suggestions; }

signals:
    void useLabels(const nlohmann::json& labels);
    void useSpans(const std::vector<srllm::core::Span>& spans);
    void useRewrite(const QString& rewrite);

private:
    QWidget* sourceBox(const db::SuggestionRow& row);

    std::vector<db::SuggestionRow> m_suggestions;
    QVBoxLayout* m_layout;
};

}  // namespace srllm::ui
