// Tests core/data/srllm-csv: the paper's schema read into records and written back field for field.
#include <fstream>
#include <sstream>

#include <gtest/gtest.h>

#include "core/data/srllm-csv.h"
#include "support/input-error.h"
#include "support/test-data.h"

using namespace srllm::core;

namespace {
const std::string kHeader = "biased_text,dimension,biased_words,aspect,label,Done (x),debiased_text,comments,text_length\n";

std::string writeFile(const srllm::test::ScratchDir& dir, const std::string& content) {
    return srllm::test::writeFile(dir, "in.csv", content);
}
}  // namespace

TEST(SrllmCsv, MapsColumnsToRecordAndLocatesBiasedWords) {
    srllm::test::ScratchDir dir;
    const auto path = writeFile(dir, kHeader +
                                         "\"Old man, go home\",ageism,\"['old man', 'absent']\",Ageism,Slightly Biased,x,"
                                         "\"Please, go home\",,16.0\n");
    SrllmCsvReader reader(path);
    const auto r = reader.next();
    ASSERT_TRUE(r);
    EXPECT_EQ(r->line, 2);
    EXPECT_EQ(r->text, "Old man, go home");
    EXPECT_EQ(r->references, std::vector<std::string>{"Please, go home"});
    EXPECT_EQ(r->metadata["severity"], "Slightly Biased");
    EXPECT_EQ(r->metadata["dimension"], "ageism");
    EXPECT_EQ(r->metadata["done"], "x");
    EXPECT_EQ(r->metadata["text_length"], "16.0");
    EXPECT_FALSE(r->metadata.contains("comments"));  // empty cells are not stored
    EXPECT_EQ(r->metadata["biased_words"], (nlohmann::json{"old man", "absent"}));
    ASSERT_EQ(r->spans.size(), 1u);
    EXPECT_EQ(r->spans[0].start, 0);
    EXPECT_EQ(r->spans[0].end, 7);
    ASSERT_EQ(reader.warnings().size(), 1u);  // 'absent' is not in the text
    EXPECT_EQ(reader.warnings()[0].line, 2);
    EXPECT_EQ(reader.warnings()[0].field, "biased_words");
    EXPECT_FALSE(reader.next());
}

TEST(SrllmCsv, WriterReproducesRowsQuotingOnlyWhenNeeded) {
    srllm::test::ScratchDir dir;
    // Row 2 has a quoted newline and doubled quotes, an odd literal (double quotes) and a comment.
    const std::string source = kHeader +
                               "plain text,toxicity,['plain'],Framing,Highly Biased,x,clean text,,10.0\n"
                               "\"say \"\"hi\"\"\nthere\",news,\"[\"\"there\"\"]\",,Slightly Biased,x,\"a, b\",note,15.0\n";
    const auto path = writeFile(dir, source);
    SrllmCsvReader reader(path);
    std::ostringstream out;
    SrllmCsvWriter writer(out, "\n");
    while (auto r = reader.next()) writer.write(*r);
    EXPECT_EQ(out.str(), source);
}

TEST(SrllmCsv, CrlfSourceIsRecordedForExport) {
    srllm::test::ScratchDir dir;
    const auto path = writeFile(dir, "biased_text\r\nhello\r\n");
    SrllmCsvReader reader(path);
    const auto r = reader.next();
    ASSERT_TRUE(r);
    EXPECT_EQ(srllmCsvLineEnding(r->metadata), "\r\n");
    EXPECT_EQ(srllmCsvLineEnding(nlohmann::json::object()), "\n");
}

TEST(SrllmCsv, MalformedWordListIsAWarningAndKeptVerbatim) {
    srllm::test::ScratchDir dir;
    const auto path = writeFile(dir, kHeader + "some text,,[oops,,,,,,\n");
    SrllmCsvReader reader(path);
    const auto r = reader.next();
    ASSERT_TRUE(r);
    ASSERT_EQ(reader.warnings().size(), 1u);
    EXPECT_EQ(reader.warnings()[0].line, 2);
    std::ostringstream out;
    SrllmCsvWriter(out, "\n").write(*r);
    EXPECT_NE(out.str().find("some text,,[oops,,,,,,\n"), std::string::npos) << out.str();
}

TEST(SrllmCsv, MissingTextColumnAndEmptyTextAreErrors) {
    srllm::test::ScratchDir dir;
    EXPECT_THROW(SrllmCsvReader(writeFile(dir, "dimension\nx\n")), InputError);
    SrllmCsvReader reader(writeFile(dir, "biased_text,dimension\n,x\n"));
    const auto e = srllm::test::catchInputError([&] { reader.next(); });
    ASSERT_TRUE(e);
    EXPECT_EQ(e->diagnostic.line, 2);
    EXPECT_EQ(e->diagnostic.field, "biased_text");
}
