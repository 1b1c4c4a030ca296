#pragma once
// Edits the taxonomy as a new version: add fields and values, reword labels, definitions and examples.
// Removing or renaming a value that annotations use needs an explicit mapping, which is recorded in the
// new version; a used field cannot be removed or retyped (db/taxonomy-migration.h decides, this dialog
// asks). Existing annotations keep their taxonomy_version. UI thread only.
#include <vector>

#include <QDialog>
#include <nlohmann/json.hpp>

#include "db/taxonomy-migration.h"

class QCheckBox;
class QComboBox;
class QLabel;
class QLineEdit;
class QListWidget;
class QPlainTextEdit;

namespace srllm::ui {

class ProjectSession;

class TaxonomyEditorDialog : public QDialog {
    Q_OBJECT
public:
    explicit TaxonomyEditorDialog(ProjectSession* session, QWidget* parent = nullptr);

    const nlohmann::json& editedTaxonomy() const { return m_edited; }
    const std::vector<db::ValueMapping>& mappings() const { return m_mappings; }

public slots:
    // Checks the edit against the store and saves it as the next version; false (with a message) if refused.
    bool save();

private:
    void showField(int index);
    void storeField();  // copies the editor widgets into m_edited
    void refreshFieldList();
    void refreshSummary();
    void addField();
    void addValue();
    void renameValue();
    void removeValue();
    nlohmann::json* currentField();
    // Asks whether to record old -> to for a used value; false when the user declines.
    bool confirmMapping(const QString& key, const QString& old, const QString& to, const db::ValueUsage& usage);

    ProjectSession* m_session;
    nlohmann::json m_original;
    nlohmann::json m_edited;
    std::vector<db::ValueMapping> m_mappings;
    int m_current = -1;
    QListWidget* m_fieldList;
    QLineEdit* m_key;
    QLineEdit* m_label;
    QComboBox* m_type;
    QCheckBox* m_ordered;
    QPlainTextEdit* m_definition;
    QListWidget* m_values;
    QPlainTextEdit* m_examples;
    QLabel* m_summary;
};

}  // namespace srllm::ui
