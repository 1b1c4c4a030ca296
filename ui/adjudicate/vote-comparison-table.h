#pragma once
// The annotators' answers for one item side by side: one row per taxonomy field (plus spans and rewrite),
// one column per annotator and a last column with the majority. Rows where the annotators disagree are
// highlighted, and cells that differ from the majority are marked. Display only.
#include <vector>

#include <QTableWidget>
#include <nlohmann/json.hpp>

#include "db/adjudication.h"

namespace srllm::ui {

class VoteComparisonTable : public QTableWidget {
    Q_OBJECT
public:
    explicit VoteComparisonTable(QWidget* parent = nullptr);

    // names[i] is the annotator of done[i]; text is the item text (spans are shown as its fragments).
    void showVotes(const nlohmann::json& taxonomy, const QString& text, const std::vector<db::AnnotationRow>& done,
                   const QStringList& names, const db::ItemDecision& decision);
    // Row of a taxonomy field, -1 when absent.
    int rowOfField(const QString& key) const;
    bool rowDisputed(int row) const;

    // "Yes", "Age, Gender", or an empty string for a missing label.
    static QString labelText(const nlohmann::json& value);

private:
    void setRow(int row, const QString& title, const QStringList& cells, const QString& majority, bool disputed);

    QStringList m_fieldKeys;
    std::vector<bool> m_disputed;
};

}  // namespace srllm::ui
