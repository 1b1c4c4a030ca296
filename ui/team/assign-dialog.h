#pragma once
// Team > Assign items (experts): choose the items (a dataset and/or a search, as in the browser) and the
// annotators, the overlap k, round robin or balanced, a seed and a risk stratum, then Assign; or hand one
// annotator's open items to another. Runs on a worker connection with progress (db/assignments.h). A lead
// can add annotators here before they have opened the project (as `srllm annotator add` does).
#include <QDialog>

class QComboBox;
class QLabel;
class QLineEdit;
class QListWidget;
class QSpinBox;

namespace srllm::ui {

class ProjectSession;

class AssignDialog : public QDialog {
    Q_OBJECT
public:
    explicit AssignDialog(ProjectSession* session, QWidget* parent = nullptr);

    QListWidget* annotatorList() const { return m_annotators; }
    QSpinBox* overlapBox() const { return m_overlap; }
    QComboBox* datasetBox() const { return m_dataset; }
    QComboBox* strategyBox() const { return m_strategy; }
    QLabel* resultLabel() const { return m_result; }
    QLineEdit* newNameEdit() const { return m_newName; }

public slots:
    // Assigns with the current choices; false (with the reason shown) when refused or failed.
    bool assign();
    bool reassign();
    // Adds the name in the new-annotator field as an annotator; false (with the reason shown) when it is not new.
    bool addAnnotator();

private:
    void fillAnnotators();

    ProjectSession* m_session;
    QComboBox* m_dataset;
    QLineEdit* m_search;
    QListWidget* m_annotators;
    QLineEdit* m_newName;
    QSpinBox* m_overlap;
    QComboBox* m_strategy;
    QSpinBox* m_seed;
    QComboBox* m_stratify;
    QComboBox* m_from;
    QComboBox* m_to;
    QLabel* m_result;
};

}  // namespace srllm::ui
