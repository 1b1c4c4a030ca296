#include "ui/evaluate/evaluation-table-view.h"

#include <QHeaderView>
#include <QLabel>
#include <QTableWidget>
#include <QVBoxLayout>

namespace srllm::ui {

namespace {

// NOTE: the cell keys of core/eval/evaluation-table.cpp, in the order of formatEvaluationTable.
std::vector<std::pair<const char*, QString>> rowTitles() {
    return {{"toxicity_percent", EvaluationTableView::tr("toxic %")},
            {"bias_percent", EvaluationTableView::tr("bias %")},
            {"harm_percent", EvaluationTableView::tr("harm %")},
            {"unsafe_percent", EvaluationTableView::tr("unsafe %")},
            {"chrf_source", EvaluationTableView::tr("chrF vs source")},
            {"bleu_source", EvaluationTableView::tr("BLEU vs source")},
            {"chrf_reference", EvaluationTableView::tr("chrF vs references")},
            {"bleu_reference", EvaluationTableView::tr("BLEU vs references")},
            {"corpus_chrf_source", EvaluationTableView::tr("corpus chrF vs source")},
            {"corpus_bleu_source", EvaluationTableView::tr("corpus BLEU vs source")},
            {"corpus_chrf_reference", EvaluationTableView::tr("corpus chrF vs references")},
            {"corpus_bleu_reference", EvaluationTableView::tr("corpus BLEU vs references")},
            {"lm_perplexity", EvaluationTableView::tr("trigram perplexity")},
            {"base_perplexity", EvaluationTableView::tr("base-model perplexity")},
            {"flesch_reading_ease", EvaluationTableView::tr("Flesch reading ease")},
            {"flesch_kincaid_grade", EvaluationTableView::tr("Flesch–Kincaid grade")},
            {"vader_compound", EvaluationTableView::tr("VADER compound")},
            {"positive_percent", EvaluationTableView::tr("positive %")},
            {"clen", EvaluationTableView::tr("CLEN per text")},
            {"length_entropy", EvaluationTableView::tr("CLEN of output lengths")}};
}

QString number(const nlohmann::json& value, int precision = 3) {
    return value.is_number() ? QString::number(value.get<double>(), 'g', precision) : QStringLiteral("–");
}

QTableWidgetItem* readOnly(const QString& text) {
    auto* item = new QTableWidgetItem(text);
    item->setFlags(item->flags() & ~Qt::ItemIsEditable);
    return item;
}

}  // namespace

EvaluationTableView::EvaluationTableView(QWidget* parent)
    : QWidget(parent), m_cells(new QTableWidget(this)), m_tests(new QTableWidget(this)) {
    auto* layout = new QVBoxLayout(this);
    layout->addWidget(new QLabel(tr("Each run: value [95% interval] n (Wilson for rates, bootstrap for means)"), this));
    layout->addWidget(m_cells, 3);
    layout->addWidget(new QLabel(tr("Tests against the baseline, paired by item (Holm across the metrics of a comparison)"), this));
    layout->addWidget(m_tests, 2);
    m_tests->setColumnCount(7);
    m_tests->setHorizontalHeaderLabels({tr("Run"), tr("Metric"), tr("Test"), tr("n"), tr("Statistic"), tr("p"), tr("p (Holm)")});
    m_tests->horizontalHeader()->setStretchLastSection(true);
    m_cells->horizontalHeader()->setSectionResizeMode(QHeaderView::Stretch);
}

QString EvaluationTableView::formatCell(const nlohmann::json& cell) {
    if (!cell.is_object() || !cell["value"].is_number()) return QStringLiteral("–");
    QString text = QString::number(cell["value"].get<double>(), 'f', 2);
    if (cell["lo"].is_number() && cell["hi"].is_number())
        text += QStringLiteral(" [%1, %2]").arg(cell["lo"].get<double>(), 0, 'f', 2).arg(cell["hi"].get<double>(), 0, 'f', 2);
    return text + QStringLiteral("  n=%1").arg(cell.value("n", int64_t(0)));
}

void EvaluationTableView::setTable(const nlohmann::json& table) {
    m_cells->clear();
    m_tests->setRowCount(0);
    if (!table.is_object() || table["rows"].empty()) {
        m_cells->setRowCount(0);
        m_cells->setColumnCount(0);
        return;
    }
    const auto& rows = table["rows"];
    QStringList runs;
    for (const auto& row : rows) runs << QString::fromStdString(row["run"].get<std::string>());
    m_cells->setColumnCount(int(runs.size()));
    m_cells->setHorizontalHeaderLabels(runs);
    QStringList labels;
    std::vector<const char*> keys;
    for (const auto& [key, title] : rowTitles())
        if (rows[0]["cells"].contains(key)) keys.push_back(key), labels << title;
    m_cells->setRowCount(int(keys.size()));
    m_cells->setVerticalHeaderLabels(labels);
    for (size_t k = 0; k < keys.size(); ++k)
        for (size_t r = 0; r < rows.size(); ++r)
            m_cells->setItem(int(k), int(r), readOnly(formatCell(rows[r]["cells"].value(keys[k], nlohmann::json()))));
    m_tests->setRowCount(int(table["tests"].size()));
    int row = 0;
    for (const auto& t : table["tests"]) {
        const QStringList values = {QString::fromStdString(t["run"].get<std::string>()), QString::fromStdString(t["metric"].get<std::string>()),
                                    QString::fromStdString(t["test"]["test"].get<std::string>()), number(t["test"]["n"], 10),
                                    number(t["test"]["statistic"]), number(t["test"]["p_value"]), number(t["p_holm"])};
        for (int c = 0; c < values.size(); ++c) m_tests->setItem(row, c, readOnly(values[c]));
        ++row;
    }
    m_tests->resizeColumnsToContents();
}

}  // namespace srllm::ui
