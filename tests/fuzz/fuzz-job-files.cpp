// Fuzz target: the files of a job folder (#8, docs/JOBS.md) as `srllm train JOBDIR`, `srllm job list` and
// the GUI read them. The first byte picks the file (% 3): 0 job.json, 1 log.jsonl (the event lines), 2 run.json.
// What parses must also survive its own writer: written back and read again, it is read without error.
// Seeds are made by LLVMFuzzerInitialize into $SRLLM_FUZZ_SEED_DIR by the writers, so they follow the format.
#include <cstdlib>
#include <filesystem>
#include <fstream>

#include "core/job/job-events.h"
#include "core/job/job-layout.h"
#include "core/job/job-spec.h"
#include "core/job/run-record.h"
#include "fuzz/fuzz-support.h"

using namespace srllm;
namespace fs = std::filesystem;

namespace {

void writeSeed(const fs::path& dir, const std::string& name, char selector, const std::string& text) {
    std::ofstream(dir / name, std::ios::binary) << selector << text;
}

}  // namespace

extern "C" int LLVMFuzzerInitialize(int*, char***) {
    const char* seeds = std::getenv("SRLLM_FUZZ_SEED_DIR");
    if (!seeds) return 0;
    fs::create_directories(seeds);
    core::JobSpec spec;
    spec.createdAt = "2026-11-29T18:00:00.000Z";
    spec.baseModel = {"/models/tiny", "sha256:ab", "LlamaForCausalLM"};
    spec.data.project = "/p/study.srllm";
    spec.data.snapshotId = 3;
    spec.data.templ = {"custom", "Fix: {text}\n", "{rewrite}"};
    spec.data.train.records = 338;
    writeSeed(seeds, "job.json", '\0', core::jobSpecToJson(spec).dump(2));
    std::string log;
    const core::JobEventBody bodies[] = {
        core::StartEvent{"/jobs/a", 0, 100, "cpu", "fp32", 1000, 50000},
        core::StepEvent{1, 100, 0, 2.5, 2e-4, 1.25, 512, 900.5, 0.6, 59.4, 1 << 20},
        core::EvalEvent{10, 2.1, 12.5},
        core::CheckpointEvent{10, "checkpoints/step-00000010"},
        core::WarningEvent{"truncated", "train.jsonl:3: field 'prompt': cut", 4, {3, 9}},
        core::DoneEvent{100, true, 40, 1.9, 61.0},
        core::CancelledEvent{12, "checkpoints/step-00000010"},
        core::FailedEvent{"out of memory", 7}};
    for (const auto& body : bodies) log += core::eventLine({"2026-11-29T18:00:01.000Z", body}) + "\n";
    writeSeed(seeds, "log.jsonl", '\1', log + R"({"event": "step", "step": 2)");  // a killed writer's last line
    core::RunRecord run;
    run.lossTrainLast = 1.5;
    run.bestStep = 40;
    run.result = core::kAdapterFolder;
    run.checkpoint = "checkpoints/step-00000040";
    writeSeed(seeds, "run.json", '\2', core::runRecordToJson(run).dump(2));
    return 0;
}

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
    const auto [selector, rest] = fuzz::select(data, size);
    const fs::path dir = fuzz::scratchDir() / "job";
    fs::create_directories(dir);
    switch (selector % 3) {
        case 0: {
            const auto file = fuzz::writeInput("job/" + std::string(core::kJobFile), rest);
            fuzz::expectInputErrors(file.string(), [&] {
                const auto parsed = core::readJobSpec(dir);
                core::parseJobSpec(core::jobSpecToJson(parsed.spec), "(written back)");
            });
            break;
        }
        case 1: {
            const auto file = fuzz::writeInput("job/" + std::string(core::kJobLogFile), rest);
            fuzz::expectInputErrors(file.string(), [&] {
                for (const auto& event : core::readJobLog(dir))
                    if (!core::parseEventLine(core::eventLine(event))) std::abort();  // its own line must parse
            });
            break;
        }
        default: {
            const auto file = fuzz::writeInput("job/" + std::string(core::kJobRunFile), rest);
            fuzz::expectInputErrors(file.string(), [&] {
                if (const auto run = core::readRunRecord(dir))
                    core::parseRunRecord(core::runRecordToJson(*run), "(written back)");
            });
        }
    }
    return 0;
}
