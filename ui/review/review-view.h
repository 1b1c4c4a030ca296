#pragma once
// Review mode: the reviewer's blind queue of a review session. Each comparison shows the original text, then
// output A and output B (sides randomised per item by the session) with word-level diffs against the
// original, the reference rewrite on request, a verdict, safety and language scores and rationale tags per
// output, and a comment. Keyboard first: A/B/T/U give the verdict, 1–5 score the active field (Up/Down move
// it), J/K next/previous, R the reference. A change is saved at once as one undo step; the runs behind A and
// B are shown once the reviewer has judged (db/review-queue.h keeps that rule). Threading: GUI thread only.
#include <cstdint>
#include <optional>
#include <vector>

#include <QElapsedTimer>
#include <QWidget>

#include "db/review-queue.h"

class QButtonGroup;
class QComboBox;
class QLabel;
class QLineEdit;
class QTextBrowser;
class QToolButton;

namespace srllm::ui {

class ProjectSession;
class ReviewOutputPanel;
class ScoreSelector;

class ReviewView : public QWidget {
    Q_OBJECT
public:
    explicit ReviewView(ProjectSession* session, QWidget* parent = nullptr);

    void reloadSessions();               // after a session was created or assigned
    void selectSession(int64_t sessionId);
    int currentIndex() const { return m_index; }
    int taskCount() const { return int(m_tasks.size()); }

signals:
    void message(const QString& text);

private:
    void createActions();
    void reloadTagChoices();  // the taxonomy's review tags on both panels
    void loadQueue();
    void showTask(int index);
    void showJudgement(const std::optional<db::Judgement>& judgement);
    void setActiveField(int field);
    void chooseScore(int score);
    void chooseVerdict(db::Verdict verdict);
    void commit();  // saves the widgets' judgement as one undo step when it has a verdict and changed
    void apply(int64_t comparisonId, const std::optional<db::Judgement>& judgement);
    void updateStatus();

    ProjectSession* m_session;
    QComboBox* m_sessions;
    QLabel* m_progress;
    QTextBrowser* m_original;
    QToolButton* m_referenceButton;
    QTextBrowser* m_reference;
    ReviewOutputPanel* m_a;
    ReviewOutputPanel* m_b;
    QButtonGroup* m_verdicts;
    QLineEdit* m_comment;
    QLabel* m_reveal;
    std::vector<ScoreSelector*> m_fields;  // safety A, language A, safety B, language B
    int m_activeField = 0;
    std::vector<db::ReviewTask> m_tasks;
    int m_index = -1;
    bool m_loading = false;  // widgets are being filled from the store: no commits
    QElapsedTimer m_timer;
};

}  // namespace srllm::ui
