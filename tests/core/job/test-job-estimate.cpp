// The estimate before start: parameter counts against the published sizes of GPT-2 (124,439,808) and
// Llama-2-7B (6,738,415,616), PEFT's trainable count for r 64 on q_proj/v_proj of Llama-2-7B
// (33,554,432), and memory that orders full > LoRA > QLoRA as it must.
#include <gtest/gtest.h>

#include "core/job/job-device.h"
#include "core/job/job-estimate.h"

using namespace srllm::core;

namespace {

ModelConfig llama2_7b() {
    ModelConfig c;
    c.architecture = "LlamaForCausalLM";
    c.vocabSize = 32000;
    c.hiddenSize = 4096;
    c.numLayers = 32;
    c.numHeads = 32;
    c.numKvHeads = 32;
    c.intermediateSize = 11008;
    c.maxPositions = 4096;
    return c;
}

ModelConfig gpt2Small() {
    ModelConfig c;
    c.architecture = "GPT2LMHeadModel";
    c.vocabSize = 50257;
    c.hiddenSize = 768;
    c.numLayers = 12;
    c.numHeads = 12;
    c.numKvHeads = 12;
    c.intermediateSize = 3072;
    c.maxPositions = 1024;
    c.tieWordEmbeddings = true;
    return c;
}

}  // namespace

TEST(JobEstimate, ParameterCountsMatchThePublishedModelSizes) {
    EXPECT_EQ(modelParameterCount(gpt2Small()), 124439808);
    EXPECT_EQ(modelParameterCount(llama2_7b()), 6738415616);
}

TEST(JobEstimate, PaperRecipeOnLlama2_7b) {
    TrainConfig t;  // the paper's defaults: QLoRA-style r 64 on PEFT's default q_proj, v_proj
    t.method = TrainMethod::Qlora;
    const EstimateInput in{338, 120.0, false, 2};
    const auto q = estimateJob(llama2_7b(), t, in);
    EXPECT_EQ(q.trainableParams, 33554432);
    EXPECT_EQ(q.steps, (338 + 15) / 16);
    t.method = TrainMethod::Lora;
    const auto l = estimateJob(llama2_7b(), t, in);
    t.method = TrainMethod::Full;
    const auto f = estimateJob(llama2_7b(), t, in);
    EXPECT_LT(q.weightBytes, l.weightBytes / 6);  // NF4 is ~1/8 of fp32 for the projections
    EXPECT_LT(l.memoryBytes, f.memoryBytes);
    EXPECT_EQ(f.trainableParams, f.totalParams);
    EXPECT_GT(f.flops, l.flops);  // 6N against 4N per token
    EXPECT_NEAR(l.seconds, l.flops / l.flopsPerSecond, 1e-9 * l.seconds);
    EXPECT_FALSE(l.assumption.empty());
    t.lora.targetModules = {"not_a_module"};
    t.method = TrainMethod::Lora;
    EXPECT_THROW(estimateJob(llama2_7b(), t, in), InputError);
}

TEST(JobDevice, ParsesTheFourFormsAndRefusesOthers) {
    EXPECT_EQ(parseDeviceName("auto").kind, DeviceName::Kind::Auto);
    EXPECT_EQ(parseDeviceName("cpu").kind, DeviceName::Kind::Cpu);
    EXPECT_EQ(parseDeviceName("cuda").index, -1);
    EXPECT_EQ(parseDeviceName("cuda:1").index, 1);
    EXPECT_EQ(parseDeviceName("cuda:1").text(), "cuda:1");
    for (const char* bad : {"gpu", "cuda:", "cuda:x", "CPU", ""}) EXPECT_THROW(parseDeviceName(bad), InputError) << bad;
}
