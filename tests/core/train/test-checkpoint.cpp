// Crash-safe checkpoints: a folder without DONE (a crash mid-write) or with a damaged header is skipped,
// pruning keeps the newest complete ones, and a round trip restores weights, optimizer and RNG.
#include <fstream>

#include <gtest/gtest.h>

#include "core/train/checkpoint.h"
#include "support/test-data.h"

using namespace srllm::core;
using srllm::test::ScratchDir;

namespace {

struct Fixture {
    torch::Tensor weight = torch::randn({3, 4}, torch::requires_grad());
    torch::optim::AdamW optimizer{{weight}, torch::optim::AdamWOptions(1e-2)};
    std::map<std::string, torch::Tensor> weights() { return {{"w", weight}}; }
    void step() {
        optimizer.zero_grad();
        (weight * weight).sum().backward();
        optimizer.step();
    }
};

TrainingState stateAt(int64_t step) {
    TrainingState s;
    s.step = step;
    s.epoch = 1;
    s.nextExample = 4;
    s.bestStep = step - 1;
    s.lossScale = 1024.0;
    s.configJson = "{}";
    return s;
}

}  // namespace

TEST(Checkpoint, TruncatedCheckpointWithoutDoneIsIgnored) {
    ScratchDir dir;
    Fixture f;
    f.step();
    writeCheckpoint(dir.path(), stateAt(2), f.weights(), f.optimizer, 5);
    writeCheckpoint(dir.path(), stateAt(4), f.weights(), f.optimizer, 5);
    // simulate a crash while step 4 was written: truncated state, no DONE marker
    std::filesystem::remove(dir / "step-00000004/DONE");
    std::filesystem::resize_file(dir / "step-00000004/state.bin", 10);
    Diagnostics warnings;
    const auto latest = latestCheckpoint(dir.path(), warnings);
    ASSERT_TRUE(latest.has_value());
    EXPECT_EQ(latest->filename(), "step-00000002");
    ASSERT_EQ(warnings.size(), 1u);
    EXPECT_NE(warnings[0].message.find("DONE"), std::string::npos);
}

TEST(Checkpoint, DamagedHeaderIsSkippedWithAWarning) {
    ScratchDir dir;
    Fixture f;
    writeCheckpoint(dir.path(), stateAt(1), f.weights(), f.optimizer, 5);
    writeCheckpoint(dir.path(), stateAt(3), f.weights(), f.optimizer, 5);
    std::ofstream(dir / "step-00000003/state.bin", std::ios::binary | std::ios::trunc) << "NOTACKPTxxxxxxxx";
    Diagnostics warnings;
    EXPECT_EQ(latestCheckpoint(dir.path(), warnings)->filename(), "step-00000001");
    ASSERT_EQ(warnings.size(), 1u);
    EXPECT_NE(warnings[0].message.find("bad magic"), std::string::npos);
}

TEST(Checkpoint, StateCutShortAfterItsHeaderIsAnErrorNamingTheFile) {
    ScratchDir dir;
    Fixture f;
    const auto folder = writeCheckpoint(dir.path(), stateAt(2), f.weights(), f.optimizer, 5);
    // #12: DONE present, the header intact, the archive cut short (a damaged disk, a half-copied job folder).
    std::filesystem::resize_file(folder / "state.bin", 200);
    Fixture other;
    auto weights = other.weights();
    try {
        readCheckpoint(folder, weights, other.optimizer, torch::kCPU);
        FAIL() << "a damaged checkpoint was read";
    } catch (const InputError& e) {
        EXPECT_EQ(e.diagnostic().file, (folder / "state.bin").string());
        EXPECT_NE(e.diagnostic().message.find("damaged checkpoint: PytorchStreamReader"), std::string::npos)
            << e.diagnostic().message;
        EXPECT_EQ(e.diagnostic().message.find("frame #"), std::string::npos) << "a C++ backtrace reached the user";
    }
}

TEST(Checkpoint, PruningKeepsTheNewestCompleteOnes) {
    ScratchDir dir;
    Fixture f;
    for (int64_t step : {1, 2, 3}) writeCheckpoint(dir.path(), stateAt(step), f.weights(), f.optimizer, 2);
    EXPECT_FALSE(std::filesystem::exists(dir / "step-00000001"));
    EXPECT_TRUE(std::filesystem::exists(dir / "step-00000002/DONE"));
    EXPECT_TRUE(std::filesystem::exists(dir / "step-00000003/DONE"));
}

TEST(Checkpoint, RoundTripRestoresWeightsOptimizerRngAndPosition) {
    ScratchDir dir;
    Fixture f;
    f.step();
    f.step();
    torch::manual_seed(17);
    const auto folder = writeCheckpoint(dir.path(), stateAt(2), f.weights(), f.optimizer, 2);
    const auto nextRandom = torch::rand({5});
    const auto savedWeight = f.weight.detach().clone();
    f.step();  // what should follow the checkpoint
    const auto expectedAfter = f.weight.detach().clone();

    Fixture g;  // different weights and a fresh optimizer
    auto weights = g.weights();
    const auto state = readCheckpoint(folder, weights, g.optimizer);
    EXPECT_EQ(state.step, 2);
    EXPECT_EQ(state.epoch, 1);
    EXPECT_EQ(state.nextExample, 4);
    EXPECT_EQ(state.bestStep, 1);
    EXPECT_EQ(state.lossScale, 1024.0);
    EXPECT_TRUE(torch::equal(g.weight, savedWeight));
    EXPECT_TRUE(torch::equal(torch::rand({5}), nextRandom));  // RNG restored
    g.step();
    EXPECT_TRUE(torch::equal(g.weight, expectedAfter));  // Adam moments restored
    const std::string magic(kCheckpointMagic, 8);
    std::ifstream in(folder / "state.bin", std::ios::binary);
    std::string head(8, '\0');
    in.read(head.data(), 8);
    EXPECT_EQ(head, magic);
}
