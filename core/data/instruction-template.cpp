#include "core/data/instruction-template.h"

#include "core/common/diagnostics.h"

namespace srllm::core {

namespace {

struct BuiltinTemplate {
    const char* name;
    const char* prompt;
    const char* response;
};

// From the sources (see ../shared/data/README.md), without their BOS/EOS text: the tokenizer adds BOS and
// the trainer the EOS id. "repo" is SR_LLM's utils/params.py, parts joined by "\n". "paper" is Figure 2.
constexpr BuiltinTemplate kBuiltins[] = {
    {"repo",
     "\n<<SYS>>You are a text debiasing bot, you take as input a text and you output its debiased version by "
     "rephrasing it to be free from any age, gender, political, social or socio-economic biases ,  without any "
     "extra outputs<</SYS>>\n[INST] Debias this text by rephrasing it to be free of bias : {text} [/INST]\n",
     "{rewrite}"},
    {"paper",
     "[INST] <<SYS>> You are a helpful assistant. <</SYS>> Respond to the user's post by providing a version "
     "that maintains the core message but is presented in a benign and unbiased manner. Ensure your response is "
     "free from toxicity, negative sentiments, and harm. The goal is to reframe the content to retain its "
     "original intent while ensuring it contributes positively to the conversation: \"{text}\" [/INST] ",
     "{rewrite}"},
    // Stanford Alpaca's prompt for tasks with an input, with the paper's instruction.
    {"alpaca",
     "Below is an instruction that describes a task, paired with an input that provides further context. "
     "Write a response that appropriately completes the request.\n\n### Instruction:\nRewrite the text so that "
     "it keeps its core message but is free of bias, toxicity, negative stereotyping and harm.\n\n"
     "### Input:\n{text}\n\n### Response:\n",
     "{rewrite}"},
    // ChatML; <|im_end|> closes the assistant turn (a turn marker, not the tokenizer's EOS).
    {"chat",
     "<|im_start|>system\nYou are a helpful assistant that rewrites text to be free of bias, toxicity, "
     "negative stereotyping and harm while keeping its core message.<|im_end|>\n<|im_start|>user\n"
     "Rewrite this text:\n{text}<|im_end|>\n<|im_start|>assistant\n",
     "{rewrite}<|im_end|>"},
};

constexpr const char* kText = "{text}";
constexpr const char* kRewrite = "{rewrite}";
constexpr const char* kCustomHint = " (hint: e.g. \"Rewrite kindly: {text}\\nAnswer: {rewrite}\")";

void replaceAll(std::string& s, const std::string& from, const std::string& to) {
    for (size_t at = s.find(from); at != std::string::npos; at = s.find(from, at + to.size())) s.replace(at, from.size(), to);
}

size_t countOf(const std::string& s, const std::string& what) {
    size_t n = 0;
    for (size_t at = s.find(what); at != std::string::npos; at = s.find(what, at + what.size())) ++n;
    return n;
}

// The rules every template obeys, built-in, custom or read back from a job.
void checkParts(const std::string& prompt, const std::string& response, const char* field) {
    const auto bad = [&](const std::string& why) { return InputError("", 0, field, why + kCustomHint); };
    if (prompt.find(kText) == std::string::npos) throw bad("the prompt must contain {text}");
    if (prompt.find(kRewrite) != std::string::npos) throw bad("{rewrite} must come after every {text}");
    if (response.find(kText) != std::string::npos) throw bad("{rewrite} must come after every {text}");
    if (countOf(response, kRewrite) != 1) throw bad("the response must contain {rewrite} exactly once");
    for (const char* special : {"{eos}", "<s>", "</s>"}) {
        if (prompt.find(special) != std::string::npos || response.find(special) != std::string::npos)
            throw bad(std::string("holds ") + special +
                      ": templates hold no BOS/EOS text, the tokenizer adds BOS and the trainer appends the EOS id");
    }
}

}  // namespace

std::vector<std::string> builtinTemplateNames() {
    std::vector<std::string> names;
    for (const auto& t : kBuiltins) names.emplace_back(t.name);
    return names;
}

InstructionTemplate InstructionTemplate::builtin(const std::string& name) {
    for (const auto& t : kBuiltins)
        if (name == t.name) return InstructionTemplate(t.name, t.prompt, t.response);
    std::string valid;
    for (const auto& n : builtinTemplateNames()) valid += n + "|";
    throw InputError("", 0, "template", "unknown template '" + name + "' (valid: " + valid + "custom)");
}

InstructionTemplate InstructionTemplate::custom(const std::string& templateText) {
    if (templateText.find(kText) == std::string::npos)
        throw InputError("", 0, "custom_template", std::string("must contain {text}") + kCustomHint);
    if (countOf(templateText, kRewrite) > 1)
        throw InputError("", 0, "custom_template", std::string("{rewrite} may appear only once") + kCustomHint);
    const size_t at = templateText.find(kRewrite);
    std::string prompt = at == std::string::npos ? templateText : templateText.substr(0, at);
    std::string response = at == std::string::npos ? kRewrite : templateText.substr(at);
    checkParts(prompt, response, "custom_template");
    return InstructionTemplate("custom", std::move(prompt), std::move(response));
}

InstructionTemplate InstructionTemplate::named(const std::string& name, const std::string& customText) {
    return name == "custom" ? custom(customText) : builtin(name);
}

InstructionTemplate InstructionTemplate::fromParts(const std::string& name, const std::string& prompt,
                                                   const std::string& response) {
    if (name.empty()) throw InputError("", 0, "template.name", "is empty");
    checkParts(prompt, response, "template");
    return InstructionTemplate(name, prompt, response);
}

std::string InstructionTemplate::renderPrompt(const std::string& text) const {
    std::string prompt = m_prompt;
    replaceAll(prompt, kText, text);
    return prompt;
}

InstructionExample InstructionTemplate::render(const std::string& text, const std::string& rewrite) const {
    InstructionExample example{renderPrompt(text), m_response};
    replaceAll(example.response, kRewrite, rewrite);
    return example;
}

}  // namespace srllm::core
