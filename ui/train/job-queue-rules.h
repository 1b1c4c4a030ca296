#pragma once
// Which of Start, Cancel, Resume and Discard a job allows, from its row's status and what its folder
// holds: the Train page's buttons follow these, and the tests pin them. Which queued job starts next
// (one per device) is the store's rule (db::nextQueuedJob). Pure functions.
#include "core/job/job-folder.h"
#include "db/jobs.h"

namespace srllm::ui {

struct JobActions {
    bool start = false;    // run from the beginning: the folder holds no checkpoint or result to lose
    bool cancel = false;   // running: checkpoint and stop; queued: leave the queue
    bool resume = false;   // continue from the newest complete checkpoint
    bool discard = false;  // delete checkpoints, results and logs (after a confirmation)
};

JobActions allowedActions(db::JobStatus status, const core::JobFolderState& folder);

// Whether `srllm train` must be given --resume for this folder (it holds a complete checkpoint).
bool needsResume(const core::JobFolderState& folder);

}  // namespace srllm::ui
