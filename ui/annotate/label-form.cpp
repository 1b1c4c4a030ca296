#include "ui/annotate/label-form.h"

#include <algorithm>

#include <QKeyEvent>
#include <QVBoxLayout>

#include "ui/annotate/multi-choice-field.h"
#include "ui/annotate/single-choice-field.h"

namespace srllm::ui {

LabelForm::LabelForm(QWidget* parent) : QWidget(parent) {
    setFocusPolicy(Qt::StrongFocus);
    auto* layout = new QVBoxLayout(this);
    layout->setContentsMargins(4, 4, 4, 4);
    layout->setSpacing(6);
    layout->addStretch(1);
    setStyleSheet(QStringLiteral(
        "QFrame#labelField { border: 1px solid palette(midlight); border-left: 4px solid palette(midlight);"
        " border-radius: 3px; }"
        "QFrame#labelField[active=\"yes\"] { border-left: 4px solid #9ab6e0; }"
        "QFrame#labelField[active=\"focus\"] { border-left: 4px solid #2f6fd0; background: #eef4fd; }"));
}

void LabelForm::setTaxonomy(const nlohmann::json& taxonomy) {
    qDeleteAll(m_fields);
    m_fields.clear();
    auto* layout = static_cast<QVBoxLayout*>(this->layout());
    for (const auto& field : taxonomy.value("fields", nlohmann::json::array())) {
        if (!field.is_object()) continue;
        LabelField* widget = field.value("type", std::string()) == "multi"
                                 ? static_cast<LabelField*>(new MultiChoiceField(field, this))
                                 : new SingleChoiceField(field, this);
        layout->insertWidget(layout->count() - 1, widget);
        m_fields << widget;
        connect(widget, &LabelField::valueEdited, this, &LabelForm::labelEdited);
        connect(widget, &LabelField::clicked, this, [this](LabelField* f) {
            setActiveIndex(int(m_fields.indexOf(f)));
            setFocus(Qt::MouseFocusReason);
        });
        if (auto* multi = qobject_cast<MultiChoiceField*>(widget))
            connect(multi, &MultiChoiceField::filterLeft, this, [this] { setFocus(Qt::ShortcutFocusReason); });
    }
    m_active = -1;
    setActiveIndex(m_fields.isEmpty() ? -1 : 0);
}

void LabelForm::setLabels(const nlohmann::json& labels) {
    for (LabelField* field : m_fields) {
        const std::string key = field->key().toStdString();
        field->setValue(labels.is_object() && labels.contains(key) ? labels.at(key) : nlohmann::json());
    }
}

QStringList LabelForm::missingFields(const nlohmann::json& labels) const {
    QStringList missing;
    for (LabelField* field : m_fields) {
        const std::string key = field->key().toStdString();
        if (!field->isMulti() && !(labels.is_object() && labels.contains(key) && labels.at(key).is_string()))
            missing << field->key();
    }
    return missing;
}

QString LabelForm::activeKey() const { return m_active >= 0 ? m_fields[m_active]->key() : QString(); }

QWidget* LabelForm::activeFieldWidget() const { return m_active >= 0 ? m_fields[m_active] : nullptr; }

void LabelForm::setActiveIndex(int index) {
    if (index < -1 || index >= m_fields.size() || index == m_active) return;
    m_active = index;
    refreshActive();
    emit activeFieldChanged(activeKey());
}

void LabelForm::setActiveKey(const QString& key) {
    for (int i = 0; i < m_fields.size(); ++i)
        if (m_fields[i]->key() == key) setActiveIndex(i);
}

void LabelForm::chooseNumber(int n) {
    if (m_active < 0) return;
    // After the last single field the form stays put: Tab moves on to the rewrite.
    if (m_fields[m_active]->chooseNumber(n) && m_active + 1 < m_fields.size()) setActiveIndex(m_active + 1);
}

bool LabelForm::focusNextPrevChild(bool next) {
    // Tab walks the fields first and leaves the form only from the last (or first) one.
    if (hasFocus()) {
        const int target = m_active + (next ? 1 : -1);
        if (target >= 0 && target < m_fields.size()) {
            setActiveIndex(target);
            return true;
        }
    }
    return QWidget::focusNextPrevChild(next);
}

void LabelForm::keyPressEvent(QKeyEvent* event) {
    switch (event->key()) {
    case Qt::Key_Down:
        setActiveIndex(std::min(m_active + 1, int(m_fields.size()) - 1));
        break;
    case Qt::Key_Up:
        setActiveIndex(std::max(m_active - 1, 0));
        break;
    case Qt::Key_Delete:
    case Qt::Key_Backspace:
        if (m_active >= 0) m_fields[m_active]->clearValue();
        break;
    case Qt::Key_Slash:
        if (auto* multi = m_active >= 0 ? qobject_cast<MultiChoiceField*>(m_fields[m_active]) : nullptr)
            multi->focusFilter();
        break;
    default:
        QWidget::keyPressEvent(event);
        return;
    }
    event->accept();
}

void LabelForm::focusInEvent(QFocusEvent* event) {
    QWidget::focusInEvent(event);
    refreshActive();
}

void LabelForm::focusOutEvent(QFocusEvent* event) {
    QWidget::focusOutEvent(event);
    refreshActive();
}

void LabelForm::refreshActive() {
    for (int i = 0; i < m_fields.size(); ++i) m_fields[i]->setActive(i == m_active, hasFocus());
}

}  // namespace srllm::ui
