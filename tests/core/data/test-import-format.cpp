// Tests core/data/import-format: names, auto-detection by extension and header, the reader factory.
#include <fstream>

#include <gtest/gtest.h>

#include "core/data/import-format.h"
#include "support/input-error.h"
#include "support/test-data.h"

using srllm::test::writeFile;

using namespace srllm::core;

TEST(ImportFormat, DetectsByExtensionAndHeader) {
    srllm::test::ScratchDir dir;
    EXPECT_EQ(detectImportFormat(writeFile(dir, "a.csv", "biased_text,label\nx,y\n")), ImportFormat::SrllmCsv);
    EXPECT_EQ(detectImportFormat(writeFile(dir, "b.tsv", "toxic\tneutral1\nx\ty\n")), ImportFormat::Paradetox);
    EXPECT_EQ(detectImportFormat(writeFile(dir, "c.csv", "toxic\tneutral1\nx\ty\n")), ImportFormat::Paradetox);
    EXPECT_EQ(detectImportFormat(writeFile(dir, "d.csv", "text,id\nx,1\n")), ImportFormat::Csv);
    EXPECT_EQ(detectImportFormat(writeFile(dir, "e.jsonl", "{\"text\":\"x\"}\n")), ImportFormat::Jsonl);
    EXPECT_EQ(detectImportFormat(writeFile(dir, "f.jsonl", "{\"item\":\"x\",\"annotator\":\"a\"}\n")),
              ImportFormat::Annotations);
}

TEST(ImportFormat, UnknownNamesAndExtensionsAreClearErrors) {
    const auto e = srllm::test::catchInputError([&] { parseImportFormat("xml"); });
    ASSERT_TRUE(e);
    EXPECT_NE(e->what.find("srllm-csv|paradetox|csv|jsonl|annotations"), std::string::npos);
    srllm::test::ScratchDir dir;
    EXPECT_THROW(detectImportFormat(writeFile(dir, "g.xlsx", "x")), InputError);
    EXPECT_THROW(detectImportFormat((dir / "missing.csv").string()), InputError);
    EXPECT_THROW(detectImportFormat(writeFile(dir, "h.csv", "")), InputError);
    for (const auto& [name, f] : {std::pair{"srllm-csv", ImportFormat::SrllmCsv}, {"annotations", ImportFormat::Annotations}})
        EXPECT_EQ(importFormatName(parseImportFormat(name)), name);
}

TEST(ImportFormat, MapOnlyAppliesToCsv) {
    srllm::test::ScratchDir dir;
    const auto path = writeFile(dir, "a.jsonl", "{\"text\":\"x\"}\n");
    EXPECT_THROW(makeItemReader(ImportFormat::Jsonl, path, {parseColumnMapping("a=text")}), InputError);
    EXPECT_TRUE(makeItemReader(ImportFormat::Jsonl, path, {})->next());
}
