#pragma once
// Annotate mode: the annotator's queue on the left (with why each item is there), the item text with
// biased-word spans and the rewrite with its live figures in the middle, suggestions and the label form on
// the right. Keyboard first; every edit is undoable and saved at once through AnnotationDraft; changes made
// elsewhere refresh the queue without moving the item on screen. Threading: GUI thread only.
#include <QWidget>

#include "ui/annotate/project-scorer.h"

class QLabel;
class QListView;
class QProgressBar;
class QPushButton;
class QScrollArea;

namespace srllm::ui {

class AnnotationDraft;
class AnnotationQueueModel;
class ItemTimer;
class LabelForm;
class ProjectSession;
class RewriteEditor;
class SpanTextView;
class SuggestionPanel;

class AnnotateView : public QWidget {
    Q_OBJECT
public:
    explicit AnnotateView(ProjectSession* session, QWidget* parent = nullptr);

    AnnotationDraft* draft() const { return m_draft; }
    LabelForm* labelForm() const { return m_form; }
    SpanTextView* textView() const { return m_text; }
    RewriteEditor* rewriteEditor() const { return m_rewrite; }
    AnnotationQueueModel* queue() const { return m_queue; }
    SuggestionPanel* suggestions() const { return m_suggestions; }
    QLabel* queueReason() const { return m_reason; }
    QLabel* queueHeading() const { return m_queueHeading; }
    QLabel* itemTitle() const { return m_itemTitle; }

public slots:
    // Marks the item done (when every single field has a value) and opens the next open item.
    void saveAndNext();
    void showNext();
    void showPrevious();
    void showRow(int row);
    // Shows any item of the project (from the browser), in the queue or not.
    void showItem(qint64 itemId);

signals:
    void activeFieldChanged(const QString& key);
    void progressChanged(int done, int total);
    void message(const QString& text);

protected:
    void showEvent(QShowEvent* event) override;
    void hideEvent(QHideEvent* event) override;

private:
    QWidget* buildQueuePanel();
    QWidget* buildItemPanel();
    QWidget* buildFormPanel();
    void createActions();
    void onLoaded();
    void setEditorsEnabled(bool enabled);
    void showQueueHeading();
    void onChanged();
    void showSuggestions();
    void showQueueReason();
    void updateProgress(int done, int total);
    void flushTime();
    void notify(const QString& text);

    ProjectSession* m_session;
    AnnotationDraft* m_draft;
    AnnotationQueueModel* m_queue;
    ItemTimer* m_timer;
    QListView* m_queueView = nullptr;
    QProgressBar* m_progress = nullptr;
    QLabel* m_queueHeading = nullptr;
    QLabel* m_itemTitle = nullptr;
    QLabel* m_banner = nullptr;
    QLabel* m_reason = nullptr;  // why the item is in the queue (routed, re-review); stays while it is shown
    SuggestionPanel* m_suggestions = nullptr;
    ProjectScorer m_scorer;  // the project's scorer: suggested risk labels and the rewrite's toxicity
    SpanTextView* m_text = nullptr;
    RewriteEditor* m_rewrite = nullptr;
    LabelForm* m_form = nullptr;
    QScrollArea* m_formScroll = nullptr;
    QPushButton* m_saveButton = nullptr;
};

}  // namespace srllm::ui
