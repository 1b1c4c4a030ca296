#pragma once
// The paper-style before/after table of an evaluation (core/eval/evaluation-table.h's JSON): one column
// per run, one row per figure with its 95% interval and n, then each later run's tests against the
// baseline (test, n, statistic, p, Holm-adjusted p). It only shows the JSON it is given. GUI thread only.
#include <QWidget>
#include <nlohmann/json.hpp>

class QTableWidget;

namespace srllm::ui {

class EvaluationTableView : public QWidget {
    Q_OBJECT
public:
    explicit EvaluationTableView(QWidget* parent = nullptr);

    void setTable(const nlohmann::json& table);

    QTableWidget* cells() const { return m_cells; }
    QTableWidget* tests() const { return m_tests; }

    // "12.50 [8.10, 18.70] n=40", or "–" for a missing cell.
    static QString formatCell(const nlohmann::json& cell);

private:
    QTableWidget* m_cells;
    QTableWidget* m_tests;
};

}  // namespace srllm::ui
