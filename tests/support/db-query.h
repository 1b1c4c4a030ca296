#pragma once
// The first column of the first row of a parameterless query, for tests that check counts and
// PRAGMA results (header-only: only tests that link srllm_db include it).
#include <cstdint>
#include <string>
#include <string_view>

#include "db/database.h"

namespace srllm::test {

inline int64_t queryInt(db::Database& db, std::string_view sql) {
    auto st = db.prepare(sql);
    st.step();
    return st.columnInt(0);
}

inline std::string queryText(db::Database& db, std::string_view sql) {
    auto st = db.prepare(sql);
    st.step();
    return st.columnText(0);
}

}  // namespace srllm::test
