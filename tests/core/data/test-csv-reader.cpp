// Tests core/data/csv-reader: RFC 4180 quoting, physical line numbers, BOM, tab delimiter and errors.
#include <fstream>

#include <gtest/gtest.h>

#include "core/common/diagnostics.h"
#include "core/data/csv-reader.h"
#include "support/input-error.h"
#include "support/test-data.h"

using srllm::test::writeFile;

using srllm::core::CsvHeader;
using srllm::core::CsvReader;
using srllm::core::InputError;

namespace {

std::vector<std::vector<std::string>> readAll(CsvReader& reader, std::vector<int64_t>* lines = nullptr) {
    std::vector<std::vector<std::string>> rows;
    while (auto r = reader.next()) {
        rows.push_back(r->fields);
        if (lines) lines->push_back(r->line);
    }
    return rows;
}

}  // namespace

TEST(CsvReader, QuotedFieldsHoldNewlinesDelimitersAndDoubledQuotes) {
    srllm::test::ScratchDir dir;
    const auto path = writeFile(dir, "a.csv", "a,b\n\"x\ny\",\"say \"\"hi\"\", ok\"\nplain,\n");
    CsvReader reader(path, ',');
    std::vector<int64_t> lines;
    const auto rows = readAll(reader, &lines);
    ASSERT_EQ(rows.size(), 3u);
    EXPECT_EQ(rows[1], (std::vector<std::string>{"x\ny", "say \"hi\", ok"}));
    EXPECT_EQ(rows[2], (std::vector<std::string>{"plain", ""}));
    // The record with the embedded newline starts on line 2 and spans lines 2-3, so the next is line 4.
    EXPECT_EQ(lines, (std::vector<int64_t>{1, 2, 4}));
    EXPECT_EQ(reader.lineEnding(), "\n");
}

TEST(CsvReader, CrlfLineEndingsAreDetectedAndStripped) {
    srllm::test::ScratchDir dir;
    const auto path = writeFile(dir, "a.csv", "a,b\r\n1,\"2\r\n3\"\r\n");
    CsvReader reader(path, ',');
    const auto rows = readAll(reader);
    ASSERT_EQ(rows.size(), 2u);
    EXPECT_EQ(rows[1], (std::vector<std::string>{"1", "2\r\n3"}));  // inside quotes it is data
    EXPECT_EQ(reader.lineEnding(), "\r\n");
}

TEST(CsvReader, SkipsBomAndBlankLinesAndReadsLastLineWithoutNewline) {
    srllm::test::ScratchDir dir;
    const auto path = writeFile(dir, "a.csv", "\xEF\xBB\xBFtext\n\nhello");
    CsvReader reader(path, ',');
    std::vector<int64_t> lines;
    const auto rows = readAll(reader, &lines);
    ASSERT_EQ(rows.size(), 2u);
    EXPECT_EQ(rows[0][0], "text");  // no BOM bytes in the first column name
    EXPECT_EQ(rows[1][0], "hello");
    EXPECT_EQ(lines, (std::vector<int64_t>{1, 3}));
}

TEST(CsvReader, TabDelimiterKeepsCommas) {
    srllm::test::ScratchDir dir;
    const auto path = writeFile(dir, "a.tsv", "toxic\tneutral1\na, b\t\"c\td\"\n");
    CsvReader reader(path, '\t');
    const auto rows = readAll(reader);
    ASSERT_EQ(rows.size(), 2u);
    EXPECT_EQ(rows[1], (std::vector<std::string>{"a, b", "c\td"}));
}

TEST(CsvReader, TextAfterClosingQuoteIsKeptLikePython) {
    srllm::test::ScratchDir dir;
    // Python: list(csv.reader(['"ab"cd,e'])) == [['abcd', 'e']]
    const auto path = writeFile(dir, "a.csv", "\"ab\"cd,e\n");
    CsvReader reader(path, ',');
    EXPECT_EQ(readAll(reader)[0], (std::vector<std::string>{"abcd", "e"}));
}

TEST(CsvReader, UnbalancedQuoteNamesTheLineWhereItOpened) {
    srllm::test::ScratchDir dir;
    const auto path = writeFile(dir, "bad.csv", "a,b\n1,2\n3,\"open\n4,5\n6,7\n");
    CsvReader reader(path, ',');
    const auto e = srllm::test::catchInputError([&] { readAll(reader); });
    ASSERT_TRUE(e);
    EXPECT_EQ(e->diagnostic.file, path);
    EXPECT_EQ(e->diagnostic.line, 3);
    EXPECT_NE(e->what.find("never closed"), std::string::npos) << e->what;
}

TEST(CsvReader, InvalidUtf8NamesLineAndByteColumn) {
    srllm::test::ScratchDir dir;
    // Line 2 is "ab" then a lone continuation byte 0x80 at byte column 3.
    const auto path = writeFile(dir, "bad.csv", "text\nab\x80\n");
    CsvReader reader(path, ',');
    const auto e = srllm::test::catchInputError([&] { readAll(reader); });
    ASSERT_TRUE(e);
    EXPECT_EQ(e->diagnostic.line, 2);
    EXPECT_NE(e->what.find("byte column 3"), std::string::npos) << e->what;
    EXPECT_NE(e->what.find("0x80"), std::string::npos) << e->what;
}

// The bulk path for plain bytes must refuse NUL as the byte-by-byte path does (#12's rule).
TEST(CsvReader, NulInsideAPlainRunNamesLineAndByteColumn) {
    srllm::test::ScratchDir dir;
    const auto path = writeFile(dir, "bad.csv", std::string("text\nabc\0de\n", 12));
    CsvReader reader(path, ',');
    const auto e = srllm::test::catchInputError([&] { readAll(reader); });
    ASSERT_TRUE(e);
    EXPECT_EQ(e->diagnostic.line, 2);
    EXPECT_NE(e->what.find("NUL byte at byte column 4"), std::string::npos) << e->what;
}

TEST(CsvReader, OverlongAndSurrogateEncodingsAreInvalid) {
    srllm::test::ScratchDir dir;
    for (const std::string bad : {"\xC0\xAF", "\xED\xA0\x80", "\xF4\x90\x80\x80", "\xE2\x82"}) {
        const auto path = writeFile(dir, "bad.csv", "x" + bad);
        CsvReader reader(path, ',');
        EXPECT_THROW(readAll(reader), InputError) << "bytes of length " << bad.size();
    }
    const auto ok = writeFile(dir, "ok.csv", "caf\xC3\xA9,\xE4\xB8\xAD,\xF0\x9F\x98\x80\n");  // é, 中, 😀
    CsvReader reader(ok, ',');
    EXPECT_EQ(readAll(reader)[0].size(), 3u);
}

TEST(CsvHeader, MissingColumnNamesFileLineOneAndColumn) {
    srllm::test::ScratchDir dir;
    const auto path = writeFile(dir, "a.csv", "id,body\n1,x\n");
    CsvReader reader(path, ',');
    const CsvHeader header(reader);
    EXPECT_EQ(header.require("body"), 1u);
    const auto e = srllm::test::catchInputError([&] { header.require("text"); });
    ASSERT_TRUE(e);
    EXPECT_EQ(e->diagnostic.file, path);
    EXPECT_EQ(e->diagnostic.line, 1);
    EXPECT_EQ(e->diagnostic.field, "text");
}

TEST(CsvHeader, EmptyFileIsAnError) {
    srllm::test::ScratchDir dir;
    const auto path = writeFile(dir, "empty.csv", "");
    CsvReader reader(path, ',');
    EXPECT_THROW(CsvHeader{reader}, InputError);
}

TEST(CsvHeader, RecordWithWrongFieldCountNamesItsLine) {
    srllm::test::ScratchDir dir;
    const auto path = writeFile(dir, "a.csv", "a,b\n1,2\n3\n");
    CsvReader reader(path, ',');
    const CsvHeader header(reader);
    header.checkWidth(*reader.next());
    const auto short_ = reader.next();
    const auto e = srllm::test::catchInputError([&] { header.checkWidth(*short_); });
    ASSERT_TRUE(e);
    EXPECT_EQ(e->diagnostic.line, 3);
}

TEST(CsvReader, MissingFileIsAnError) {
    EXPECT_THROW(CsvReader("/nonexistent/nowhere.csv", ','), InputError);
}

TEST(CsvReader, MultiByteCharactersAcrossTheReadChunkAndInQuotesSurviveTheFastPath) {  // #11 item 9
    srllm::test::ScratchDir dir;
    // The reader fetches 64 KiB at a time: "é" (C3 A9) straddles the first chunk's end at byte 65536.
    const std::string head = "text\n" + std::string(65536 - 5 - 1, 'a');
    const auto path = writeFile(dir, "long.csv", head + "\xC3\xA9z\n\"q\xE2\x82\xAC,\n\"\"x\"\n");
    CsvReader reader(path, ',');
    const auto rows = readAll(reader);
    ASSERT_EQ(rows.size(), 3u);
    EXPECT_EQ(rows[1][0], std::string(65536 - 6, 'a') + "\xC3\xA9z");
    EXPECT_EQ(rows[2][0], "q\xE2\x82\xAC,\n\"x");  // quoted: the euro sign, a comma, a line break, a quote
    // A bad byte after a long run is still named by its column: 200 'b's, then 0xFF at column 201.
    const auto bad = writeFile(dir, "bad-late.csv", "text\n" + std::string(200, 'b') + "\xFF\n");
    CsvReader badReader(bad, ',');
    const auto e = srllm::test::catchInputError([&] { readAll(badReader); });
    ASSERT_TRUE(e);
    EXPECT_EQ(e->diagnostic.line, 2);
    EXPECT_NE(e->what.find("byte column 201"), std::string::npos) << e->what;
}

// The plain-byte scan tests 16 bytes at a time, then the rest one by one: every kind of byte it must stop at,
// put at every offset of a 47-byte field (three blocks and a tail), must end or enter the field where it stands.
TEST(CsvReader, EveryStopByteIsFoundAtEveryOffsetOfAPlainRun) {  // #11 item 9
    srllm::test::ScratchDir dir;
    constexpr size_t kField = 47;
    for (size_t at = 0; at < kField; ++at) {
        const std::string before(at, 'a'), after(kField - at, 'b');
        const auto path = writeFile(dir, "stops.csv",
                                    "x,y\n" + before + "," + after + "\n" +        // the delimiter
                                        before + "\xC3\xA9" + after + ",z\n" +  // a multi-byte character
                                        "z," + before + "\r\n" +                // a line end, as CRLF
                                        "c" + before + "\"q\"" + after + ",z\n");  // a quote mid-field stays
        CsvReader reader(path, ',');
        std::vector<int64_t> lines;
        const auto rows = readAll(reader, &lines);
        ASSERT_EQ(rows.size(), 5u) << "offset " << at;
        EXPECT_EQ(rows[1], (std::vector<std::string>{before, after})) << "offset " << at;
        EXPECT_EQ(rows[2][0], before + "\xC3\xA9" + after) << "offset " << at;
        EXPECT_EQ(rows[3], (std::vector<std::string>{"z", before})) << "offset " << at;
        EXPECT_EQ(rows[4][0], "c" + before + "\"q\"" + after) << "offset " << at;
        EXPECT_EQ(lines, (std::vector<int64_t>{1, 2, 3, 4, 5})) << "offset " << at;

        const auto nul = writeFile(dir, "nul.csv", "x\n" + before + std::string(1, '\0') + after + "\n");
        CsvReader nulReader(nul, ',');
        const auto e = srllm::test::catchInputError([&] { readAll(nulReader); });
        ASSERT_TRUE(e) << "offset " << at;
        EXPECT_NE(e->what.find("NUL byte at byte column " + std::to_string(at + 1)), std::string::npos) << e->what;
    }
}
