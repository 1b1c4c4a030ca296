#include "core/eval/labelled-sets.h"

#include <filesystem>
#include <map>

#include "core/data/csv-reader.h"
#include "core/data/jsonl-lines.h"

namespace srllm::core {

namespace {

constexpr size_t kToxicity = 0, kBias = 1, kHarm = 2, kUnsafe = 3;

// Counts repeated problems so that a set with thousands of them reports one line per kind.
class WarningTally {
public:
    void add(const std::string& path, int64_t line, const std::string& field, const std::string& message) {
        auto& entry = m_counts[field + "\n" + message];
        if (entry.count++ == 0) entry.first = {path, line, field, message};
    }
    Diagnostics summary() const {
        Diagnostics out;
        for (const auto& [key, entry] : m_counts) {
            Diagnostic d = entry.first;
            if (entry.count > 1) d.message += " (" + std::to_string(entry.count) + " records, first shown)";
            out.push_back(d);
        }
        return out;
    }

private:
    struct Entry {
        Diagnostic first;
        int64_t count = 0;
    };
    std::map<std::string, Entry> m_counts;
};

LabelledText labelled(std::string text, const std::string& source, int64_t line,
                      std::initializer_list<std::pair<size_t, int8_t>> values) {
    LabelledText t{std::move(text), {kLabelUnknown, kLabelUnknown, kLabelUnknown, kLabelUnknown}, source, line};
    for (const auto& [risk, value] : values) t.labels[risk] = value;
    return t;
}

void readCsvSet(const std::string& path, LabelledSet& set, WarningTally& tally) {
    CsvReader reader(path, path.ends_with(".tsv") ? '\t' : ',');
    const CsvHeader header(reader);
    auto has = [&](const char* column) { return header.find(column).has_value(); };
    if (has("class") && has("tweet")) set.format = "davidson";
    else if (has("spans") && has("text")) set.format = "toxic_spans";
    else if (has("toxic") && has("neutral1")) set.format = "paradetox";
    else if (has("biased_text") && has("debiased_text")) set.format = "srllm-csv";
    else
        throw InputError(path, 1, "", "not a labelled set this build knows (expected the header of davidson, toxic_spans, "
                                      "paradetox or an SR_LLM CSV; or use JSONL with a \"text\" key)");
    while (auto record = reader.next()) {
        header.checkWidth(*record);
        const auto& f = record->fields;
        auto field = [&](const char* column) -> const std::string& { return f[header.require(column)]; };
        const int64_t line = record->line;
        if (set.format == "davidson") {
            const std::string& cls = field("class");
            if (cls != "0" && cls != "1" && cls != "2")
                throw InputError(path, line, "class", "expected 0 (hate), 1 (offensive) or 2 (neither), got '" + cls + "'");
            const int8_t toxic = cls != "2";
            const int8_t hate = cls == "0" ? 1 : cls == "2" ? 0 : kLabelUnknown;
            set.texts.push_back(labelled(field("tweet"), path, line,
                                         {{kToxicity, toxic}, {kUnsafe, toxic}, {kBias, hate}, {kHarm, hate}}));
        } else if (set.format == "toxic_spans") {
            const std::string& spans = field("spans");
            if (spans.find_first_of("0123456789") == std::string::npos) {
                tally.add(path, line, "spans", "no toxic span marked: left out (the set holds no clean texts)");
                continue;
            }
            set.texts.push_back(labelled(field("text"), path, line, {{kToxicity, 1}, {kUnsafe, 1}}));
        } else if (set.format == "paradetox") {
            set.texts.push_back(labelled(field("toxic"), path, line, {{kToxicity, 1}, {kUnsafe, 1}}));
            for (const char* column : {"neutral1", "neutral2", "neutral3"})
                if (header.find(column) && !field(column).empty())
                    set.texts.push_back(labelled(field(column), path, line, {{kToxicity, 0}, {kUnsafe, 0}}));
        } else {
            const std::string dimension = header.find("dimension") ? field("dimension") : "";
            const int8_t toxic = dimension == "toxicity" || dimension == "hate speech" ? 1 : kLabelUnknown;
            set.texts.push_back(labelled(field("biased_text"), path, line, {{kBias, 1}, {kUnsafe, 1}, {kToxicity, toxic}}));
            if (!field("debiased_text").empty())
                set.texts.push_back(labelled(field("debiased_text"), path, line,
                                             {{kToxicity, 0}, {kBias, 0}, {kHarm, 0}, {kUnsafe, 0}}));
            else
                tally.add(path, line, "debiased_text", "empty rewrite: only the biased text is used");
        }
    }
}

int8_t jsonLabel(const JsonlLines& lines, const JsonlObject& o, const char* key) {
    const auto it = o.value.find(key);
    if (it == o.value.end() || it->is_null()) return kLabelUnknown;
    if (it->is_boolean()) return it->get<bool>() ? 1 : 0;
    if (it->is_number_integer() && (it->get<int64_t>() == 0 || it->get<int64_t>() == 1))
        return static_cast<int8_t>(it->get<int64_t>());
    throw InputError(lines.path(), o.line, key, "expected 0, 1, true, false or null, got " + it->dump());
}

void readJsonlSet(const std::string& path, LabelledSet& set) {
    set.format = "jsonl";
    JsonlLines lines(path);
    while (auto o = lines.next()) {
        LabelledText t{lines.requireString(*o, "text"), {}, path, o->line};
        for (size_t r = 0; r < kRiskCount; ++r) t.labels[r] = jsonLabel(lines, *o, kRiskNames[r]);
        set.texts.push_back(std::move(t));
    }
}

}  // namespace

LabelledSet readLabelledSet(const std::string& path) {
    if (!std::filesystem::is_regular_file(path)) throw InputError(path, 0, "", "no such file");
    LabelledSet set;
    WarningTally tally;
    const std::string extension = std::filesystem::path(path).extension().string();
    if (extension == ".jsonl" || extension == ".ndjson" || extension == ".json") readJsonlSet(path, set);
    else readCsvSet(path, set, tally);
    set.warnings = tally.summary();
    if (set.texts.empty()) throw InputError(path, 0, "", "no labelled texts found");
    return set;
}

}  // namespace srllm::core
