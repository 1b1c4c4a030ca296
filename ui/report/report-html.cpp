#include "ui/report/report-html.h"

#include <QBuffer>

#include "core/eval/evaluation-table.h"
#include "core/stats/bootstrap-interval.h"
#include "ui/review/review-results-dialog.h"

namespace srllm::ui {

namespace {

using nlohmann::json;

QString text(const std::string& value) { return QString::fromStdString(value).toHtmlEscaped(); }

QString text(const json& value) {
    if (value.is_null()) return QStringLiteral("–");
    return text(value.is_string() ? value.get<std::string>() : value.dump());
}

QString cells(const QStringList& values, const QString& tag = QStringLiteral("td")) {
    QString html = QStringLiteral("<tr>");
    for (const QString& value : values) html += QStringLiteral("<%1>%2</%1>").arg(tag, value);
    return html + QStringLiteral("</tr>\n");
}

QString tableStart() { return QStringLiteral("<table border=\"1\" cellspacing=\"0\" cellpadding=\"3\">\n"); }

QString pValue(const json& value) { return value.is_number() ? QString::number(value.get<double>(), 'g', 3) : QStringLiteral("–"); }

// The before/after table as `srllm eval` prints it: one row per metric the baseline has, one column per run
// (so a dozen metrics fit the width of a page), then the paired tests.
QString evaluationTable(const json& table) {
    QStringList header{ReportHtml::tr("Metric")};
    for (const json& row : table["rows"]) header << text(row["run"]);
    QString html = tableStart() + cells(header, QStringLiteral("th"));
    for (const auto& [key, label] : core::evaluationColumns()) {
        if (!table["rows"][0]["cells"].contains(key)) continue;
        QStringList values{text(label)};
        for (const json& row : table["rows"]) values << text(core::formatEvaluationCell(row["cells"].value(key, json())));
        html += cells(values);
    }
    html += QStringLiteral("</table>\n<h3>%1</h3>\n").arg(ReportHtml::tr("Tests against the baseline, paired by item")) +
            tableStart() +
            cells({ReportHtml::tr("Run"), ReportHtml::tr("Versus"), ReportHtml::tr("Metric"), ReportHtml::tr("Test"),
                   ReportHtml::tr("n"), ReportHtml::tr("p"), ReportHtml::tr("p (Holm)")},
                  QStringLiteral("th"));
    for (const json& t : table["tests"])
        html += cells({text(t["run"]), text(t["versus"]), text(t["metric"]), text(t["test"]["test"]),
                       text(t["test"]["n"]), pValue(t["test"]["p_value"]), pValue(t["p_holm"])});
    return html + QStringLiteral("</table>\n");
}

QString groups(const json& table) {
    QString html;
    for (const json& row : table["rows"])
        for (const auto& [group, values] : row["groups"].items())
            html += cells({text(row["run"]), text(group), text(core::formatEvaluationCell(values["toxicity_percent"]))});
    if (html.isEmpty()) return html;
    return QStringLiteral("<h3>%1</h3>\n").arg(ReportHtml::tr("Toxic % per group")) + tableStart() +
           cells({ReportHtml::tr("Run"), ReportHtml::tr("Group"), ReportHtml::tr("Toxic % [95% Wilson]")}, QStringLiteral("th")) +
           html + QStringLiteral("</table>\n");
}

QString samples(const db::ReportData& data) {
    QString html;
    std::string stratum;
    for (const auto& sample : data.samples) {
        if (sample.stratum != stratum || html.isEmpty()) {
            stratum = sample.stratum;
            html += QStringLiteral("<h3>%1</h3>\n").arg(ReportHtml::tr("Risk: %1").arg(text(stratum)));
        }
        html += QStringLiteral("<p><b>%1</b> %2</p>\n").arg(ReportHtml::tr("Item %1:").arg(sample.position), text(sample.source)) +
                tableStart() + cells({ReportHtml::tr("Run"), ReportHtml::tr("Output"), ReportHtml::tr("Toxicity")}, QStringLiteral("th"));
        for (size_t r = 0; r < data.runs.size(); ++r)
            html += cells({text(data.runs[r].row.spec.name), text(sample.outputs[r]),
                           sample.toxicity[r] ? QString::number(*sample.toxicity[r], 'f', 3) : QStringLiteral("–")});
        html += QStringLiteral("</table>\n");
    }
    return html;
}

QString runRecord(const db::ReportRun& run) {
    const auto& spec = run.row.spec;
    const auto optional = [](const std::optional<std::string>& value) { return value ? text(*value) : QStringLiteral("–"); };
    QString html = QStringLiteral("<h3>%1</h3>\n").arg(text(spec.name)) + tableStart();
    const auto add = [&html](const QString& key, const QString& value) { html += cells({key, value}); };
    add(ReportHtml::tr("Kind"), text(spec.kind));
    add(ReportHtml::tr("Test set"), text(spec.testSet));
    add(ReportHtml::tr("Test set hash"), text(run.row.testSetHash));
    add(ReportHtml::tr("Model hash"), optional(spec.modelHash));
    add(ReportHtml::tr("Base model"), optional(spec.baseModel));
    add(ReportHtml::tr("Adapter"), optional(spec.adapter));
    add(ReportHtml::tr("Template"), optional(spec.templateName));
    add(ReportHtml::tr("Decoding (with its seed)"), text(spec.decoding.dump()));
    add(ReportHtml::tr("Outputs"), QStringLiteral("%1 / %2").arg(run.row.outputCount).arg(run.row.itemCount));
    add(ReportHtml::tr("Job folder"), optional(spec.jobDir));
    if (run.job) {
        const auto& job = *run.job;
        add(ReportHtml::tr("Base model hash"), text(job.baseModel.hash));
        add(ReportHtml::tr("Training seed"), QString::number(job.train.seed));
        add(ReportHtml::tr("Snapshot hash"), text(job.data.snapshotHash));
        add(ReportHtml::tr("Training data hash"), text(job.data.train.hash));
        add(ReportHtml::tr("Validation data hash"), text(job.data.val.hash));
        add(ReportHtml::tr("Training scorer hash"), job.scorer ? text(job.scorer->hash) : QStringLiteral("–"));
        add(ReportHtml::tr("Code version (job)"), text(job.codeVersion));
    }
    if (run.record) {
        const auto& record = *run.record;
        add(ReportHtml::tr("Training status"), text(core::runStatusName(record.status)));
        add(ReportHtml::tr("Steps"), QStringLiteral("%1 / %2").arg(record.steps).arg(record.totalSteps));
        add(ReportHtml::tr("Best eval loss"), record.lossEvalBest ? QString::number(*record.lossEvalBest, 'f', 4) : QStringLiteral("–"));
        add(ReportHtml::tr("Device"), text(record.device));
        add(ReportHtml::tr("Code version (run)"), text(record.codeVersion));
    }
    if (!run.jobProblem.empty()) add(ReportHtml::tr("Job folder unreadable"), text(run.jobProblem));
    return html + QStringLiteral("</table>\n");
}

QString methods(const db::ReportData& data) {
    QString html;
    for (const auto& method : data.methods)
        html += QStringLiteral("<h3>%1</h3>\n<p>%2</p>\n")
                    .arg(ReportHtml::tr("%1, version %2").arg(text(std::string(method.id))).arg(method.version),
                         text(std::string(method.method)));
    const core::BootstrapOptions bootstrap;
    html += QStringLiteral("<h3>%1</h3>\n<p>%2</p>\n")
                .arg(ReportHtml::tr("Statistics"),
                     ReportHtml::tr("Rates (toxic %, each risk's %, positive sentiment) carry 95% Wilson intervals; means carry "
                                    "95% percentile bootstrap intervals (%1 resamples, seed %2). Each run is tested against the "
                                    "baseline, paired by item: McNemar's exact test for the risk flags (probability ≥ 0.5), "
                                    "Wilcoxon's signed-rank test for the means, Holm's adjustment across the metrics of one "
                                    "comparison.")
                         .arg(bootstrap.resamples)
                         .arg(bootstrap.seed));
    return html;
}

}  // namespace

QString ReportHtml::build(const db::ReportData& data, const QString& projectName, const std::vector<ReportFigure>& figures,
                          const std::function<QString(int)>& imageSource) {
    const json& table = data.evaluation["result"];
    QString html = QStringLiteral("<!DOCTYPE html>\n<html><head><meta charset=\"utf-8\"><title>%1</title>\n"
                                  "<style>body{font-family:sans-serif;max-width:1100px;margin:auto}"
                                  "table{border-collapse:collapse;margin-bottom:1em}td,th{padding:3px 6px}"
                                  "img{max-width:100%}</style></head><body>\n")
                       .arg(tr("Evaluation report: %1").arg(projectName.toHtmlEscaped()));
    html += QStringLiteral("<h1>%1</h1>\n<p>%2</p>\n")
                .arg(tr("Evaluation report: %1").arg(projectName.toHtmlEscaped()),
                     tr("Evaluation %1 of %2, %3 items; baseline %4; risk scorer %5.")
                         .arg(data.evaluation["id"].get<qint64>())
                         .arg(text(data.evaluation["created_at"]))
                         .arg(table["n"].get<qint64>())
                         .arg(text(table["baseline"]), text(data.evaluation["scorer_hash"])));
    html += QStringLiteral("<h2>%1</h2>\n<p>%2</p>\n")
                .arg(tr("Before and after"), tr("Mean or rate [95% interval]; every figure with its n in the tests below.")) +
            evaluationTable(table) + groups(table);
    if (!figures.empty()) html += QStringLiteral("<h2>%1</h2>\n").arg(tr("Figures"));
    for (size_t i = 0; i < figures.size(); ++i)
        html += QStringLiteral("<h3>%1</h3>\n<p><img src=\"%2\" width=\"%3\" alt=\"%1\"></p>\n")
                    .arg(figures[i].title.toHtmlEscaped(), imageSource(int(i)))
                    .arg(qMin(figures[i].image.width(), 640));  // fits an A4 page's text width
    html += QStringLiteral("<h2>%1</h2>\n").arg(tr("Sample outputs per risk")) + samples(data);
    html += QStringLiteral("<h2>%1</h2>\n").arg(tr("Run records"));
    for (const auto& run : data.runs) html += runRecord(run);
    html += QStringLiteral("<h2>%1</h2>\n").arg(tr("Methods")) + methods(data);
    for (const auto& review : data.reviews)
        html += QStringLiteral("<h2>%1</h2>\n").arg(tr("Review session: %1").arg(text(review["session"]))) +
                ReviewResultsDialog::resultsHtml(review);
    return html + QStringLiteral("</body></html>\n");
}

QString ReportHtml::dataUri(const QImage& image) {
    QByteArray png;
    QBuffer buffer(&png);
    buffer.open(QIODevice::WriteOnly);
    image.save(&buffer, "PNG");
    return QStringLiteral("data:image/png;base64,") + QString::fromLatin1(png.toBase64());
}

}  // namespace srllm::ui
