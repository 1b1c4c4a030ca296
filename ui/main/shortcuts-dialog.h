#pragma once
// Settings > Keyboard shortcuts: every registered action with its key; double-click or type into the
// editor below to remap, "Reset" restores the default. Changes apply at once and persist (ShortcutRegistry).
#include <QDialog>

class QKeySequenceEdit;
class QLabel;
class QTableWidget;

namespace srllm::ui {

class ShortcutsDialog : public QDialog {
    Q_OBJECT
public:
    explicit ShortcutsDialog(QWidget* parent = nullptr);

private:
    void reload();
    void onRowChanged();
    void assign(const QKeySequence& key);

    QTableWidget* m_table;
    QKeySequenceEdit* m_edit;
    QLabel* m_conflict;
};

}  // namespace srllm::ui
