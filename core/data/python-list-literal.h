#pragma once
// Python list-of-strings literals such as "['ghetto', \"old man\"]", as the SR_LLM CSVs store their
// biased words (written by Python's repr). Parsed without evaluating anything.
#include <string>
#include <string_view>
#include <vector>

namespace srllm::core {

struct PythonListParse {
    bool ok = false;
    std::vector<std::string> values;
    std::string error;  // what is wrong and at which character, when !ok
};

// Accepts [ 'a', "b", ] with Python's string escapes (\\ \' \" \n \r \t \xHH \uHHHH \UHHHHHHHH).
PythonListParse parsePythonStringList(std::string_view literal);

// The literal Python's repr() writes for a list of str (single quotes unless a value holds ' and no ").
std::string pythonStringListRepr(const std::vector<std::string>& values);

}  // namespace srllm::core
