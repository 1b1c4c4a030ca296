#pragma once
// Where the text metrics find their data files. Debian packages provide the CMU dictionary and the
// trigram model (pocketsphinx-en-us) and the hyphenation patterns (hyphen-en-us); the VADER lexicon
// (MIT) is not packaged, so its path comes from --lexicon, SRLLM_VADER_LEXICON, or the shared data
// folder next to the checkout. Each path can be overridden by an environment variable.
#include <string>

namespace srllm::core {

struct EvalResources {
    std::string vaderLexicon;          // SRLLM_VADER_LEXICON
    std::string cmuDictionary;         // SRLLM_CMU_DICT
    std::string hyphenationPatterns;   // SRLLM_HYPHEN_DICT
    std::string languageModel;         // SRLLM_LANGUAGE_MODEL
};

// The defaults above, with any environment overrides applied. Does not check that the files exist
// (the loaders do, naming the file and the package or variable that provides it).
EvalResources defaultEvalResources();

}  // namespace srllm::core
