#pragma once
// One test item of an evaluation: its original text, references and group, then every run's output with
// every score stored for it (one row per run). Opened from the items behind a bar or a point. GUI thread only.
#include <QDialog>

#include "ui/evaluate/evaluation-data.h"

class QTableWidget;
class QTextBrowser;

namespace srllm::ui {

class EvaluationItemDialog : public QDialog {
    Q_OBJECT
public:
    EvaluationItemDialog(const EvaluationData& data, int position, QWidget* parent = nullptr);

    QTextBrowser* original() const { return m_original; }
    QTableWidget* outputs() const { return m_outputs; }  // rows: runs; columns: output, then each metric

private:
    QTextBrowser* m_original;
    QTableWidget* m_outputs;
};

}  // namespace srllm::ui
