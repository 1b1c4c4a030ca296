#include "ui/train/job-estimate-text.h"

#include <QCoreApplication>
#include <QLocale>

#include "core/job/base-model-check.h"
#include "core/job/job-estimate.h"
#include "db/job-create.h"
#include "ui/train/train-format.h"

namespace srllm::ui {

namespace {

QString qs(const std::string& text) { return QString::fromStdString(text); }
QString ok(const QString& text) { return QStringLiteral("<span style=\"color:#1a7f37\">✓</span> ") + text.toHtmlEscaped(); }
QString bad(const QString& text) { return QStringLiteral("<span style=\"color:#b00020\">✗ %1</span>").arg(text.toHtmlEscaped()); }
QString count(int64_t n) { return QLocale().toString(static_cast<qlonglong>(n)); }

}  // namespace

QString modelCheckHtml(const core::BaseModelCheck& check) {
    QStringList lines;
    if (check.config) {
        const core::ModelConfig& c = *check.config;
        lines << ok(QCoreApplication::translate("JobEstimateText", "config.json: %1, %2 layers, hidden size %3, vocabulary %4")
                        .arg(qs(c.architecture))
                        .arg(c.numLayers)
                        .arg(c.hiddenSize)
                        .arg(c.vocabSize));
    }
    if (!check.weightFiles.empty())
        lines << ok(QCoreApplication::translate("JobEstimateText", "weights: %n file(s), %1", nullptr, int(check.weightFiles.size()))
                        .arg(formatBytes(double(check.weightBytes))));
    if (!check.tokenizerFiles.empty()) {
        QStringList names;
        for (const auto& file : check.tokenizerFiles) names << qs(file.filename().string());
        lines << ok(QCoreApplication::translate("JobEstimateText", "tokenizer: %1").arg(names.join(QStringLiteral(", "))));
    }
    for (const core::Diagnostic& problem : check.problems) lines << bad(qs(core::formatDiagnostic(problem)));
    return lines.join(QStringLiteral("<br>"));
}

QString estimateHtml(const core::JobEstimate& e) {
    return QCoreApplication::translate(
               "JobEstimateText",
               "<b>Estimate:</b> %1 steps; about <b>%2</b> of memory (weights %3, optimizer %4, activations %5) and "
               "<b>%6</b>; %7 of %8 parameters trained.<br><small>Assumes %9. The charts show the real figures once "
               "it runs.</small>")
        .arg(count(e.steps), formatBytes(double(e.memoryBytes)), formatBytes(double(e.weightBytes)),
             formatBytes(double(e.optimizerBytes)), formatBytes(double(e.activationBytes)), formatDuration(e.seconds),
             count(e.trainableParams), count(e.totalParams), qs(e.assumption).toHtmlEscaped());
}

QString previewSummary(const db::JobPreview& c) {
    QString text = QCoreApplication::translate("JobEstimateText",
                                               "%1 training and %2 validation records (%3 gold rewrites, %4 "
                                               "reference rewrites); %5 test items kept out.")
                       .arg(c.data.train.size())
                       .arg(c.data.val.size())
                       .arg(c.data.fromGold)
                       .arg(c.data.fromReference)
                       .arg(c.data.testItems);
    if (!c.truncated.empty())
        text += QLatin1Char(' ') + QCoreApplication::translate("JobEstimateText", "%n record(s) cut to the max length.", nullptr,
                                                               int(c.truncated.size()));
    if (!c.skipped.empty())
        text += QLatin1Char(' ') + QCoreApplication::translate("JobEstimateText",
                                                               "%n record(s) skipped: the prompt alone fills the max length.",
                                                               nullptr, int(c.skipped.size()));
    return text;
}

}  // namespace srllm::ui
