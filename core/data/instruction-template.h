#pragma once
// Instruction templates that turn (text, rewrite) into a training example. A rendered example keeps
// prompt and response apart so that the trainer can mask the loss to the response tokens.
#include <string>
#include <vector>

namespace srllm::core {

struct InstructionExample {
    std::string prompt;    // everything the model is given
    std::string response;  // what it must learn to produce, ending with the EOS text
};

class InstructionTemplate {
public:
    // A built-in template by name (see builtinTemplateNames()); throws InputError (field "--template")
    // listing the valid names for an unknown one. "custom" is not built in: use custom().
    static InstructionTemplate builtin(const std::string& name);
    // A user template: must contain {text}; may contain {rewrite} once, after every {text}, where
    // the response starts (else the response is "{rewrite}{eos}" after the whole string), and {eos}.
    // Throws InputError (field "--custom-template") with a hint when it breaks these rules.
    static InstructionTemplate custom(const std::string& templateText);

    // Fills {text} and {rewrite}; {eos} becomes `eos` (the tokenizer's end-of-sequence text, e.g. "</s>").
    InstructionExample render(const std::string& text, const std::string& rewrite, const std::string& eos) const;
    // The prompt alone, for generation.
    std::string renderPrompt(const std::string& text) const;

    const std::string& name() const { return m_name; }

private:
    InstructionTemplate(std::string name, std::string prompt, std::string response)
        : m_name(std::move(name)), m_prompt(std::move(prompt)), m_response(std::move(response)) {}
    std::string m_name;
    std::string m_prompt;    // with {text}
    std::string m_response;  // with {rewrite} and {eos}
};

// "repo", "paper", "alpaca", "chat".
std::vector<std::string> builtinTemplateNames();

}  // namespace srllm::core
