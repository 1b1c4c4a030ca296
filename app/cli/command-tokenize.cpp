// `srllm tokenize --model DIR [--no-special] [--tokens | --decode [--keep-special]] TEXT`: runs a model folder's tokenizer.
#include <cstdio>
#include <iostream>
#include <iterator>
#include <sstream>

#include <CLI/CLI.hpp>

#include "app/cli/command-registry.h"
#include "core/common/diagnostics.h"
#include "core/tokenizer/tokenizer-loader.h"

namespace srllm::cli {

namespace {

struct TokenizeOptions {
    std::string model;
    std::string text;
    bool noSpecial = false;
    bool tokens = false;
    bool decode = false;
    bool keepSpecial = false;
};

std::vector<int64_t> parseIds(const std::string& text) {
    std::vector<int64_t> ids;
    std::istringstream in(text);
    for (std::string word; in >> word;) {
        size_t used = 0;
        int64_t id = -1;
        try {
            id = std::stoll(word, &used);
        } catch (const std::exception&) {
            used = 0;
        }
        if (used != word.size() || id < 0)
            throw core::InputError("", 0, "TEXT", "'" + word + "' is not a token id (hint: --decode takes ids like \"15496 995\")");
        ids.push_back(id);
    }
    return ids;
}

void runTokenize(const TokenizeOptions& options) {
    const auto tokenizer = core::loadTokenizer(options.model);
    std::string text = options.text;
    if (text == "-") text.assign(std::istreambuf_iterator<char>(std::cin), std::istreambuf_iterator<char>());
    if (options.decode) {
        const auto ids = parseIds(text);
        for (int64_t id : ids) {
            if (id >= tokenizer->vocabSize())
                throw core::InputError("", 0, "TEXT", "id " + std::to_string(id) + " is outside the vocabulary of " +
                                                          std::to_string(tokenizer->vocabSize()));
        }
        std::printf("%s\n", tokenizer->decode(ids, !options.keepSpecial).c_str());
        return;
    }
    const auto ids = tokenizer->encode(text, !options.noSpecial);
    std::string line;
    for (size_t k = 0; k < ids.size(); ++k) {
        if (k) line += ' ';
        line += options.tokens ? tokenizer->idToToken(ids[k]) : std::to_string(ids[k]);
    }
    std::printf("%s\n", line.c_str());
}

const RegisterCommand kRegister{"tokenize", [](CLI::App& root) {
    auto* command = root.add_subcommand(
        "tokenize", "Print the token ids of a text with a model folder's tokenizer (tokenizer.json, "
                    "vocab.json + merges.txt, or tokenizer.model)");
    auto options = std::make_shared<TokenizeOptions>();
    command->add_option("--model", options->model, "Model folder holding the tokenizer files")->required();
    command->add_option("TEXT", options->text, "Text to tokenize; '-' reads standard input")->required();
    command->add_flag("--no-special", options->noSpecial, "Add no special tokens (BOS/EOS) around the text");
    auto* tokens = command->add_flag("--tokens", options->tokens, "Print the token strings instead of ids");
    command->add_flag("--decode", options->decode, "TEXT is space-separated ids: print the text they decode to")
        ->excludes(tokens);
    command->add_flag("--keep-special", options->keepSpecial, "With --decode: write special tokens such as <s> too");
    command->callback([options] { runTokenize(*options); });
}};

}  // namespace

}  // namespace srllm::cli
