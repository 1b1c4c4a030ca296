#include "core/job/rendezvous.h"

#include <cstdlib>

#include "core/common/diagnostics.h"

namespace srllm::core {

namespace {

constexpr const char* kEnvironment = "environment";

int parseNumber(const EnvironmentLookup& env, const std::string& name, int lowest, int highest) {
    const auto text = env(name);
    if (!text) throw InputError(kEnvironment, 0, name, "is not set (hint: set it, or launch with `srllm train JOBDIR --nproc N`)");
    size_t used = 0;
    int value = 0;
    try {
        value = std::stoi(*text, &used);
    } catch (const std::exception&) {
        used = 0;
    }
    if (used == 0 || used != text->size() || value < lowest || value > highest)
        throw InputError(kEnvironment, 0, name, "'" + *text + "' is not a whole number from " + std::to_string(lowest) +
                                                    " to " + std::to_string(highest));
    return value;
}

}  // namespace

EnvironmentLookup processEnvironment() {
    return [](const std::string& name) -> std::optional<std::string> {
        const char* value = std::getenv(name.c_str());
        if (!value) return std::nullopt;
        return std::string(value);
    };
}

std::optional<Rendezvous> rendezvousFromEnvironment(const EnvironmentLookup& env) {
    constexpr int kMaxWorld = 1 << 20;
    Rendezvous r;
    if (env("WORLD_SIZE")) {
        r.worldSize = parseNumber(env, "WORLD_SIZE", 1, kMaxWorld);
        r.rank = parseNumber(env, "RANK", 0, r.worldSize - 1);
        r.localRank = env("LOCAL_RANK") ? parseNumber(env, "LOCAL_RANK", 0, r.worldSize - 1) : 0;
    } else if (env("SLURM_NTASKS") && parseNumber(env, "SLURM_NTASKS", 1, kMaxWorld) > 1) {
        // srun sets these per task; a batch script that starts srllm without srun has no SLURM_PROCID.
        r.worldSize = parseNumber(env, "SLURM_NTASKS", 1, kMaxWorld);
        r.rank = parseNumber(env, "SLURM_PROCID", 0, r.worldSize - 1);
        r.localRank = env("SLURM_LOCALID") ? parseNumber(env, "SLURM_LOCALID", 0, r.worldSize - 1) : 0;
    } else {
        return std::nullopt;
    }
    if (const auto addr = env("MASTER_ADDR"); addr && !addr->empty()) {
        r.masterAddr = *addr;
    } else if (const auto nodes = env("SLURM_NODELIST"); nodes && !nodes->empty()) {
        r.masterAddr = firstSlurmHost(*nodes);
    } else {
        throw InputError(kEnvironment, 0, "MASTER_ADDR", "is not set (and no SLURM_NODELIST names the first host)");
    }
    r.masterPort = parseNumber(env, "MASTER_PORT", 1, 65535);
    return r;
}

std::string firstSlurmHost(const std::string& nodeList) {
    // The first entry ends at a comma outside brackets; "prefix[a-b,c]suffix" expands to prefix + a + suffix.
    const auto bracket = nodeList.find('[');
    const auto comma = nodeList.find(',');
    if (bracket == std::string::npos || (comma != std::string::npos && comma < bracket))
        return nodeList.substr(0, comma);
    const auto close = nodeList.find(']', bracket);
    if (close == std::string::npos)
        throw InputError(kEnvironment, 0, "SLURM_NODELIST", "'" + nodeList + "' has an unclosed '['");
    const std::string inside = nodeList.substr(bracket + 1, close - bracket - 1);
    const std::string first = inside.substr(0, inside.find_first_of(",-"));
    const auto suffixEnd = nodeList.find(',', close);
    return nodeList.substr(0, bracket) + first + nodeList.substr(close + 1, suffixEnd == std::string::npos ? std::string::npos
                                                                                                          : suffixEnd - close - 1);
}

void requireWorldDividesBatch(int64_t batchSize, int worldSize, const std::string& jobFile) {
    if (worldSize > 0 && batchSize % worldSize == 0) return;
    throw InputError(jobFile, 0, "train.batch_size",
                     std::to_string(batchSize) + " examples per micro-batch do not split evenly over " +
                         std::to_string(worldSize) + " processes (hint: choose a batch size that is a multiple of the "
                                                     "process count, or another process count)");
}

}  // namespace srllm::core
