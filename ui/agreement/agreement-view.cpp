#include "ui/agreement/agreement-view.h"

#include <cmath>

#include <QApplication>
#include <QComboBox>
#include <QElapsedTimer>
#include <QFormLayout>
#include <QGroupBox>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QPushButton>
#include <QSpinBox>
#include <QTabWidget>
#include <QTableWidget>
#include <QVBoxLayout>

#include "db/agreement-trend.h"
#include "ui/agreement/agreement-trend-chart.h"
#include "ui/agreement/kappa-heat-table.h"
#include "ui/project-session.h"

namespace srllm::ui {

namespace {

QString number(double v, int decimals = 3) { return std::isnan(v) ? QStringLiteral("—") : QString::number(v, 'f', decimals); }

QString interval(const core::ConfidenceInterval& ci, int decimals = 3) {
    if (std::isnan(ci.lo) || std::isnan(ci.hi)) return QStringLiteral("—");
    return QStringLiteral("[%1, %2]").arg(number(ci.lo, decimals), number(ci.hi, decimals));
}

QTableWidget* makeTable(const QStringList& headers, QWidget* parent) {
    auto* table = new QTableWidget(0, static_cast<int>(headers.size()), parent);
    table->setHorizontalHeaderLabels(headers);
    table->setEditTriggers(QAbstractItemView::NoEditTriggers);
    table->setSelectionBehavior(QAbstractItemView::SelectRows);
    table->verticalHeader()->hide();
    table->horizontalHeader()->setSectionResizeMode(QHeaderView::ResizeToContents);
    table->horizontalHeader()->setSectionResizeMode(0, QHeaderView::Stretch);  // names; numbers keep their width
    return table;
}

void setRow(QTableWidget* table, int row, const QStringList& cells) {
    for (int c = 0; c < cells.size(); ++c) {
        auto* item = new QTableWidgetItem(cells[c]);
        if (c > 0) item->setTextAlignment(Qt::AlignRight | Qt::AlignVCenter);
        table->setItem(row, c, item);
    }
}

}  // namespace

AgreementView::AgreementView(ProjectSession* session, QWidget* parent)
    : QWidget(parent), m_session(session), m_resamples(new QSpinBox(this)), m_window(new QSpinBox(this)),
      m_status(new QLabel(this)), m_textFigures(new QLabel(this)), m_field(new QComboBox(this)),
      m_cohen(new KappaHeatTable(this)), m_trend(new AgreementTrendChart(this)) {
    m_resamples->setRange(0, 10000);
    m_resamples->setValue(200);  // intervals stable to about ±0.01; 1000 for a report
    m_resamples->setToolTip(tr("Bootstrap resamples for the 95% intervals (0: no intervals)"));
    m_window->setRange(2, 100000);
    m_window->setValue(50);
    m_window->setToolTip(tr("Completed items per point of the agreement-over-time chart"));
    auto* refreshButton = new QPushButton(tr("&Refresh"), this);
    auto* bar = new QHBoxLayout;
    bar->addWidget(new QLabel(tr("Bootstrap resamples:"), this));
    bar->addWidget(m_resamples);
    bar->addWidget(refreshButton);
    bar->addSpacing(12);
    bar->addWidget(m_status, 1);

    m_fields = makeTable({tr("Field"), tr("Type"), tr("Items"), tr("Annotators"), tr("Fleiss' κ"), tr("95% CI"),
                          tr("Krippendorff's α"), tr("95% CI"), tr("α metric"), tr("Invalid labels")},
                         this);
    m_annotators = makeTable({tr("Annotator"), tr("Role"), tr("Items done"), tr("Mean time (s)"), tr("Gold items"),
                              tr("Agreement with gold"), tr("Expert gold items"), tr("Agreement with expert gold")},
                             this);
    m_textFigures->setWordWrap(true);
    m_textFigures->setTextInteractionFlags(Qt::TextSelectableByMouse);

    auto* fieldsPage = new QWidget(this);
    auto* fieldsLayout = new QVBoxLayout(fieldsPage);
    fieldsLayout->addWidget(m_fields, 2);
    fieldsLayout->addWidget(m_textFigures);
    auto* cohenBox = new QGroupBox(tr("Pairwise Cohen's κ"), fieldsPage);
    auto* cohenLayout = new QVBoxLayout(cohenBox);
    auto* chooser = new QFormLayout;
    chooser->addRow(tr("Field:"), m_field);
    cohenLayout->addLayout(chooser);
    cohenLayout->addWidget(m_cohen);
    fieldsLayout->addWidget(cohenBox, 3);

    auto* trendPage = new QWidget(this);
    auto* trendLayout = new QVBoxLayout(trendPage);
    auto* trendBar = new QFormLayout;
    trendBar->addRow(tr("Items per point:"), m_window);
    trendLayout->addLayout(trendBar);
    trendLayout->addWidget(m_trend, 1);

    auto* tabs = new QTabWidget(this);
    tabs->addTab(fieldsPage, tr("Fields"));
    tabs->addTab(m_annotators, tr("Annotators"));
    tabs->addTab(trendPage, tr("Over time"));
    auto* layout = new QVBoxLayout(this);
    layout->addLayout(bar);
    layout->addWidget(tabs, 1);

    connect(refreshButton, &QPushButton::clicked, this, &AgreementView::refresh);
    connect(m_field, &QComboBox::currentIndexChanged, this, &AgreementView::showField);
    connect(m_window, &QSpinBox::editingFinished, this, &AgreementView::showField);
    connect(m_fields, &QTableWidget::currentCellChanged, this, [this](int row) {
        if (row >= 0) m_field->setCurrentIndex(row);
    });
    m_status->setText(tr("Press Refresh to compute agreement."));
}

QString AgreementView::fieldLabel(const std::string& key) const {
    for (const auto& f : m_session->taxonomy().value("fields", nlohmann::json::array()))
        if (f.value("key", "") == key) return QString::fromStdString(f.value("label", key));
    return QString::fromStdString(key);
}

void AgreementView::refresh() {
    QApplication::setOverrideCursor(Qt::WaitCursor);
    QElapsedTimer clock;
    clock.start();
    try {
        m_report = db::agreementReport(m_session->db(), {m_resamples->value(), 1});
        m_status->setText(tr("Computed in %1 ms over taxonomy v%2; only annotations marked done count.")
                              .arg(clock.elapsed())
                              .arg(m_report->taxonomyVersion));
    } catch (const std::exception& e) {
        m_report.reset();
        m_status->setText(tr("Agreement failed: %1").arg(QString::fromUtf8(e.what())));
    }
    QApplication::restoreOverrideCursor();
    showReport();
}

void AgreementView::showReport() {
    const int keepField = m_field->currentIndex();
    {
        const QSignalBlocker block(m_field);
        m_field->clear();
    }
    m_fields->setRowCount(0);
    m_annotators->setRowCount(0);
    if (!m_report) return;
    const auto& r = *m_report;
    m_fields->setRowCount(static_cast<int>(r.fields.size()));
    for (int i = 0; i < static_cast<int>(r.fields.size()); ++i) {
        const auto& f = r.fields[static_cast<size_t>(i)];
        setRow(m_fields, i,
               {fieldLabel(f.key), f.multi ? tr("multi") : (f.ordered ? tr("ordered") : tr("single")),
                QString::number(f.items), QString::number(f.annotators), number(f.fleissKappa.value),
                interval(f.fleissKappa.ci), number(f.alpha.value), interval(f.alpha.ci),
                QString::fromLatin1(core::alphaMetricName(f.alphaMetric)), QString::number(f.invalidLabels)});
        const QSignalBlocker block(m_field);
        m_field->addItem(fieldLabel(f.key), QString::fromStdString(f.key));
    }
    m_textFigures->setText(
        tr("Rewrite agreement (mean pairwise chrF, 0–100): %1 %2 over %3 item(s).  Span agreement: α %4 %5, "
           "mean pairwise F1 %6 over %7 item(s).")
            .arg(number(r.rewrites.meanPairwiseChrf.value, 1), interval(r.rewrites.meanPairwiseChrf.ci, 1))
            .arg(r.rewrites.items)
            .arg(number(r.spans.alpha.value), interval(r.spans.alpha.ci), number(r.spans.meanPairwiseF1))
            .arg(r.spans.items));
    m_annotators->setRowCount(static_cast<int>(r.annotators.size()));
    for (int i = 0; i < static_cast<int>(r.annotators.size()); ++i) {
        const auto& a = r.annotators[static_cast<size_t>(i)];
        setRow(m_annotators, i,
               {QString::fromStdString(a.name), QString::fromStdString(a.role), QString::number(a.items),
                number(a.meanSeconds, 1), QString::number(a.goldItems), number(a.goldAgreement),
                QString::number(a.expertGoldItems), number(a.expertGoldAgreement)});
    }
    m_field->setCurrentIndex(keepField >= 0 && keepField < m_field->count() ? keepField : 0);
    showField();
}

void AgreementView::showField() {
    const int index = m_field->currentIndex();
    if (!m_report || index < 0 || index >= static_cast<int>(m_report->fields.size())) return;
    const auto& f = m_report->fields[static_cast<size_t>(index)];
    QStringList names;
    for (const auto& n : f.coderNames) names << QString::fromStdString(n);
    m_cohen->setMatrix(names, f.cohen);
    try {
        m_trend->setTrend(db::agreementTrend(m_session->db(), f.key, m_window->value()), fieldLabel(f.key));
    } catch (const std::exception& e) {
        m_status->setText(tr("Agreement over time failed: %1").arg(QString::fromUtf8(e.what())));
    }
}

}  // namespace srllm::ui
