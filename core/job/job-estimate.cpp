#include "core/job/job-estimate.h"

#include <algorithm>
#include <cmath>

#include "core/common/diagnostics.h"
#include "core/lora/lora-config.h"

namespace srllm::core {

namespace {

struct Projection {
    std::string name;  // HF-qualified, as the model names it for LoRA matching
    int64_t in = 0, out = 0;
};

// NOTE: mirrors forEachProjection of core/model/llama.cpp and gpt2.cpp (names and shapes).
std::vector<Projection> projections(const ModelConfig& m) {
    std::vector<Projection> out;
    const int64_t h = m.hiddenSize, kv = m.numKvHeads * m.headDim(), f = m.intermediateSize;
    for (int64_t i = 0; i < m.numLayers; ++i) {
        if (m.family() == ModelFamily::Gpt2) {
            const std::string p = "transformer.h." + std::to_string(i);
            out.insert(out.end(), {{p + ".attn.c_attn", h, 3 * h}, {p + ".attn.c_proj", h, h},
                                   {p + ".mlp.c_fc", h, f}, {p + ".mlp.c_proj", f, h}});
        } else {
            const std::string p = "model.layers." + std::to_string(i);
            out.insert(out.end(), {{p + ".self_attn.q_proj", h, h}, {p + ".self_attn.k_proj", h, kv},
                                   {p + ".self_attn.v_proj", h, kv}, {p + ".self_attn.o_proj", h, h},
                                   {p + ".mlp.gate_proj", h, f}, {p + ".mlp.up_proj", h, f},
                                   {p + ".mlp.down_proj", f, h}});
        }
    }
    if (!m.tieWordEmbeddings) out.push_back({kLmHeadName, h, m.vocabSize});
    return out;
}

// Sustained rates of the engine, from docs/BENCHMARKS.md (CPU: ~40 GFLOP/s per core in fp32, 61-70% of
// a 2048² matmul's peak); the GPU figure is a stated guess until a GPU row is measured.
constexpr double kCpuFlopsPerThread = 40e9;
constexpr double kGpuFlops16 = 40e12;
constexpr double kGpuFlops32 = 10e12;
// What a process holds before the model: measured ~180 MiB RSS for `srllm train` on a tiny model (libtorch's
// kernels, the tokenizer); a CUDA context takes ~500 MiB of device memory.
constexpr int64_t kCpuRuntimeBytes = int64_t{300} << 20;
constexpr int64_t kCudaRuntimeBytes = int64_t{500} << 20;

}  // namespace

int64_t modelParameterCount(const ModelConfig& m) {
    const int64_t h = m.hiddenSize;
    int64_t n = m.vocabSize * h;  // token embedding
    for (const auto& p : projections(m)) n += p.in * p.out;
    if (m.family() == ModelFamily::Gpt2) {
        n += m.maxPositions * h;                                      // learned positions
        n += m.numLayers * (4 * h + 3 * h + h + m.intermediateSize + h) + 2 * h;  // LayerNorms and biases
    } else {
        n += m.numLayers * 2 * h + h;                                 // RMSNorm weights
        if (m.qkvBias) n += m.numLayers * (h + 2 * m.numKvHeads * m.headDim());
    }
    return n;
}

JobEstimate estimateJob(const ModelConfig& m, const TrainConfig& t, const EstimateInput& in) {
    validateTrainConfig(t, "");
    JobEstimate e;
    e.totalParams = modelParameterCount(m);
    const auto all = projections(m);
    int64_t projectionParams = 0, adapted = 0;
    const auto targets = resolvedTargetModules(t.lora, m.info().modelType);
    for (const auto& p : all) {
        if (p.name != kLmHeadName) projectionParams += p.in * p.out;
        if (t.method != TrainMethod::Full && matchesTarget(p.name, targets)) {
            e.trainableParams += t.lora.rank * (p.in + p.out);
            ++adapted;
        }
    }
    if (t.method == TrainMethod::Full) e.trainableParams = e.totalParams;
    else if (adapted == 0)
        throw InputError("", 0, "lora.target_modules", "no projection of " + m.architecture + " matches the targets");

    // --- memory: weights, optimizer state, one micro-batch of activations
    const double nf4BytesPerWeight = 0.5 + 1.0 / 64 + 4.0 / (64 * 256);  // codes + 8-bit scales + their scales
    e.weightBytes = t.method == TrainMethod::Qlora
                        ? static_cast<int64_t>(static_cast<double>(projectionParams) * nf4BytesPerWeight) +
                              (e.totalParams - projectionParams) * 4
                        : e.totalParams * 4;
    e.optimizerBytes = e.trainableParams * (4 + 8);  // gradient + AdamW's two moments, float32
    const int64_t tokens = t.batchSize * std::min<int64_t>(t.maxLength, std::max<int64_t>(1, std::llround(in.meanTokens)));
    const int64_t actBytes = t.precision == Precision::Fp32 ? 4 : 2;
    // Per token and layer: norm inputs, q/k/v, attention output, MLP inputs and activations kept for backward,
    // plus the attention scores and probabilities of every head.
    const int64_t perTokenLayer = 10 * m.hiddenSize + 4 * m.intermediateSize + 2 * m.numHeads * t.maxLength;
    // + the logits: float32 copy, log-softmax and both gradients, five [tokens, vocab] tensors at the peak
    e.activationBytes = tokens * m.numLayers * perTokenLayer * actBytes + tokens * m.vocabSize * 4 * 5;
    e.runtimeBytes = in.cuda ? kCudaRuntimeBytes : kCpuRuntimeBytes;
    e.memoryBytes = e.weightBytes + e.optimizerBytes + e.activationBytes + e.runtimeBytes;

    // --- steps and time
    const int64_t perStep = t.batchSize * t.gradAccumulation;
    e.steps = t.maxSteps > 0 ? t.maxSteps : t.epochs * ((in.examples + perStep - 1) / perStep);
    const int64_t examplesSeen = t.maxSteps > 0 ? e.steps * perStep : t.epochs * in.examples;
    const double trainTokens = static_cast<double>(examplesSeen) * in.meanTokens;
    // Every matmul weight counts, the LM head (tied or not) included: on small models it dominates.
    const double matmulParams = static_cast<double>(projectionParams + m.vocabSize * m.hiddenSize);
    const double attention = 2.0 * static_cast<double>(m.numLayers * m.hiddenSize) * in.meanTokens;  // causal, forward
    const double evaluations = static_cast<double>(e.steps / t.evalEvery + (e.steps % t.evalEvery ? 1 : 0));
    e.flops = ((t.method == TrainMethod::Full ? 6.0 : 4.0) * matmulParams + 3.0 * attention) * trainTokens +
              (2.0 * matmulParams + attention) * evaluations * static_cast<double>(in.valExamples) * in.meanTokens;
    if (in.cuda) {
        e.flopsPerSecond = t.precision == Precision::Fp32 ? kGpuFlops32 : kGpuFlops16;
        e.assumption = "a GPU sustaining " + std::to_string(static_cast<int>(e.flopsPerSecond / 1e12)) +
                       " TFLOP/s (a guess; the step events report the real pace)";
    } else {
        e.flopsPerSecond = kCpuFlopsPerThread * std::max(1, in.cpuThreads);
        e.assumption = std::to_string(std::max(1, in.cpuThreads)) + " CPU threads at 40 GFLOP/s each (fp32, measured " +
                       "in docs/BENCHMARKS.md); bf16 is far slower on CPUs without AVX-512 BF16";
    }
    e.seconds = e.flops / e.flopsPerSecond;
    return e;
}

}  // namespace srllm::core
