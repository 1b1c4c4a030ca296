// Tests core/data/jsonl-items and annotation-jsonl: keys, optional fields and errors naming line and key.
#include <fstream>
#include <sstream>

#include <gtest/gtest.h>

#include "core/data/annotation-jsonl.h"
#include "core/data/jsonl-items.h"
#include "support/test-data.h"

using namespace srllm::core;

namespace {
std::string writeFile(const srllm::test::ScratchDir& dir, const std::string& content) {
    return srllm::test::writeFile(dir, "in.jsonl", content);
}

template <typename Reader>
Diagnostic errorOf(Reader& reader) {
    try {
        while (reader.next()) {
        }
    } catch (const InputError& e) {
        return e.diagnostic();
    }
    return {};
}
}  // namespace

TEST(JsonlItems, ReadsEveryKeyAndWritesItBack) {
    srllm::test::ScratchDir dir;
    const std::string line =
        "{\"id\":\"x1\",\"metadata\":{\"k\":1},\"references\":[\"r\"],\"spans\":[[0,2]],\"split\":\"test\",\"text\":\"h\xC3\xA9!\"}";
    JsonlItemReader reader(writeFile(dir, "\n" + line + "\n"));
    const auto r = reader.next();
    ASSERT_TRUE(r);
    EXPECT_EQ(r->line, 2);  // the blank first line is skipped but counted
    EXPECT_EQ(r->externalId, "x1");
    EXPECT_EQ(r->split, "test");
    std::ostringstream out;
    writeJsonLine(out, itemToJson(*r, std::nullopt));
    EXPECT_EQ(out.str(), line + "\n");  // keys sorted, UTF-8 kept
}

TEST(JsonlItems, ErrorsNameLineAndKey) {
    srllm::test::ScratchDir dir;
    struct Case {
        std::string content;
        int64_t line;
        std::string field;
    };
    const Case cases[] = {
        {"{\"text\":\"a\"}\n{\"id\":3}\n", 2, "text"},
        {"{\"text\":\"a\",\"split\":\"dev\"}\n", 1, "split"},
        {"{\"text\":\"a\",\"references\":\"r\"}\n", 1, "references"},
        {"{\"text\":\"a\",\"spans\":[[3,1]]}\n", 1, "spans"},
        {"{\"text\":\"a\"}\n[1]\n", 2, ""},
        {"{\"text\": \n", 1, ""},
        {"", 0, ""},
    };
    for (const auto& c : cases) {
        JsonlItemReader reader(writeFile(dir, c.content));
        const auto d = errorOf(reader);
        EXPECT_FALSE(d.message.empty()) << c.content;
        EXPECT_EQ(d.line, c.line) << c.content;
        EXPECT_EQ(d.field, c.field) << c.content;
    }
}

TEST(AnnotationJsonl, ReadsLabelsSpansAndRewrite) {
    srllm::test::ScratchDir dir;
    AnnotationJsonlReader reader(writeFile(
        dir, "{\"item\":\"a\",\"annotator\":\"ann\",\"labels\":{\"bias\":\"Yes\",\"target_groups\":[\"Age\"]},"
             "\"spans\":[[0,3]],\"rewrite\":\"ok\",\"note\":1}\n"));
    const auto r = reader.next();
    ASSERT_TRUE(r);
    EXPECT_EQ(r->item, "a");
    EXPECT_EQ(r->annotator, "ann");
    EXPECT_EQ(r->labels["target_groups"], nlohmann::json({"Age"}));
    EXPECT_EQ(r->spans.size(), 1u);
    EXPECT_EQ(r->rewrite, "ok");
    ASSERT_EQ(reader.warnings().size(), 1u);  // unknown key "note"
    EXPECT_EQ(reader.warnings()[0].field, "note");
}

TEST(AnnotationJsonl, BadLabelValueAndMissingAnnotatorNameTheirLine) {
    srllm::test::ScratchDir dir;
    AnnotationJsonlReader badLabel(writeFile(dir, "{\"item\":\"a\",\"annotator\":\"b\",\"labels\":{\"bias\":1}}\n"));
    const auto d = errorOf(badLabel);
    EXPECT_EQ(d.line, 1);
    EXPECT_EQ(d.field, "labels.bias");
    AnnotationJsonlReader noAnnotator(writeFile(dir, "{\"item\":\"a\"}\n"));
    EXPECT_EQ(errorOf(noAnnotator).field, "annotator");
}
