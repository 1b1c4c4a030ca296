// Tests core/data/instruction-template: built-in texts, prompt/response separation, custom rules.
#include <gtest/gtest.h>

#include "core/common/diagnostics.h"
#include "core/data/instruction-template.h"

using srllm::core::InputError;
using srllm::core::InstructionTemplate;

TEST(InstructionTemplate, PaperTemplateMatchesFigure2) {
    const auto e = InstructionTemplate::builtin("paper").render("T", "R", "</s>");
    // Figure 2 with {text}=T and {rewrite}=R, split after "[/INST] ".
    EXPECT_EQ(e.prompt + e.response,
              "<s>[INST] <<SYS>> You are a helpful assistant. <</SYS>> Respond to the user's post by providing a "
              "version that maintains the core message but is presented in a benign and unbiased manner. Ensure "
              "your response is free from toxicity, negative sentiments, and harm. The goal is to reframe the "
              "content to retain its original intent while ensuring it contributes positively to the "
              "conversation: \"T\" [/INST] R </s>");
    EXPECT_EQ(e.response, "R </s>");
}

TEST(InstructionTemplate, RepoTemplateUsesEosInsteadOfLiteral) {
    const auto e = InstructionTemplate::builtin("repo").render("T", "R", "</s>");
    EXPECT_EQ(e.prompt.substr(0, 12), "<s>\n<<SYS>>Y");
    EXPECT_NE(e.prompt.find("free of bias : T [/INST]\n"), std::string::npos);
    EXPECT_EQ(e.response, "R</s>");
    EXPECT_EQ(e.response.find("<s/>"), std::string::npos);
}

TEST(InstructionTemplate, EveryBuiltinKeepsTextInPromptAndRewriteInResponse) {
    for (const auto& name : srllm::core::builtinTemplateNames()) {
        const auto e = InstructionTemplate::builtin(name).render("TEXT", "REWRITE", "<E>");
        EXPECT_NE(e.prompt.find("TEXT"), std::string::npos) << name;
        EXPECT_EQ(e.prompt.find("REWRITE"), std::string::npos) << name;
        EXPECT_EQ(e.response.find("REWRITE"), 0u) << name;
        EXPECT_EQ(e.response.substr(e.response.size() - 3), "<E>") << name;
    }
    EXPECT_THROW(InstructionTemplate::builtin("llama"), InputError);
}

TEST(InstructionTemplate, CustomTemplateRules) {
    const auto e = InstructionTemplate::custom("Q: {text}\nA: {rewrite}").render("t {rewrite}", "r {eos}", "!");
    EXPECT_EQ(e.prompt, "Q: t {rewrite}\nA: ");  // placeholders inside the data stay as written
    EXPECT_EQ(e.response, "r {eos}!");
    EXPECT_EQ(InstructionTemplate::custom("Fix {text}").render("a", "b", "#").response, "b#");
    for (const std::string bad : {"no placeholder", "{rewrite} {text}", "{text} {rewrite} {rewrite}", "{text}{eos}{rewrite}"})
        EXPECT_THROW(InstructionTemplate::custom(bad), InputError) << bad;
}
