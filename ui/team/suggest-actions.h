#pragma once
// Team > Suggest candidate words (experts): stores the words of a word list (core/data/lexicon-suggester.h)
// found in every item as suggestions, which annotators see underlined and may mark; run on a worker
// connection with progress and Cancel. Until the evaluation engine's scorer is installed, this is how
// the Annotate view gets its suggestions besides an imported suggestions file (`srllm suggest --from`).
#include <QString>

class QWidget;

namespace srllm::ui {

class ProjectSession;

// Asks for the word list, runs, and says how many items got candidate words. UI thread only.
void suggestFromWordList(QWidget* parent, ProjectSession* session, const QString& path = QString());

}  // namespace srllm::ui
