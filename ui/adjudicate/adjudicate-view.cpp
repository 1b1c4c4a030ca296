#include "ui/adjudicate/adjudicate-view.h"

#include <map>

#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QListWidget>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QScrollArea>
#include <QSplitter>
#include <QTableWidget>
#include <QTextBrowser>
#include <QVBoxLayout>

#include "core/common/diagnostics.h"
#include "db/annotation-queue.h"
#include "db/annotators.h"
#include "db/database.h"
#include "db/items.h"
#include "ui/adjudicate/vote-comparison-table.h"
#include "ui/annotate/label-form.h"
#include "ui/project-session.h"

namespace srllm::ui {

namespace {
enum ListColumn { ItemColumn, AnnotationsColumn, FieldsColumn, GoldColumn, RoutedColumn, ListColumnCount };
}

AdjudicateView::AdjudicateView(ProjectSession* session, QWidget* parent)
    : QWidget(parent), m_session(session), m_message(new QLabel(this)), m_items(new QTableWidget(this)),
      m_text(new QTextBrowser(this)), m_votes(new VoteComparisonTable(this)), m_form(new LabelForm(this)),
      m_rewrites(new QListWidget(this)), m_rewrite(new QPlainTextEdit(this)),
      m_accept(new QPushButton(tr("&Accept as gold"), this)) {
    m_message->setWordWrap(true);
    m_items->setColumnCount(ListColumnCount);
    m_items->setHorizontalHeaderLabels({tr("Item"), tr("Votes"), tr("Disputed fields"), tr("Gold"), tr("Routed to you")});
    m_items->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_items->setSelectionMode(QAbstractItemView::SingleSelection);
    m_items->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_items->verticalHeader()->hide();
    m_items->setWordWrap(false);
    m_items->horizontalHeader()->setSectionResizeMode(QHeaderView::ResizeToContents);
    m_items->horizontalHeader()->setSectionResizeMode(FieldsColumn, QHeaderView::Stretch);
    m_items->verticalHeader()->setDefaultSectionSize(m_items->fontMetrics().height() + 8);
    m_items->setMinimumWidth(360);
    m_text->setMaximumHeight(110);
    m_rewrites->setMaximumHeight(140);
    m_rewrite->setPlaceholderText(tr("Gold rewrite: pick an annotator's rewrite above, or write one"));
    m_accept->setShortcut(QKeySequence(Qt::CTRL | Qt::Key_Return));
    m_accept->setToolTip(tr("Save these labels as expert gold and go to the next item (Ctrl+Return)"));

    auto* formScroll = new QScrollArea(this);
    formScroll->setWidget(m_form);
    formScroll->setWidgetResizable(true);
    formScroll->setMinimumWidth(320);
    auto* rewritePanel = new QWidget(this);
    auto* rewriteLayout = new QVBoxLayout(rewritePanel);
    rewriteLayout->setContentsMargins(0, 0, 0, 0);
    rewriteLayout->addWidget(new QLabel(tr("Rewrites (click one to use it):"), rewritePanel));
    rewriteLayout->addWidget(m_rewrites, 1);
    rewriteLayout->addWidget(m_rewrite, 1);
    auto* acceptRow = new QHBoxLayout;
    acceptRow->addStretch(1);
    acceptRow->addWidget(m_accept);
    rewriteLayout->addLayout(acceptRow);
    auto* decide = new QSplitter(Qt::Horizontal, this);
    decide->addWidget(formScroll);
    decide->addWidget(rewritePanel);
    auto* right = new QSplitter(Qt::Vertical, this);
    right->addWidget(m_text);
    right->addWidget(m_votes);
    right->addWidget(decide);
    right->setSizes({90, 240, 480});
    decide->setSizes({420, 540});
    auto* split = new QSplitter(Qt::Horizontal, this);
    split->addWidget(m_items);
    split->addWidget(right);
    split->setSizes({380, 980});
    auto* layout = new QVBoxLayout(this);
    layout->addWidget(m_message);
    layout->addWidget(split, 1);
    m_content = split;

    connect(m_items, &QTableWidget::currentCellChanged, this, [this](int row) { showItem(row); });
    connect(m_form, &LabelForm::labelEdited, this, &AdjudicateView::setGoldLabel);
    connect(m_rewrites, &QListWidget::itemClicked, this,
            [this](QListWidgetItem* item) { m_rewrite->setPlainText(item->data(Qt::UserRole).toString()); });
    connect(m_accept, &QPushButton::clicked, this, &AdjudicateView::accept);
    connect(session, &ProjectSession::taxonomyChanged, this, &AdjudicateView::reloadWhenVisible);
    connect(session, &ProjectSession::annotationsChanged, this, &AdjudicateView::reloadWhenVisible);
    connect(session, &ProjectSession::changedElsewhere, this, &AdjudicateView::reloadWhenVisible);
    reload();
}

void AdjudicateView::reloadWhenVisible() {
    m_stale = !isVisible();
    if (!m_stale) reload();
}

void AdjudicateView::showEvent(QShowEvent* event) {
    QWidget::showEvent(event);
    if (m_stale) reload();
}

bool AdjudicateView::canDecide() const { return m_session->annotatorRole() == QLatin1String("expert"); }

void AdjudicateView::setMessage(const QString& text, bool error) {
    m_message->setText(text);
    m_message->setStyleSheet(error ? QStringLiteral("color: #a40000;") : QString());
    m_message->setVisible(!text.isEmpty());
}

void AdjudicateView::reload() {
    m_stale = false;
    // The mode and its data are for experts: the store refuses the list to anyone blind (db/access.h).
    m_content->setVisible(canDecide());
    if (!canDecide()) {
        setMessage(tr("Adjudication is for experts. Until an item is adjudicated, annotators see only their own "
                      "labels (you are %1, role \"%2\").").arg(m_session->annotatorName(), m_session->annotatorRole()),
                   false);
        return;
    }
    const int64_t keep = m_itemId;
    m_form->setTaxonomy(m_session->taxonomy());
    m_rows = db::itemsWithDisagreement(m_session->db());
    QSignalBlocker block(m_items);  // the rows change under the selection; showItem runs once below
    m_items->setRowCount(static_cast<int>(m_rows.size()));
    for (int r = 0; r < static_cast<int>(m_rows.size()); ++r) {
        const auto& row = m_rows[static_cast<size_t>(r)];
        QStringList fields;
        for (const auto& f : row.disputedFields) fields << QString::fromStdString(f);
        const db::QueueState state = db::queueState(m_session->db(), m_session->annotatorId(), row.itemId);
        const QString cells[] = {QString::number(row.itemId), QString::number(row.annotations),
                                 fields.join(QStringLiteral(", ")) + (row.tie ? tr(" (tie)") : QString()),
                                 QString::fromStdString(row.goldProvenance.value_or("")),
                                 state.reason == "expert" ? QString::fromStdString(state.detail) : QString()};
        for (int c = 0; c < ListColumnCount; ++c) m_items->setItem(r, c, new QTableWidgetItem(cells[c]));
    }
    setMessage(m_rows.empty() ? tr("No item has disagreeing annotations.") : QString(), false);
    m_itemId = 0;
    if (keep && selectItem(keep)) return;
    m_items->setCurrentCell(m_rows.empty() ? -1 : 0, 0);
    showItem(m_rows.empty() ? -1 : 0);
}

bool AdjudicateView::selectItem(qint64 itemId) {
    for (int r = 0; r < static_cast<int>(m_rows.size()); ++r)
        if (m_rows[static_cast<size_t>(r)].itemId == itemId) {
            m_items->setCurrentCell(r, 0);
            showItem(r);
            return true;
        }
    return false;
}

void AdjudicateView::showItem(int row) {
    m_rewrites->clear();
    if (row < 0 || row >= static_cast<int>(m_rows.size())) {
        m_itemId = 0;
        m_text->clear();
        m_votes->clearContents();
        m_rewrite->clear();
        return;
    }
    auto& db = m_session->db();
    m_itemId = m_rows[static_cast<size_t>(row)].itemId;
    const auto item = db::itemById(db, m_itemId);
    const QString text = item ? QString::fromStdString(item->text) : QString();
    m_text->setPlainText(text);
    std::map<int64_t, QString> names;
    for (const auto& a : db::listAnnotators(db)) names[a.id] = QString::fromStdString(a.name);
    std::vector<db::AnnotationRow> done;
    QStringList doneNames;
    for (auto& a : db::annotationsForItem(db, m_itemId))
        if (a.status == "done") {
            doneNames << names[a.annotatorId];
            done.push_back(std::move(a));
        }
    const auto fields = db::taxonomyFields(m_session->taxonomy(), m_session->taxonomyVersion());
    const db::ItemDecision decision =
        db::decideItem(m_itemId, item ? item->text : std::string(), done, fields, m_session->taxonomyVersion());
    m_votes->showVotes(m_session->taxonomy(), text, done, doneNames, decision);
    // The majority pre-fills the form; an earlier expert decision wins over it.
    const auto gold = db::goldFor(db, m_itemId);
    const bool expertGold = gold && gold->provenance == "expert";
    m_goldLabels = expertGold ? gold->labels : decision.gold.labels;
    m_goldSpans = expertGold ? gold->spans : decision.gold.spans;
    m_form->setLabels(m_goldLabels);
    m_rewrite->setPlainText(QString::fromStdString((expertGold ? gold->rewrite : decision.gold.rewrite).value_or("")));
    for (size_t i = 0; i < done.size(); ++i) {
        if (!done[i].rewrite || done[i].rewrite->empty()) continue;
        const QString rewrite = QString::fromStdString(*done[i].rewrite);
        auto* choice = new QListWidgetItem(QStringLiteral("%1: %2").arg(doneNames[static_cast<int>(i)], rewrite), m_rewrites);
        choice->setData(Qt::UserRole, rewrite);
        choice->setToolTip(rewrite);
    }
}

void AdjudicateView::setGoldLabel(const QString& key, const nlohmann::json& value) {
    const bool empty = value.is_null() || (value.is_string() && value.get<std::string>().empty());
    if (empty)
        m_goldLabels.erase(key.toStdString());
    else
        m_goldLabels[key.toStdString()] = value;
}

bool AdjudicateView::accept() {
    if (!canDecide() || m_itemId == 0) return false;
    const QString rewrite = m_rewrite->toPlainText().trimmed();
    try {
        db::saveExpertGold(m_session->db(), m_itemId, m_session->annotatorId(), m_goldLabels, m_goldSpans,
                           rewrite.isEmpty() ? std::nullopt : std::optional<std::string>(rewrite.toStdString()));
    } catch (const std::exception& e) {
        setMessage(tr("Gold not saved: %1").arg(QString::fromUtf8(e.what())), true);
        return false;
    }
    const int64_t saved = m_itemId;
    const int row = m_items->currentRow();
    m_rows[static_cast<size_t>(row)].goldProvenance = "expert";
    m_items->item(row, GoldColumn)->setText(QStringLiteral("expert"));
    setMessage(tr("Item %1 saved as expert gold.").arg(saved), false);
    m_session->notifyGoldChanged(saved);
    emit goldSaved(saved);
    if (row + 1 < m_items->rowCount()) m_items->setCurrentCell(row + 1, 0);
    return true;
}

}  // namespace srllm::ui
