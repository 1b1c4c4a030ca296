// Tests core/data/python-list-literal against values Python's ast.literal_eval / repr give.
#include <gtest/gtest.h>

#include "core/data/python-list-literal.h"

using srllm::core::parsePythonStringList;
using srllm::core::pythonStringListRepr;
using Strings = std::vector<std::string>;

TEST(PythonListLiteral, ParsesQuotesEscapesAndTrailingComma) {
    struct Case {
        std::string literal;
        Strings expected;
    };
    // Expected values are what ast.literal_eval returns for each literal.
    const Case cases[] = {
        {"['ghetto']", {"ghetto"}},
        {"['ghetto', 'old man']", {"ghetto", "old man"}},
        {"[\"don't\", 'say \"no\"']", {"don't", "say \"no\""}},
        {"['it\\'s', 'a\\\\b', 'tab\\there']", {"it's", "a\\b", "tab\there"}},
        {"['caf\\xe9', '\\u4e2d', '\\U0001F600']", {"caf\xC3\xA9", "\xE4\xB8\xAD", "\xF0\x9F\x98\x80"}},
        {"  [ 'a' ,'b', ]  ", {"a", "b"}},
        {"[]", {}},
        {"['\\d']", {"\\d"}},  // unknown escapes are kept
    };
    for (const auto& c : cases) {
        const auto parsed = parsePythonStringList(c.literal);
        EXPECT_TRUE(parsed.ok) << c.literal << ": " << parsed.error;
        EXPECT_EQ(parsed.values, c.expected) << c.literal;
    }
}

TEST(PythonListLiteral, RejectsMalformedInputWithPosition) {
    for (const std::string bad : {"", "ghetto", "['a'", "['a' 'b']", "['a'] x", "[a]", "['\\x4']"}) {
        const auto parsed = parsePythonStringList(bad);
        EXPECT_FALSE(parsed.ok) << bad;
        EXPECT_NE(parsed.error.find("at character"), std::string::npos) << parsed.error;
    }
}

TEST(PythonListLiteral, ReprMatchesPython) {
    // repr(['ghetto', 'old man']), repr(["don't"]), repr(['say "hi"']), repr(['a\\b\n']), repr([])
    EXPECT_EQ(pythonStringListRepr({"ghetto", "old man"}), "['ghetto', 'old man']");
    EXPECT_EQ(pythonStringListRepr({"don't"}), "[\"don't\"]");
    EXPECT_EQ(pythonStringListRepr({"say \"hi\""}), "['say \"hi\"']");
    EXPECT_EQ(pythonStringListRepr({"it's \"x\""}), "['it\\'s \"x\"']");
    EXPECT_EQ(pythonStringListRepr({"a\\b\n"}), "['a\\\\b\\n']");
    EXPECT_EQ(pythonStringListRepr({"caf\xC3\xA9"}), "['caf\xC3\xA9']");
    EXPECT_EQ(pythonStringListRepr({}), "[]");
}

TEST(PythonListLiteral, ReprRoundTripsThroughParse) {
    const Strings values = {"don't", "a\\b", "x\ty", "\"q\"", "\xE4\xB8\xAD"};
    const auto parsed = parsePythonStringList(pythonStringListRepr(values));
    ASSERT_TRUE(parsed.ok) << parsed.error;
    EXPECT_EQ(parsed.values, values);
}
