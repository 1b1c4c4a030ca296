// Tests core/eval/external-scorer with small shell commands standing in for a Detoxify-like service:
// scores come back in order, and each broken reply is an InputError naming the output line and field.
#include <cmath>

#include <gtest/gtest.h>

#include "core/common/diagnostics.h"
#include "core/eval/external-scorer.h"

using namespace srllm::core;

namespace {

// A scorer in sed: toxicity 0.9 for a line mentioning "idiot", else 0.1; bias always 0.2.
const std::string kSedScorer =
    "sed -e 's/.*idiot.*/{\"toxicity\": 0.9, \"bias\": 0.2}/' -e 't' -e 's/.*/{\"toxicity\": 0.1, \"bias\": 0.2}/'";

InputError errorOf(const std::string& command, const std::vector<std::string>& texts) {
    try {
        runExternalScorer(command, texts);
    } catch (const InputError& e) {
        return e;
    }
    ADD_FAILURE() << "expected an InputError from " << command;
    return InputError("", 0, "", "");
}

}  // namespace

TEST(ExternalScorer, ReadsOneObjectPerTextInOrder) {
    const auto out = runExternalScorer(kSedScorer, {"you idiot", "nice day", "an \"idiot\"\nacross lines"});
    ASSERT_EQ(out.scores.size(), 3u);
    EXPECT_DOUBLE_EQ(out.scores[0].probability[0], 0.9);
    EXPECT_DOUBLE_EQ(out.scores[1].probability[0], 0.1);
    EXPECT_DOUBLE_EQ(out.scores[2].probability[0], 0.9);  // the newline travels escaped inside the JSON line
    EXPECT_DOUBLE_EQ(out.scores[1].probability[1], 0.2);
    EXPECT_TRUE(std::isnan(out.scores[1].probability[2]));  // harm not reported
}

TEST(ExternalScorer, BrokenRepliesNameTheLineAndField) {
    EXPECT_EQ(errorOf("head -n 1 | " + kSedScorer, {"a", "b"}).diagnostic().message.find("gave 1 scores for 2 texts") !=
                  std::string::npos,
              true);
    const auto missing = errorOf("sed 's/.*/{\"bias\": 0.5}/'", {"a"});
    EXPECT_EQ(missing.diagnostic().field, "toxicity");
    EXPECT_EQ(missing.diagnostic().line, 1);
    EXPECT_EQ(errorOf("sed 's/.*/{\"toxicity\": 1.5}/'", {"a"}).diagnostic().field, "toxicity");
    EXPECT_EQ(errorOf("sed 's/.*/not json/'", {"a"}).diagnostic().line, 1);
    EXPECT_EQ(errorOf("exit 3", {"a"}).diagnostic().field, "--external");
}
