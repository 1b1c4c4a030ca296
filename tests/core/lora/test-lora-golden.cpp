// The C++ LoRA forward/merge and NF4 quantization against an independent Python implementation of
// PEFT's and bitsandbytes' math (tests/data/lora/make-lora-golden.py, run by hand, not by CI).
// A cross-check against PEFT itself is not possible offline: peft is not packaged in Debian.
#include <gtest/gtest.h>

#include "core/io/safetensors.h"
#include "core/lora/lora-linear.h"
#include "core/lora/nf4-linear.h"
#include "support/test-data.h"

using namespace srllm::core;

namespace {

std::map<std::string, torch::Tensor> golden() {
    return loadSafetensors(srllm::test::sourceDir() / "tests/data/lora/lora-golden.safetensors");
}

}  // namespace

TEST(LoraGolden, ForwardAndMergeMatchThePythonReference) {
    auto g = golden();
    for (const auto& [name, rslora] : {std::pair{"plain", false}, std::pair{"rslora", true}}) {
        auto base = std::make_shared<DenseProjection>(24, 20, true);
        base->weight.set_data(g["weight"].clone());
        base->bias.set_data(g["bias"].clone());
        LoraLinearImpl lora(base, 4, 8.0, 0.0, rslora);
        {
            torch::NoGradGuard noGrad;
            lora.loraA.copy_(g["lora_A"]);
            lora.loraB.copy_(g["lora_B"]);
        }
        const std::string key = name;
        EXPECT_TRUE(torch::allclose(lora.forward(g["x"]), g[key + ".y"], 1e-5, 1e-5)) << key;
        EXPECT_TRUE(torch::allclose(lora.mergedCopy()->weight, g[key + ".merged_weight"], 1e-6, 1e-6)) << key;
    }
}

TEST(LoraGolden, Nf4CodesAndDequantizedWeightMatchThePythonReference) {
    auto g = golden();
    const auto q = quantizeNf4(g["nf4.weight"]);
    // unpack: even elements sit in the high nibble
    const auto packed = q.packed.to(torch::kInt);
    const auto codes = torch::stack({packed.div(16, "floor"), packed.remainder(16)}, 1).reshape({-1}).to(torch::kUInt8);
    EXPECT_TRUE(torch::equal(codes.narrow(0, 0, g["nf4.codes"].numel()), g["nf4.codes"]));
    EXPECT_TRUE(torch::allclose(dequantizeNf4Scales(q), g["nf4.absmax"], 1e-6, 1e-7));
    EXPECT_TRUE(torch::allclose(dequantizeNf4(q), g["nf4.dequantized"], 1e-6, 1e-7));
}
