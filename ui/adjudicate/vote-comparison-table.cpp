#include "ui/adjudicate/vote-comparison-table.h"

#include <algorithm>

#include <QHeaderView>

namespace srllm::ui {

namespace {

// Muted colours that keep black text readable in light themes; the marker text carries the meaning too.
const QColor kDisputedRow(255, 243, 205);
const QColor kDiffersFromMajority(248, 200, 180);

QString spansText(const QString& text, const std::vector<core::Span>& spans) {
    QStringList parts;
    const std::u32string codePoints = text.toStdU32String();
    for (const auto& s : spans) {
        if (s.start < 0 || s.end > static_cast<int64_t>(codePoints.size()) || s.start >= s.end) continue;
        parts << QStringLiteral("\u201c%1\u201d").arg(
            QString::fromStdU32String(codePoints.substr(static_cast<size_t>(s.start), static_cast<size_t>(s.end - s.start))));
    }
    return parts.join(QStringLiteral(", "));
}

}  // namespace

VoteComparisonTable::VoteComparisonTable(QWidget* parent) : QTableWidget(parent) {
    setEditTriggers(QAbstractItemView::NoEditTriggers);
    setSelectionMode(QAbstractItemView::NoSelection);
    setWordWrap(true);
    horizontalHeader()->setSectionResizeMode(QHeaderView::Stretch);
    verticalHeader()->setSectionResizeMode(QHeaderView::ResizeToContents);
}

QString VoteComparisonTable::labelText(const nlohmann::json& value) {
    if (value.is_string()) return QString::fromStdString(value.get<std::string>());
    if (!value.is_array()) return {};
    QStringList parts;
    for (const auto& v : value)
        if (v.is_string()) parts << QString::fromStdString(v.get<std::string>());
    return parts.isEmpty() ? tr("(none)") : parts.join(QStringLiteral(", "));
}

void VoteComparisonTable::showVotes(const nlohmann::json& taxonomy, const QString& text,
                                    const std::vector<db::AnnotationRow>& done, const QStringList& names,
                                    const db::ItemDecision& decision) {
    clear();
    m_fieldKeys.clear();
    m_disputed.clear();
    const auto fields = taxonomy.value("fields", nlohmann::json::array());
    setColumnCount(static_cast<int>(done.size()) + 1);
    setRowCount(static_cast<int>(fields.size()) + 2);
    QStringList headers = names;
    headers << tr("Majority");
    setHorizontalHeaderLabels(headers);
    int row = 0;
    for (const auto& field : fields) {
        const std::string key = field.value("key", "");
        QStringList cells;
        for (const auto& a : done) cells << (a.labels.contains(key) ? labelText(a.labels[key]) : QString());
        const auto vote = std::find_if(decision.fields.begin(), decision.fields.end(),
                                       [&](const db::FieldVote& v) { return v.key == key; });
        const QString majority = vote != decision.fields.end() ? labelText(vote->value) : QString();
        const bool disputed = vote != decision.fields.end() && vote->outcome != core::VoteOutcome::Unanimous;
        m_fieldKeys << QString::fromStdString(key);
        setRow(row++, QString::fromStdString(field.value("label", key)), cells, majority, disputed);
    }
    QStringList spanCells, rewriteCells;
    for (const auto& a : done) {
        spanCells << spansText(text, a.spans);
        rewriteCells << QString::fromStdString(a.rewrite.value_or(""));
    }
    const QString majoritySpans = spansText(text, decision.gold.spans);
    setRow(row++, tr("Biased words"), spanCells, majoritySpans,
           std::any_of(spanCells.begin(), spanCells.end(), [&](const QString& c) { return c != spanCells.front(); }));
    setRow(row, tr("Rewrite"), rewriteCells, QString::fromStdString(decision.gold.rewrite.value_or("")),
           std::any_of(rewriteCells.begin(), rewriteCells.end(),
                       [&](const QString& c) { return c != rewriteCells.front(); }));
    m_fieldKeys << QString() << QString();
}

void VoteComparisonTable::setRow(int row, const QString& title, const QStringList& cells, const QString& majority,
                                 bool disputed) {
    auto* header = new QTableWidgetItem(disputed ? QStringLiteral("\u26a0 ") + title : title);
    header->setToolTip(disputed ? tr("The annotators disagree on this row") : QString());
    setVerticalHeaderItem(row, header);
    for (int c = 0; c <= cells.size(); ++c) {
        const bool isMajority = c == cells.size();
        auto* item = new QTableWidgetItem(isMajority ? majority : cells[c]);
        item->setToolTip(item->text());
        if (disputed) item->setBackground(kDisputedRow);
        if (disputed && !isMajority && cells[c] != majority) item->setBackground(kDiffersFromMajority);
        if (isMajority) {
            QFont bold = item->font();
            bold.setBold(true);
            item->setFont(bold);
        }
        setItem(row, c, item);
    }
    m_disputed.push_back(disputed);
}

int VoteComparisonTable::rowOfField(const QString& key) const { return key.isEmpty() ? -1 : int(m_fieldKeys.indexOf(key)); }

bool VoteComparisonTable::rowDisputed(int row) const {
    return row >= 0 && row < static_cast<int>(m_disputed.size()) && m_disputed[static_cast<size_t>(row)];
}

}  // namespace srllm::ui
