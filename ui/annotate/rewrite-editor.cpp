#include "ui/annotate/rewrite-editor.h"

#include <QHBoxLayout>
#include <QKeyEvent>
#include <QLabel>
#include <QMimeData>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QVBoxLayout>

#include "ui/annotate/rewrite-metrics-line.h"
#include "ui/annotate/word-diff-view.h"

namespace srllm::ui {

namespace {

// Counts what arrives by paste or drop (insertFromMimeData), which typing and setPlainText never call.
class PasteCountingEdit : public QPlainTextEdit {
public:
    std::function<void(int)> onPaste;

protected:
    void insertFromMimeData(const QMimeData* source) override {
        if (onPaste && source->hasText()) onPaste(int(source->text().size()));
        QPlainTextEdit::insertFromMimeData(source);
    }
};

}  // namespace

RewriteEditor::RewriteEditor(QWidget* parent)
    : QWidget(parent), m_edit(new PasteCountingEdit), m_copy(new QPushButton(tr("Start from original"), this)),
      m_summary(new QLabel(this)), m_metrics(new RewriteMetricsLine(this)), m_diff(new WordDiffView(this)) {
    m_edit->setParent(this);
    static_cast<PasteCountingEdit*>(m_edit)->onPaste = [this](int characters) { emit pasted(characters); };
    m_edit->setUndoRedoEnabled(false);
    m_edit->setTabChangesFocus(true);
    m_edit->setPlaceholderText(tr("Benign rewrite: keep the message, drop the bias (leave empty if the text is benign)"));
    m_edit->installEventFilter(this);
    m_copy->setFocusPolicy(Qt::NoFocus);
    m_summary->setObjectName(QStringLiteral("diffSummary"));

    auto* header = new QHBoxLayout;
    header->addWidget(new QLabel(QStringLiteral("<b>%1</b>").arg(tr("Rewrite")), this));
    header->addStretch(1);
    header->addWidget(m_copy);
    auto* diffHeader = new QHBoxLayout;
    diffHeader->addWidget(new QLabel(QStringLiteral("<b>%1</b>").arg(tr("Changes")), this));
    diffHeader->addWidget(m_summary, 1);

    auto* layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addLayout(header);
    layout->addWidget(m_edit, 3);
    layout->addWidget(m_metrics);
    layout->addLayout(diffHeader);
    layout->addWidget(m_diff, 2);

    connect(m_copy, &QPushButton::clicked, this, &RewriteEditor::copyOriginal);
    connect(m_edit, &QPlainTextEdit::textChanged, this, [this] {
        refreshDiff();
        emit rewriteEdited(m_edit->toPlainText());
    });
}

void RewriteEditor::setOriginal(const QString& original) {
    m_original = original;
    refreshDiff();
}

void RewriteEditor::setRewrite(const std::optional<std::string>& rewrite) {
    const QString text = rewrite ? QString::fromStdString(*rewrite) : QString();
    if (text == m_edit->toPlainText()) return;  // our own edit coming back: keep the cursor where it is
    const QSignalBlocker blocker(m_edit);
    m_edit->setPlainText(text);
    m_edit->moveCursor(QTextCursor::End);
    refreshDiff();
}

void RewriteEditor::copyOriginal() {
    m_edit->setPlainText(m_original);
    m_edit->moveCursor(QTextCursor::End);
    m_edit->setFocus(Qt::OtherFocusReason);
}

bool RewriteEditor::eventFilter(QObject* watched, QEvent* event) {
    // Let Undo/Redo pass to the window's actions instead of the editor's (disabled) own history.
    if (watched == m_edit && event->type() == QEvent::ShortcutOverride) {
        const auto* key = static_cast<QKeyEvent*>(event);
        if (key->matches(QKeySequence::Undo) || key->matches(QKeySequence::Redo)) return true;
    }
    return QWidget::eventFilter(watched, event);
}

void RewriteEditor::refreshDiff() {
    const QString rewrite = m_edit->toPlainText();
    m_metrics->update(m_original, rewrite);
    if (rewrite.isEmpty()) {
        m_diff->clear();
        m_summary->setText(tr("no rewrite"));
        return;
    }
    m_diff->showDiff(m_original, rewrite);
    m_summary->setText(tr("%n word(s) removed", "", m_diff->deletedWords()) + QStringLiteral(", ") +
                       tr("%n word(s) added", "", m_diff->insertedWords()));
}

}  // namespace srllm::ui
