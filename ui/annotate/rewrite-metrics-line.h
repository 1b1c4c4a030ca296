#pragma once
// The live figures under the rewrite, recomputed as the annotator types: chrF against the original
// (core/text/chrf), the length ratio in code points and the Flesch-Kincaid grade (ReadabilityGrade, once
// its dictionary has loaded). Threading: GUI thread only.
#include <QLabel>

namespace srllm::ui {

class RewriteMetricsLine : public QLabel {
    Q_OBJECT
public:
    explicit RewriteMetricsLine(QWidget* parent = nullptr);

    // Shows the figures of `rewrite` against `original` (nothing for an empty rewrite).
    void update(const QString& original, const QString& rewrite);

private:
    QString m_original, m_rewrite;  // shown now; shown again when the readability dictionary arrives
};

}  // namespace srllm::ui
