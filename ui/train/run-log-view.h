#pragma once
// The log of a run as a person reads it: each event line (docs/JOBS.md) in words, the worker's stderr
// and the GUI's own notes, in the order they came; read back from log.jsonl for a past run. The view
// keeps the newest lines only (see kMaxLines). GUI thread only.
#include <QPlainTextEdit>

namespace srllm::core {
struct JobEvent;
}

namespace srllm::ui {

// One event in words: "step 12/120 · loss 2.314 · lr 2.00e-04 · …", "checkpoint saved at step 25: …".
QString describeEvent(const core::JobEvent& event);

class RunLogView : public QPlainTextEdit {
    Q_OBJECT
public:
    static constexpr int kMaxLines = 20000;

    explicit RunLogView(QWidget* parent = nullptr);

    void addEvent(const core::JobEvent& event);
    // `time` ("HH:mm:ss") defaults to now.
    void addStderr(const QString& line, const QString& time = {});  // shown in grey
    void addNote(const QString& text, const QString& time = {});    // the GUI's own messages, in bold
    static QString now();
    // Replaces the content with JOBDIR/log.jsonl in words.
    void showLog(const QString& jobDir);

private:
    void append(const QString& time, const QString& text, const QString& style);
};

}  // namespace srllm::ui
