#pragma once
// The Report… action: which generation runs (in the order `srllm eval` scored them; the first is the
// baseline, drag to reorder) and where to write the report (.html or .pdf), then ReportWriter::write.
// The runs of the latest evaluation come checked and first.
#include <cstdint>
#include <optional>
#include <vector>

#include <QDialog>

class QLineEdit;
class QListWidget;

namespace srllm::ui {

class ProjectSession;

class ReportDialog : public QDialog {
    Q_OBJECT
public:
    // The runs come checked and first in the order of runIds (the Evaluate page's checked runs) when given,
    // else in the order of the latest stored evaluation.
    ReportDialog(ProjectSession* session, QWidget* parent = nullptr, std::optional<std::vector<int64_t>> runIds = {});

    QLineEdit* outputEdit() const { return m_out; }  // tests fill it
    QListWidget* runList() const { return m_runs; }

    void accept() override;  // writes the report; stays open with the error when it cannot

private:
    void chooseOutput();

    ProjectSession* m_session;
    QListWidget* m_runs;
    QLineEdit* m_out;
};

}  // namespace srllm::ui
