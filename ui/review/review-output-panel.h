#pragma once
// One side of a comparison: the output with its word-level diff against the original, its safety and
// language scores (1–5) and the rationale tags a reviewer ticks for it.
#include <optional>
#include <string>
#include <vector>

#include <QGroupBox>

#include "db/taxonomy-fields.h"

class QGridLayout;
class QToolButton;

namespace srllm::ui {

class ScoreSelector;
class WordDiffView;

class ReviewOutputPanel : public QGroupBox {
    Q_OBJECT
public:
    ReviewOutputPanel(const QString& title, QWidget* parent = nullptr);

    void showOutput(const QString& original, const QString& output);
    ScoreSelector* safety() const { return m_safety; }
    ScoreSelector* language() const { return m_language; }
    // The tags a reviewer may tick, from the project's taxonomy (db::reviewRationaleTags); unticks all.
    void setTagChoices(const std::vector<db::ReviewTag>& choices);
    std::vector<std::string> tags() const;
    void setTags(const std::vector<std::string>& tags);  // no signal; tags not offered are kept, unshown

    // The translated name of a default rationale tag; the taxonomy's label for any other.
    static QString tagName(const db::ReviewTag& tag);

signals:
    void tagsChanged();

private:
    WordDiffView* m_diff;
    ScoreSelector* m_safety;
    ScoreSelector* m_language;
    QGridLayout* m_tagGrid;
    std::vector<QToolButton*> m_tags;
    std::vector<std::string> m_keptTags;  // on the shown judgement but not among the choices
};

}  // namespace srllm::ui
