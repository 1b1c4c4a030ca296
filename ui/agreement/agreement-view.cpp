#include "ui/agreement/agreement-view.h"

#include <cmath>

#include <QComboBox>
#include <QElapsedTimer>
#include <QProgressBar>
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

#include "db/annotator-analytics.h"
#include "db/annotators.h"
#include "db/project.h"
#include "ui/agreement/agreement-trend-chart.h"
#include "ui/agreement/annotator-analytics-chart.h"
#include "ui/agreement/kappa-heat-table.h"
#include "ui/background-task.h"
#include "ui/project-session.h"

namespace srllm::ui {

namespace {

QString number(double v, int decimals = 3) { return std::isnan(v) ? QStringLiteral("—") : QString::number(v, 'f', decimals); }

QString interval(const core::ConfidenceInterval& ci, int decimals = 3) {
    if (std::isnan(ci.lo) || std::isnan(ci.hi)) return QStringLiteral("—");
    return QStringLiteral("[%1, %2]").arg(number(ci.lo, decimals), number(ci.hi, decimals));
}

// "0.812 [0.70, 0.90]", or a lone "—" when the figure is undefined (no rewrites yet), never "— —".
QString numberWithInterval(double v, const core::ConfidenceInterval& ci, int decimals = 3) {
    if (std::isnan(v)) return number(v);
    return std::isnan(ci.lo) || std::isnan(ci.hi) ? number(v, decimals) : number(v, decimals) + QLatin1Char(' ') + interval(ci, decimals);
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

QString share(int64_t yes, int64_t of) {
    return of == 0 ? QStringLiteral("—") : QStringLiteral("%1/%2 (%3%)").arg(yes).arg(of).arg(100.0 * double(yes) / double(of), 0, 'f', 0);
}

}  // namespace

AgreementView::AgreementView(ProjectSession* session, QWidget* parent)
    : QWidget(parent), m_session(session), m_resamples(new QSpinBox(this)), m_window(new QSpinBox(this)),
      m_status(new QLabel(this)), m_progress(new QProgressBar(this)), m_refresh(new QPushButton(tr("&Refresh"), this)),
      m_cancel(new QPushButton(tr("Cancel"), this)), m_textFigures(new QLabel(this)), m_field(new QComboBox(this)),
      m_cohen(new KappaHeatTable(this)), m_trend(new AgreementTrendChart(this)), m_annotator(new QComboBox(this)),
      m_analytics(new AnnotatorAnalyticsChart(this)) {
    m_resamples->setRange(0, 10000);
    m_resamples->setValue(200);  // intervals stable to about ±0.01; 1000 for a report
    m_resamples->setToolTip(tr("Bootstrap resamples for the 95% intervals (0: no intervals)"));
    m_window->setRange(2, 100000);
    m_window->setValue(50);
    m_window->setToolTip(tr("Completed items per point of the charts over time"));
    m_progress->setMaximumWidth(220);
    m_progress->hide();
    m_cancel->hide();
    auto* bar = new QHBoxLayout;
    bar->addWidget(new QLabel(tr("Bootstrap resamples:"), this));
    bar->addWidget(m_resamples);
    bar->addWidget(m_refresh);
    bar->addWidget(m_progress);
    bar->addWidget(m_cancel);
    bar->addSpacing(12);
    bar->addWidget(m_status, 1);

    m_fields = makeTable({tr("Field"), tr("Type"), tr("Items"), tr("Annotators"), tr("Fleiss' κ"), tr("95% CI"),
                          tr("Krippendorff's α"), tr("95% CI"), tr("α metric"), tr("Invalid labels")},
                         this);
    m_annotators = makeTable({tr("Annotator"), tr("Role"), tr("Items done"), tr("Mean time (s)"), tr("Gold items"),
                              tr("Agreement with gold"), tr("Expert gold items"), tr("Agreement with expert gold")},
                             this);
    m_suggestions = makeTable({tr("Source"), tr("Shown"), tr("Labels accepted"), tr("Rewrites accepted"),
                               tr("Words accepted")},
                              this);
    m_suggestions->setToolTip(tr("Suggestions shown to annotators, and how often the done annotation kept them"));
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

    auto* annotatorsPage = new QWidget(this);
    auto* annotatorsLayout = new QVBoxLayout(annotatorsPage);
    annotatorsLayout->addWidget(m_annotators, 3);
    annotatorsLayout->addWidget(new QLabel(tr("Suggestions accepted:"), annotatorsPage));
    annotatorsLayout->addWidget(m_suggestions, 1);

    auto* trendPage = new QWidget(this);
    auto* trendLayout = new QVBoxLayout(trendPage);
    auto* trendBar = new QFormLayout;
    trendBar->addRow(tr("Items per point:"), m_window);
    trendLayout->addLayout(trendBar);
    trendLayout->addWidget(m_trend, 1);

    auto* analyticsPage = new QWidget(this);
    auto* analyticsLayout = new QVBoxLayout(analyticsPage);
    auto* analyticsBar = new QFormLayout;
    analyticsBar->addRow(tr("Annotator:"), m_annotator);
    analyticsLayout->addLayout(analyticsBar);
    analyticsLayout->addWidget(m_analytics, 1);

    auto* tabs = new QTabWidget(this);
    tabs->addTab(fieldsPage, tr("Fields"));
    tabs->addTab(annotatorsPage, tr("Annotators"));
    tabs->addTab(trendPage, tr("Over time"));
    tabs->addTab(analyticsPage, tr("Annotators over time"));
    auto* layout = new QVBoxLayout(this);
    layout->addLayout(bar);
    layout->addWidget(tabs, 1);

    for (const auto& a : db::listAnnotators(session->db()))
        if (session->isExpert() || a.id == session->annotatorId())
            m_annotator->addItem(QString::fromStdString(a.name), QVariant::fromValue<qint64>(a.id));
    m_annotator->setCurrentIndex(std::max(0, m_annotator->findData(QVariant::fromValue<qint64>(session->annotatorId()))));

    connect(m_refresh, &QPushButton::clicked, this, &AgreementView::refresh);
    connect(m_cancel, &QPushButton::clicked, this, &AgreementView::cancel);
    connect(m_field, &QComboBox::currentIndexChanged, this, &AgreementView::showField);
    connect(m_window, &QSpinBox::editingFinished, this, &AgreementView::showField);
    connect(m_annotator, &QComboBox::currentIndexChanged, this, &AgreementView::showAnnotator);
    connect(m_fields, &QTableWidget::currentCellChanged, this, [this](int row) {
        if (row >= 0) m_field->setCurrentIndex(row);
    });
    connect(session, &ProjectSession::changedElsewhere, this, [this] {
        if (m_report && !isComputing()) m_status->setText(tr("The project changed; press Refresh for new figures."));
    });
    m_status->setText(tr("Press Refresh to compute agreement."));
}

AgreementView::~AgreementView() = default;

QString AgreementView::fieldLabel(const std::string& key) const {
    for (const auto& f : m_session->taxonomy().value("fields", nlohmann::json::array()))
        if (f.value("key", "") == key) return QString::fromStdString(f.value("label", key));
    return QString::fromStdString(key);
}

bool AgreementView::isComputing() const { return m_task != nullptr; }

void AgreementView::cancel() {
    if (m_task) m_task->cancel();
}

void AgreementView::runTask(std::unique_ptr<BackgroundTask> task, const QString& what) {
    m_task = std::move(task);
    m_progress->setRange(0, 0);  // busy until the first progress report
    m_progress->show();
    m_cancel->show();
    m_refresh->setEnabled(false);
    m_status->setText(what);
    auto clock = std::make_shared<QElapsedTimer>();
    clock->start();
    connect(m_task.get(), &BackgroundTask::progress, this, [this](qint64 done, qint64 total) {
        m_progress->setRange(0, 1000);
        m_progress->setValue(total > 0 ? int(1000 * done / total) : 0);
    });
    connect(m_task.get(), &BackgroundTask::finished, this, [this, clock](bool ok, const QString& error) {
        m_task.release()->deleteLater();
        m_progress->hide();
        m_cancel->hide();
        m_refresh->setEnabled(true);
        if (!ok) {
            m_status->setText(error.isEmpty() ? tr("Cancelled.") : tr("Agreement failed: %1").arg(error));
            return;
        }
        if (m_report)
            m_status->setText(tr("Computed in %1 ms over taxonomy v%2; only annotations marked done count.")
                                  .arg(clock->elapsed())
                                  .arg(m_report->taxonomyVersion));
        emit computed();
    });
}

void AgreementView::refresh() {
    if (isComputing()) return;
    const db::AgreementOptions options{m_resamples->value(), 1, {}};
    runTask(std::make_unique<BackgroundTask>(
                m_session,
                [this, options](db::Project& project, const core::ProgressCallback& progress) {
                    db::AgreementOptions withProgress = options;
                    withProgress.progress = progress;
                    auto report = std::make_shared<db::AgreementReport>(db::agreementReport(project.db(), withProgress));
                    return BackgroundTask::Done([this, report] {
                        m_report = std::move(*report);
                        showReport();
                    });
                }),
            tr("Computing agreement (%n bootstrap resample(s))…", nullptr, m_resamples->value()));
}

void AgreementView::showReport() {
    const int keepField = m_field->currentIndex();
    {
        const QSignalBlocker block(m_field);
        m_field->clear();
    }
    m_fields->setRowCount(0);
    m_annotators->setRowCount(0);
    m_suggestions->setRowCount(0);
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
        tr("Rewrite agreement (mean pairwise chrF, 0–100): %1 over %2 item(s).  Span agreement: α %3, "
           "mean pairwise F1 %4 over %5 item(s).")
            .arg(numberWithInterval(r.rewrites.meanPairwiseChrf.value, r.rewrites.meanPairwiseChrf.ci, 1))
            .arg(r.rewrites.items)
            .arg(numberWithInterval(r.spans.alpha.value, r.spans.alpha.ci), number(r.spans.meanPairwiseF1))
            .arg(r.spans.items));
    m_annotators->setRowCount(static_cast<int>(r.annotators.size()));
    for (int i = 0; i < static_cast<int>(r.annotators.size()); ++i) {
        const auto& a = r.annotators[static_cast<size_t>(i)];
        setRow(m_annotators, i,
               {QString::fromStdString(a.name), QString::fromStdString(a.role), QString::number(a.items),
                number(a.meanSeconds, 1), QString::number(a.goldItems), number(a.goldAgreement),
                QString::number(a.expertGoldItems), number(a.expertGoldAgreement)});
    }
    m_suggestions->setRowCount(static_cast<int>(r.suggestions.size()));
    for (int i = 0; i < static_cast<int>(r.suggestions.size()); ++i) {
        const auto& s = r.suggestions[static_cast<size_t>(i)];
        setRow(m_suggestions, i,
               {QString::fromStdString(s.source), QString::number(s.shown), share(s.labelsAccepted, s.labelsSuggested),
                share(s.rewritesAccepted, s.rewritesSuggested), share(s.spansAccepted, s.spansSuggested)});
    }
    {
        const QSignalBlocker block(m_field);
        m_field->setCurrentIndex(keepField >= 0 && keepField < m_field->count() ? keepField : 0);
    }
    // After the report's task has finished: the charts are computed by tasks of their own.
    QMetaObject::invokeMethod(this, &AgreementView::showField, Qt::QueuedConnection);
}

void AgreementView::showField() {
    const int index = m_field->currentIndex();
    if (!m_report || index < 0 || index >= static_cast<int>(m_report->fields.size()) || isComputing()) return;
    const auto& f = m_report->fields[static_cast<size_t>(index)];
    QStringList names;
    for (const auto& n : f.coderNames) names << QString::fromStdString(n);
    m_cohen->setMatrix(names, f.cohen);
    const std::string key = f.key;
    const int64_t window = m_window->value();
    runTask(std::make_unique<BackgroundTask>(
                m_session,
                [this, key, window](db::Project& project, const core::ProgressCallback&) {
                    auto trend = std::make_shared<db::AgreementTrend>(db::agreementTrend(project.db(), key, window));
                    return BackgroundTask::Done([this, trend, key] {
                        m_trend->setTrend(*trend, fieldLabel(key));
                        QMetaObject::invokeMethod(this, &AgreementView::showAnnotator, Qt::QueuedConnection);
                    });
                }),
            tr("Agreement over time for %1…").arg(fieldLabel(key)));
}

void AgreementView::showAnnotator() {
    const int index = m_field->currentIndex();
    if (!m_report || index < 0 || index >= static_cast<int>(m_report->fields.size()) || m_annotator->currentIndex() < 0 ||
        isComputing())
        return;
    const std::string key = m_report->fields[static_cast<size_t>(index)].key;
    const int64_t annotator = m_annotator->currentData().toLongLong();
    const int64_t window = m_window->value();
    runTask(std::make_unique<BackgroundTask>(
                m_session,
                [this, key, annotator, window](db::Project& project, const core::ProgressCallback&) {
                    auto analytics = std::make_shared<db::AnnotatorAnalytics>(
                        db::annotatorAnalytics(project.db(), annotator, key, window));
                    return BackgroundTask::Done([this, analytics, key] { m_analytics->setAnalytics(*analytics, fieldLabel(key)); });
                }),
            tr("%1 over time…").arg(m_annotator->currentText()));
}

}  // namespace srllm::ui
