#include "ui/train/training-curves.h"

#include <algorithm>

#include "core/job/job-events.h"

namespace srllm::ui {

bool TrainingCurves::add(const core::JobEvent& event) {
    if (const auto* start = std::get_if<core::StartEvent>(&event.body)) {
        if (start->resumedFromStep > 0) ++m_progress.resumes;
        truncateAfter(double(start->resumedFromStep));
        m_progress.step = start->resumedFromStep;
        m_progress.totalSteps = start->totalSteps;
        m_progress.etaSeconds.reset();
        return true;
    }
    if (const auto* s = std::get_if<core::StepEvent>(&event.body)) {
        const double step = double(s->step);
        append(Curve::LossTrain, step, s->lossTrain);
        append(Curve::LearningRate, step, s->learningRate);
        append(Curve::TokensPerSecond, step, s->tokensPerSecond);
        append(Curve::EtaSeconds, step, s->etaSeconds);
        append(Curve::MemoryBytes, step, double(s->memoryBytes));
        m_progress.step = s->step;
        m_progress.totalSteps = s->totalSteps;
        m_progress.epoch = s->epoch;
        m_progress.etaSeconds = s->etaSeconds;
        m_progress.tokensPerSecond = s->tokensPerSecond;
        m_progress.memoryBytes = double(s->memoryBytes);
        m_progress.memoryPeakBytes = std::max(m_progress.memoryPeakBytes, double(s->memoryBytes));
        return true;
    }
    if (const auto* e = std::get_if<core::EvalEvent>(&event.body)) {
        append(Curve::LossEval, double(e->step), e->lossEval);
        return true;
    }
    return false;
}

bool TrainingCurves::isEmpty() const {
    return std::all_of(m_series.begin(), m_series.end(), [](const Series& s) { return s.steps.isEmpty(); });
}

TrainingCurves TrainingCurves::fromLog(const QString& jobDir, QString* problem) {
    TrainingCurves curves;
    try {
        for (const core::JobEvent& event : core::readJobLog(jobDir.toStdString())) curves.add(event);
    } catch (const std::exception& e) {
        if (problem) *problem = QString::fromStdString(e.what());
    }
    return curves;
}

void TrainingCurves::append(Curve curve, double step, double value) {
    Series& s = m_series[static_cast<size_t>(curve)];
    s.steps << step;
    s.values << value;
}

void TrainingCurves::truncateAfter(double step) {
    for (Series& s : m_series) {
        const auto keep = std::upper_bound(s.steps.begin(), s.steps.end(), step) - s.steps.begin();
        s.steps.resize(keep);
        s.values.resize(keep);
    }
}

}  // namespace srllm::ui
