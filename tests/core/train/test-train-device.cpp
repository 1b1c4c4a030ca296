// Device logic as it runs on a machine without a GPU: auto picks the CPU, cuda is a clear error before
// start, fp16 is refused on the CPU, peak memory is reported, and the RNG state round-trips.
#include <gtest/gtest.h>

#include "core/model/autocast-scope.h"
#include "core/train/train-device.h"

using namespace srllm::core;

TEST(TrainDevice, AutoPicksTheCpuWithoutAGpuAndCudaIsAClearError) {
    if (cudaAvailable()) GTEST_SKIP() << "this machine has a CUDA GPU";
    EXPECT_TRUE(resolveTrainDevice("auto").is_cpu());
    EXPECT_TRUE(resolveTrainDevice("cpu").is_cpu());
    for (const char* name : {"cuda", "cuda:0", "cuda:3"}) {
        try {
            resolveTrainDevice(name);
            FAIL() << name;
        } catch (const InputError& e) {
            EXPECT_EQ(e.diagnostic().field, "device");
            EXPECT_NE(e.diagnostic().message.find("no CUDA GPU"), std::string::npos);
        }
    }
    EXPECT_THROW(resolveTrainDevice("tpu"), InputError);
    EXPECT_EQ(deviceText(torch::kCPU), "cpu");
    EXPECT_EQ(deviceText(torch::Device(torch::kCUDA, 1)), "cuda:1");
}

TEST(TrainDevice, PrecisionMapsToAutocastDtypes) {
    EXPECT_FALSE(autocastDtype(Precision::Fp32, torch::kCPU));
    EXPECT_EQ(autocastDtype(Precision::Bf16, torch::kCPU), torch::kBFloat16);
    EXPECT_EQ(autocastDtype(Precision::Fp16, torch::Device(torch::kCUDA, 0)), torch::kFloat16);
    EXPECT_THROW(autocastDtype(Precision::Fp16, torch::kCPU), InputError);
    EXPECT_FALSE(AutocastScope::active());
    {
        AutocastScope scope(torch::kCPU, torch::kBFloat16);
        EXPECT_TRUE(AutocastScope::active());
        const auto a = torch::randn({4, 4});
        EXPECT_EQ(torch::matmul(a, a).scalar_type(), torch::kBFloat16);
    }
    EXPECT_FALSE(AutocastScope::active());
}

TEST(TrainDevice, PeakMemoryAndRngStateOnTheCpu) {
    const auto big = torch::ones({1 << 22});  // 16 MiB
    EXPECT_GE(peakMemoryBytes(torch::kCPU), 16 << 20);
    const auto state = rngState(torch::kCPU);
    const auto first = torch::rand({3});
    setRngState(torch::kCPU, state);
    EXPECT_TRUE(torch::equal(torch::rand({3}), first));
}
