#include "ui/agreement/kappa-heat-table.h"

#include <algorithm>
#include <cmath>

#include <QHeaderView>

namespace srllm::ui {

KappaHeatTable::KappaHeatTable(QWidget* parent) : QTableWidget(parent) {
    setEditTriggers(QAbstractItemView::NoEditTriggers);
    horizontalHeader()->setSectionResizeMode(QHeaderView::Stretch);
}

QColor KappaHeatTable::heatColour(double kappa) {
    if (std::isnan(kappa)) return QColor(225, 225, 225);
    // Hue 0 (red) at kappa <= 0 up to 120 degrees (green) at kappa >= 0.8; light so text stays readable.
    const double share = std::clamp(kappa / 0.8, 0.0, 1.0);
    return QColor::fromHsvF(static_cast<float>(share / 3.0), 0.45f, 1.0f);
}

void KappaHeatTable::setMatrix(const QStringList& names, const core::PairwiseKappa& matrix) {
    clear();
    const int n = static_cast<int>(names.size());
    setRowCount(n);
    setColumnCount(n);
    setHorizontalHeaderLabels(names);
    setVerticalHeaderLabels(names);
    for (int a = 0; a < n && a < static_cast<int>(matrix.kappa.size()); ++a)
        for (int b = 0; b < n && b < static_cast<int>(matrix.kappa[a].size()); ++b) {
            const double k = matrix.kappa[a][b];
            auto* cell = new QTableWidgetItem(std::isnan(k) ? QStringLiteral("—") : QString::number(k, 'f', 2));
            cell->setTextAlignment(Qt::AlignCenter);
            cell->setBackground(heatColour(k));
            cell->setForeground(QColor(Qt::black));
            const int64_t shared = a < static_cast<int>(matrix.shared.size()) ? matrix.shared[a][b] : 0;
            cell->setToolTip(tr("%1 and %2: %n shared item(s)", nullptr, static_cast<int>(shared)).arg(names[a], names[b]));
            setItem(a, b, cell);
        }
}

}  // namespace srllm::ui
