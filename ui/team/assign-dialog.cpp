#include "ui/team/assign-dialog.h"

#include <memory>

#include <QComboBox>
#include <QDialogButtonBox>
#include <QFormLayout>
#include <QGroupBox>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QListWidget>
#include <QPushButton>
#include <QSpinBox>
#include <QVBoxLayout>

#include "db/annotators.h"
#include "db/assignments.h"
#include "db/item-browse-query.h"
#include "db/project.h"
#include "ui/main/annotator-profile-dialog.h"
#include "ui/project-session.h"
#include "ui/task-progress-dialog.h"

namespace srllm::ui {

AssignDialog::AssignDialog(ProjectSession* session, QWidget* parent)
    : QDialog(parent), m_session(session), m_dataset(new QComboBox(this)), m_search(new QLineEdit(this)),
      m_annotators(new QListWidget(this)), m_newName(new QLineEdit(this)), m_overlap(new QSpinBox(this)), m_strategy(new QComboBox(this)),
      m_seed(new QSpinBox(this)), m_stratify(new QComboBox(this)), m_from(new QComboBox(this)),
      m_to(new QComboBox(this)), m_result(new QLabel(this)) {
    setWindowTitle(tr("Assign items"));
    m_dataset->addItem(tr("All datasets"));
    for (const auto& d : db::browseDatasets(session->db()))
        m_dataset->addItem(QString::fromStdString(d.name), QVariant::fromValue<qint64>(d.id));
    m_search->setPlaceholderText(tr("Only items with these words (optional)"));
    m_overlap->setRange(1, 20);
    m_overlap->setValue(2);
    m_overlap->setToolTip(tr("How many annotators label each item (k)"));
    m_strategy->addItem(tr("Round robin"), int(db::AssignStrategy::RoundRobin));
    m_strategy->addItem(tr("Balanced by current load"), int(db::AssignStrategy::Balanced));
    m_seed->setRange(0, 1'000'000);
    m_seed->setSpecialValueText(tr("none (id order)"));
    m_seed->setToolTip(tr("Shuffle the items with this seed first; the same seed gives the same assignment"));
    m_stratify->addItem(tr("(none)"));
    for (const auto& key : db::metadataKeys(session->db())) m_stratify->addItem(QString::fromStdString(key));
    m_stratify->setToolTip(tr("A metadata column holding the risk stratum: every annotator gets a like share of each"));
    m_result->setWordWrap(true);
    fillAnnotators();

    auto* items = new QGroupBox(tr("Items"), this);
    auto* itemsForm = new QFormLayout(items);
    itemsForm->addRow(tr("Dataset:"), m_dataset);
    itemsForm->addRow(tr("Search:"), m_search);
    auto* people = new QGroupBox(tr("Annotators (tick who gets items)"), this);
    auto* peopleLayout = new QVBoxLayout(people);
    peopleLayout->addWidget(m_annotators);
    m_newName->setPlaceholderText(tr("New annotator's name"));
    auto* addButton = new QPushButton(tr("A&dd to the team"), this);
    connect(addButton, &QPushButton::clicked, this, &AssignDialog::addAnnotator);
    connect(m_newName, &QLineEdit::returnPressed, this, &AssignDialog::addAnnotator);
    auto* addRow = new QHBoxLayout;
    addRow->addWidget(m_newName, 1);
    addRow->addWidget(addButton);
    peopleLayout->addLayout(addRow);
    auto* how = new QGroupBox(tr("How"), this);
    auto* howForm = new QFormLayout(how);
    howForm->addRow(tr("Annotators per item:"), m_overlap);
    howForm->addRow(tr("Order:"), m_strategy);
    howForm->addRow(tr("Seed:"), m_seed);
    howForm->addRow(tr("Stratify by:"), m_stratify);
    auto* assignButton = new QPushButton(tr("&Assign"), this);
    connect(assignButton, &QPushButton::clicked, this, &AssignDialog::assign);

    auto* move = new QGroupBox(tr("Reassign (labels already made stay)"), this);
    auto* moveLayout = new QHBoxLayout(move);
    auto* reassignButton = new QPushButton(tr("&Reassign open items"), this);
    connect(reassignButton, &QPushButton::clicked, this, &AssignDialog::reassign);
    moveLayout->addWidget(new QLabel(tr("From"), move));
    moveLayout->addWidget(m_from, 1);
    moveLayout->addWidget(new QLabel(tr("to"), move));
    moveLayout->addWidget(m_to, 1);
    moveLayout->addWidget(reassignButton);

    auto* close = new QDialogButtonBox(QDialogButtonBox::Close, this);
    connect(close, &QDialogButtonBox::rejected, this, &QDialog::accept);
    auto* layout = new QVBoxLayout(this);
    layout->addWidget(items);
    layout->addWidget(people, 1);
    layout->addWidget(how);
    layout->addWidget(assignButton, 0, Qt::AlignRight);
    layout->addWidget(move);
    layout->addWidget(m_result);
    layout->addWidget(close);
    // Return in a text field (a search, a new name) must not start an assignment.
    for (auto* button : findChildren<QPushButton*>()) button->setAutoDefault(false);
    resize(560, 640);
}

void AssignDialog::fillAnnotators() {
    m_annotators->clear();
    m_from->clear();
    m_to->clear();
    for (const auto& w : db::annotatorWorkloads(m_session->db())) {
        const QString name = QString::fromStdString(w.annotator.name);
        auto* item = new QListWidgetItem(
            tr("%1 (%2): %3 assigned, %4 open, %5 done").arg(name, roleDisplayName(QString::fromStdString(w.annotator.role)))
                .arg(w.assigned).arg(w.open).arg(w.done),
            m_annotators);
        item->setData(Qt::UserRole, QVariant::fromValue<qint64>(w.annotator.id));
        item->setFlags(item->flags() | Qt::ItemIsUserCheckable);
        item->setCheckState(w.annotator.role == "annotator" ? Qt::Checked : Qt::Unchecked);
        m_from->addItem(name, QVariant::fromValue<qint64>(w.annotator.id));
        m_to->addItem(name, QVariant::fromValue<qint64>(w.annotator.id));
    }
    m_to->setCurrentIndex(std::min(1, m_to->count() - 1));
}

bool AssignDialog::addAnnotator() {
    const QString name = m_newName->text().trimmed();
    if (name.isEmpty()) return false;
    try {
        if (db::annotatorByName(m_session->db(), name.toStdString())) {
            m_result->setText(tr("%1 is already on the team.").arg(name));
            return false;
        }
        db::ensureAnnotator(m_session->db(), name.toStdString(), "annotator");
    } catch (const std::exception& e) {
        m_result->setText(QString::fromUtf8(e.what()));
        return false;
    }
    m_newName->clear();
    fillAnnotators();
    m_result->setText(tr("%1 joined the team as an annotator; they pick their name when they open the project.").arg(name));
    return true;
}

bool AssignDialog::assign() {
    db::AssignOptions options;
    options.overlap = m_overlap->value();
    options.strategy = db::AssignStrategy(m_strategy->currentData().toInt());
    options.seed = uint64_t(m_seed->value());
    if (m_stratify->currentIndex() > 0) options.stratifyKey = m_stratify->currentText().toStdString();
    for (int i = 0; i < m_annotators->count(); ++i)
        if (m_annotators->item(i)->checkState() == Qt::Checked)
            options.annotatorIds.push_back(m_annotators->item(i)->data(Qt::UserRole).toLongLong());
    db::BrowseFilter filter;
    if (m_dataset->currentData().isValid()) filter.datasetId = m_dataset->currentData().toLongLong();
    filter.search = m_search->text().toStdString();
    auto summary = std::make_shared<db::AssignSummary>();
    auto matched = std::make_shared<size_t>(0);
    TaskProgressDialog progress(
        m_session, tr("Assigning items…"),
        [options, filter, summary, matched](db::Project& project, const core::ProgressCallback&) {
            const auto items = db::browseItemIds(project.db(), filter);
            *matched = items.size();
            *summary = db::assignItems(project.db(), items, options);
            return BackgroundTask::Done();
        },
        this);
    if (!progress.runToEnd()) {
        m_result->setText(progress.error());
        return false;
    }
    m_result->setText(tr("%1 of %2 matching item(s) needed annotators: %3 assignment(s) added.")
                          .arg(summary->items).arg(*matched).arg(summary->assignments));
    fillAnnotators();
    return true;
}

bool AssignDialog::reassign() {
    try {
        const auto s = db::reassignItems(m_session->db(), m_from->currentData().toLongLong(), m_to->currentData().toLongLong());
        m_result->setText(tr("%1 open item(s) moved from %2 to %3; %4 done item(s) stay with %2.")
                              .arg(s.moved).arg(m_from->currentText(), m_to->currentText()).arg(s.keptDone));
    } catch (const std::exception& e) {
        m_result->setText(QString::fromUtf8(e.what()));
        return false;
    }
    fillAnnotators();
    return true;
}

}  // namespace srllm::ui
