#pragma once
// Labelled texts for training and testing the risk scorer, read from the public sets' own files
// (recognised by their header) or from JSONL. What each set says about each risk (docs/EVALUATION.md):
//   davidson (class, tweet): toxicity and unsafe = hate or offensive; bias and harm = hate (1) vs
//     neither (0), unknown for merely offensive tweets
//   toxic_spans (spans, text): toxicity and unsafe = 1 for texts with marked spans; others left out
//   paradetox (toxic, neutral1..3): the toxic sentence 1, each neutral rewrite 0, for toxicity and unsafe
//   SR_LLM CSV (biased_text, debiased_text): the biased text bias = unsafe = 1 (toxicity = 1 when its
//     dimension is toxicity or hate speech); the debiased rewrite 0 on all four risks
//   JSONL: {"text": ..., "toxicity": 0|1|true|false|null, "bias": ..., "harm": ..., "unsafe": ...}
#include <string>
#include <vector>

#include "core/common/diagnostics.h"
#include "core/eval/risk-labels.h"

namespace srllm::core {

struct LabelledSet {
    std::string format;  // "davidson", "toxic_spans", "paradetox", "srllm-csv", "jsonl"
    std::vector<LabelledText> texts;
    Diagnostics warnings;  // summed up: one line per kind of problem, with a count
};

// Throws InputError naming the file, line and field for an unreadable file, an unknown header, a
// malformed record or a label that is not 0/1.
LabelledSet readLabelledSet(const std::string& path);

}  // namespace srllm::core
