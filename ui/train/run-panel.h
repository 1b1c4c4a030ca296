#pragma once
// One run seen three ways: live charts (ui/train/training-charts.h), its log in words and its record.
// A job's curves and log are read back from its folder's log.jsonl when it is shown; for a job whose
// worker this window ran, they are kept in memory from its launch (with the worker's stderr and the
// page's notes, which log.jsonl does not hold) and grow with each event. GUI thread only.
#include <deque>
#include <map>

#include <QTabWidget>

#include "core/job/job-events.h"
#include "ui/train/training-curves.h"

namespace srllm::ui {

class RunLogView;
class RunRecordView;
class TrainingCharts;

class RunPanel : public QTabWidget {
    Q_OBJECT
public:
    explicit RunPanel(QWidget* parent = nullptr);

    // Shows the job (0: none). Reads its folder unless it is a live run.
    void showJob(qint64 id, const QString& jobDir);
    // Re-reads the shown job's folder (a run of another process that moved on); kept runs need not.
    void reloadShownJob();
    qint64 shownJob() const { return m_shown; }

    // A worker of this window starts on the job: its past events come from the log (or from memory
    // when this window ran it before), the rest live.
    void beginLive(qint64 id, const QString& jobDir);
    // The worker ended: the run stays in memory, its notes included, until forget().
    void endLive(qint64 id);
    // Another process runs the job now: drop what this window kept and read its folder from now on.
    void forget(qint64 id);
    void addEvent(qint64 id, const core::JobEvent& event);
    void addMessage(qint64 id, const QString& text, bool note);

    TrainingCharts* charts() const { return m_charts; }
    RunLogView* log() const { return m_log; }
    RunRecordView* record() const { return m_record; }
    const TrainingCurves& shownCurves() const;

private:
    struct Entry {
        enum class Kind { Event, Stderr, Note } kind;
        core::JobEvent event;
        QString text, time;
    };
    struct LiveRun {
        TrainingCurves curves;
        std::deque<Entry> entries;
        bool running = true;
    };
    void render(const LiveRun& run);

    TrainingCharts* m_charts;
    RunLogView* m_log;
    RunRecordView* m_record;
    qint64 m_shown = 0;
    QString m_shownDir;
    TrainingCurves m_readBack;  // the shown job's curves when it is not live
    std::map<qint64, LiveRun> m_live;
};

}  // namespace srllm::ui
