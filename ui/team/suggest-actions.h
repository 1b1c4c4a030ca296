#pragma once
// Team > Suggest … (experts): runs a suggester over every item on a worker connection with progress and
// Cancel, storing suggestions that annotators see as such, never as their labels (db/suggestions.h):
// candidate words from a word list (core/data/lexicon-suggester.h), or risk labels from a scorer folder
// (core/eval/scorer-suggester.h), which also becomes the project's scorer: the Annotate view then
// suggests labels for items imported later and shows the rewrite's toxicity.
#include <QString>

class QWidget;

namespace srllm::ui {

class ProjectSession;

// Each asks for its file or folder (unless given), runs, and says how many items got suggestions.
// UI thread only.
void suggestFromWordList(QWidget* parent, ProjectSession* session, const QString& path = QString());
void suggestWithScorer(QWidget* parent, ProjectSession* session, const QString& folder = QString());

}  // namespace srllm::ui
