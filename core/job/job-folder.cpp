#include "core/job/job-folder.h"

#include <fcntl.h>
#include <sys/file.h>
#include <unistd.h>

#include <algorithm>
#include <cstring>

#include "core/job/job-layout.h"

namespace srllm::core {

namespace fs = std::filesystem;

namespace {

std::optional<int64_t> stepOf(const fs::path& folder) {
    const auto name = folder.filename().string();
    const size_t prefix = std::strlen(kCheckpointPrefix);
    if (name.rfind(kCheckpointPrefix, 0) != 0 || name.size() == prefix || name.size() > prefix + 18) return std::nullopt;
    const auto digits = name.substr(prefix);
    if (digits.find_first_not_of("0123456789") != std::string::npos) return std::nullopt;
    return std::stoll(digits);
}

bool complete(const fs::path& folder) {
    return fs::exists(folder / kCheckpointDoneFile) && fs::exists(folder / kCheckpointStateFile);
}

}  // namespace

std::string checkpointFolderName(int64_t step) {
    std::string digits = std::to_string(step);
    return kCheckpointPrefix + std::string(digits.size() < 8 ? 8 - digits.size() : 0, '0') + digits;
}

std::vector<std::pair<int64_t, fs::path>> completeCheckpoints(const fs::path& root, Diagnostics* warnings) {
    std::vector<std::pair<int64_t, fs::path>> out;
    if (!fs::is_directory(root)) return out;
    for (const auto& entry : fs::directory_iterator(root)) {
        const auto step = stepOf(entry.path());
        if (!entry.is_directory() || !step) continue;
        if (complete(entry.path())) {
            out.emplace_back(*step, entry.path());
        } else if (warnings) {
            warnings->push_back({entry.path().string(), 0, "", "incomplete checkpoint (no DONE marker) ignored"});
        }
    }
    std::sort(out.begin(), out.end());
    return out;
}

JobFolderState inspectJobFolder(const fs::path& jobDir) {
    JobFolderState state;
    state.hasJob = fs::is_regular_file(jobDir / kJobFile);
    for (const auto& [step, folder] : completeCheckpoints(jobDir / kCheckpointsFolder)) state.checkpointSteps.push_back(step);
    state.hasResult = fs::is_directory(jobDir / kAdapterFolder) || fs::is_directory(jobDir / kModelFolder);
    state.hasBest = fs::is_directory(jobDir / kBestFolder);
    state.hasMerged = fs::is_directory(jobDir / kMergedFolder);
    state.hasLog = fs::is_regular_file(jobDir / kJobLogFile);
    state.run = readRunRecord(jobDir);
    return state;
}

void requireStartable(const fs::path& jobDir, bool resume) {
    const JobFolderState state = inspectJobFolder(jobDir);
    if (!resume && !state.checkpointSteps.empty())
        throw InputError(jobDir.string(), 0, "",
                         "already holds checkpoints (hint: `srllm train JOBDIR --resume` continues; the GUI's Discard "
                         "deletes the outputs to start again)");
    if (resume && state.run && state.run->status == RunStatus::Done)
        throw InputError(jobDir.string(), 0, "", "the job is done (hint: Discard its outputs to run it again)");
}

bool jobFolderBusy(const fs::path& jobDir) {
    const int fd = ::open((jobDir / kJobLockFile).c_str(), O_RDONLY | O_CLOEXEC);
    if (fd < 0) return false;  // never trained
    const bool busy = ::flock(fd, LOCK_EX | LOCK_NB) != 0;
    ::close(fd);  // releases the lock if we took it
    return busy;
}

void discardJobOutputs(const fs::path& jobDir) {
    if (!fs::is_regular_file(jobDir / kJobFile))
        throw InputError(jobDir.string(), 0, "", std::string("holds no ") + kJobFile +
                                                     "; refusing to delete anything (hint: pass a job folder)");
    if (jobFolderBusy(jobDir))
        throw InputError(jobDir.string(), 0, "", "a trainer is running this job (hint: cancel it first)");
    const char* outputs[] = {kCheckpointsFolder, kAdapterFolder, kModelFolder, kBestFolder, kMergedFolder, kJobLogFile,
                             kJobRunFile, kEvalGenerationsFolder};
    for (const auto& entry : fs::directory_iterator(jobDir)) {
        const auto name = entry.path().filename().string();
        // An output, or a temporary of one a killed writer left ("adapter.tmp-123", core/common/durable-file.h).
        const bool output = std::any_of(std::begin(outputs), std::end(outputs), [&](const char* o) {
            return name == o || name.rfind(std::string(o) + ".tmp-", 0) == 0 || name.rfind(std::string(o) + ".old-", 0) == 0;
        });
        if (output) fs::remove_all(entry.path());
    }
}

void requireNewJobFolder(const fs::path& jobDir) {
    if (!fs::exists(jobDir)) return;
    if (!fs::is_directory(jobDir)) throw InputError(jobDir.string(), 0, "JOBDIR", "exists and is not a folder");
    if (!fs::is_empty(jobDir))
        throw InputError(jobDir.string(), 0, "JOBDIR",
                         "exists and is not empty (hint: choose a new folder; to run an existing job again, use "
                         "`srllm train JOBDIR`)");
}

}  // namespace srllm::core
