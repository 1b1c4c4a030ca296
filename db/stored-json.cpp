#include "db/stored-json.h"

#include "core/common/diagnostics.h"
#include "core/common/input-file.h"
#include "db/database.h"

namespace srllm::db {

void throwDamaged(const Database& db, const std::string& where, const std::string& problem) {
    throw DbError(db.path() + ": " + where + ": " + problem + " (hint: the file is damaged or was edited by another program)");
}

void throwDamaged(const Statement& st, const std::string& where, const std::string& problem) { throwDamaged(st.database(), where, problem); }

nlohmann::json storedJson(const Statement& st, int column, const std::string& where) {
    try {
        return core::parseJsonText(st.columnText(column), st.database().path(), 0, where);
    } catch (const core::InputError& e) {
        throwDamaged(st, where, e.diagnostic().message);
    }
}

namespace {

// A stored JSON array, each element checked and converted by `element`; `kind` names what the list holds.
template <typename T, typename Element>
std::vector<T> storedList(const Statement& st, int column, const std::string& where, const char* kind, Element element) {
    const auto json = storedJson(st, column, where);
    if (!json.is_array()) throwDamaged(st, where, std::string("expected a list of ") + kind + ", found " + json.type_name());
    std::vector<T> out;
    out.reserve(json.size());
    for (const auto& value : json) out.push_back(element(value));
    return out;
}

}  // namespace

std::vector<std::string> storedStrings(const Statement& st, int column, const std::string& where) {
    return storedList<std::string>(st, column, where, "strings", [&](const nlohmann::json& value) {
        if (!value.is_string()) throwDamaged(st, where, "expected a list of strings, found " + value.dump() + " in it");
        return value.get<std::string>();
    });
}

std::vector<int64_t> storedIntegers(const Statement& st, int column, const std::string& where) {
    return storedList<int64_t>(st, column, where, "integers", [&](const nlohmann::json& value) {
        try {
            return core::jsonInteger<int64_t>(value, st.database().path(), where);
        } catch (const core::InputError& e) {
            throwDamaged(st, where, e.diagnostic().message);
        }
    });
}

}  // namespace srllm::db
