#include "ui/train/run-panel.h"

#include "ui/train/run-log-view.h"
#include "ui/train/run-record-view.h"
#include "ui/train/training-charts.h"

namespace srllm::ui {

namespace {
constexpr size_t kMaxEntries = RunLogView::kMaxLines;  // a live run keeps no more than its view shows
}

RunPanel::RunPanel(QWidget* parent)
    : QTabWidget(parent), m_charts(new TrainingCharts(this)), m_log(new RunLogView(this)), m_record(new RunRecordView(this)) {
    addTab(m_charts, tr("Charts"));
    addTab(m_log, tr("Log"));
    addTab(m_record, tr("Run record"));
}

const TrainingCurves& RunPanel::shownCurves() const {
    const auto live = m_live.find(m_shown);
    return live != m_live.end() ? live->second.curves : m_readBack;
}

void RunPanel::showJob(qint64 id, const QString& jobDir) {
    m_shown = id;
    m_shownDir = jobDir;
    m_record->clear();
    if (id == 0) {
        m_readBack.clear();
        m_charts->setCurves(m_readBack);
        m_log->clear();
        return;
    }
    m_record->showJob(jobDir);
    if (const auto live = m_live.find(id); live != m_live.end()) {
        render(live->second);
        return;
    }
    reloadShownJob();
}

void RunPanel::reloadShownJob() {
    if (m_shown == 0 || m_live.count(m_shown)) return;
    QString problem;
    m_readBack = TrainingCurves::fromLog(m_shownDir, &problem);
    m_charts->setCurves(m_readBack);
    m_log->showLog(m_shownDir);
    m_record->showJob(m_shownDir);
}

void RunPanel::beginLive(qint64 id, const QString& jobDir) {
    if (const auto kept = m_live.find(id); kept != m_live.end()) {
        kept->second.running = true;  // everything up to now is in memory already
        return;
    }
    LiveRun run;
    try {
        for (core::JobEvent& event : core::readJobLog(jobDir.toStdString())) {
            run.curves.add(event);
            run.entries.push_back({Entry::Kind::Event, std::move(event), {}, {}});
        }
    } catch (const std::exception& e) {
        run.entries.push_back({Entry::Kind::Note, {}, tr("log.jsonl is unreadable: %1").arg(QString::fromStdString(e.what())), RunLogView::now()});
    }
    m_live[id] = std::move(run);
    if (id == m_shown) render(m_live[id]);
}

void RunPanel::endLive(qint64 id) {
    if (const auto kept = m_live.find(id); kept != m_live.end()) kept->second.running = false;
    if (id == m_shown) m_record->showJob(m_shownDir);  // run.json has been written
}

void RunPanel::forget(qint64 id) {
    if (const auto kept = m_live.find(id); kept == m_live.end() || kept->second.running) return;
    m_live.erase(id);
    if (id == m_shown) reloadShownJob();
}

void RunPanel::addEvent(qint64 id, const core::JobEvent& event) {
    const auto live = m_live.find(id);
    if (live == m_live.end()) return;
    LiveRun& run = live->second;
    const bool changed = run.curves.add(event);
    run.entries.push_back({Entry::Kind::Event, event, {}, {}});
    if (run.entries.size() > kMaxEntries) run.entries.pop_front();
    if (id != m_shown) return;
    if (changed) m_charts->setCurves(run.curves);
    m_log->addEvent(event);
}

void RunPanel::addMessage(qint64 id, const QString& text, bool note) {
    const auto live = m_live.find(id);
    if (live != m_live.end()) {
        live->second.entries.push_back({note ? Entry::Kind::Note : Entry::Kind::Stderr, {}, text, RunLogView::now()});
        if (live->second.entries.size() > kMaxEntries) live->second.entries.pop_front();
    }
    if (id != m_shown) return;
    note ? m_log->addNote(text) : m_log->addStderr(text);
}

void RunPanel::render(const LiveRun& run) {
    m_charts->setCurves(run.curves);
    m_log->clear();
    for (const Entry& entry : run.entries) {
        switch (entry.kind) {
        case Entry::Kind::Event: m_log->addEvent(entry.event); break;
        case Entry::Kind::Stderr: m_log->addStderr(entry.text, entry.time); break;
        case Entry::Kind::Note: m_log->addNote(entry.text, entry.time); break;
        }
    }
}

}  // namespace srllm::ui
