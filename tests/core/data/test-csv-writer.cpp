// Tests core/data/csv-writer against Python's csv.writer (QUOTE_MINIMAL) output.
#include <sstream>

#include <gtest/gtest.h>

#include "core/data/csv-writer.h"

using srllm::core::writeCsvRow;

TEST(CsvWriter, QuotesOnlyWhenNeededLikePython) {
    std::ostringstream out;
    // csv.writer(f, lineterminator='\n').writerow(['a', 'b,c', 'say "hi"', 'x\ny', '', ' sp'])
    writeCsvRow(out, {"a", "b,c", "say \"hi\"", "x\ny", "", " sp"}, ',', "\n");
    EXPECT_EQ(out.str(), "a,\"b,c\",\"say \"\"hi\"\"\",\"x\ny\",, sp\n");
}

TEST(CsvWriter, TabDelimiterCrlfAndLoneEmptyField) {
    std::ostringstream out;
    writeCsvRow(out, {"a,b", "c\td"}, '\t', "\r\n");
    writeCsvRow(out, {""}, ',', "\r\n");  // Python writes '""' for a row of one empty field
    writeCsvRow(out, {"cr\r"}, ',', "\r\n");
    EXPECT_EQ(out.str(), "a,b\t\"c\td\"\r\n\"\"\r\n\"cr\r\"\r\n");
}
