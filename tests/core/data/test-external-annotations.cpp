// core/data/external-annotations: Label Studio JSON exports and doccano JSONL exports, written by hand from
// the formats' documentation (tests/data/label-tools/), read as neutral records with code-point offsets
// (tests/data/label-tools/offsets.py gives the offsets independently). #11 item 8.
#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include "core/common/diagnostics.h"
#include "core/data/external-annotations.h"
#include "support/test-data.h"

using namespace srllm;
using testing::HasSubstr;

namespace {
std::string fixture(const std::string& name) { return (test::sourceDir() / "tests/data/label-tools" / name).string(); }
}  // namespace

TEST(LabelStudioJson, ReadsChoicesSpansAndTextsPerAnnotation) {
    const core::ExternalFile file = core::readLabelStudioJson(fixture("label-studio-export.json"));
    ASSERT_EQ(file.tasks.size(), 3u);
    const auto& first = file.tasks[0];
    EXPECT_EQ(first.text, "Old people can't use phones.");
    ASSERT_EQ(first.annotations.size(), 2u);
    const auto& ann = first.annotations[0];
    EXPECT_EQ(ann.annotator, "label-studio-user-1");
    ASSERT_EQ(ann.choices.size(), 3u);
    EXPECT_EQ(ann.choices[1].control, "toxicity");
    EXPECT_EQ(ann.choices[1].value, "Mild");
    ASSERT_EQ(ann.spans.size(), 1u);
    EXPECT_EQ(ann.spans[0].span.start, 0);
    EXPECT_EQ(ann.spans[0].span.end, 10);
    EXPECT_EQ(ann.spans[0].label, "Biased");
    ASSERT_EQ(ann.texts.size(), 1u);
    EXPECT_EQ(ann.texts[0].text, "Some people find phones hard.");
    EXPECT_EQ(first.annotations[1].annotator, "ben@example.org");
    EXPECT_TRUE(file.tasks[2].annotations.empty());  // predictions are not annotations
}

TEST(LabelStudioJson, Utf16OffsetsBecomeCodePointsAndCancelledWorkIsSkipped) {
    const core::ExternalFile file = core::readLabelStudioJson(fixture("label-studio-export.json"));
    const auto& second = file.tasks[1];
    ASSERT_EQ(second.annotations.size(), 1u);  // the cancelled annotation is left out
    ASSERT_EQ(second.annotations[0].spans.size(), 1u);
    EXPECT_EQ(second.annotations[0].spans[0].span.start, 34);  // UTF-16 [36, 39) past two emoji
    EXPECT_EQ(second.annotations[0].spans[0].span.end, 37);
    ASSERT_EQ(file.warnings.size(), 2u);
    EXPECT_THAT(file.warnings[0].message, HasSubstr("1 result region(s) of type 'rating' ignored"));
    EXPECT_THAT(file.warnings[1].message, HasSubstr("1 cancelled annotation(s) skipped"));
}

TEST(LabelStudioJson, SpanNotMatchingItsTextIsAnErrorNamingTheRegion) {
    test::ScratchDir dir;
    const auto path = test::writeFile(dir, "bad.json", R"([{"data": {"text": "abc def"}, "annotations": [{"completed_by": 1,
        "result": [{"from_name": "w", "type": "labels", "value": {"start": 0, "end": 3, "text": "def", "labels": ["B"]}}]}]}])");
    try {
        core::readLabelStudioJson(path);
        FAIL();
    } catch (const core::InputError& e) {
        EXPECT_EQ(e.diagnostic().field, "task 1.annotations[0].result[0].value");
        EXPECT_THAT(e.what(), HasSubstr("does not match its text 'def'"));
    }
    EXPECT_THROW(core::readLabelStudioJson(test::writeFile(dir, "x.json", "{\"nope\": 1}")), core::InputError);
    EXPECT_THROW(core::readLabelStudioJson(test::writeFile(dir, "y.json", "[1, 2")), core::InputError);
}

TEST(DoccanoJsonl, ClassificationAndSequenceLabelsInBothLayouts) {
    const auto classes = core::readDoccanoJsonl(fixture("doccano-classification.jsonl"), "dee");
    ASSERT_EQ(classes.tasks.size(), 2u);
    EXPECT_EQ(classes.tasks[0].annotations[0].annotator, "dee");
    ASSERT_EQ(classes.tasks[0].annotations[0].choices.size(), 2u);
    EXPECT_EQ(classes.tasks[0].annotations[0].choices[0].value, "Biased");
    const auto spans = core::readDoccanoJsonl(fixture("doccano-sequence.jsonl"), "dee");
    ASSERT_EQ(spans.tasks.size(), 2u);
    EXPECT_EQ(spans.tasks[0].annotations[0].spans[0].span.end, 7);
    const auto& entity = spans.tasks[1].annotations[0].spans[0];
    EXPECT_EQ(entity.label, "BIAS");
    EXPECT_EQ(entity.span.start, 14);  // "alten Männern": code points, as Python indexes them
    EXPECT_EQ(entity.span.end, 27);
}

TEST(DoccanoJsonl, OffsetsPastTheTextNameTheLine) {
    test::ScratchDir dir;
    const auto path = test::writeFile(dir, "d.jsonl", "{\"text\": \"ok\", \"label\": [\"A\"]}\n{\"text\": \"short\", \"label\": [[0, 9, \"B\"]]}\n");
    try {
        core::readDoccanoJsonl(path, "x");
        FAIL();
    } catch (const core::InputError& e) {
        EXPECT_EQ(e.diagnostic().line, 2);
        EXPECT_EQ(e.diagnostic().field, "label");
    }
}

// #12, found by the jsonl-import fuzz target once it read these formats: a value of the wrong JSON kind threw
// nlohmann's type_error out of the reader (a crash of `srllm import` and of the GUI's import worker), and an
// offset of 1e300 was undefined behaviour. Each is now an error naming the file, the line and where it is.
TEST(ExternalAnnotations, ValuesOfTheWrongKindNameTheirPlace) {
    test::ScratchDir dir;
    struct Case {
        const char* json;
        const char* field;
    };
    const Case labelStudio[] = {
        {R"([{"data": {"text": "hi"}, "annotations": "x"}])", "task 1.annotations"},
        {R"([{"data": {"text": "hi"}, "annotations": [7]}])", "task 1.annotations[0]"},
        {R"([{"data": {"text": "hi"}, "annotations": [{"was_cancelled": "no", "result": []}]}])", "task 1.annotations[0].was_cancelled"},
        {R"([{"data": {"text": "hi"}, "annotations": [{"result": [5]}]}])", "task 1.annotations[0].result[0]"},
        {R"([{"data": {"text": "hi"}, "annotations": [{"result": [{"type": "choices", "value": "x"}]}]}])", "task 1.annotations[0].result[0].value"},
        {R"([{"data": {"text": "hi"}, "annotations": [{"result": [{"type": "choices", "value": {"choices": "A"}}]}]}])", "task 1.annotations[0].result[0].value.choices"},
        {R"([{"data": {"text": "hi"}, "annotations": [{"result": [{"type": "labels", "value": {"start": 1e300, "end": 2}}]}]}])", "task 1.annotations[0].result[0].value.start"},
        {R"([{"data": {"text": "hi"}, "annotations": [{"result": [{"type": "labels", "value": {"start": 0, "end": "2"}}]}]}])", "task 1.annotations[0].result[0].value.end"},
    };
    for (const auto& c : labelStudio) {
        const auto path = test::writeFile(dir, "ls.json", c.json);
        try {
            core::readLabelStudioJson(path);
            ADD_FAILURE() << c.json;
        } catch (const core::InputError& e) {
            EXPECT_EQ(e.diagnostic().file, path) << c.json;
            EXPECT_EQ(e.diagnostic().field, c.field) << c.json;
        }
    }
    const Case doccano[] = {
        {R"({"text": "hello", "entities": [{"start_offset": "0", "end_offset": 5, "label": "B"}]})", "entities.start_offset"},
        {R"({"text": "hello", "entities": [{"start_offset": 0, "end_offset": 1e300, "label": "B"}]})", "entities.end_offset"},
        {R"({"text": "hello", "entities": {"start_offset": 0}})", "entities"},
        {R"({"text": "hello", "label": 5})", "label"},
    };
    for (const auto& c : doccano) {
        const auto path = test::writeFile(dir, "d.jsonl", std::string("{\"text\": \"ok\"}\n") + c.json + "\n");
        try {
            core::readDoccanoJsonl(path, "x");
            ADD_FAILURE() << c.json;
        } catch (const core::InputError& e) {
            EXPECT_EQ(e.diagnostic().file, path) << c.json;
            EXPECT_EQ(e.diagnostic().line, 2) << c.json;
            EXPECT_EQ(e.diagnostic().field, c.field) << c.json;
        }
    }
    // An offset past 2^63 in a [start, end, "LABEL"] triple was read as -1 and reported as a negative span.
    try {
        core::readDoccanoJsonl(test::writeFile(dir, "o.jsonl", R"({"text": "hello", "label": [[0, 18446744073709551615, "B"]]})" "\n"), "x");
        ADD_FAILURE() << "no error";
    } catch (const core::InputError& e) {
        EXPECT_EQ(e.diagnostic().field, "label");
        EXPECT_THAT(e.diagnostic().message, HasSubstr("out of range: 18446744073709551615"));
    }
    // A single class as a bare string is still one choice.
    const auto single = core::readDoccanoJsonl(test::writeFile(dir, "s.jsonl", "{\"text\": \"ok\", \"label\": \"Biased\"}\n"), "x");
    ASSERT_EQ(single.tasks[0].annotations[0].choices.size(), 1u);
    EXPECT_EQ(single.tasks[0].annotations[0].choices[0].value, "Biased");
}
