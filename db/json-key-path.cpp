#include "db/json-key-path.h"

namespace srllm::db {

std::string jsonKeyPath(const std::string& key) {
    std::string path = "$.\"";
    for (char c : key) path += c == '"' ? std::string("\\\"") : std::string(1, c);
    return path + "\"";
}

}  // namespace srllm::db
