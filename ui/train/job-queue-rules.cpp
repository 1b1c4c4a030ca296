#include "ui/train/job-queue-rules.h"

namespace srllm::ui {

JobActions allowedActions(db::JobStatus status, const core::JobFolderState& folder) {
    using S = db::JobStatus;
    JobActions can;
    const bool idle = status == S::Cancelled || status == S::Failed || status == S::Done;
    can.cancel = status == S::Queued || status == S::Running;
    can.start = idle && folder.hasJob && folder.checkpointSteps.empty() && !folder.hasResult;
    can.resume = idle && folder.hasJob && folder.canResume();
    can.discard = idle;  // also a job whose folder is gone: its row leaves the queue
    return can;
}

bool needsResume(const core::JobFolderState& folder) { return !folder.checkpointSteps.empty(); }

}  // namespace srllm::ui
