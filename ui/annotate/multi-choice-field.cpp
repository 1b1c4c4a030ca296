#include "ui/annotate/multi-choice-field.h"

#include <QKeyEvent>
#include <QLineEdit>
#include <QListWidget>
#include <QVBoxLayout>

namespace srllm::ui {

MultiChoiceField::MultiChoiceField(const nlohmann::json& field, QWidget* parent)
    : LabelField(field, parent), m_filter(new QLineEdit(this)), m_list(new QListWidget(this)) {
    m_filter->setPlaceholderText(tr("Filter values (press / )"));
    m_filter->setClearButtonEnabled(true);
    m_filter->setFocusPolicy(Qt::ClickFocus);
    m_filter->installEventFilter(this);
    m_list->setFocusPolicy(Qt::NoFocus);
    m_list->setSelectionMode(QAbstractItemView::NoSelection);
    for (const QString& value : values()) {
        auto* item = new QListWidgetItem(m_list);
        item->setData(Qt::UserRole, value);
        item->setFlags(Qt::ItemIsEnabled | Qt::ItemIsUserCheckable);
        item->setCheckState(Qt::Unchecked);
    }
    // Nine rows: the numbered ones stay visible without scrolling.
    m_list->setMinimumHeight(m_list->sizeHintForRow(0) * 9 + 2 * m_list->frameWidth());
    body()->addWidget(m_filter);
    body()->addWidget(m_list);
    connect(m_filter, &QLineEdit::textChanged, this, &MultiChoiceField::applyFilter);
    connect(m_list, &QListWidget::itemChanged, this, [this] { emitChecked(); });
    connect(m_list, &QListWidget::itemPressed, this, [this] { emit clicked(this); });
    applyFilter();
}

void MultiChoiceField::setValue(const nlohmann::json& value) {
    QStringList chosen;
    if (value.is_array())
        for (const auto& v : value)
            if (v.is_string()) chosen << QString::fromStdString(v.get<std::string>());
    const QSignalBlocker blocker(m_list);
    for (int i = 0; i < m_list->count(); ++i) {
        QListWidgetItem* item = m_list->item(i);
        item->setCheckState(chosen.contains(item->data(Qt::UserRole).toString()) ? Qt::Checked : Qt::Unchecked);
    }
}

bool MultiChoiceField::chooseNumber(int n) {
    int visible = 0;
    for (int i = 0; i < m_list->count(); ++i) {
        QListWidgetItem* item = m_list->item(i);
        if (item->isHidden() || ++visible != n) continue;
        item->setCheckState(item->checkState() == Qt::Checked ? Qt::Unchecked : Qt::Checked);
        break;
    }
    return false;  // several values may apply: stay on this field
}

void MultiChoiceField::clearValue() {
    {
        const QSignalBlocker blocker(m_list);
        for (int i = 0; i < m_list->count(); ++i) m_list->item(i)->setCheckState(Qt::Unchecked);
    }
    emitChecked();
}

void MultiChoiceField::focusFilter() {
    m_filter->setFocus(Qt::ShortcutFocusReason);
    m_filter->selectAll();
}

bool MultiChoiceField::eventFilter(QObject* watched, QEvent* event) {
    if (watched != m_filter || event->type() != QEvent::KeyPress) return LabelField::eventFilter(watched, event);
    const auto* key = static_cast<QKeyEvent*>(event);
    // Values never contain digits, so digits in the filter box toggle values as they do in the form.
    if (key->key() >= Qt::Key_1 && key->key() <= Qt::Key_9 && key->modifiers() == Qt::NoModifier) {
        chooseNumber(key->key() - Qt::Key_0);
        return true;
    }
    if (key->key() == Qt::Key_Return || key->key() == Qt::Key_Enter || key->key() == Qt::Key_Escape) {
        if (key->key() == Qt::Key_Escape) m_filter->clear();
        emit filterLeft();
        return true;
    }
    return false;
}

void MultiChoiceField::applyFilter() {
    const QString needle = m_filter->text().trimmed();
    const QSignalBlocker blocker(m_list);
    int visible = 0;
    for (int i = 0; i < m_list->count(); ++i) {
        QListWidgetItem* item = m_list->item(i);
        const QString value = item->data(Qt::UserRole).toString();
        const bool show = needle.isEmpty() || value.contains(needle, Qt::CaseInsensitive);
        item->setHidden(!show);
        if (show) item->setText(numbered(++visible, value));
    }
}

void MultiChoiceField::emitChecked() {
    nlohmann::json chosen = nlohmann::json::array();
    for (int i = 0; i < m_list->count(); ++i)
        if (m_list->item(i)->checkState() == Qt::Checked)
            chosen.push_back(m_list->item(i)->data(Qt::UserRole).toString().toStdString());
    emit valueEdited(key(), chosen);
}

}  // namespace srllm::ui
