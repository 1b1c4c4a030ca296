#include "ui/annotate/annotate-view.h"

#include <algorithm>
#include <functional>

#include <QAction>
#include <QApplication>
#include <QLabel>
#include <QListView>
#include <QProgressBar>
#include <QPushButton>
#include <QScrollArea>
#include <QSplitter>
#include <QTimer>
#include <QVBoxLayout>

#include "core/eval/scorer-suggester.h"
#include "db/suggestions.h"
#include "ui/annotate/annotation-draft.h"
#include "ui/annotate/annotation-queue-model.h"
#include "ui/annotate/item-timer.h"
#include "ui/annotate/label-form.h"
#include "ui/annotate/rewrite-editor.h"
#include "ui/annotate/rewrite-metrics-line.h"
#include "ui/annotate/span-text-view.h"
#include "ui/annotate/suggestion-panel.h"
#include "ui/project-session.h"
#include "ui/shortcut-registry.h"

namespace srllm::ui {

namespace {
constexpr int kTimeFlushMs = 30'000;  // a killed process loses at most this much of the time record

QLabel* heading(const QString& text, QWidget* parent) {
    return new QLabel(QStringLiteral("<b>%1</b>").arg(text.toHtmlEscaped()), parent);
}

// Overlapping or touching spans merge, so the stored spans stay disjoint and sorted.
void mergeSpan(std::vector<core::Span>& spans, const core::Span& span) {
    core::Span merged = span;
    std::vector<core::Span> kept;
    for (const core::Span& old : spans) {
        if (old.end < merged.start || old.start > merged.end) { kept.push_back(old); continue; }
        merged = {std::min(old.start, merged.start), std::max(old.end, merged.end)};
    }
    kept.push_back(merged);
    std::sort(kept.begin(), kept.end(), [](const core::Span& a, const core::Span& b) { return a.start < b.start; });
    spans = kept;
}
}  // namespace

AnnotateView::AnnotateView(ProjectSession* session, QWidget* parent)
    : QWidget(parent), m_session(session), m_draft(new AnnotationDraft(session, this)),
      m_queue(new AnnotationQueueModel(session, this)), m_timer(new ItemTimer(this)) {
    auto* splitter = new QSplitter(Qt::Horizontal, this);
    splitter->addWidget(buildQueuePanel());
    splitter->addWidget(buildItemPanel());
    splitter->addWidget(buildFormPanel());
    splitter->setStretchFactor(1, 1);
    splitter->setSizes({260, 640, 340});
    auto* layout = new QVBoxLayout(this);
    layout->setContentsMargins(6, 6, 6, 6);
    layout->addWidget(splitter);
    createActions();

    connect(m_draft, &AnnotationDraft::loaded, this, &AnnotateView::onLoaded);
    connect(m_draft, &AnnotationDraft::changed, this, &AnnotateView::onChanged);
    connect(m_draft, &AnnotationDraft::saveFailed, this,
            [this](const QString& why) { notify(tr("Could not save: %1").arg(why)); });
    connect(m_session, &ProjectSession::annotationsChanged, m_queue, &AnnotationQueueModel::refreshItem);
    connect(m_queue, &AnnotationQueueModel::progressChanged, this, &AnnotateView::updateProgress);
    connect(m_session, &ProjectSession::taxonomyChanged, this, [this] {
        m_form->setTaxonomy(m_session->taxonomy());
        onChanged();
    });
    connect(m_form, &LabelForm::activeFieldChanged, this, [this](const QString& key) {
        if (QWidget* field = m_form->activeFieldWidget()) m_formScroll->ensureWidgetVisible(field, 0, 12);
        emit activeFieldChanged(key);
    });
    connect(m_form, &LabelForm::labelEdited, this, [this](const QString& key, const nlohmann::json& value) {
        flushTime();
        m_draft->edit(AnnotationDraft::EditKind::Label, tr("Set %1").arg(key), [&](AnnotationState& s) {
            if (value.is_null()) s.labels.erase(key.toStdString()); else s.labels[key.toStdString()] = value;
        });
    });
    connect(m_text, &SpanTextView::spanMarked, this, [this](const core::Span& span) {
        m_draft->edit(AnnotationDraft::EditKind::Span, tr("Mark biased words"),
                      [&](AnnotationState& s) { mergeSpan(s.spans, span); });
    });
    connect(m_suggestions, &SuggestionPanel::useSpans, this, [this](const std::vector<core::Span>& spans) {
        m_draft->edit(AnnotationDraft::EditKind::Span, tr("Mark suggested words"), [&](AnnotationState& s) {
            for (const core::Span& span : spans) mergeSpan(s.spans, span);
        });
    });
    connect(m_suggestions, &SuggestionPanel::useLabels, this, [this](const nlohmann::json& labels) {
        flushTime();
        m_draft->edit(AnnotationDraft::EditKind::Label, tr("Use suggested labels"), [&](AnnotationState& s) {
            for (const auto& [key, value] : labels.items()) s.labels[key] = value;
        });
    });
    connect(m_suggestions, &SuggestionPanel::useRewrite, this, [this](const QString& rewrite) {
        m_draft->edit(AnnotationDraft::EditKind::Rewrite, tr("Use suggested rewrite"),
                      [&](AnnotationState& s) { s.rewrite = rewrite.toStdString(); });
    });
    connect(m_rewrite, &RewriteEditor::pasted, m_draft, &AnnotationDraft::addPastedChars);
    for (auto signal : {&ProjectSession::changedElsewhere, &ProjectSession::queuesChanged})
        connect(m_session, signal, this, [this] {
            m_queue->reload();  // the item on screen and its draft stay as they are
            showQueueHeading();  // the first assignment turns "all items" into "assigned items"
            showQueueReason();
            // The first items of an empty queue (just imported or assigned) open at once, as at start.
            if (m_draft->itemId() == 0 && m_queue->rowCount() > 0) showRow(std::max(0, m_queue->nextOpenRow(0)));
        });
    connect(m_text, &SpanTextView::spanRemoveRequested, this, [this](int index) {
        m_draft->edit(AnnotationDraft::EditKind::Span, tr("Remove biased words"), [&](AnnotationState& s) {
            if (index >= 0 && index < int(s.spans.size())) s.spans.erase(s.spans.begin() + index);
        });
    });
    connect(m_rewrite, &RewriteEditor::rewriteEdited, this, [this](const QString& text) {
        m_draft->edit(AnnotationDraft::EditKind::Rewrite, tr("Edit rewrite"), [&](AnnotationState& s) {
            s.rewrite = text.isEmpty() ? std::nullopt : std::optional<std::string>(text.toStdString());
        });
    });
    auto* flush = new QTimer(this);
    connect(flush, &QTimer::timeout, this, &AnnotateView::flushTime);
    flush->start(kTimeFlushMs);

    m_form->setTaxonomy(m_session->taxonomy());
    updateProgress(m_queue->doneCount(), m_queue->rowCount());
    showRow(m_queue->nextOpenRow(0) >= 0 ? m_queue->nextOpenRow(0) : 0);
    if (m_queue->rowCount() == 0) {
        if (!m_queue->isAssigned())
            m_itemTitle->setText(tr("<b>No items to annotate yet.</b> Import a file (File &gt; Import…); the "
                                    "items appear here by themselves."));
        else if (m_session->isExpert())  // the lead: their own queue is empty, the team's is not
            m_itemTitle->setText(tr("<b>No items are assigned to you.</b> Browse and Adjudicate show every item; "
                                    "Team &gt; Assign items… hands them out, to you too."));
        else
            m_itemTitle->setText(tr("<b>No items are assigned to you yet.</b> Your lead assigns them (Team &gt; "
                                    "Assign items…); they appear here by themselves."));
        m_itemTitle->setWordWrap(true);
        setEditorsEnabled(false);
    }
}

void AnnotateView::showQueueHeading() {
    m_queueHeading->setText(m_queue->isAssigned() ? tr("My queue (assigned items)") : tr("My queue (all items)"));
}

void AnnotateView::setEditorsEnabled(bool enabled) {
    for (QWidget* w : {static_cast<QWidget*>(m_form), static_cast<QWidget*>(m_rewrite), static_cast<QWidget*>(m_text)})
        w->setEnabled(enabled);
}

QWidget* AnnotateView::buildQueuePanel() {
    auto* panel = new QWidget(this);
    m_progress = new QProgressBar(panel);
    m_progress->setTextVisible(true);
    m_queueView = new QListView(panel);
    m_queueView->setModel(m_queue);
    m_queueView->setUniformItemSizes(true);
    m_queueView->setFocusPolicy(Qt::ClickFocus);
    m_queueView->setTextElideMode(Qt::ElideRight);
    m_queueView->setHorizontalScrollBarPolicy(Qt::ScrollBarAlwaysOff);
    m_queueView->setIconSize(QSize(10, 10));
    auto* layout = new QVBoxLayout(panel);
    layout->setContentsMargins(0, 0, 0, 0);
    m_queueHeading = heading(QString(), panel);
    showQueueHeading();
    layout->addWidget(m_queueHeading);
    layout->addWidget(m_progress);
    layout->addWidget(m_queueView);
    connect(m_queueView->selectionModel(), &QItemSelectionModel::currentRowChanged, this,
            [this](const QModelIndex& current) { if (current.isValid()) showRow(current.row()); });
    return panel;
}

QWidget* AnnotateView::buildItemPanel() {
    auto* panel = new QWidget(this);
    m_itemTitle = new QLabel(panel);
    m_banner = new QLabel(panel);
    m_banner->setStyleSheet(QStringLiteral("background:#fff4d6; border:1px solid #e6c36a; padding:4px;"));
    m_banner->setWordWrap(true);
    m_banner->hide();
    m_reason = new QLabel(panel);
    m_reason->setObjectName(QStringLiteral("queueReason"));
    m_reason->setStyleSheet(QStringLiteral("background:#e3ecfb; border:1px solid #8fb0e6; padding:4px;"));
    m_reason->setWordWrap(true);
    m_reason->hide();
    m_text = new SpanTextView(panel);
    m_rewrite = new RewriteEditor(panel);
    auto* hint = new QLabel(tr("Select words to mark them as biased; click a marked span to remove it."), panel);
    hint->setStyleSheet(QStringLiteral("color: palette(mid);"));
    auto* top = new QWidget(panel);
    auto* topLayout = new QVBoxLayout(top);
    topLayout->setContentsMargins(0, 0, 0, 0);
    topLayout->addWidget(m_itemTitle);
    topLayout->addWidget(m_banner);
    topLayout->addWidget(m_reason);
    topLayout->addWidget(m_text, 1);
    topLayout->addWidget(hint);
    auto* split = new QSplitter(Qt::Vertical, panel);
    split->addWidget(top);
    split->addWidget(m_rewrite);
    split->setSizes({240, 420});
    auto* layout = new QVBoxLayout(panel);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(split);
    return panel;
}

QWidget* AnnotateView::buildFormPanel() {
    auto* panel = new QWidget(this);
    m_form = new LabelForm;
    m_formScroll = new QScrollArea(panel);
    m_formScroll->setWidget(m_form);
    m_formScroll->setWidgetResizable(true);
    m_formScroll->setFocusPolicy(Qt::NoFocus);
    m_formScroll->setMinimumWidth(280);
    m_suggestions = new SuggestionPanel(panel);
    m_saveButton = new QPushButton(tr("Save as done && next"), panel);
    m_saveButton->setFocusPolicy(Qt::NoFocus);
    connect(m_saveButton, &QPushButton::clicked, this, &AnnotateView::saveAndNext);
    auto* layout = new QVBoxLayout(panel);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(m_suggestions);
    layout->addWidget(heading(tr("Labels"), panel));
    layout->addWidget(m_formScroll, 1);
    layout->addWidget(m_saveButton);
    setTabOrder(m_form, m_rewrite->editor());
    return panel;
}

void AnnotateView::createActions() {
    struct Spec {
        const char* id;
        QString text;
        QKeySequence key;
        std::function<void()> run;
    };
    const QList<Spec> specs = {
        {"annotate.save-next", tr("Save as done and go to the next item"), QKeySequence(Qt::CTRL | Qt::Key_Return),
         [this] { saveAndNext(); }},
        {"annotate.next", tr("Next item"), QKeySequence(Qt::Key_J), [this] { showNext(); }},
        {"annotate.previous", tr("Previous item"), QKeySequence(Qt::Key_K), [this] { showPrevious(); }},
        {"annotate.mark-span", tr("Mark the selected words as biased"), QKeySequence(Qt::Key_M),
         [this] { m_text->markSelection(); }},
        {"annotate.mark-span-exact", tr("Mark exactly the selected characters (no snapping to words)"),
         QKeySequence(Qt::SHIFT | Qt::Key_M), [this] { m_text->markSelection(true); }},
        {"annotate.focus-text", tr("Go to the item text (select words with Shift+arrows)"), QKeySequence(Qt::Key_T),
         [this] { m_text->setFocus(Qt::ShortcutFocusReason); }},
        {"annotate.focus-rewrite", tr("Go to the rewrite"), QKeySequence(Qt::Key_R),
         [this] { m_rewrite->editor()->setFocus(Qt::ShortcutFocusReason); }},
        {"annotate.focus-labels", tr("Go back to the labels"), QKeySequence(Qt::Key_Escape),
         [this] { m_form->setFocus(Qt::ShortcutFocusReason); }},
        {"annotate.copy-original", tr("Start the rewrite from the original text"), QKeySequence(Qt::CTRL | Qt::Key_D),
         [this] { m_rewrite->copyOriginal(); }},
    };
    const auto add = [this](const QString& id, const QString& text, const QKeySequence& key, std::function<void()> run) {
        ShortcutRegistry::instance().addViewAction(this, id, text, key, std::move(run));
    };
    for (const Spec& spec : specs) add(QString::fromLatin1(spec.id), spec.text, spec.key, spec.run);
    // The button shows the save shortcut as remapped, so the keyboard path is discoverable.
    QAction* saveAction = actions().constFirst();
    const auto showKey = [this, saveAction] {
        const QString key = saveAction->shortcut().toString(QKeySequence::NativeText);
        m_saveButton->setText(key.isEmpty() ? tr("Save as done && next")
                                            : QStringLiteral("%1   (%2)").arg(tr("Save as done && next"), key));
    };
    connect(saveAction, &QAction::changed, this, showKey);
    showKey();
    for (int n = 1; n <= 9; ++n)
        add(QStringLiteral("annotate.choose-%1").arg(n), tr("Choose value %1 of the current field").arg(n),
            QKeySequence(Qt::Key_0 + n), [this, n] { m_form->chooseNumber(n); });
}

void AnnotateView::onLoaded() {
    setEditorsEnabled(true);  // an empty queue disabled them
    m_text->setContent(m_draft->text(), m_draft->state().spans);
    showSuggestions();
    showQueueReason();
    m_rewrite->setOriginal(m_draft->text());
    m_rewrite->setRewrite(m_draft->state().rewrite);
    m_form->setActiveIndex(0);
    const int row = m_queue->rowOf(m_draft->itemId());
    if (row >= 0 && m_queueView->currentIndex().row() != row) {
        const QSignalBlocker blocker(m_queueView->selectionModel());
        m_queueView->setCurrentIndex(m_queue->index(row));
        m_queueView->viewport()->update();
    }
    if (row >= 0) m_queueView->scrollTo(m_queue->index(row));
}

void AnnotateView::onChanged() {
    const AnnotationState& state = m_draft->state();
    m_form->setLabels(state.labels);
    m_text->setSpans(state.spans);
    m_rewrite->setRewrite(state.rewrite);
    const QString status = state.status == "done" ? tr("done") : state.status == "draft" ? tr("draft") : tr("to do");
    m_itemTitle->setText(tr("<b>Item #%1</b> &nbsp; <span style=\"color:gray\">%2</span>").arg(m_draft->itemId()).arg(status));
}

void AnnotateView::showSuggestions() {
    std::vector<db::SuggestionRow> suggestions;
    try {
        const auto scorer = m_scorer.current(m_session->db());
        if (const QString error = m_scorer.takeError(); !error.isEmpty())
            notify(tr("The project's scorer could not be loaded: %1").arg(error));
        m_rewrite->metrics()->setScorer(scorer);
        suggestions = db::suggestionsFor(m_session->db(), m_draft->itemId());
        // An item imported after the scorer was set gets its suggested labels when first shown.
        const auto scored = [&](const db::SuggestionRow& row) { return row.source == core::ScorerSuggester::sourceOf(*scorer); };
        if (scorer && std::none_of(suggestions.begin(), suggestions.end(), scored)) {
            core::ScorerSuggester suggester(scorer);
            db::suggestForItems(m_session->db(), suggester, {m_draft->itemId()}, {});
            suggestions = db::suggestionsFor(m_session->db(), m_draft->itemId());
        }
        if (!suggestions.empty()) db::markSuggestionsShown(m_session->db(), m_draft->itemId(), m_session->annotatorId());
    } catch (const std::exception& e) {
        notify(tr("Suggestions could not be read: %1").arg(QString::fromUtf8(e.what())));
    }
    m_suggestions->setSuggestions(suggestions);
    std::vector<core::Span> words;
    for (const auto& s : suggestions) words.insert(words.end(), s.suggestion.spans.begin(), s.suggestion.spans.end());
    m_text->setSuggestedSpans(words);
}

void AnnotateView::showQueueReason() {
    const db::QueueState state = m_queue->stateOf(m_draft->itemId());
    QString reason = queueReasonText(state);
    if (const auto& review = m_draft->reviewReason(); review && reason.isEmpty())
        reason = tr("Please review again: %1").arg(QString::fromStdString(*review));
    m_reason->setText(reason);
    m_reason->setVisible(!reason.isEmpty());
}

void AnnotateView::updateProgress(int done, int total) {
    m_progress->setRange(0, std::max(total, 1));
    m_progress->setValue(done);
    m_progress->setFormat(tr("%1 of %2 done").arg(done).arg(total));
    emit progressChanged(done, total);
}

void AnnotateView::flushTime() { m_draft->addSeconds(m_timer->take()); }

void AnnotateView::notify(const QString& text) {
    m_banner->setText(text);
    m_banner->show();
    QTimer::singleShot(5000, m_banner, &QLabel::hide);
    emit message(text);
}

void AnnotateView::saveAndNext() {
    if (m_draft->itemId() == 0) return;
    flushTime();
    const QStringList missing = m_form->missingFields(m_draft->state().labels);
    if (!missing.isEmpty()) {
        m_form->setActiveKey(missing.first());
        m_form->setFocus(Qt::ShortcutFocusReason);
        notify(tr("Choose a value for '%1' before saving as done.").arg(missing.first()));
        return;
    }
    // A done annotation names every field: an untouched multi field means "none apply".
    const nlohmann::json taxonomy = m_session->taxonomy();
    m_draft->edit(AnnotationDraft::EditKind::Status, tr("Save as done"), [&](AnnotationState& s) {
        for (const auto& field : taxonomy.value("fields", nlohmann::json::array()))
            if (field.is_object() && field.value("type", std::string()) == "multi" && !s.labels.contains(field.value("key", std::string())))
                s.labels[field.value("key", std::string())] = nlohmann::json::array();
        s.status = "done";
    });
    m_draft->answerReview();
    m_queue->refreshItem(m_draft->itemId());
    showQueueReason();
    const int row = m_queue->rowOf(m_draft->itemId());
    const int next = m_queue->nextOpenRow(row + 1);
    if (next < 0) {
        notify(tr("All %n item(s) in your queue are done. Thank you!", "", m_queue->rowCount()));
        return;
    }
    showRow(next);
}

void AnnotateView::showNext() { showRow(std::min(m_queue->rowOf(m_draft->itemId()) + 1, m_queue->rowCount() - 1)); }

void AnnotateView::showPrevious() { showRow(std::max(m_queue->rowOf(m_draft->itemId()) - 1, 0)); }

void AnnotateView::showRow(int row) {
    const int64_t itemId = m_queue->itemAt(row);
    if (itemId == 0 || itemId == m_draft->itemId()) return;
    flushTime();
    m_draft->load(itemId);
    m_form->setFocus(Qt::OtherFocusReason);
}

void AnnotateView::showItem(qint64 itemId) {
    const int row = m_queue->rowOf(itemId);
    if (row >= 0) {
        showRow(row);
        return;
    }
    flushTime();
    if (!m_draft->load(itemId)) return;
    m_queueView->clearSelection();
    notify(tr("Item #%1 is not in your queue; your labels for it are saved all the same.").arg(itemId));
    m_form->setFocus(Qt::OtherFocusReason);
}

void AnnotateView::showEvent(QShowEvent* event) {
    QWidget::showEvent(event);
    m_timer->take();  // time spent in other modes is not time on this item
    // Keyboard first: the labels have the focus whenever the mode opens, unless a child already has it.
    if (!isAncestorOf(QApplication::focusWidget())) m_form->setFocus(Qt::OtherFocusReason);
}

void AnnotateView::hideEvent(QHideEvent* event) {
    flushTime();
    QWidget::hideEvent(event);
}

}  // namespace srllm::ui
