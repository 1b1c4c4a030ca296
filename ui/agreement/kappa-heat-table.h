#pragma once
// A pairwise Cohen's kappa matrix as a table whose cells are coloured from red (kappa <= 0) through yellow
// to green (kappa >= 0.8), with the number of shared items in each tooltip. Display only.
#include <vector>

#include <QTableWidget>

#include "core/stats/cohen-kappa.h"

namespace srllm::ui {

class KappaHeatTable : public QTableWidget {
    Q_OBJECT
public:
    explicit KappaHeatTable(QWidget* parent = nullptr);

    void setMatrix(const QStringList& names, const core::PairwiseKappa& matrix);
    // The cell colour for a kappa value (grey for NaN); public so the legend uses the same scale.
    static QColor heatColour(double kappa);
};

}  // namespace srllm::ui
