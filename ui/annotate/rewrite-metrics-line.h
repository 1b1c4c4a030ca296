#pragma once
// The live figures under the rewrite, recomputed as the annotator types: chrF against the original
// (core/text/chrf), the length ratio in code points and the Flesch-Kincaid grade (ReadabilityGrade, once
// its dictionary has loaded) and, when the project has a scorer, the scorer's toxicity of the rewrite
// (~30 us a text, so on this thread). Threading: GUI thread only.
#include <memory>

#include <QLabel>

namespace srllm::core {
class RiskScorer;
}

namespace srllm::ui {

class RewriteMetricsLine : public QLabel {
    Q_OBJECT
public:
    explicit RewriteMetricsLine(QWidget* parent = nullptr);

    // Shows the figures of `rewrite` against `original` (nothing for an empty rewrite).
    void update(const QString& original, const QString& rewrite);
    // The scorer whose toxicity is shown, or null for none; takes effect at the next update().
    void setScorer(std::shared_ptr<const core::RiskScorer> scorer) { m_scorer = std::move(scorer); }

private:
    std::shared_ptr<const core::RiskScorer> m_scorer;
    QString m_original, m_rewrite;  // shown now; shown again when the readability dictionary arrives
};

}  // namespace srllm::ui
