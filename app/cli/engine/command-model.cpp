// `srllm model new OUT --arch llama|gpt2 ...`: writes a randomly initialised Hugging Face model folder
// (config.json, model.safetensors, the tokenizer's files) for tests and from-scratch training.
#include <cstdio>
#include <filesystem>

#include <CLI/CLI.hpp>

#include "app/cli/command-registry.h"
#include "core/common/diagnostics.h"
#include "core/model/engine-runtime.h"
#include "core/model/model-factory.h"
#include "core/model/model-loader.h"
#include "core/tokenizer/tokenizer-loader.h"

namespace srllm::cli {
namespace {

struct NewModelOptions {
    std::string out, arch = "llama", tokenizer;
    int64_t layers = 2, dim = 64, heads = 4, kvHeads = 0, vocab = 0, ffn = 0, positions = 1024;
    uint64_t seed = 0;
};

void requirePositive(int64_t value, const char* option) {
    if (value <= 0) throw core::InputError("", 0, option, "must be positive, got " + std::to_string(value));
}

core::ModelConfig configFor(const NewModelOptions& o, int64_t vocab, const core::Tokenizer& tokenizer) {
    requirePositive(o.layers, "--layers");
    requirePositive(o.dim, "--dim");
    requirePositive(o.heads, "--heads");
    if (o.dim % o.heads != 0)
        throw core::InputError("", 0, "--dim", std::to_string(o.dim) + " is not divisible by --heads " + std::to_string(o.heads));
    const int64_t kvHeads = o.kvHeads > 0 ? o.kvHeads : o.heads;
    if (o.heads % kvHeads != 0)
        throw core::InputError("", 0, "--kv-heads", std::to_string(kvHeads) + " does not divide --heads " + std::to_string(o.heads));
    core::ModelConfig c;
    const bool gpt2 = o.arch == "gpt2";
    c.architecture = gpt2 ? "GPT2LMHeadModel" : "LlamaForCausalLM";
    c.vocabSize = vocab;
    c.hiddenSize = o.dim;
    c.numLayers = o.layers;
    c.numHeads = o.heads;
    c.numKvHeads = gpt2 ? o.heads : kvHeads;
    // 4·dim for GPT-2's MLP; Llama's SwiGLU keeps the parameter count of 4·dim with 8/3·dim, rounded to 64.
    c.intermediateSize = o.ffn > 0 ? o.ffn : (gpt2 ? 4 * o.dim : ((8 * o.dim / 3 + 63) / 64) * 64);
    c.maxPositions = o.positions;
    c.normEps = gpt2 ? 1e-5 : 1e-6;
    c.hiddenAct = gpt2 ? "gelu_new" : "silu";
    c.tieWordEmbeddings = gpt2;
    c.bosTokenId = tokenizer.bosId();
    if (tokenizer.eosId()) c.eosTokenIds = {*tokenizer.eosId()};
    c.padTokenId = tokenizer.padId();
    c.validate();
    return c;
}

void runNewModel(const NewModelOptions& o) {
    core::configureEngineRuntime();
    if (o.arch != "llama" && o.arch != "gpt2")
        throw core::InputError("", 0, "--arch", "'" + o.arch + "' is not one of llama, gpt2");
    if (std::filesystem::exists(o.out) && !std::filesystem::is_empty(o.out))
        throw core::InputError(o.out, 0, "OUT", "exists and is not empty (hint: choose a new folder)");
    const auto tokenizer = core::loadTokenizer(o.tokenizer);
    const int64_t vocab = o.vocab > 0 ? o.vocab : tokenizer->vocabSize();
    if (vocab < tokenizer->vocabSize())
        throw core::InputError("", 0, "--vocab", std::to_string(vocab) + " is smaller than the tokenizer's " +
                                                     std::to_string(tokenizer->vocabSize()) + " tokens");
    const core::ModelConfig config = configFor(o, vocab, *tokenizer);
    auto model = core::buildModel(config, o.seed);
    core::saveModel(*model, o.out);
    core::copyTokenizerFiles(o.tokenizer, o.out);
    std::printf("wrote %s: %s, %lld layers, dim %lld, heads %lld/%lld, vocab %lld, %lld parameters\n", o.out.c_str(),
                config.architecture.c_str(), static_cast<long long>(config.numLayers),
                static_cast<long long>(config.hiddenSize), static_cast<long long>(config.numHeads),
                static_cast<long long>(config.numKvHeads), static_cast<long long>(vocab),
                static_cast<long long>([&] {
                    int64_t n = 0;
                    for (const auto& p : model->parameters()) n += p.numel();
                    return n;
                }()));
}

const RegisterCommand kRegister("model", [](CLI::App& root) {
    auto* cmd = root.add_subcommand("model", "create model folders");
    cmd->require_subcommand(1);
    auto o = std::make_shared<NewModelOptions>();
    auto* create = cmd->add_subcommand("new", "write a randomly initialised Hugging Face model folder");
    create->add_option("OUT", o->out, "output folder (new or empty)")->required();
    create->add_option("--arch", o->arch, "llama or gpt2")->capture_default_str();
    create->add_option("--layers", o->layers, "transformer blocks")->capture_default_str();
    create->add_option("--dim", o->dim, "hidden size")->capture_default_str();
    create->add_option("--heads", o->heads, "attention heads")->capture_default_str();
    create->add_option("--kv-heads", o->kvHeads, "key/value heads for grouped-query attention (llama; default = heads)");
    create->add_option("--vocab", o->vocab, "vocabulary size (default: the tokenizer's)");
    create->add_option("--ffn", o->ffn, "MLP inner size (default: 4·dim for gpt2, ~8/3·dim for llama)");
    create->add_option("--positions", o->positions, "maximum sequence length")->capture_default_str();
    create->add_option("--seed", o->seed, "initialisation seed")->capture_default_str();
    create->add_option("--tokenizer", o->tokenizer, "folder with tokenizer.json, vocab.json+merges.txt or tokenizer.model")
        ->required()->check(CLI::ExistingDirectory);
    create->callback([o] { runNewModel(*o); });
});

}  // namespace
}  // namespace srllm::cli
