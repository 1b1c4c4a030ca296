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

std::vector<std::string> storedStrings(const Statement& st, int column, const std::string& where) {
    const auto json = storedJson(st, column, where);
    if (!json.is_array()) throwDamaged(st, where, std::string("expected a list of strings, found ") + json.type_name());
    std::vector<std::string> out;
    for (const auto& value : json) {
        if (!value.is_string()) throwDamaged(st, where, "expected a list of strings, found " + value.dump() + " in it");
        out.push_back(value.get<std::string>());
    }
    return out;
}

std::vector<int64_t> storedIntegers(const Statement& st, int column, const std::string& where) {
    const auto json = storedJson(st, column, where);
    if (!json.is_array()) throwDamaged(st, where, std::string("expected a list of integers, found ") + json.type_name());
    std::vector<int64_t> out;
    for (const auto& value : json) {
        try {
            out.push_back(core::jsonInteger<int64_t>(value, st.database().path(), where));
        } catch (const core::InputError& e) {
            throwDamaged(st, where, e.diagnostic().message);
        }
    }
    return out;
}

}  // namespace srllm::db
