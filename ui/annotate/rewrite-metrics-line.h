#pragma once
// The live figures under the rewrite, recomputed as the annotator types: chrF against the original
// (core/text/chrf), the length ratio in code points, and, when the evaluation engine provides them, the
// readability grade and the scorer's toxicity (installed through setReadability / setToxicity; without
// them the line says so instead of guessing). Threading: GUI thread only.
#include <functional>
#include <optional>
#include <string>

#include <QLabel>

namespace srllm::ui {

class RewriteMetricsLine : public QLabel {
    Q_OBJECT
public:
    // A score of a text, or nullopt when it has none (no words).
    using TextScore = std::function<std::optional<double>(const std::string& text)>;

    explicit RewriteMetricsLine(QWidget* parent = nullptr);

    void setReadability(TextScore grade) { m_readability = std::move(grade); }
    void setToxicity(TextScore probability) { m_toxicity = std::move(probability); }
    // Shows the figures of `rewrite` against `original` (nothing for an empty rewrite).
    void update(const QString& original, const QString& rewrite);

private:
    TextScore m_readability;
    TextScore m_toxicity;
};

}  // namespace srllm::ui
