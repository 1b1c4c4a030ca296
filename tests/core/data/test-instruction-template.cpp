// Tests core/data/instruction-template: built-in texts, prompt/response separation, custom rules, and
// the one BOS/EOS policy (templates hold no <s>, </s> or {eos}).
#include <gtest/gtest.h>

#include "core/common/diagnostics.h"
#include "core/data/instruction-template.h"

using srllm::core::InputError;
using srllm::core::InstructionTemplate;

TEST(InstructionTemplate, PaperTemplateMatchesFigure2WithoutBosAndEosText) {
    const auto e = InstructionTemplate::builtin("paper").render("T", "R");
    // Figure 2 with {text}=T and {rewrite}=R, split after "[/INST] "; its <s> and </s> are the tokenizer's.
    EXPECT_EQ(e.prompt + e.response,
              "[INST] <<SYS>> You are a helpful assistant. <</SYS>> Respond to the user's post by providing a "
              "version that maintains the core message but is presented in a benign and unbiased manner. Ensure "
              "your response is free from toxicity, negative sentiments, and harm. The goal is to reframe the "
              "content to retain its original intent while ensuring it contributes positively to the "
              "conversation: \"T\" [/INST] R");
    EXPECT_EQ(e.response, "R");
}

TEST(InstructionTemplate, RepoTemplateHasNoLiteralBos) {
    const auto e = InstructionTemplate::builtin("repo").render("T", "R");
    EXPECT_EQ(e.prompt.substr(0, 9), "\n<<SYS>>Y");
    EXPECT_NE(e.prompt.find("free of bias : T [/INST]\n"), std::string::npos);
    EXPECT_EQ(e.response, "R");
}

TEST(InstructionTemplate, EveryBuiltinKeepsTextInPromptAndRewriteInResponseAndNoSpecialText) {
    for (const auto& name : srllm::core::builtinTemplateNames()) {
        const auto t = InstructionTemplate::builtin(name);
        const auto e = t.render("TEXT", "REWRITE");
        EXPECT_NE(e.prompt.find("TEXT"), std::string::npos) << name;
        EXPECT_EQ(e.prompt.find("REWRITE"), std::string::npos) << name;
        EXPECT_EQ(e.response.find("REWRITE"), 0u) << name;
        for (const char* special : {"<s>", "</s>", "{eos}"}) EXPECT_EQ((e.prompt + e.response).find(special), std::string::npos) << name;
        // What a job records reads back as the same template.
        const auto back = InstructionTemplate::fromParts(t.name(), t.prompt(), t.response());
        EXPECT_EQ(back.render("x", "y").prompt, t.render("x", "y").prompt) << name;
    }
    EXPECT_THROW(InstructionTemplate::builtin("llama"), InputError);
}

TEST(InstructionTemplate, CustomTemplateRules) {
    const auto e = InstructionTemplate::custom("Q: {text}\nA: {rewrite}").render("t {rewrite}", "r {text}");
    EXPECT_EQ(e.prompt, "Q: t {rewrite}\nA: ");  // placeholders inside the data stay as written
    EXPECT_EQ(e.response, "r {text}");
    EXPECT_EQ(InstructionTemplate::custom("Fix {text}").render("a", "b").response, "b");
    EXPECT_EQ(InstructionTemplate::named("custom", "Fix {text}").name(), "custom");
    EXPECT_EQ(InstructionTemplate::named("alpaca").name(), "alpaca");
    for (const std::string bad : {"no placeholder", "{rewrite} {text}", "{text} {rewrite} {rewrite}", "{text} {rewrite}{eos}",
                                  "<s>{text} {rewrite}", "{text} {rewrite}</s>"})
        EXPECT_THROW(InstructionTemplate::custom(bad), InputError) << bad;
    EXPECT_THROW(InstructionTemplate::fromParts("x", "no text", "{rewrite}"), InputError);
    EXPECT_THROW(InstructionTemplate::fromParts("x", "{text}", "no rewrite"), InputError);
}
