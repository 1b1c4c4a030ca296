#include "ui/browser/item-browser-view.h"

#include <QComboBox>
#include <QElapsedTimer>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QLineEdit>
#include <QTableView>
#include <QTimer>
#include <QVBoxLayout>

#include "db/annotators.h"
#include "db/database.h"
#include "db/item-browse-query.h"
#include "ui/browser/item-table-model.h"
#include "ui/project-session.h"

namespace srllm::ui {

namespace {
constexpr int kSearchDelayMs = 250;  // one query after the typing pauses, not one per key
}

ItemBrowserView::ItemBrowserView(ProjectSession* session, QWidget* parent)
    : QWidget(parent), m_session(session), m_model(new ItemTableModel(session, this)),
      m_search(new QLineEdit(this)), m_table(new QTableView(this)), m_summary(new QLabel(this)),
      m_searchDelay(new QTimer(this)) {
    m_search->setPlaceholderText(tr("Search text (all words; word* for a prefix)"));
    m_search->setClearButtonEnabled(true);
    auto* filters = new QHBoxLayout;
    m_dataset = addFilterBox(tr("Dataset"), filters);
    m_label = addFilterBox(tr("Label"), filters);
    m_labelSource = addFilterBox(tr("in"), filters);
    m_annotator = addFilterBox(tr("Annotator"), filters);
    m_status = addFilterBox(tr("Status"), filters);
    m_agreement = addFilterBox(tr("Agreement"), filters);
    filters->addStretch(1);
    // The store hides other people's labels and the gold from a blind annotator (db/access.h); the
    // boxes offer only what it answers.
    const bool expert = session->isExpert();
    m_labelSource->addItem(expert ? tr("annotations") : tr("my annotations"), int(db::LabelSource::Annotations));
    if (expert) m_labelSource->addItem(tr("gold"), int(db::LabelSource::Gold));
    const std::pair<QString, db::BrowseStatus> statuses[] = {
        {tr("Any"), db::BrowseStatus::Any}, {tr("Unannotated"), db::BrowseStatus::Unannotated},
        {tr("In progress"), db::BrowseStatus::InProgress}, {tr("Done"), db::BrowseStatus::Done},
        {tr("Gold"), db::BrowseStatus::Gold}};
    for (const auto& [text, status] : statuses) m_status->addItem(text, int(status));
    m_agreement->addItem(tr("Any"), int(db::BrowseAgreement::Any));
    if (expert) {
        m_agreement->addItem(tr("Unanimous"), int(db::BrowseAgreement::Unanimous));
        m_agreement->addItem(tr("Disputed"), int(db::BrowseAgreement::Disputed));
    }
    m_agreement->setEnabled(expert);

    m_table->setModel(m_model);
    m_table->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_table->setSelectionMode(QAbstractItemView::SingleSelection);
    m_table->setWordWrap(false);
    m_table->setTextElideMode(Qt::ElideRight);
    m_table->verticalHeader()->hide();
    // Fixed row heights keep the view from measuring a million rows.
    m_table->verticalHeader()->setSectionResizeMode(QHeaderView::Fixed);
    m_table->verticalHeader()->setDefaultSectionSize(m_table->fontMetrics().height() + 8);
    auto* header = m_table->horizontalHeader();
    header->setSectionResizeMode(QHeaderView::Interactive);
    header->setSectionResizeMode(ItemTableModel::TextColumn, QHeaderView::Stretch);
    header->resizeSection(ItemTableModel::IdColumn, 80);
    header->resizeSection(ItemTableModel::DatasetColumn, 140);
    header->resizeSection(ItemTableModel::AnnotationsColumn, 100);
    header->resizeSection(ItemTableModel::GoldColumn, 90);
    header->resizeSection(ItemTableModel::SplitColumn, 60);
    m_table->setColumnHidden(ItemTableModel::GoldColumn, !expert);

    auto* layout = new QVBoxLayout(this);
    layout->addWidget(m_search);
    layout->addLayout(filters);
    layout->addWidget(m_table, 1);
    layout->addWidget(m_summary);

    m_searchDelay->setSingleShot(true);
    m_searchDelay->setInterval(kSearchDelayMs);
    connect(m_searchDelay, &QTimer::timeout, this, &ItemBrowserView::applyFilter);
    connect(m_search, &QLineEdit::textChanged, m_searchDelay, qOverload<>(&QTimer::start));
    connect(m_search, &QLineEdit::returnPressed, this, &ItemBrowserView::applyFilter);
    for (QComboBox* box : {m_dataset, m_label, m_labelSource, m_annotator, m_status, m_agreement})
        connect(box, &QComboBox::activated, this, &ItemBrowserView::applyFilter);
    connect(m_table, &QTableView::activated, this,
            [this](const QModelIndex& index) { emit itemActivated(m_model->itemIdAt(index.row())); });
    connect(session, &ProjectSession::annotationsChanged, m_model, &ItemTableModel::invalidateItem);
    connect(session, &ProjectSession::goldChanged, m_model, &ItemTableModel::invalidateItem);
    connect(session, &ProjectSession::changedElsewhere, m_model, &ItemTableModel::reload);
    connect(m_model, &ItemTableModel::firstPageReady, this, &ItemBrowserView::updateSummary);
    connect(m_model, &ItemTableModel::loaded, this, &ItemBrowserView::updateSummary);
    connect(m_model, &ItemTableModel::loadFailed, this,
            [this](const QString& message) { m_summary->setText(tr("Query failed: %1").arg(message)); });
    connect(session, &ProjectSession::taxonomyChanged, this, [this] { fillLabelBox(); });
    reloadFilters();
}

QComboBox* ItemBrowserView::addFilterBox(const QString& label, QLayout* layout) {
    auto* box = new QComboBox(this);
    box->setSizeAdjustPolicy(QComboBox::AdjustToContents);
    auto* caption = new QLabel(label, this);
    caption->setBuddy(box);
    layout->addWidget(caption);
    layout->addWidget(box);
    return box;
}

void ItemBrowserView::fillLabelBox() {
    m_label->clear();
    m_label->addItem(tr("Any"));
    for (const auto& field : m_session->taxonomy().value("fields", nlohmann::json::array())) {
        const QString key = QString::fromStdString(field.value("key", ""));
        const QString name = QString::fromStdString(field.value("label", field.value("key", "")));
        for (const auto& value : field.value("values", nlohmann::json::array()))
            if (value.is_string())
                m_label->addItem(QStringLiteral("%1 = %2").arg(name, QString::fromStdString(value)),
                                 QStringList{key, QString::fromStdString(value)});
    }
}

void ItemBrowserView::reloadFilters() {
    m_dataset->clear();
    m_dataset->addItem(tr("All"));
    for (const auto& d : db::browseDatasets(m_session->db()))
        m_dataset->addItem(QString::fromStdString(d.name), QVariant::fromValue<qint64>(d.id));
    m_annotator->clear();
    m_annotator->addItem(tr("Anyone"));
    for (const auto& a : db::listAnnotators(m_session->db()))
        if (m_session->isExpert() || a.id == m_session->annotatorId())
            m_annotator->addItem(QString::fromStdString(a.name), QVariant::fromValue<qint64>(a.id));
    fillLabelBox();
    applyFilter();
}

void ItemBrowserView::applyFilter() {
    m_searchDelay->stop();
    db::BrowseFilter f;
    if (m_dataset->currentData().isValid()) f.datasetId = m_dataset->currentData().toLongLong();
    f.search = m_search->text().toStdString();
    if (const QStringList label = m_label->currentData().toStringList(); label.size() == 2) {
        f.labelField = label[0].toStdString();
        f.labelValue = label[1].toStdString();
    }
    f.labelSource = db::LabelSource(m_labelSource->currentData().toInt());
    if (m_annotator->currentData().isValid()) f.annotatorId = m_annotator->currentData().toLongLong();
    f.status = db::BrowseStatus(m_status->currentData().toInt());
    f.agreement = db::BrowseAgreement(m_agreement->currentData().toInt());
    m_clock.start();
    m_summary->setText(tr("Searching…"));
    m_model->setFilter(f);
}

void ItemBrowserView::updateSummary() {
    if (m_model->isLoading())
        m_summary->setText(tr("First %n item(s) shown; counting the rest… (%1 ms)", nullptr, m_model->rowCount())
                               .arg(m_clock.elapsed()));
    else
        m_summary->setText(tr("%n item(s) (%1 ms)", nullptr, m_model->rowCount()).arg(m_clock.elapsed()));
}

}  // namespace srllm::ui
