// QLoRA memory of a 7B-shaped Llama (issue #4): computes the bytes of NF4 weights + double-quantized
// scales against fp16, and measures resident memory while building NF4 layers of the real 7B shapes.
// Usage: bench-qlora-memory [layers-to-build=4]   (extrapolates the measured per-layer cost to 32 layers)
#include <malloc.h>

#include <cstdio>
#include <fstream>
#include <string>
#include <vector>

#include "core/lora/nf4-linear.h"

namespace {

// Llama-2-7B: hidden 4096, intermediate 11008, 32 layers, vocab 32000.
constexpr int64_t kHidden = 4096, kIntermediate = 11008, kLayers = 32, kVocab = 32000;

struct Shape {
    const char* name;
    int64_t out, in;
};
const std::vector<Shape> kLayerShapes = {{"q_proj", kHidden, kHidden},         {"k_proj", kHidden, kHidden},
                                         {"v_proj", kHidden, kHidden},         {"o_proj", kHidden, kHidden},
                                         {"gate_proj", kIntermediate, kHidden}, {"up_proj", kIntermediate, kHidden},
                                         {"down_proj", kHidden, kIntermediate}};

double rssMiB() {
    std::ifstream status("/proc/self/status");
    std::string key;
    while (status >> key) {
        if (key == "VmRSS:") {
            double kib = 0;
            status >> kib;
            return kib / 1024.0;
        }
    }
    return 0;
}

}  // namespace

int main(int argc, char** argv) {
    const int64_t build = argc > 1 ? std::stoll(argv[1]) : 4;
    torch::NoGradGuard noGrad;
    int64_t layerParams = 0;
    for (const auto& s : kLayerShapes) layerParams += s.out * s.in;
    const int64_t projParams = layerParams * kLayers;
    const int64_t otherParams = 2 * kVocab * kHidden + (2 * kLayers + 1) * kHidden;  // embed, lm_head, norms
    // NF4: 4 bits per weight + 1 byte per 64-block + 4 bytes per 256 blocks + the offset per tensor.
    const double nf4Bytes = projParams * 0.5 + projParams / 64.0 + projParams / (64.0 * 256.0) * 4.0 + 7 * kLayers * 4.0;
    std::printf("computed: projection params %.3f B, other params %.3f B\n", projParams / 1e9, otherParams / 1e9);
    std::printf("computed: fp16 projections %.2f GiB, NF4+DQ projections %.2f GiB (%.3f bits/param)\n",
                projParams * 2.0 / (1 << 30), nf4Bytes / (1 << 30), nf4Bytes * 8.0 / static_cast<double>(projParams));
    std::printf("computed: whole model fp16 %.2f GiB, QLoRA (NF4 projections, bf16 embed/lm_head/norms) %.2f GiB\n",
                (projParams + otherParams) * 2.0 / (1 << 30), (nf4Bytes + otherParams * 2.0) / (1 << 30));

    const double baseline = rssMiB();
    std::vector<std::shared_ptr<srllm::core::Nf4ProjectionImpl>> layers;
    int64_t storedBytes = 0;
    for (int64_t l = 0; l < build; ++l) {
        for (const auto& s : kLayerShapes) {
            // The fp32 source weight is freed after quantization, as a layer-by-layer loader would.
            auto layer = std::make_shared<srllm::core::Nf4ProjectionImpl>(torch::randn({s.out, s.in}) * 0.02,
                                                                          torch::Tensor(), torch::kBFloat16);
            storedBytes += layer->quantized().bytes();
            layers.push_back(layer);
        }
        malloc_trim(0);
        std::printf("measured: after %lld layer(s): RSS +%.1f MiB (NF4 storage %.1f MiB)\n", static_cast<long long>(l + 1),
                    rssMiB() - baseline, storedBytes / 1048576.0);
    }
    const double perLayer = (rssMiB() - baseline) / static_cast<double>(build);
    std::printf("measured: %.1f MiB per layer -> %.2f GiB for %lld layers (extrapolated from %lld built)\n", perLayer,
                perLayer * kLayers / 1024.0, static_cast<long long>(kLayers), static_cast<long long>(build));
    return 0;
}
