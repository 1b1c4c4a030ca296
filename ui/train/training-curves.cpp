#include "ui/train/training-curves.h"

#include <algorithm>

#include <QFile>

#include "ui/worker/json-lines-reader.h"

namespace srllm::ui {

namespace {

std::optional<double> number(const nlohmann::json& event, const char* key) {
    const auto it = event.find(key);
    if (it == event.end() || !it->is_number()) return std::nullopt;
    return it->get<double>();
}

}  // namespace

bool TrainingCurves::add(const nlohmann::json& event) {
    const auto kind = event.find("event");
    if (kind == event.end() || !kind->is_string()) return false;
    const std::string& name = kind->get_ref<const std::string&>();
    if (name == "start") {
        const double from = number(event, "resumed_from_step").value_or(0);
        if (from > 0) ++m_progress.resumes;
        truncateAfter(from);
        m_progress.step = static_cast<int64_t>(from);
        m_progress.totalSteps = static_cast<int64_t>(number(event, "total_steps").value_or(0));
        m_progress.etaSeconds.reset();
        return true;
    }
    const std::optional<double> step = number(event, "step");
    if (!step) return false;
    if (name == "step") {
        append(Curve::LossTrain, *step, event, "loss_train");
        append(Curve::LearningRate, *step, event, "learning_rate");
        append(Curve::TokensPerSecond, *step, event, "tokens_per_second");
        append(Curve::EtaSeconds, *step, event, "eta_seconds");
        append(Curve::MemoryBytes, *step, event, "memory_bytes");
        m_progress.step = static_cast<int64_t>(*step);
        m_progress.totalSteps = static_cast<int64_t>(number(event, "total_steps").value_or(double(m_progress.totalSteps)));
        m_progress.epoch = number(event, "epoch").value_or(m_progress.epoch);
        m_progress.etaSeconds = number(event, "eta_seconds");
        m_progress.tokensPerSecond = number(event, "tokens_per_second");
        m_progress.memoryBytes = number(event, "memory_bytes");
        m_progress.memoryPeakBytes = std::max(m_progress.memoryPeakBytes, m_progress.memoryBytes.value_or(0));
        return true;
    }
    if (name == "eval") {
        append(Curve::LossEval, *step, event, "loss_eval");
        return true;
    }
    return false;
}

bool TrainingCurves::isEmpty() const {
    return std::all_of(m_series.begin(), m_series.end(), [](const Series& s) { return s.steps.isEmpty(); });
}

TrainingCurves TrainingCurves::fromLog(const QString& logPath, QStringList* problems) {
    TrainingCurves curves;
    QFile file(logPath);
    if (!file.open(QIODevice::ReadOnly)) return curves;
    JsonLinesReader reader;
    auto take = [&](const JsonLinesReader::Batch& batch) {
        for (const nlohmann::json& event : batch.objects) curves.add(event);
        if (problems) problems->append(batch.problems);
    };
    while (!file.atEnd()) take(reader.feed(file.read(1 << 20)));
    take(reader.finish());
    return curves;
}

void TrainingCurves::append(Curve curve, double step, const nlohmann::json& event, const char* key) {
    const std::optional<double> value = number(event, key);
    if (!value) return;
    Series& s = m_series[static_cast<size_t>(curve)];
    s.steps << step;
    s.values << *value;
}

void TrainingCurves::truncateAfter(double step) {
    for (Series& s : m_series) {
        const auto keep = std::upper_bound(s.steps.begin(), s.steps.end(), step) - s.steps.begin();
        s.steps.resize(keep);
        s.values.resize(keep);
    }
}

}  // namespace srllm::ui
