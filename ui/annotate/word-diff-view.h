#pragma once
// Shows a word-level diff of the original and the rewrite (core::wordDiff): deleted words struck out in
// red, inserted words underlined in green.
#include <QTextBrowser>

namespace srllm::ui {

class WordDiffView : public QTextBrowser {
    Q_OBJECT
public:
    explicit WordDiffView(QWidget* parent = nullptr);

    void showDiff(const QString& original, const QString& rewrite);
    // Counts of the last diff, for the summary line above the view.
    int insertedWords() const { return m_inserted; }
    int deletedWords() const { return m_deleted; }

private:
    int m_inserted = 0;
    int m_deleted = 0;
};

}  // namespace srllm::ui
