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

namespace srllm::core {
struct JobEvent;
}

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
        int64_t epoch = 0;  // 0-based, as the trainer counts
        std::optional<double> etaSeconds;
        std::optional<double> tokensPerSecond;
        std::optional<double> memoryBytes;
        double memoryPeakBytes = 0;
        int64_t resumes = 0;  // start events with resumed_from_step > 0
    };

    // Adds one event; true when a series or the progress changed. A `start` that resumes from step S
    // drops the points after S, which a killed run logged but its checkpoint does not hold.
    bool add(const core::JobEvent& event);
    void clear() { *this = TrainingCurves(); }

    const Series& series(Curve curve) const { return m_series[static_cast<size_t>(curve)]; }
    const Progress& progress() const { return m_progress; }
    bool isEmpty() const;

    // Reads JOBDIR/log.jsonl (core::readJobLog); an unreadable log is described in `problem` when given.
    static TrainingCurves fromLog(const QString& jobDir, QString* problem = nullptr);

private:
    void append(Curve curve, double step, double value);
    void truncateAfter(double step);

    std::array<Series, kCurveCount> m_series;
    Progress m_progress;
};

}  // namespace srllm::ui
