#include "ui/taxonomy/taxonomy-editor-dialog.h"

#include <algorithm>

#include <QCheckBox>
#include <QComboBox>
#include <QDialogButtonBox>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QInputDialog>
#include <QLabel>
#include <QLineEdit>
#include <QListWidget>
#include <QMessageBox>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QVBoxLayout>

#include "core/common/diagnostics.h"
#include "ui/project-session.h"

namespace srllm::ui {

namespace {
const QString kExampleSeparator = QStringLiteral(" | ");  // "Value | example text", one example per line
}

TaxonomyEditorDialog::TaxonomyEditorDialog(ProjectSession* session, QWidget* parent)
    : QDialog(parent), m_session(session), m_original(session->taxonomy()), m_edited(session->taxonomy()),
      m_fieldList(new QListWidget(this)), m_key(new QLineEdit(this)), m_label(new QLineEdit(this)),
      m_type(new QComboBox(this)), m_ordered(new QCheckBox(tr("Values are ranked (ordinal agreement)"), this)),
      m_definition(new QPlainTextEdit(this)), m_values(new QListWidget(this)), m_examples(new QPlainTextEdit(this)),
      m_summary(new QLabel(this)) {
    setWindowTitle(tr("Edit taxonomy (new version after v%1)").arg(session->taxonomyVersion()));
    m_type->addItem(tr("single choice"), QStringLiteral("single"));
    m_type->addItem(tr("multiple choice"), QStringLiteral("multi"));
    m_examples->setPlaceholderText(tr("One example per line: Value | example text"));
    m_summary->setWordWrap(true);

    auto* addFieldButton = new QPushButton(tr("Add field…"), this);
    auto* left = new QVBoxLayout;
    left->addWidget(m_fieldList, 1);
    left->addWidget(addFieldButton);

    auto* valueButtons = new QVBoxLayout;
    const std::pair<QString, void (TaxonomyEditorDialog::*)()> actions[] = {
        {tr("Add value…"), &TaxonomyEditorDialog::addValue},
        {tr("Rename value…"), &TaxonomyEditorDialog::renameValue},
        {tr("Remove value…"), &TaxonomyEditorDialog::removeValue}};
    for (const auto& [text, slot] : actions) {
        auto* button = new QPushButton(text, this);
        connect(button, &QPushButton::clicked, this, slot);
        valueButtons->addWidget(button);
    }
    valueButtons->addStretch(1);
    auto* valuesRow = new QHBoxLayout;
    valuesRow->addWidget(m_values, 1);
    valuesRow->addLayout(valueButtons);

    auto* form = new QFormLayout;
    form->addRow(tr("Key:"), m_key);
    form->addRow(tr("Label:"), m_label);
    form->addRow(tr("Type:"), m_type);
    form->addRow(QString(), m_ordered);
    form->addRow(tr("Definition:"), m_definition);
    form->addRow(tr("Values:"), valuesRow);
    form->addRow(tr("Examples:"), m_examples);
    m_key->setToolTip(tr("The key stored in every annotation; fixed once a field exists"));

    auto* body = new QHBoxLayout;
    body->addLayout(left, 1);
    body->addLayout(form, 3);
    auto* buttons = new QDialogButtonBox(QDialogButtonBox::Save | QDialogButtonBox::Cancel, this);
    buttons->button(QDialogButtonBox::Save)->setText(tr("Save as new version"));
    auto* layout = new QVBoxLayout(this);
    layout->addLayout(body, 1);
    layout->addWidget(m_summary);
    layout->addWidget(buttons);

    connect(buttons, &QDialogButtonBox::accepted, this, &TaxonomyEditorDialog::save);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    connect(addFieldButton, &QPushButton::clicked, this, &TaxonomyEditorDialog::addField);
    connect(m_fieldList, &QListWidget::currentRowChanged, this, [this](int row) {
        storeField();
        showField(row);
    });
    for (QLineEdit* edit : {m_key, m_label}) connect(edit, &QLineEdit::editingFinished, this, [this] {
            storeField();
            refreshFieldList();
        });
    refreshFieldList();
    m_fieldList->setCurrentRow(0);
    resize(900, 620);
}

nlohmann::json* TaxonomyEditorDialog::currentField() {
    auto& fields = m_edited["fields"];
    return m_current >= 0 && m_current < static_cast<int>(fields.size()) ? &fields[static_cast<size_t>(m_current)] : nullptr;
}

void TaxonomyEditorDialog::refreshFieldList() {
    const QSignalBlocker block(m_fieldList);
    m_fieldList->clear();
    for (const auto& f : m_edited["fields"])
        m_fieldList->addItem(QStringLiteral("%1 (%2)").arg(QString::fromStdString(f.value("label", "")),
                                                         QString::fromStdString(f.value("key", ""))));
    m_fieldList->setCurrentRow(m_current);
    refreshSummary();
}

void TaxonomyEditorDialog::showField(int index) {
    m_current = index;
    const nlohmann::json* f = currentField();
    if (!f) return;
    const std::string key = f->value("key", "");
    const bool existing = std::any_of(m_original["fields"].begin(), m_original["fields"].end(),
                                      [&](const auto& o) { return o.value("key", "") == key; });
    m_key->setText(QString::fromStdString(key));
    m_key->setReadOnly(existing);
    m_label->setText(QString::fromStdString(f->value("label", "")));
    m_type->setCurrentIndex(f->value("type", "single") == "multi" ? 1 : 0);
    m_ordered->setChecked(f->value("ordered", false));
    m_definition->setPlainText(QString::fromStdString(f->value("definition", "")));
    m_values->clear();
    for (const auto& v : f->value("values", nlohmann::json::array()))
        m_values->addItem(QString::fromStdString(v.get<std::string>()));
    QStringList examples;
    for (const auto& e : f->value("examples", nlohmann::json::array()))
        examples << QString::fromStdString(e.value("value", "")) + kExampleSeparator + QString::fromStdString(e.value("text", ""));
    m_examples->setPlainText(examples.join('\n'));
}

void TaxonomyEditorDialog::storeField() {
    nlohmann::json* f = currentField();
    if (!f) return;
    (*f)["key"] = m_key->text().trimmed().toStdString();
    (*f)["label"] = m_label->text().trimmed().toStdString();
    (*f)["type"] = m_type->currentData().toString().toStdString();
    (*f)["ordered"] = m_ordered->isChecked();
    (*f)["definition"] = m_definition->toPlainText().trimmed().toStdString();
    nlohmann::json examples = nlohmann::json::array();
    for (const QString& line : m_examples->toPlainText().split('\n', Qt::SkipEmptyParts)) {
        const qsizetype cut = line.indexOf(kExampleSeparator);
        if (cut < 0) continue;
        examples.push_back({{"value", line.left(cut).trimmed().toStdString()},
                            {"text", line.mid(cut + kExampleSeparator.size()).trimmed().toStdString()}});
    }
    (*f)["examples"] = examples;
    refreshSummary();
}

void TaxonomyEditorDialog::refreshSummary() {
    const core::TaxonomyDiff diff = core::diffTaxonomies(m_original, m_edited);
    QStringList parts;
    if (!diff.fieldsAdded.empty()) parts << tr("%n field(s) added", nullptr, int(diff.fieldsAdded.size()));
    if (!diff.valuesAdded.empty()) parts << tr("%n value(s) added", nullptr, int(diff.valuesAdded.size()));
    if (!diff.valuesRemoved.empty()) parts << tr("%n value(s) removed or renamed", nullptr, int(diff.valuesRemoved.size()));
    if (!diff.fieldsReworded.empty()) parts << tr("%n field(s) reworded", nullptr, int(diff.fieldsReworded.size()));
    if (!m_mappings.empty()) parts << tr("%n value mapping(s) recorded", nullptr, int(m_mappings.size()));
    m_summary->setText(parts.isEmpty() ? tr("No changes yet.") : tr("Changes: %1.").arg(parts.join(QStringLiteral("; "))));
}

void TaxonomyEditorDialog::addField() {
    const QString key = QInputDialog::getText(this, tr("Add field"), tr("Key (lowercase, stored in annotations):"));
    if (key.trimmed().isEmpty()) return;
    storeField();
    m_edited["fields"].push_back({{"key", key.trimmed().toStdString()}, {"label", key.trimmed().toStdString()},
                                  {"type", "single"}, {"ordered", false}, {"values", {"No", "Yes"}},
                                  {"definition", ""}, {"examples", nlohmann::json::array()}});
    m_current = static_cast<int>(m_edited["fields"].size()) - 1;
    refreshFieldList();
    showField(m_current);
}

void TaxonomyEditorDialog::addValue() {
    nlohmann::json* f = currentField();
    if (!f) return;
    const QString value = QInputDialog::getText(this, tr("Add value"), tr("New value of %1:").arg(m_label->text()));
    if (value.trimmed().isEmpty()) return;
    storeField();
    (*f)["values"].push_back(value.trimmed().toStdString());
    showField(m_current);
    refreshSummary();
}

bool TaxonomyEditorDialog::confirmMapping(const QString& key, const QString& old, const QString& to,
                                          const db::ValueUsage& usage) {
    if (usage.annotations + usage.gold == 0) return true;
    const auto answer = QMessageBox::question(
        this, tr("Value in use"),
        tr("%1 = \"%2\" is used by %3 annotation(s) and %4 gold label(s). They keep \"%2\" under taxonomy v%5.\n\n"
           "Record the mapping \"%2\" → \"%6\" in the new version?")
            .arg(key, old).arg(usage.annotations).arg(usage.gold).arg(m_session->taxonomyVersion()).arg(to));
    if (answer != QMessageBox::Yes) return false;
    m_mappings.push_back({key.toStdString(), old.toStdString(), to.toStdString()});
    return true;
}

void TaxonomyEditorDialog::renameValue() {
    nlohmann::json* f = currentField();
    if (!f || !m_values->currentItem()) return;
    const QString old = m_values->currentItem()->text();
    const QString now = QInputDialog::getText(this, tr("Rename value"), tr("New name for \"%1\":").arg(old),
                                              QLineEdit::Normal, old).trimmed();
    if (now.isEmpty() || now == old) return;
    const QString key = m_key->text();
    if (!confirmMapping(key, old, now, db::countValueUsage(m_session->db(), key.toStdString(), old.toStdString())))
        return;
    storeField();
    for (auto& v : (*f)["values"])
        if (v == old.toStdString()) v = now.toStdString();
    showField(m_current);
    refreshSummary();
}

void TaxonomyEditorDialog::removeValue() {
    nlohmann::json* f = currentField();
    if (!f || !m_values->currentItem()) return;
    const QString old = m_values->currentItem()->text();
    const QString key = m_key->text();
    const db::ValueUsage usage = db::countValueUsage(m_session->db(), key.toStdString(), old.toStdString());
    if (usage.annotations + usage.gold > 0) {
        QStringList others;
        for (const auto& v : (*f)["values"])
            if (v != old.toStdString()) others << QString::fromStdString(v.get<std::string>());
        bool chosen = false;
        const QString to = QInputDialog::getItem(
            this, tr("Value in use"),
            tr("\"%1\" is used by %2 annotation(s) and %3 gold label(s), so it cannot simply be removed.\n"
               "Map it to:").arg(old).arg(usage.annotations).arg(usage.gold),
            others, 0, false, &chosen);
        if (!chosen || to.isEmpty() || !confirmMapping(key, old, to, usage)) return;
    }
    storeField();
    auto& values = (*f)["values"];
    values.erase(std::remove(values.begin(), values.end(), old.toStdString()), values.end());
    showField(m_current);
    refreshSummary();
}

bool TaxonomyEditorDialog::save() {
    storeField();
    const db::TaxonomyChangeCheck check = db::checkTaxonomyChange(m_session->db(), m_edited, m_mappings);
    if (!check.ok()) {
        QStringList problems;
        for (const auto& p : check.problems) problems << QString::fromStdString(core::formatDiagnostic(p));
        QMessageBox::warning(this, tr("Taxonomy not saved"), problems.join('\n'));
        return false;
    }
    if (check.diff.empty() && m_mappings.empty()) {
        reject();
        return false;
    }
    try {
        db::saveTaxonomyVersion(m_session->db(), m_edited, m_mappings);
    } catch (const std::exception& e) {
        QMessageBox::warning(this, tr("Taxonomy not saved"), QString::fromUtf8(e.what()));
        return false;
    }
    m_session->reloadTaxonomy();
    accept();
    return true;
}

}  // namespace srllm::ui
