#pragma once
// The series a training run's charts show, built from its event lines (docs/JOBS.md): train and eval
// loss, learning rate, tokens per second, time left and memory, each against the optimizer step. The
// same code reads a live worker's lines and a finished run's log.jsonl. GUI thread only.
#include <array>
#include <cstdint>
#include <optional>

#include <QString>
#include <QStringList>
#include <QVector>
#include <nlohmann/json.hpp>

namespace srllm::ui {

class TrainingCurves {
public:
    enum class Curve { LossTrain, LossEval, LearningRate, TokensPerSecond, EtaSeconds, MemoryBytes };
    static constexpr int kCurveCount = 6;

    struct Series {
        QVector<double> steps;
        QVector<double> values;
    };

    // The newest position of the run, for the summary line.
    struct Progress {
        int64_t step = 0;
        int64_t totalSteps = 0;
        double epoch = 0;
        std::optional<double> etaSeconds;
        std::optional<double> tokensPerSecond;
        std::optional<double> memoryBytes;
        double memoryPeakBytes = 0;
        int64_t resumes = 0;  // start events with resumed_from_step > 0
    };

    // Adds one event line; true when a series or the progress changed. A `start` that resumes from
    // step S drops the points after S, which a killed run logged but its checkpoint does not hold.
    bool add(const nlohmann::json& event);
    void clear() { *this = TrainingCurves(); }

    const Series& series(Curve curve) const { return m_series[static_cast<size_t>(curve)]; }
    const Progress& progress() const { return m_progress; }
    bool isEmpty() const;

    // Reads a job folder's log.jsonl; problems (bad lines) are appended to `problems` when given.
    static TrainingCurves fromLog(const QString& logPath, QStringList* problems = nullptr);

private:
    void append(Curve curve, double step, const nlohmann::json& event, const char* key);
    void truncateAfter(double step);

    std::array<Series, kCurveCount> m_series;
    Progress m_progress;
};

}  // namespace srllm::ui
