#include "ui/annotate/single-choice-field.h"

#include <QButtonGroup>
#include <QRadioButton>
#include <QVBoxLayout>

namespace srllm::ui {

SingleChoiceField::SingleChoiceField(const nlohmann::json& field, QWidget* parent)
    : LabelField(field, parent), m_group(new QButtonGroup(this)) {
    for (int i = 0; i < values().size(); ++i) {
        auto* button = new QRadioButton(numbered(i + 1, values()[i]), this);
        button->setFocusPolicy(Qt::NoFocus);
        m_group->addButton(button, i);
        body()->addWidget(button);
    }
    connect(m_group, &QButtonGroup::idClicked, this, [this](int id) {
        emit clicked(this);
        emit valueEdited(key(), values()[id].toStdString());
    });
}

void SingleChoiceField::setValue(const nlohmann::json& value) {
    const int index = value.is_string() ? int(values().indexOf(QString::fromStdString(value.get<std::string>()))) : -1;
    // An exclusive group cannot show "nothing chosen" unless exclusivity is lifted for the reset.
    m_group->setExclusive(false);
    for (QAbstractButton* button : m_group->buttons()) button->setChecked(m_group->id(button) == index);
    m_group->setExclusive(true);
}

bool SingleChoiceField::chooseNumber(int n) {
    if (n < 1 || n > values().size()) return false;
    emit valueEdited(key(), values()[n - 1].toStdString());
    return true;
}

void SingleChoiceField::clearValue() { emit valueEdited(key(), nullptr); }

}  // namespace srllm::ui
