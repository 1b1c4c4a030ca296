#pragma once
// The label form generated from the taxonomy JSON: one field widget per taxonomy field, one of them
// active. Keyboard: number keys (chooseNumber, via remappable actions) pick values of the active field,
// Tab/Down and Shift+Tab/Up move between fields, Delete clears, '/' filters a multi field.
#include <QList>
#include <QWidget>
#include <nlohmann/json.hpp>

namespace srllm::ui {

class LabelField;

class LabelForm : public QWidget {
    Q_OBJECT
public:
    explicit LabelForm(QWidget* parent = nullptr);

    // Rebuilds the fields from a taxonomy ({"fields": [...]}).
    void setTaxonomy(const nlohmann::json& taxonomy);
    // Shows stored labels ({key: value}) without emitting labelEdited.
    void setLabels(const nlohmann::json& labels);
    // Keys of single fields that have no value in labels, in form order.
    QStringList missingFields(const nlohmann::json& labels) const;

    int activeIndex() const { return m_active; }
    QString activeKey() const;
    QWidget* activeFieldWidget() const;
    void setActiveIndex(int index);
    void setActiveKey(const QString& key);

public slots:
    void chooseNumber(int n);

signals:
    void labelEdited(const QString& key, const nlohmann::json& value);
    void activeFieldChanged(const QString& key);

protected:
    bool focusNextPrevChild(bool next) override;
    void keyPressEvent(QKeyEvent* event) override;
    void focusInEvent(QFocusEvent* event) override;
    void focusOutEvent(QFocusEvent* event) override;

private:
    void refreshActive();

    QList<LabelField*> m_fields;
    int m_active = -1;
};

}  // namespace srllm::ui
