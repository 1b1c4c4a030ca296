#include "core/data/instruction-template.h"

#include "core/common/diagnostics.h"

namespace srllm::core {

namespace {

struct BuiltinTemplate {
    const char* name;
    const char* prompt;
    const char* response;
};

// Verbatim from the sources (see ../shared/data/README.md). "repo" is SR_LLM's utils/params.py, parts
// joined by "\n"; its literal closing "<s/>" is replaced by the tokenizer's EOS. "paper" is Figure 2.
constexpr BuiltinTemplate kBuiltins[] = {
    {"repo",
     "<s>\n<<SYS>>You are a text debiasing bot, you take as input a text and you output its debiased version by "
     "rephrasing it to be free from any age, gender, political, social or socio-economic biases ,  without any "
     "extra outputs<</SYS>>\n[INST] Debias this text by rephrasing it to be free of bias : {text} [/INST]\n",
     "{rewrite}{eos}"},
    {"paper",
     "<s>[INST] <<SYS>> You are a helpful assistant. <</SYS>> Respond to the user's post by providing a version "
     "that maintains the core message but is presented in a benign and unbiased manner. Ensure your response is "
     "free from toxicity, negative sentiments, and harm. The goal is to reframe the content to retain its "
     "original intent while ensuring it contributes positively to the conversation: \"{text}\" [/INST] ",
     "{rewrite} {eos}"},
    // Stanford Alpaca's prompt for tasks with an input, with the paper's instruction.
    {"alpaca",
     "Below is an instruction that describes a task, paired with an input that provides further context. "
     "Write a response that appropriately completes the request.\n\n### Instruction:\nRewrite the text so that "
     "it keeps its core message but is free of bias, toxicity, negative stereotyping and harm.\n\n"
     "### Input:\n{text}\n\n### Response:\n",
     "{rewrite}{eos}"},
    // ChatML; <|im_end|> closes the assistant turn, then the tokenizer's EOS.
    {"chat",
     "<|im_start|>system\nYou are a helpful assistant that rewrites text to be free of bias, toxicity, "
     "negative stereotyping and harm while keeping its core message.<|im_end|>\n<|im_start|>user\n"
     "Rewrite this text:\n{text}<|im_end|>\n<|im_start|>assistant\n",
     "{rewrite}<|im_end|>{eos}"},
};

constexpr const char* kText = "{text}";
constexpr const char* kRewrite = "{rewrite}";
constexpr const char* kEos = "{eos}";

void replaceAll(std::string& s, const std::string& from, const std::string& to) {
    for (size_t at = s.find(from); at != std::string::npos; at = s.find(from, at + to.size())) s.replace(at, from.size(), to);
}

size_t countOf(const std::string& s, const std::string& what) {
    size_t n = 0;
    for (size_t at = s.find(what); at != std::string::npos; at = s.find(what, at + what.size())) ++n;
    return n;
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
    throw InputError("", 0, "--template", "unknown template '" + name + "' (valid: " + valid + "custom)");
}

InstructionTemplate InstructionTemplate::custom(const std::string& templateText) {
    const auto bad = [](const std::string& why) {
        return InputError("", 0, "--custom-template",
                          why + " (hint: e.g. \"Rewrite kindly: {text}\\nAnswer: {rewrite}\")");
    };
    if (templateText.find(kText) == std::string::npos) throw bad("must contain {text}");
    const size_t rewrites = countOf(templateText, kRewrite);
    if (rewrites > 1) throw bad("{rewrite} may appear only once");
    if (rewrites == 0) return InstructionTemplate("custom", templateText, std::string(kRewrite) + kEos);
    const size_t at = templateText.find(kRewrite);
    std::string prompt = templateText.substr(0, at);
    std::string response = templateText.substr(at);
    if (response.find(kText) != std::string::npos) throw bad("{rewrite} must come after every {text}");
    if (prompt.find(kEos) != std::string::npos) throw bad("{eos} belongs after {rewrite}");
    if (response.find(kEos) == std::string::npos) response += kEos;
    return InstructionTemplate("custom", std::move(prompt), std::move(response));
}

std::string InstructionTemplate::renderPrompt(const std::string& text) const {
    std::string prompt = m_prompt;
    replaceAll(prompt, kText, text);
    return prompt;
}

InstructionExample InstructionTemplate::render(const std::string& text, const std::string& rewrite,
                                               const std::string& eos) const {
    InstructionExample example{renderPrompt(text), m_response};
    // {eos} first: a rewrite that happens to contain "{eos}" must stay as written.
    replaceAll(example.response, kEos, eos);
    replaceAll(example.response, kRewrite, rewrite);
    return example;
}

}  // namespace srllm::core
