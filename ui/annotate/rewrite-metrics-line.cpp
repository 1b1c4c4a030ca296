#include "ui/annotate/rewrite-metrics-line.h"

#include "core/text/chrf.h"
#include "ui/annotate/code-point-offsets.h"

namespace srllm::ui {

namespace {

QString scoreText(const RewriteMetricsLine::TextScore& score, const std::string& text, int decimals) {
    const auto value = score(text);
    return value ? QString::number(*value, 'f', decimals) : QStringLiteral("—");
}

}  // namespace

RewriteMetricsLine::RewriteMetricsLine(QWidget* parent) : QLabel(parent) {
    setObjectName(QStringLiteral("rewriteMetrics"));
    setTextInteractionFlags(Qt::TextSelectableByMouse);
    setToolTip(tr("chrF: character n-gram F-score of the rewrite against the original (0–100, higher keeps more of "
                  "it). Length: rewrite length / original length in characters."));
}

void RewriteMetricsLine::update(const QString& original, const QString& rewrite) {
    if (rewrite.isEmpty() || original.isEmpty()) {
        clear();
        return;
    }
    const std::string hypothesis = rewrite.toStdString();
    const double chrf = core::chrf(hypothesis, original.toStdString());
    const double ratio = double(codePointLength(rewrite)) / double(codePointLength(original));
    QStringList parts = {tr("chrF %1").arg(chrf, 0, 'f', 1), tr("length %1×").arg(ratio, 0, 'f', 2)};
    parts << (m_readability ? tr("grade %1").arg(scoreText(m_readability, hypothesis, 1))
                            : tr("grade: needs the evaluation engine"));
    if (m_toxicity) parts << tr("toxicity %1").arg(scoreText(m_toxicity, hypothesis, 2));
    setText(parts.join(QStringLiteral("  ·  ")));
}

}  // namespace srllm::ui
