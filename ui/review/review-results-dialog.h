#pragma once
// The results of a review session (db/review-results.h): win rates, the Bradley–Terry ranking plotted with
// its bootstrap intervals, mean safety and language per run, reviewer agreement and the correlation with
// each automatic metric. The plot exports like every chart (ui/plots/plot-export.h).
#include <cstdint>

#include <QDialog>

namespace srllm::ui {

class ProjectSession;

class ReviewResultsDialog : public QDialog {
    Q_OBJECT
public:
    ReviewResultsDialog(ProjectSession* session, int64_t reviewSessionId, QWidget* parent = nullptr);
};

}  // namespace srllm::ui
