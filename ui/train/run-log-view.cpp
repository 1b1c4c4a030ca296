#include "ui/train/run-log-view.h"

#include <QFontDatabase>
#include <QTime>

#include "core/job/job-events.h"
#include "ui/train/train-format.h"

namespace srllm::ui {

namespace {

QString qs(const std::string& text) { return QString::fromStdString(text); }

QString eventText(const core::StartEvent& e) {
    const QString where = RunLogView::tr("on %1 (%2), %3 steps, %4 of %5 parameters trainable")
                              .arg(qs(e.device), qs(e.precision))
                              .arg(e.totalSteps)
                              .arg(e.trainableParams)
                              .arg(e.totalParams);
    return e.resumedFromStep > 0 ? RunLogView::tr("resumed from step %1 %2").arg(e.resumedFromStep).arg(where)
                                 : RunLogView::tr("started %1").arg(where);
}

QString eventText(const core::StepEvent& e) {
    return RunLogView::tr("step %1/%2 · loss %3 · lr %4 · grad norm %5 · %6 tokens/s · %7 left")
        .arg(e.step)
        .arg(e.totalSteps)
        .arg(e.lossTrain, 0, 'f', 4)
        .arg(e.learningRate, 0, 'e', 2)
        .arg(e.gradNorm, 0, 'f', 3)
        .arg(e.tokensPerSecond, 0, 'f', 0)
        .arg(formatDuration(e.etaSeconds));
}

QString eventText(const core::EvalEvent& e) {
    QString text = RunLogView::tr("eval at step %1: loss %2").arg(e.step).arg(e.lossEval, 0, 'f', 4);
    if (e.toxicPercent) text += RunLogView::tr(", %1% toxic").arg(*e.toxicPercent, 0, 'f', 1);
    return text;
}

QString eventText(const core::CheckpointEvent& e) {
    return RunLogView::tr("checkpoint saved at step %1: %2").arg(e.step).arg(qs(e.path));
}

QString eventText(const core::WarningEvent& e) {
    QStringList lines;
    for (int64_t line : e.firstLines) lines << QString::number(line);
    if (lines.isEmpty())  // a warning about the run, not about lines of the data
        return RunLogView::tr("warning (%1, %n time(s)): %2", nullptr, int(e.count)).arg(qs(e.kind), qs(e.message));
    return RunLogView::tr("warning (%1, %n time(s), first at lines %2): %3", nullptr, int(e.count))
        .arg(qs(e.kind), lines.join(QStringLiteral(", ")), qs(e.message));
}

QString eventText(const core::DoneEvent& e) {
    QString text = e.stoppedEarly ? RunLogView::tr("done: stopped early after %1 steps").arg(e.steps)
                                  : RunLogView::tr("done: %1 steps").arg(e.steps);
    if (e.lossEvalBest)
        text += RunLogView::tr("; best eval loss %1 at step %2").arg(*e.lossEvalBest, 0, 'f', 4).arg(e.bestStep.value_or(0));
    return text + RunLogView::tr("; %1").arg(formatDuration(e.seconds));
}

QString eventText(const core::CancelledEvent& e) {
    return RunLogView::tr("cancelled at step %1; Resume continues from %2").arg(e.step).arg(qs(e.checkpoint));
}

QString eventText(const core::FailedEvent& e) {
    return RunLogView::tr("failed at step %1: %2").arg(e.step).arg(qs(e.reason));
}

// "2026-11-29T18:00:05.123Z" -> "18:00:05"; empty when the time is not in that form.
QString clockOf(const std::string& time) {
    const QString t = qs(time);
    return t.size() >= 19 && t.at(10) == QLatin1Char('T') ? t.mid(11, 8) : QString();
}

}  // namespace

QString describeEvent(const core::JobEvent& event) {
    return std::visit([](const auto& body) { return eventText(body); }, event.body);
}

RunLogView::RunLogView(QWidget* parent) : QPlainTextEdit(parent) {
    setReadOnly(true);
    setMaximumBlockCount(kMaxLines);
    setLineWrapMode(QPlainTextEdit::NoWrap);
    setFont(QFontDatabase::systemFont(QFontDatabase::FixedFont));
}

void RunLogView::addEvent(const core::JobEvent& event) {
    const bool bad = std::holds_alternative<core::FailedEvent>(event.body) || std::holds_alternative<core::WarningEvent>(event.body);
    append(clockOf(event.time), describeEvent(event), bad ? QStringLiteral("color:#b00020") : QString());
}

QString RunLogView::now() { return QTime::currentTime().toString(QStringLiteral("HH:mm:ss")); }

void RunLogView::addStderr(const QString& line, const QString& time) {
    append(time.isEmpty() ? now() : time, line, QStringLiteral("color:#777"));
}

void RunLogView::addNote(const QString& text, const QString& time) {
    append(time.isEmpty() ? now() : time, text, QStringLiteral("font-weight:bold"));
}

void RunLogView::showLog(const QString& jobDir) {
    clear();
    try {
        for (const core::JobEvent& event : core::readJobLog(jobDir.toStdString())) addEvent(event);
    } catch (const std::exception& e) {
        addNote(tr("log.jsonl is unreadable: %1").arg(qs(e.what())));
    }
}

void RunLogView::append(const QString& time, const QString& text, const QString& style) {
    const QString line = (time.isEmpty() ? QString() : time + QLatin1Char(' ')) + text;
    appendHtml(style.isEmpty() ? line.toHtmlEscaped()
                               : QStringLiteral("<span style=\"%1\">%2</span>").arg(style, line.toHtmlEscaped()));
}

}  // namespace srllm::ui
