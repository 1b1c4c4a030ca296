#include "ui/train/run-record-view.h"

#include <QDir>
#include <QHeaderView>

#include "core/common/diagnostics.h"
#include "core/job/job-spec.h"
#include "core/job/run-record.h"
#include "ui/train/train-format.h"

namespace srllm::ui {

namespace {

QString qs(const std::string& text) { return QString::fromStdString(text); }

QString jsonText(const nlohmann::json& value) {
    return value.is_string() ? qs(value.get<std::string>()) : qs(value.dump());
}

}  // namespace

RunRecordView::RunRecordView(QWidget* parent) : QTreeWidget(parent) {
    setColumnCount(2);
    setHeaderLabels({tr("Field"), tr("Value")});
    header()->setSectionResizeMode(0, QHeaderView::ResizeToContents);
    setRootIsDecorated(true);
    setSelectionMode(QAbstractItemView::ExtendedSelection);
    setWordWrap(true);
}

QTreeWidgetItem* RunRecordView::section(const QString& title) {
    auto* item = new QTreeWidgetItem(this, {title});
    QFont bold = item->font(0);
    bold.setBold(true);
    item->setFont(0, bold);
    item->setExpanded(true);
    item->setFirstColumnSpanned(true);
    return item;
}

void RunRecordView::row(QTreeWidgetItem* parent, const QString& key, const QString& value) {
    auto* item = new QTreeWidgetItem(parent, {key, value});
    item->setToolTip(1, value);
}

void RunRecordView::showJob(const QString& jobDir) {
    clear();
    const std::filesystem::path dir = jobDir.toStdString();
    QTreeWidgetItem* run = section(tr("Run"));
    row(run, tr("Job folder"), QDir::toNativeSeparators(jobDir));
    try {
        if (const auto record = core::readRunRecord(dir)) {
            const core::RunRecord& r = *record;
            QString status = qs(core::runStatusName(r.status));
            if (r.stoppedEarly) status += tr(" (stopped early)");
            row(run, tr("Status"), status);
            if (!r.reason.empty()) row(run, tr("Reason"), qs(r.reason));
            row(run, tr("Steps"), r.resumedFromStep > 0 ? tr("%1 of %2 (resumed from step %3)").arg(r.steps).arg(r.totalSteps).arg(r.resumedFromStep)
                                                         : tr("%1 of %2").arg(r.steps).arg(r.totalSteps));
            row(run, tr("Started"), qs(r.startedAt));
            row(run, tr("Finished"), qs(r.finishedAt));
            row(run, tr("Duration"), formatDuration(r.seconds));
            if (r.lossTrainLast) row(run, tr("Last train loss"), QString::number(*r.lossTrainLast, 'g', 6));
            if (r.lossEvalBest)
                row(run, tr("Best eval loss"), tr("%1 at step %2").arg(*r.lossEvalBest, 0, 'g', 6).arg(r.bestStep.value_or(0)));
            row(run, tr("Device"), tr("%1, %2").arg(qs(r.device), qs(r.precision)));
            row(run, tr("Peak memory"), formatBytes(double(r.memoryPeakBytes)));
            row(run, tr("Code version"), qs(r.codeVersion));
            if (!r.result.empty()) row(run, tr("Result"), QDir::toNativeSeparators(QDir(jobDir).filePath(qs(r.result))));
            if (!r.checkpoint.empty()) row(run, tr("Newest checkpoint"), qs(r.checkpoint));
        } else {
            row(run, tr("Status"), tr("no run has ended yet"));
        }
    } catch (const std::exception& e) {
        row(run, tr("run.json"), tr("unreadable: %1").arg(qs(e.what())));
    }

    try {
        const core::JobSpec spec = core::readJobSpec(dir).spec;
        QTreeWidgetItem* model = section(tr("Base model"));
        row(model, tr("Folder"), qs(spec.baseModel.path));
        row(model, tr("Architecture"), qs(spec.baseModel.architecture));
        row(model, tr("Hash"), qs(spec.baseModel.hash));
        QTreeWidgetItem* data = section(tr("Data"));
        const core::JobData& d = spec.data;
        row(data, tr("Project"), qs(d.project));
        row(data, tr("Snapshot"), d.snapshotId ? tr("%1 (id %2)").arg(qs(d.snapshotName)).arg(*d.snapshotId) : qs(d.snapshotName));
        row(data, tr("Snapshot hash"), qs(d.snapshotHash));
        row(data, tr("Splits"), tr("train on '%1', validate on '%2'").arg(qs(d.trainSplit), qs(d.valSplit)));
        row(data, tr("Template"), qs(d.templ.name));
        row(data, tr("Response rule"), qs(d.responseRule));
        row(data, tr("Special tokens"), qs(d.specialTokens));
        for (const core::JobDataFile* file : {&d.train, &d.val})
            row(data, qs(file->file), tr("%n record(s), %1", nullptr, int(file->records)).arg(qs(file->hash)));
        QTreeWidgetItem* config = section(tr("Configuration"));
        row(config, tr("Created"), qs(spec.createdAt));
        row(config, tr("Code version"), qs(spec.codeVersion));
        row(config, tr("Device"), qs(spec.device));
        const nlohmann::json train = spec.train.toJson();
        for (const auto& [key, value] : train.items()) {
            if (!value.is_object()) {
                row(config, qs(key), jsonText(value));
                continue;
            }
            for (const auto& [inner, v] : value.items()) row(config, qs(key + "." + inner), jsonText(v));  // lora.r, …
        }
    } catch (const std::exception& e) {
        row(run, tr("job.json"), tr("unreadable: %1").arg(qs(e.what())));
    }
}

QString RunRecordView::value(const QString& sectionTitle, const QString& key) const {
    for (int i = 0; i < topLevelItemCount(); ++i) {
        const QTreeWidgetItem* s = topLevelItem(i);
        if (s->text(0) != sectionTitle) continue;
        for (int j = 0; j < s->childCount(); ++j)
            if (s->child(j)->text(0) == key) return s->child(j)->text(1);
    }
    return {};
}

}  // namespace srllm::ui
