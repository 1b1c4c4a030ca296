#pragma once
// A taxonomy field with any number of values (target groups): a filter box over a checkable list.
// Number keys toggle the first nine values that pass the filter, so "/ reli 1" toggles Religion.
#include "ui/annotate/label-field.h"

class QLineEdit;
class QListWidget;

namespace srllm::ui {

class MultiChoiceField : public LabelField {
    Q_OBJECT
public:
    explicit MultiChoiceField(const nlohmann::json& field, QWidget* parent = nullptr);

    void setValue(const nlohmann::json& value) override;
    bool chooseNumber(int n) override;
    bool isMulti() const override { return true; }
    void clearValue() override;
    // Puts the keyboard into the filter box; Enter or Escape gives it back to the form.
    void focusFilter();

signals:
    void filterLeft();

protected:
    bool eventFilter(QObject* watched, QEvent* event) override;

private:
    void applyFilter();
    void emitChecked();

    QLineEdit* m_filter;
    QListWidget* m_list;
};

}  // namespace srllm::ui
