#pragma once
// The texts a command was given: its TEXT arguments, or with "-" one text per line of standard input.
// Each text must be valid UTF-8; a bad one is an InputError naming the argument or line and the byte.
#include <string>
#include <vector>

namespace srllm::cli {

std::vector<std::string> readTexts(const std::vector<std::string>& arguments);

// One text per line of a file (a trailing "\r" dropped), validated the same way.
std::vector<std::string> readTextLines(const std::string& path);

}  // namespace srllm::cli
