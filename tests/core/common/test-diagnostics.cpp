#include <gtest/gtest.h>

#include "core/common/diagnostics.h"

using srllm::core::Diagnostic;
using srllm::core::formatDiagnostic;
using srllm::core::InputError;

TEST(Diagnostics, FormatsFileLineFieldAndMessage) {
    EXPECT_EQ(formatDiagnostic({"data.csv", 12, "label", "unknown value 'Maybe'"}),
              "data.csv:12: field 'label': unknown value 'Maybe'");
}

TEST(Diagnostics, LeavesOutEmptyParts) {
    EXPECT_EQ(formatDiagnostic({"data.csv", 0, "", "file is empty"}), "data.csv: file is empty");
    EXPECT_EQ(formatDiagnostic({"", 3, "", "bad"}), "line 3: bad");
    EXPECT_EQ(formatDiagnostic({"", 0, "r", "must be positive"}), "field 'r': must be positive");
}

TEST(Diagnostics, InputErrorCarriesTheDiagnostic) {
    const InputError error("a.jsonl", 7, "annotator", "missing");
    EXPECT_STREQ(error.what(), "a.jsonl:7: field 'annotator': missing");
    EXPECT_EQ(error.diagnostic().line, 7);
}
