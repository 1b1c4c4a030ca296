#pragma once
// A taxonomy field with exactly one value: a column of radio buttons numbered 1..9.
#include "ui/annotate/label-field.h"

class QButtonGroup;

namespace srllm::ui {

class SingleChoiceField : public LabelField {
    Q_OBJECT
public:
    explicit SingleChoiceField(const nlohmann::json& field, QWidget* parent = nullptr);

    void setValue(const nlohmann::json& value) override;
    bool chooseNumber(int n) override;
    bool isMulti() const override { return false; }
    void clearValue() override;

private:
    QButtonGroup* m_group;
};

}  // namespace srllm::ui
