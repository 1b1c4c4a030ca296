#pragma once
// The start dialog: who is annotating? Pick an annotator of the project or create one (name and role
// annotator / expert / reviewer, each explained under the box). The last choice is remembered in QSettings
// ("annotator/name", "/role"); the first person in a project without annotators starts as its lead (expert).
#include <cstdint>

#include <QDialog>

class QComboBox;
class QDialogButtonBox;
class QLabel;
class QLineEdit;
class QRadioButton;

namespace srllm::db {
class Database;
}

namespace srllm::ui {

// The translated name of a stored role ("annotator", "expert", "reviewer").
QString roleDisplayName(const QString& role);

class AnnotatorProfileDialog : public QDialog {
    Q_OBJECT
public:
    AnnotatorProfileDialog(db::Database& db, const QString& projectName, QWidget* parent = nullptr);

    // Valid after accept(): the chosen or newly created annotator.
    int64_t annotatorId() const { return m_annotatorId; }

    void accept() override;

    QLineEdit* nameEdit() const { return m_name; }  // for tests
    QComboBox* roleBox() const { return m_role; }

private:
    void updateState();

    db::Database& m_db;
    QRadioButton* m_useExisting;
    QRadioButton* m_createNew;
    QComboBox* m_existing;
    QLineEdit* m_name;
    QComboBox* m_role;
    QLabel* m_roleHint;
    QString m_newRole;  // the role a new annotator gets
    QLabel* m_error;
    QDialogButtonBox* m_buttons;
    int64_t m_annotatorId = 0;
};

}  // namespace srllm::ui
