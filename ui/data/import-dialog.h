#pragma once
// File > Import (experts): items (srllm-csv, ParaDetox, CSV, JSONL), annotations (JSONL), or labels made in
// Label Studio (JSON export) or doccano (JSONL export). For the last two the mapping onto the taxonomy is
// shown before anything is written (db/label-mapping.h), with every label that cannot be mapped, and rules
// (SOURCE=TARGET, one per line) can be added until it maps. The import runs on a worker connection with
// progress and Cancel; a failed or cancelled import leaves the project as it was.
#include <vector>

#include <QDialog>

#include "core/data/import-format.h"
#include "db/label-mapping.h"

class QComboBox;
class QLabel;
class QLineEdit;
class QPlainTextEdit;
class QPushButton;
class QTableWidget;

namespace srllm::ui {

class ProjectSession;

class ImportDialog : public QDialog {
    Q_OBJECT
public:
    explicit ImportDialog(ProjectSession* session, QWidget* parent = nullptr);

    // Picks a file (as the Browse button does) and detects its format; shows the mapping when it has one.
    void setFile(const QString& path);
    QLineEdit* fileEdit() const { return m_file; }  // a path typed there is taken on Return or leaving it
    QComboBox* formatBox() const { return m_format; }
    QLineEdit* datasetEdit() const { return m_dataset; }
    QLineEdit* annotatorEdit() const { return m_annotator; }
    QPlainTextEdit* rulesEdit() const { return m_rules; }
    QTableWidget* mappingTable() const { return m_mapping; }
    QPushButton* importButton() const { return m_import; }
    QLabel* resultLabel() const { return m_result; }

public slots:
    // Re-reads the file and plans the mapping with the rules; the Import button waits for a clean plan.
    void checkMapping();
    // Runs the import; false when it failed, was cancelled or the mapping has problems.
    bool runImport();

private:
    core::ImportFormat format() const;
    bool isExternal() const;
    std::vector<db::MappingRule> rules() const;  // throws core::InputError for a malformed line

    ProjectSession* m_session;
    QLineEdit* m_file;
    QString m_fileSet;  // the path setFile last took, so a typed path is detected once
    QComboBox* m_format;
    QLineEdit* m_dataset;
    QLineEdit* m_annotator;
    QWidget* m_mappingBox;
    QTableWidget* m_mapping;
    QPlainTextEdit* m_rules;
    QPushButton* m_import;
    QLabel* m_result;
};

}  // namespace srllm::ui
