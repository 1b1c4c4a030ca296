#pragma once
// What the engine benchmarks (bench-train, bench-generate, bench-machine) share: the Llama-shaped model of
// issue #4, their `--name value` options, and the comma-separated list of configurations to run.
#include <cstdint>
#include <cstdio>
#include <map>
#include <string>
#include <vector>

#include "core/model/model-config.h"

namespace srllm::bench {

struct ModelShape {
    int64_t layers = 8, dim = 512, heads = 8, ffn = 1376, vocab = 8192;
};

inline core::ModelConfig benchLlamaConfig(const ModelShape& shape, int64_t maxPositions) {
    core::ModelConfig mc;
    mc.architecture = "LlamaForCausalLM";
    mc.vocabSize = shape.vocab;
    mc.hiddenSize = shape.dim;
    mc.numLayers = shape.layers;
    mc.numHeads = mc.numKvHeads = shape.heads;
    mc.intermediateSize = shape.ffn;
    mc.maxPositions = maxPositions;
    return mc;
}

// Reads `--name value` pairs into the named integers and strings; any other name is reported with the
// known ones and gives false.
inline bool parseOptions(int argc, char** argv, const std::map<std::string, int64_t*>& ints,
                         const std::map<std::string, std::string*>& strings) {
    for (int i = 1; i + 1 < argc; i += 2) {
        const std::string key = argv[i], value = argv[i + 1];
        if (const auto it = ints.find(key); it != ints.end()) {
            *it->second = std::stoll(value);
        } else if (const auto st = strings.find(key); st != strings.end()) {
            *st->second = value;
        } else {
            std::string known;
            for (const auto& [name, _] : ints) known += " " + name;
            for (const auto& [name, _] : strings) known += " " + name;
            std::fprintf(stderr, "unknown option %s (known:%s)\n", key.c_str(), known.c_str());
            return false;
        }
    }
    return true;
}

inline std::vector<std::string> splitList(const std::string& list) {
    std::vector<std::string> out;
    size_t begin = 0;
    while (begin < list.size()) {
        const size_t end = std::min(list.find(',', begin), list.size());
        out.push_back(list.substr(begin, end - begin));
        begin = end + 1;
    }
    return out;
}

}  // namespace srllm::bench
