#pragma once
// Creates a review session from the GUI: which generation runs, how many items (drawn by risk), how many
// reviewers per comparison, the seed, and who reviews; then assigns them (db/review-sessions.h).
#include <cstdint>

#include <QDialog>

class QLineEdit;
class QListWidget;
class QSpinBox;

namespace srllm::ui {

class ProjectSession;

class ReviewSessionDialog : public QDialog {
    Q_OBJECT
public:
    ReviewSessionDialog(ProjectSession* session, QWidget* parent = nullptr);
    int64_t createdSessionId() const { return m_created; }

    void accept() override;  // creates and assigns; stays open with the error when the store refuses

private:
    ProjectSession* m_session;
    QLineEdit* m_name;
    QListWidget* m_runs;
    QSpinBox* m_items;
    QSpinBox* m_perItem;
    QSpinBox* m_seed;
    QLineEdit* m_reviewers;
    int64_t m_created = 0;
};

}  // namespace srllm::ui
