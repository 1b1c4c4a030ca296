#pragma once
// ParaDetox's joint score (Logacheva et al. 2022): J = mean over texts of STA x SIM x FL, with local
// stand-ins for the paper's classifiers (docs/EVALUATION.md):
//   STA  style accuracy: 1 when the risk scorer's toxicity of the output is below 0.5 (the paper: a
//        RoBERTa toxicity classifier)
//   SIM  content preservation: chrF(output, source) / 100 (the paper: cosine of LaBSE-like embeddings)
//   FL   fluency: 1 when the output's trigram-LM perplexity is no higher than its source's (the paper:
//        a CoLA acceptability classifier); 0 for an output without words
// Pure, any thread.
#include <cstdint>
#include <vector>

#include "core/eval/metric-method.h"

namespace srllm::core {

inline constexpr MetricMethod kJointMethod{
    "paradetox-j", "J = mean(STA x SIM x FL); STA: scorer toxicity < 0.5; SIM: chrF(output, source)/100; "
                   "FL: output trigram perplexity <= source's", 1};

struct JointParts {
    double sta = 0;
    double sim = 0;
    double fl = 0;
};

// toxicity: the scorer's P(toxic) of the output; chrfToSource 0..100; perplexities NaN when no words.
JointParts jointParts(double toxicity, double chrfToSource, double perplexityOutput, double perplexitySource);

struct JointScore {
    int64_t n = 0;
    double sta = 0, sim = 0, fl = 0;  // means of the parts
    double j = 0;                     // mean of the per-text products (not the product of the means)
};

JointScore paradetoxJoint(const std::vector<JointParts>& parts);

}  // namespace srllm::core
