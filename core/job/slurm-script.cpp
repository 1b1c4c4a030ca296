#include "core/job/slurm-script.h"

#include <algorithm>
#include <cctype>
#include <sstream>
#include <string_view>

#include "core/common/diagnostics.h"
#include "core/common/durable-file.h"
#include "core/job/job-spec.h"
#include "core/job/rendezvous.h"

namespace srllm::core {

namespace {

// A value for the shell, in single quotes (a quote inside becomes '\'').
std::string shellQuoted(const std::string& text) {
    std::string out = "'";
    for (char c : text) out += c == '\'' ? std::string("'\\''") : std::string(1, c);
    return out + "'";
}

bool isDigits(std::string_view text) {
    return !text.empty() && std::all_of(text.begin(), text.end(), [](char c) { return c >= '0' && c <= '9'; });
}

// Slurm's time forms: minutes, M:S, H:M:S, with an optional "days-" in front (hand-written: GCC 12 warns
// inside <regex> under -fsanitize=address).
bool isSlurmTime(std::string_view text) {
    if (const auto dash = text.find('-'); dash != std::string_view::npos) {
        if (!isDigits(text.substr(0, dash))) return false;
        text.remove_prefix(dash + 1);
    }
    int parts = 0;
    for (size_t start = 0;; ++parts) {
        const auto colon = text.find(':', start);
        if (!isDigits(text.substr(start, colon - start))) return false;
        if (colon == std::string_view::npos) return parts < 3;
        start = colon + 1;
    }
}

bool isSlurmName(std::string_view text) {
    return !text.empty() && std::all_of(text.begin(), text.end(), [](char c) {
        return std::isalnum(static_cast<unsigned char>(c)) || std::string_view("_.,+-").find(c) != std::string_view::npos;
    });
}

void require(const std::string& value, bool (*valid)(std::string_view), const std::string& option, const std::string& hint) {
    if (!value.empty() && !valid(value)) throw InputError("", 0, option, "'" + value + "' " + hint);
}

}  // namespace

int slurmWorldSize(const SlurmScriptOptions& o) {
    return o.nodes * (o.tasksPerNode > 0 ? o.tasksPerNode : std::max(1, o.gpusPerNode));
}

std::string slurmScript(const std::filesystem::path& jobDir, const std::string& srllmBinary, const SlurmScriptOptions& o) {
    const auto spec = readJobSpec(jobDir).spec;  // a folder without job.json fails here
    if (o.nodes < 1) throw InputError("", 0, "--nodes", "must be at least 1");
    if (o.gpusPerNode < 0 || o.tasksPerNode < 0 || o.cpusPerTask < 0)
        throw InputError("", 0, "--gpus-per-node", "counts cannot be negative");
    require(o.time, isSlurmTime, "--time", "is not a Slurm time (minutes, H:MM:SS or D-HH:MM:SS)");
    require(o.partition, isSlurmName, "--partition", "is not a partition name");
    require(o.account, isSlurmName, "--account", "is not an account name");
    const int world = slurmWorldSize(o);
    requireWorldDividesBatch(spec.train.batchSize, world, (jobDir / kJobFile).string());
    const int tasks = world / o.nodes;
    const std::string dir = jobDir.string();

    std::ostringstream s;
    s << "#!/bin/bash\n"
      << "# SR-LLM Workbench: the training job " << dir << "\n"
      << "# written by `srllm job export-slurm` (" << srllmCodeVersion() << ") on " << utcTimestamp() << ".\n"
      << "# It runs the folder as `srllm train` does on one machine, as " << world << " data-parallel processes\n"
      << "# (" << o.nodes << " node(s) x " << tasks << " task(s)), each with its share of every batch of "
      << spec.train.batchSize << " examples;\n"
      << "# rank 0 writes checkpoints, log.jsonl and the result into the folder, which every node must see.\n"
      << "#   submit: sbatch " << dir << "/" << kSlurmScriptFile << "\n"
      << "#   follow: squeue -j JOBID, and the JSON lines of " << dir << "/log.jsonl\n"
      << "#   cancel: scancel JOBID (the run checkpoints first; submitting again resumes)\n"
      << "#SBATCH --job-name=srllm-" << jobDir.filename().string() << "\n"
      << "#SBATCH --nodes=" << o.nodes << "\n"
      << "#SBATCH --ntasks-per-node=" << tasks << "\n";
    if (o.gpusPerNode > 0) s << "#SBATCH --gpus-per-node=" << o.gpusPerNode << "\n";
    if (o.cpusPerTask > 0) s << "#SBATCH --cpus-per-task=" << o.cpusPerTask << "\n";
    if (!o.time.empty()) s << "#SBATCH --time=" << o.time << "\n";
    if (!o.partition.empty()) s << "#SBATCH --partition=" << o.partition << "\n";
    if (!o.account.empty()) s << "#SBATCH --account=" << o.account << "\n";
    s << "#SBATCH --output=" << dir << "/slurm-%j.out\n"
      << "# SIGTERM to every task 120 s before the time limit: the run checkpoints and stops cleanly.\n"
      << "#SBATCH --signal=TERM@120\n"
      << "set -euo pipefail\n\n"
      << "JOBDIR=" << shellQuoted(dir) << "\n"
      << "SRLLM=" << shellQuoted(srllmBinary) << "\n"
      << "# Rendezvous: rank 0 listens on the first node of the allocation, on a port derived from the job id\n"
      << "# (two jobs sharing a node do not collide).\n"
      << "export MASTER_ADDR=\"$(scontrol show hostnames \"$SLURM_JOB_NODELIST\" | head -n 1)\"\n"
      << "export MASTER_PORT=\"$((20000 + SLURM_JOB_ID % 20000))\"\n"
      << "# A job submitted again continues from its newest complete checkpoint.\n"
      << "RESUME=()\n"
      << "if compgen -G \"$JOBDIR/checkpoints/step-*/DONE\" > /dev/null; then RESUME=(--resume); fi\n"
      << "# srun starts one task per process and gives each SLURM_PROCID, SLURM_NTASKS and SLURM_LOCALID\n"
      << "# (its rank, the world size, its GPU); one failing task ends the others.\n"
      << "srun --kill-on-bad-exit=1 \"$SRLLM\" train \"$JOBDIR\" --threads \"${SLURM_CPUS_PER_TASK:-1}\" \"${RESUME[@]}\"\n";
    return s.str();
}

std::filesystem::path writeSlurmScript(const std::filesystem::path& jobDir, const std::string& srllmBinary,
                                       const SlurmScriptOptions& options, const std::filesystem::path& out) {
    const auto file = out.empty() ? jobDir / kSlurmScriptFile : out;
    writeFileDurable(file, slurmScript(jobDir, srllmBinary, options));
    std::filesystem::permissions(file, std::filesystem::perms::owner_exec, std::filesystem::perm_options::add);
    return file;
}

}  // namespace srllm::core
