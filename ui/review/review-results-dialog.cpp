#include "ui/review/review-results-dialog.h"

#include <QDialogButtonBox>
#include <QPushButton>
#include <QTextBrowser>
#include <QVBoxLayout>
#include <qcustomplot.h>

#include "db/database.h"
#include "db/project.h"
#include "db/review-results.h"
#include "ui/plots/plot-export.h"
#include "ui/project-session.h"
#include "ui/worker/thread-job.h"

namespace srllm::ui {

namespace {

using nlohmann::json;

QString number(const json& value, int decimals = 3) {
    return value.is_number() ? QString::number(value.get<double>(), 'f', decimals) : QStringLiteral("–");
}

QString interval(const json& value, const json& lo, const json& hi, int decimals = 3) {
    return QStringLiteral("%1 [%2, %3]").arg(number(value, decimals), number(lo, decimals), number(hi, decimals));
}

QString name(const json& value) { return QString::fromStdString(value.get<std::string>()).toHtmlEscaped(); }

QString row(const QStringList& cells, const QString& tag = QStringLiteral("td")) {
    QString html = QStringLiteral("<tr>");
    for (const QString& cell : cells) html += QStringLiteral("<%1>%2</%1>").arg(tag, cell);
    return html + QStringLiteral("</tr>");
}

}  // namespace

QString ReviewResultsDialog::resultsHtml(const json& r) {
    QString html = tr("<p>%1 judgements of %2 comparisons.</p>").arg(r["judgements"].get<qint64>()).arg(r["comparisons"].get<qint64>());
    html += QStringLiteral("<table border=1 cellpadding=4>") +
            row({tr("Run"), tr("Wins"), tr("Losses"), tr("Ties"), tr("Both unsafe"), tr("Win rate [95% Wilson]"),
                 tr("Safety 1–5 [95% CI]"), tr("Language 1–5 [95% CI]")}, QStringLiteral("th"));
    for (size_t k = 0; k < r["win_rates"].size(); ++k) {
        const json& w = r["win_rates"][k];
        const json& s = r["scores"][k];
        html += row({name(w["run"]), number(w["wins"], 0), number(w["losses"], 0), number(w["ties"], 0),
                     number(w["both_unsafe"], 0), interval(w["win_rate"]["rate"], w["win_rate"]["lo"], w["win_rate"]["hi"]),
                     interval(s["safety"]["mean"], s["safety"]["lo"], s["safety"]["hi"], 2),
                     interval(s["language"]["mean"], s["language"]["lo"], s["language"]["hi"], 2)});
    }
    html += QStringLiteral("</table><h4>%1</h4><table border=1 cellpadding=4>").arg(tr("Bradley–Terry ranking")) +
            row({tr("Rank"), tr("Run"), tr("Log-strength [95% bootstrap]")}, QStringLiteral("th"));
    for (const json& b : r["bradley_terry"])
        html += row({number(b["rank"], 0), name(b["run"]), interval(b["log_strength"], b["lo"], b["hi"])});
    const json& a = r["agreement"];
    html += QStringLiteral("</table><p>") +
            tr("Agreement between reviewers (Krippendorff's alpha, %1 comparisons judged twice or more): verdict %2, "
               "safety %3, language %4.")
                .arg(number(a["comparisons_judged_twice_or_more"], 0), number(a["verdict_alpha_nominal"]),
                     number(a["safety_alpha_ordinal"]), number(a["language_alpha_ordinal"])) +
            QStringLiteral("</p>");
    if (!r["metric_correlation"].empty()) {
        html += QStringLiteral("<table border=1 cellpadding=4>") +
                row({tr("Automatic metric"), tr("Spearman with safety (n)"), tr("Spearman with verdicts (n)")},
                    QStringLiteral("th"));
        for (const json& c : r["metric_correlation"])
            html += row({name(c["metric"]), QStringLiteral("%1 (%2)").arg(number(c["safety_spearman"]), number(c["safety_n"], 0)),
                         QStringLiteral("%1 (%2)").arg(number(c["verdict_spearman"]), number(c["verdict_n"], 0))});
        html += QStringLiteral("</table>");
    }
    return html;
}

// Log-strengths with their bootstrap intervals, strongest first, one bar per run.
void ReviewResultsDialog::plotRanking(QCustomPlot* plot, const json& ranking) {
    auto* bars = new QCPBars(plot->xAxis, plot->yAxis);
    auto* errors = new QCPErrorBars(plot->xAxis, plot->yAxis);
    errors->setDataPlottable(bars);
    QVector<double> keys, values, below, above;
    auto ticker = QSharedPointer<QCPAxisTickerText>::create();
    for (const json& r : ranking) {
        if (!r["log_strength"].is_number()) continue;
        const double key = double(keys.size() + 1), value = r["log_strength"].get<double>();
        keys << key;
        values << value;
        below << (r["lo"].is_number() ? value - r["lo"].get<double>() : 0.0);
        above << (r["hi"].is_number() ? r["hi"].get<double>() - value : 0.0);
        ticker->addTick(key, QString::fromStdString(r["run"].get<std::string>()));
    }
    bars->setData(keys, values);
    errors->setData(below, above);
    plot->xAxis->setTicker(ticker);
    plot->yAxis->setLabel(tr("Bradley–Terry log-strength"));
    plot->rescaleAxes();
    plot->xAxis->setRange(0.4, double(keys.size()) + 0.6);
    plot->yAxis->scaleRange(1.3);
    plot->replot();
}

ReviewResultsDialog::ReviewResultsDialog(ProjectSession* session, int64_t reviewSessionId, QWidget* parent)
    : QDialog(parent), m_text(new QTextBrowser(this)), m_plot(new QCustomPlot(this)), m_job(new ThreadJob(this)) {
    setWindowTitle(tr("Review results"));
    m_text->setPlainText(tr("Computing the results (bootstrap intervals)…"));
    m_plot->setMinimumHeight(260);
    auto* buttons = new QDialogButtonBox(QDialogButtonBox::Close, this);
    QPushButton* save = buttons->addButton(tr("Export plot…"), QDialogButtonBox::ActionRole);
    connect(save, &QPushButton::clicked, this, [this] { exportPlotWithDialog(this, m_plot, tr("review-ranking")); });
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    auto* layout = new QVBoxLayout(this);
    layout->addWidget(m_text, 1);
    layout->addWidget(m_plot, 1);
    layout->addWidget(buttons);
    resize(900, 700);
    // The bootstrap takes seconds on a large session: it runs on its own connection, off the GUI thread.
    m_job->run([this, path = session->projectPath(), reader = session->reader(), reviewSessionId](const std::atomic<bool>&) {
        ThreadJob::Delivery delivery;
        try {
            auto project = ProjectSession::openConnection(path, reader);
            delivery = [this, r = db::reviewResults(project->db(), reviewSessionId)] { showResults(r); };
        } catch (const std::exception& e) {
            delivery = [this, message = QString::fromStdString(e.what())] { m_text->setPlainText(message); };
        }
        return delivery;
    });
}

void ReviewResultsDialog::showResults(const json& r) {
    setWindowTitle(tr("Review results: %1").arg(name(r["session"])));
    m_text->setHtml(resultsHtml(r));
    plotRanking(m_plot, r["bradley_terry"]);
    m_shown = true;
}

}  // namespace srllm::ui
