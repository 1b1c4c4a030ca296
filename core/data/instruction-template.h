#pragma once
// Instruction templates that turn (text, rewrite) into a training example. A rendered example keeps
// prompt and response apart so that the trainer can mask the loss to the response tokens.
// Templates hold no BOS/EOS text: the prompt is encoded with the tokenizer's own special tokens and the
// trainer appends the tokenizer's EOS id (the job's "tokenizer-bos-eos" policy, core/job/job-spec.h).
#include <string>
#include <vector>

namespace srllm::core {

struct InstructionExample {
    std::string prompt;    // everything the model is given
    std::string response;  // what it must learn to produce (the EOS id is appended when tokenized)
};

class InstructionTemplate {
public:
    // A built-in template by name (see builtinTemplateNames()); throws InputError (field "template")
    // listing the valid names for an unknown one. "custom" is not built in: use custom().
    static InstructionTemplate builtin(const std::string& name);
    // A user template: must contain {text}; may contain {rewrite} once, after every {text}, where the
    // response starts (else the response is "{rewrite}" after the whole string). Throws InputError
    // (field "custom_template") with a hint when it breaks these rules or holds {eos}, <s> or </s>.
    static InstructionTemplate custom(const std::string& templateText);
    // builtin(name), or custom(customText) when name is "custom".
    static InstructionTemplate named(const std::string& name, const std::string& customText = {});
    // A template as a job records it (name, prompt, response); the same rules as custom(), field "template".
    static InstructionTemplate fromParts(const std::string& name, const std::string& prompt, const std::string& response);

    // Fills {text} and {rewrite}; placeholders inside the data stay as written.
    InstructionExample render(const std::string& text, const std::string& rewrite) const;
    // The prompt alone, for generation.
    std::string renderPrompt(const std::string& text) const;

    const std::string& name() const { return m_name; }
    const std::string& prompt() const { return m_prompt; }      // with {text}
    const std::string& response() const { return m_response; }  // with {rewrite}

private:
    InstructionTemplate(std::string name, std::string prompt, std::string response)
        : m_name(std::move(name)), m_prompt(std::move(prompt)), m_response(std::move(response)) {}
    std::string m_name;
    std::string m_prompt;
    std::string m_response;
};

// "repo", "paper", "alpaca", "chat".
std::vector<std::string> builtinTemplateNames();

}  // namespace srllm::core
