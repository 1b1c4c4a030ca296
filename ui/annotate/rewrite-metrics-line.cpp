#include "ui/annotate/rewrite-metrics-line.h"

#include <cmath>

#include "core/eval/risk-scorer.h"
#include "core/text/chrf.h"
#include "ui/annotate/code-point-offsets.h"
#include "ui/annotate/readability-grade.h"

namespace srllm::ui {

namespace {

QString scoreText(const std::optional<double>& value) {
    return value ? QString::number(*value, 'f', 1) : QStringLiteral("—");
}

}  // namespace

RewriteMetricsLine::RewriteMetricsLine(QWidget* parent) : QLabel(parent) {
    setObjectName(QStringLiteral("rewriteMetrics"));
    setTextInteractionFlags(Qt::TextSelectableByMouse);
    setToolTip(tr("chrF: character n-gram F-score of the rewrite against the original (0–100, higher keeps more of "
                  "it). Length: rewrite length / original length in characters. Grade: Flesch-Kincaid grade level "
                  "of the rewrite (syllables from the CMU Pronouncing Dictionary). Toxicity: the project's risk scorer's "
                  "probability that the rewrite is toxic (0–1), when the project has a scorer."));
    auto& readability = ReadabilityGrade::instance();
    connect(&readability, &ReadabilityGrade::loaded, this, [this] { update(m_original, m_rewrite); });
}

void RewriteMetricsLine::update(const QString& original, const QString& rewrite) {
    m_original = original;
    m_rewrite = rewrite;
    if (rewrite.isEmpty() || original.isEmpty()) {
        clear();
        return;
    }
    const std::string hypothesis = rewrite.toStdString();
    const double chrf = core::chrf(hypothesis, original.toStdString());
    const double ratio = double(codePointLength(rewrite)) / double(codePointLength(original));
    QStringList parts = {tr("chrF %1").arg(chrf, 0, 'f', 1), tr("length %1×").arg(ratio, 0, 'f', 2)};
    const auto& readability = ReadabilityGrade::instance();
    if (readability.ready()) parts << tr("grade %1").arg(scoreText(readability.grade(hypothesis)));
    else if (!readability.error().isEmpty()) parts << tr("grade unavailable: %1").arg(readability.error());
    if (m_scorer) {
        const double toxicity = m_scorer->score(hypothesis).probability[0];
        if (!std::isnan(toxicity)) parts << tr("toxicity %1").arg(toxicity, 0, 'f', 2);
    }
    setText(parts.join(QStringLiteral("  ·  ")));
}

}  // namespace srllm::ui
