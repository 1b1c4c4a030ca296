#include "core/eval/eval-resources.h"

#include <cstdlib>

namespace srllm::core {

namespace {

std::string fromEnvironment(const char* variable, const std::string& fallback) {
    const char* value = std::getenv(variable);
    return value && *value ? std::string(value) : fallback;
}

}  // namespace

EvalResources defaultEvalResources() {
    const std::string pocketsphinx = "/usr/share/pocketsphinx/model/en-us/";
    return {fromEnvironment("SRLLM_VADER_LEXICON", SRLLM_SHARED_DATA_DIR "/lexicons/vader_lexicon.txt"),
            fromEnvironment("SRLLM_CMU_DICT", pocketsphinx + "cmudict-en-us.dict"),
            fromEnvironment("SRLLM_HYPHEN_DICT", "/usr/share/hyphen/hyph_en_US.dic"),
            fromEnvironment("SRLLM_LANGUAGE_MODEL", pocketsphinx + "en-us.lm.bin")};
}

}  // namespace srllm::core
