#include "db/instruction-data.h"

#include "core/common/diagnostics.h"
#include "db/snapshots.h"

namespace srllm::db {

std::optional<ChosenResponse> chooseResponse(const nlohmann::json* goldLabels, const std::optional<std::string>& goldRewrite,
                                             const std::vector<std::string>& references) {
    if (goldLabels && goldLabels->value("annotation", "") == "Unsafe" && goldRewrite && !goldRewrite->empty())
        return ChosenResponse{*goldRewrite, core::kResponseSourceGold};
    if (!references.empty()) return ChosenResponse{references.front(), core::kResponseSourceReference};
    return std::nullopt;
}

SnapshotInstructions snapshotInstructions(Database& db, int64_t snapshotId, const core::InstructionTemplate& templ) {
    const auto snapshot = snapshotById(db, snapshotId);
    const std::string where = "snapshot " + std::to_string(snapshotId);
    if (!snapshot)
        throw core::InputError("", 0, "snapshot", "no snapshot with id " + std::to_string(snapshotId) +
                                                      " (hint: `srllm snapshot list PROJECT`)");
    if (!snapshot->goldHash)
        throw core::InputError("", 0, "snapshot", where + " ('" + snapshot->name +
                                                      "') was made before snapshots froze gold labels and rewrites "
                                                      "(hint: `srllm snapshot create PROJECT NAME` makes a new one)");
    SnapshotInstructions out;
    forEachSnapshotEntry(db, snapshotId, [&](const SnapshotEntry& e) {
        if (e.split == "test") {
            ++out.testItems;
            return;
        }
        const auto response = chooseResponse(e.hasGold ? &e.goldLabels : nullptr, e.goldRewrite, e.references);
        if (!response) {
            ++out.withoutResponse;
            return;
        }
        ++(response->source == std::string(core::kResponseSourceGold) ? out.fromGold : out.fromReference);
        const auto example = templ.render(e.text, response->text);
        auto& records = e.split == "val" ? out.val : out.train;
        // The line it will have in data/train.jsonl or data/val.jsonl, so warnings name it before it is written.
        const auto line = static_cast<int64_t>(records.size()) + 1;
        records.push_back({line, example.prompt, example.response, e.uid, e.text, e.split, response->source});
    });
    if (out.train.empty())
        throw core::InputError("", 0, "snapshot",
                               where + " ('" + snapshot->name + "') gives no training record: of its " +
                                   std::to_string(snapshot->itemCount) + " items, " + std::to_string(snapshot->goldCount) +
                                   " have gold labels, and none in the train split has a gold rewrite (gold annotation "
                                   "Unsafe) or a reference rewrite (hint: adjudicate with `srllm adjudicate`, then "
                                   "`srllm snapshot create`)");
    return out;
}

}  // namespace srllm::db
