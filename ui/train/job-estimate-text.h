#pragma once
// The Train page's reports in words (rich text): the base-model folder's check (one line per piece,
// each missing piece with its own message), the estimate of memory and time before Start, and what a
// created job froze. GUI thread or JobCreator's thread (translation only).
#include <QString>

namespace srllm::core {
struct BaseModelCheck;
struct JobEstimate;
}  // namespace srllm::core
namespace srllm::db {
struct JobCreated;
struct JobPreview;
}

namespace srllm::ui {

QString modelCheckHtml(const core::BaseModelCheck& check);
QString estimateHtml(const core::JobEstimate& estimate);
// The records a snapshot gives (train, validation, test kept out, cut or skipped).
QString previewSummary(const db::JobPreview& preview);

}  // namespace srllm::ui
