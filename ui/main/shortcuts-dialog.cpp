#include "ui/main/shortcuts-dialog.h"

#include <QDialogButtonBox>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QKeySequenceEdit>
#include <QLabel>
#include <QPushButton>
#include <QTableWidget>
#include <QVBoxLayout>

#include "ui/shortcut-registry.h"

namespace srllm::ui {

ShortcutsDialog::ShortcutsDialog(QWidget* parent)
    : QDialog(parent), m_table(new QTableWidget(this)), m_edit(new QKeySequenceEdit(this)), m_conflict(new QLabel(this)) {
    setWindowTitle(tr("Keyboard shortcuts"));
    m_table->setColumnCount(3);
    m_table->setHorizontalHeaderLabels({tr("Action"), tr("Shortcut"), tr("Default")});
    m_table->horizontalHeader()->setSectionResizeMode(0, QHeaderView::Stretch);
    m_table->verticalHeader()->hide();
    m_table->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_table->setSelectionMode(QAbstractItemView::SingleSelection);
    m_table->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_conflict->setStyleSheet(QStringLiteral("color: #b00020;"));

    auto* reset = new QPushButton(tr("Reset to default"), this);
    auto* clear = new QPushButton(tr("Remove shortcut"), this);
    auto* editRow = new QHBoxLayout;
    editRow->addWidget(new QLabel(tr("New shortcut:"), this));
    editRow->addWidget(m_edit, 1);
    editRow->addWidget(clear);
    editRow->addWidget(reset);
    auto* buttons = new QDialogButtonBox(QDialogButtonBox::Close, this);
    auto* layout = new QVBoxLayout(this);
    layout->addWidget(m_table, 1);
    layout->addLayout(editRow);
    layout->addWidget(m_conflict);
    layout->addWidget(buttons);
    resize(640, 520);

    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    connect(m_table, &QTableWidget::itemSelectionChanged, this, &ShortcutsDialog::onRowChanged);
    connect(m_table, &QTableWidget::cellDoubleClicked, this, [this] { m_edit->setFocus(); });
    connect(m_edit, &QKeySequenceEdit::editingFinished, this, [this] { assign(m_edit->keySequence()); });
    connect(clear, &QPushButton::clicked, this, [this] { assign(QKeySequence()); });
    connect(reset, &QPushButton::clicked, this, [this] {
        const int row = m_table->currentRow();
        if (row >= 0) assign(QKeySequence(m_table->item(row, 2)->text(), QKeySequence::NativeText));
    });
    reload();
    m_table->selectRow(0);
}

void ShortcutsDialog::reload() {
    const int row = m_table->currentRow();
    const QList<ShortcutRegistry::Entry> entries = ShortcutRegistry::instance().entries();
    m_table->setRowCount(int(entries.size()));
    for (int i = 0; i < entries.size(); ++i) {
        auto* action = new QTableWidgetItem(entries[i].text);
        action->setData(Qt::UserRole, entries[i].id);
        m_table->setItem(i, 0, action);
        m_table->setItem(i, 1, new QTableWidgetItem(entries[i].key.toString(QKeySequence::NativeText)));
        m_table->setItem(i, 2, new QTableWidgetItem(entries[i].defaultKey.toString(QKeySequence::NativeText)));
    }
    m_table->resizeColumnToContents(1);
    m_table->resizeColumnToContents(2);
    if (row >= 0) m_table->selectRow(row);
}

void ShortcutsDialog::onRowChanged() {
    const int row = m_table->currentRow();
    if (row < 0) return;
    const QSignalBlocker blocker(m_edit);
    m_edit->setKeySequence(QKeySequence(m_table->item(row, 1)->text(), QKeySequence::NativeText));
    m_conflict->clear();
}

void ShortcutsDialog::assign(const QKeySequence& key) {
    const int row = m_table->currentRow();
    if (row < 0) return;
    const QString id = m_table->item(row, 0)->data(Qt::UserRole).toString();
    // Two actions on one key would make Qt fire neither ("ambiguous shortcut"), so refuse the clash.
    for (const ShortcutRegistry::Entry& entry : ShortcutRegistry::instance().entries()) {
        if (!key.isEmpty() && entry.id != id && entry.key == key) {
            m_conflict->setText(tr("%1 is already used by \"%2\".").arg(key.toString(QKeySequence::NativeText), entry.text));
            return;
        }
    }
    ShortcutRegistry::instance().setKey(id, key);
    m_conflict->clear();
    reload();
}

}  // namespace srllm::ui
