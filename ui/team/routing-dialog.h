#pragma once
// Team > Disagreement routing (experts): when items are routed to one more annotator or an expert, by how
// much disagreement (a threshold on the share that agrees) and on which fields (db/routing.h). Saving also
// routes the items that need it now and says how many.
#include <QDialog>

class QCheckBox;
class QComboBox;
class QDoubleSpinBox;
class QLabel;
class QListWidget;

namespace srllm::ui {

class ProjectSession;

class RoutingDialog : public QDialog {
    Q_OBJECT
public:
    explicit RoutingDialog(ProjectSession* session, QWidget* parent = nullptr);

    QCheckBox* enabledBox() const { return m_enabled; }
    QDoubleSpinBox* thresholdBox() const { return m_threshold; }
    QComboBox* targetBox() const { return m_target; }
    QListWidget* fieldList() const { return m_fields; }

public slots:
    // Stores the policy and routes; false (with the reason shown) when refused.
    bool save();

private:
    ProjectSession* m_session;
    QCheckBox* m_enabled;
    QDoubleSpinBox* m_threshold;
    QComboBox* m_target;
    QListWidget* m_fields;
    QLabel* m_result;
};

}  // namespace srllm::ui
