#pragma once
// The benign rewrite: a plain-text editor with live figures against the original (RewriteMetricsLine) and
// a word diff underneath. Its own undo is off; every change is reported through rewriteEdited and undone
// through the window's QUndoStack, so Ctrl+Z reaches the shared Edit > Undo action even while typing here.
// Text pasted in (not typed, not "Start from original") is reported through pasted, for paste detection.
#include <optional>
#include <string>

#include <QWidget>

class QLabel;
class QPlainTextEdit;
class QPushButton;

namespace srllm::ui {

class RewriteMetricsLine;
class WordDiffView;

class RewriteEditor : public QWidget {
    Q_OBJECT
public:
    explicit RewriteEditor(QWidget* parent = nullptr);

    // Sets the original (diff base) and the stored rewrite without emitting rewriteEdited.
    void setOriginal(const QString& original);
    void setRewrite(const std::optional<std::string>& rewrite);
    QPlainTextEdit* editor() const { return m_edit; }
    RewriteMetricsLine* metrics() const { return m_metrics; }

public slots:
    void copyOriginal();

signals:
    void rewriteEdited(const QString& text);
    void pasted(int characters);  // emitted before the rewriteEdited the paste causes

protected:
    bool eventFilter(QObject* watched, QEvent* event) override;

private:
    void refreshDiff();

    QString m_original;
    QPlainTextEdit* m_edit;
    QPushButton* m_copy;
    QLabel* m_summary;
    RewriteMetricsLine* m_metrics;
    WordDiffView* m_diff;
};

}  // namespace srllm::ui
