// Tests core/data/mapped-csv-reader: --map column mappings and the ParaDetox layout.
#include <fstream>

#include <gtest/gtest.h>

#include "core/data/mapped-csv-reader.h"
#include "support/input-error.h"
#include "support/test-data.h"

using srllm::test::writeFile;

using namespace srllm::core;

TEST(MappedCsvReader, ParadetoxTakesNonEmptyNeutralsAsReferences) {
    srllm::test::ScratchDir dir;
    const auto path = writeFile(dir, "p.tsv",
                                "toxic\tneutral1\tneutral2\tneutral3\n"
                                "you fool\tyou are wrong\t\t\n"
                                "\"two\nlines\"\ta\tb\tc\n");
    auto reader = makeParadetoxReader(path);
    const auto first = reader->next();
    ASSERT_TRUE(first);
    EXPECT_EQ(first->text, "you fool");
    EXPECT_EQ(first->references, std::vector<std::string>{"you are wrong"});
    const auto second = reader->next();
    ASSERT_TRUE(second);
    EXPECT_EQ(second->line, 3);
    EXPECT_EQ(second->text, "two\nlines");
    EXPECT_EQ(second->references, (std::vector<std::string>{"a", "b", "c"}));
    EXPECT_FALSE(reader->next());
}

TEST(MappedCsvReader, MapsColumnsAndKeepsTheRestAsMetadata) {
    srllm::test::ScratchDir dir;
    const auto path = writeFile(dir, "g.csv", "body,key,part,fix,source,extra\nhi,7,val,hello,web,z\n");
    MappedCsvReader reader(path, ',',
                           {parseColumnMapping("body=text"), parseColumnMapping("key=id"),
                            parseColumnMapping("part=split"), parseColumnMapping("fix=reference"),
                            parseColumnMapping("source=metadata.origin")});
    const auto r = reader.next();
    ASSERT_TRUE(r);
    EXPECT_EQ(r->text, "hi");
    EXPECT_EQ(r->externalId, "7");
    EXPECT_EQ(r->split, "val");
    EXPECT_EQ(r->references, std::vector<std::string>{"hello"});
    EXPECT_EQ(r->metadata, (nlohmann::json{{"origin", "web"}, {"extra", "z"}}));
}

TEST(MappedCsvReader, BadMapSpecsAndBadSplitsAreErrors) {
    for (const std::string bad : {"body", "=text", "body=", "body=title", "body=metadata."})
        EXPECT_THROW(parseColumnMapping(bad), InputError) << bad;
    srllm::test::ScratchDir dir;
    const auto path = writeFile(dir, "g.csv", "text,s\nhi,dev\n");
    MappedCsvReader reader(path, ',', {parseColumnMapping("s=split")});
    const auto e = srllm::test::catchInputError([&] { reader.next(); });
    ASSERT_TRUE(e);
    EXPECT_EQ(e->diagnostic.line, 2);
    EXPECT_EQ(e->diagnostic.field, "s");
    EXPECT_THROW(MappedCsvReader(path, ',', {parseColumnMapping("nothere=text")}), InputError);
}

TEST(MappedCsvReader, DelimiterFollowsTheExtension) {
    EXPECT_EQ(delimiterForPath("a/b.TSV"), '\t');
    EXPECT_EQ(delimiterForPath("a/b.csv"), ',');
}
