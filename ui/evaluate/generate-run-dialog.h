#pragma once
// The form behind "New generation run…": a name, what generates (the original texts, a training run
// folder or a model folder with an optional adapter), the test set (a project split, a snapshot or a file)
// and the decoding settings. It only builds the `srllm generate-run` arguments; the Evaluate view runs
// them in a worker process. GUI thread only.
#include <QDialog>
#include <QStringList>

class QCheckBox;
class QComboBox;
class QDoubleSpinBox;
class QLineEdit;
class QSpinBox;

namespace srllm::ui {

class GenerateRunDialog : public QDialog {
    Q_OBJECT
public:
    explicit GenerateRunDialog(QWidget* parent = nullptr);

    // `srllm generate-run PROJECT …` without the program; "--json" included.
    QStringList arguments(const QString& projectPath) const;
    // Empty when the form is complete, else what is missing (also shown when OK is pressed).
    QString problem() const;

    QLineEdit* nameEdit() const { return m_name; }
    QComboBox* sourceBox() const { return m_source; }  // 0 original, 1 training run folder, 2 model folder
    QLineEdit* folderEdit() const { return m_folder; }
    QComboBox* testSetBox() const { return m_testSet; }  // 0 split, 1 snapshot, 2 file
    QLineEdit* testSetEdit() const { return m_testSetValue; }

    void accept() override;

private:
    void updateEnabled();

    QLineEdit* m_name;
    QComboBox* m_source;
    QLineEdit* m_folder;
    QLineEdit* m_adapter;
    QCheckBox* m_best;
    QComboBox* m_testSet;
    QLineEdit* m_testSetValue;
    QSpinBox* m_maxNewTokens;
    QDoubleSpinBox* m_temperature;
    QSpinBox* m_topK;
    QDoubleSpinBox* m_topP;
    QSpinBox* m_seed;
    QSpinBox* m_batchSize;
};

}  // namespace srllm::ui
