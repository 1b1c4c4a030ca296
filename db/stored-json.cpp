#include "db/stored-json.h"

#include "core/common/diagnostics.h"
#include "core/common/input-file.h"
#include "db/database.h"

namespace srllm::db {

nlohmann::json storedJson(const Statement& st, int column, const std::string& where) {
    try {
        return core::parseJsonText(st.columnText(column), st.database().path(), 0, where);
    } catch (const core::InputError& e) {
        throw DbError(st.database().path() + ": " + where + ": " + e.diagnostic().message +
                      " (hint: the file is damaged or was edited by another program)");
    }
}

}  // namespace srllm::db
