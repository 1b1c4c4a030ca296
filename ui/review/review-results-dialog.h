#pragma once
// The results of a review session (db/review-results.h): win rates, the Bradley–Terry ranking plotted with
// its bootstrap intervals, mean safety and language per run, reviewer agreement and the correlation with
// each automatic metric. The plot exports like every chart (ui/plots/plot-export.h). The results (their
// bootstrap) are computed on a thread of their own with a second connection; the dialog fills in when done.
#include <cstdint>

#include <QDialog>
#include <nlohmann/json.hpp>

class QCustomPlot;
class QTextBrowser;

namespace srllm::ui {

class ProjectSession;
class ThreadJob;

class ReviewResultsDialog : public QDialog {
    Q_OBJECT
public:
    ReviewResultsDialog(ProjectSession* session, int64_t reviewSessionId, QWidget* parent = nullptr);

    // reviewResults() as HTML tables (win rates, scores, ranking, agreement, metric correlation); the
    // report (ui/report) shows the same.
    static QString resultsHtml(const nlohmann::json& results);
    // The Bradley–Terry log-strengths with their bootstrap intervals, one bar per run.
    static void plotRanking(QCustomPlot* plot, const nlohmann::json& ranking);

    bool resultsShown() const { return m_shown; }  // tests wait for it
    ThreadJob* job() const { return m_job; }

private:
    void showResults(const nlohmann::json& results);

    QTextBrowser* m_text;
    QCustomPlot* m_plot;
    ThreadJob* m_job;
    bool m_shown = false;
};

}  // namespace srllm::ui
