#pragma once
// File > Export (experts): every annotation or every gold label as JSONL (the annotations format, so it
// imports back) or CSV (a column per field), written on a worker connection with progress and Cancel; the
// file appears whole or not at all (db/label-export.h).
#include <QDialog>

class QComboBox;
class QLabel;
class QLineEdit;

namespace srllm::ui {

class ProjectSession;

class ExportDialog : public QDialog {
    Q_OBJECT
public:
    explicit ExportDialog(ProjectSession* session, QWidget* parent = nullptr);

    QComboBox* tableBox() const { return m_table; }
    QComboBox* formatBox() const { return m_format; }
    QLineEdit* fileEdit() const { return m_file; }
    QLabel* resultLabel() const { return m_result; }

public slots:
    bool runExport();

private:
    ProjectSession* m_session;
    QComboBox* m_table;
    QComboBox* m_format;
    QLineEdit* m_file;
    QLabel* m_result;
};

}  // namespace srllm::ui
