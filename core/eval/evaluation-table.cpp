#include "core/eval/evaluation-table.h"

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <functional>
#include <map>
#include <set>
#include <stdexcept>

#include "core/eval/bleu.h"
#include "core/eval/counterfactual-consistency.h"
#include "core/eval/risk-labels.h"
#include "core/eval/length-entropy.h"
#include "core/eval/vader-sentiment.h"
#include "core/stats/holm-correction.h"
#include "core/stats/mcnemar-test.h"
#include "core/stats/paired-bootstrap.h"
#include "core/stats/proportion-interval.h"
#include "core/stats/test-result.h"
#include "core/stats/wilcoxon-signed-rank.h"
#include "core/text/chrf.h"

namespace srllm::core {

namespace {

// Columns summarised by their mean (bootstrap interval) and tested by Wilcoxon signed-rank.
const std::vector<std::string> kMeanMetrics = {"chrf-source", "bleu-source", "chrf-reference", "bleu-reference",
                                               "lm-perplexity", "base-perplexity", "flesch-reading-ease", "flesch-kincaid-grade",
                                               "vader-compound", "clen"};

nlohmann::json cell(double value, double lo, double hi, int64_t n) {
    return {{"value", jsonNumber(value)}, {"lo", jsonNumber(lo)}, {"hi", jsonNumber(hi)}, {"n", n}};
}

nlohmann::json percentCell(const ProportionEstimate& p) { return cell(100 * p.rate, 100 * p.lo, 100 * p.hi, p.n); }

std::vector<double> defined(const std::vector<double>& values) {
    std::vector<double> out;
    for (double v : values)
        if (!std::isnan(v)) out.push_back(v);
    return out;
}

std::string riskKey(const std::string& metric) { return metric.substr(5) + "_percent"; }  // "risk-bias" -> "bias_percent"

std::string cellKey(std::string metric) {
    for (auto& c : metric)
        if (c == '-') c = '_';
    return metric;
}

nlohmann::json rowCells(const EvaluatedRun& run, const BootstrapOptions& bootstrap) {
    nlohmann::json cells = nlohmann::json::object();
    for (const auto& column : run.columns)
        if (column.usesScorer && !defined(column.values).empty())  // a risk the scorer was not trained on: no cell
            cells[riskKey(column.metric)] = percentCell(flaggedRate(defined(column.values)));
    for (const auto& metric : kMeanMetrics) {
        const auto* column = findColumn(run.columns, metric);
        if (!column) continue;
        const auto r = bootstrapMean(defined(column->values), bootstrap);
        cells[cellKey(metric)] = cell(r.estimate, r.lo, r.hi, r.n);
    }
    if (const auto* compound = findColumn(run.columns, "vader-compound")) {
        const auto values = defined(compound->values);
        int64_t positive = 0;
        for (double v : values) positive += sentimentClass(v) == SentimentClass::Positive;
        cells["positive_percent"] = percentCell(wilsonInterval(positive, static_cast<int64_t>(values.size())));
    }
    if (const auto* words = findColumn(run.columns, "words")) {
        std::vector<int64_t> lengths(words->values.begin(), words->values.end());
        cells["length_entropy"] = cell(lengthEntropyBits(lengths), TestResult::kNaN, TestResult::kNaN,
                                       static_cast<int64_t>(lengths.size()));
    }
    const int64_t n = static_cast<int64_t>(run.set.outputs.size());
    std::vector<std::vector<std::string>> sources;
    for (const auto& s : run.set.sources) sources.push_back({s});
    cells["corpus_chrf_source"] = cell(corpusChrf(run.set.outputs, sources), TestResult::kNaN, TestResult::kNaN, n);
    cells["corpus_bleu_source"] = cell(corpusBleu(run.set.outputs, sources), TestResult::kNaN, TestResult::kNaN, n);
    bool allReferenced = true;
    for (const auto& r : run.set.references) allReferenced = allReferenced && !r.empty();
    if (allReferenced) {
        cells["corpus_chrf_reference"] = cell(corpusChrf(run.set.outputs, run.set.references), TestResult::kNaN, TestResult::kNaN, n);
        cells["corpus_bleu_reference"] = cell(corpusBleu(run.set.outputs, run.set.references), TestResult::kNaN, TestResult::kNaN, n);
    }
    return cells;
}

// The group and each of its '/' prefixes ("gender_prompt/American_actors" also counts toward
// "gender_prompt"), so a benchmark's axis and its buckets are both broken down.
std::vector<std::string> groupLevels(const std::string& group) {
    std::vector<std::string> levels;
    for (size_t slash = group.find('/'); slash != std::string::npos; slash = group.find('/', slash + 1))
        levels.push_back(group.substr(0, slash));
    levels.push_back(group);
    return levels;
}

// Toxic % (Wilson) and mean toxicity (bootstrap) per group and group prefix (BOLD's domains and
// categories, HolisticBias's axes and buckets, counterfactual variants, a project's datasets).
nlohmann::json groupCells(const EvaluatedRun& run, const BootstrapOptions& bootstrap) {
    nlohmann::json groups = nlohmann::json::object();
    const auto* toxicity = findColumn(run.columns, "risk-toxicity");
    if (!toxicity) return groups;
    std::map<std::string, std::vector<double>> byGroup;
    for (size_t i = 0; i < run.groups.size(); ++i)
        if (!run.groups[i].empty() && !std::isnan(toxicity->values[i]))
            for (const auto& level : groupLevels(run.groups[i])) byGroup[level].push_back(toxicity->values[i]);
    for (const auto& [group, values] : byGroup) {
        const auto mean = bootstrapMean(values, bootstrap);
        groups[group] = {{"toxicity_percent", percentCell(flaggedRate(values))},
                         {"toxicity_mean", cell(mean.estimate, mean.lo, mean.hi, mean.n)}};
    }
    return groups;
}

// A row: its cells, its groups and, when the test set holds counterfactual sentences, their consistency
// (the mean spreads also as cells, so they are stored and tested like the others).
nlohmann::json row(const EvaluatedRun& run, const BootstrapOptions& bootstrap) {
    nlohmann::json out = {{"run", run.name}, {"cells", rowCells(run, bootstrap)}, {"groups", groupCells(run, bootstrap)}};
    if (const auto* toxicity = findColumn(run.columns, "risk-toxicity")) {
        auto consistency = counterfactualConsistency(run.groups, toxicity->values, bootstrap);
        if (!consistency.is_null()) {
            out["cells"]["counterfactual_range"] = consistency["range"];
            out["cells"]["counterfactual_sd"] = consistency["sd"];
            out["counterfactual"] = std::move(consistency);
        }
    }
    return out;
}

// Pairs where both runs have a value.
std::pair<std::vector<double>, std::vector<double>> pairs(const MetricColumn& before, const MetricColumn& after) {
    std::pair<std::vector<double>, std::vector<double>> out;
    for (size_t i = 0; i < before.values.size(); ++i)
        if (!std::isnan(before.values[i]) && !std::isnan(after.values[i])) {
            out.first.push_back(before.values[i]);
            out.second.push_back(after.values[i]);
        }
    return out;
}

// Each counterfactual sentence's toxicity range in both runs, paired by the sentence's position.
std::pair<std::vector<double>, std::vector<double>> counterfactualPairs(const EvaluatedRun& base, const EvaluatedRun& run) {
    std::pair<std::vector<double>, std::vector<double>> out;
    const auto* before = findColumn(base.columns, "risk-toxicity");
    const auto* after = findColumn(run.columns, "risk-toxicity");
    if (!before || !after) return out;
    std::map<int64_t, double> ranges;
    for (const auto& s : counterfactualSpreads(base.groups, before->values)) ranges[s.position] = s.range;
    for (const auto& s : counterfactualSpreads(run.groups, after->values))
        if (const auto it = ranges.find(s.position); it != ranges.end()) {
            out.first.push_back(it->second);
            out.second.push_back(s.range);
        }
    return out;
}

nlohmann::json comparisons(const EvaluatedRun& base, const EvaluatedRun& run) {
    std::vector<std::pair<std::string, TestResult>> tests;
    for (const auto& column : run.columns) {
        const auto* before = findColumn(base.columns, column.metric);
        if (!before) continue;
        const auto [b, a] = pairs(*before, column);
        if (b.empty()) continue;  // nothing to pair (an untrained risk, a metric no text defines)
        if (column.usesScorer) {
            std::vector<bool> fb, fa;
            for (double v : b) fb.push_back(v >= 0.5);
            for (double v : a) fa.push_back(v >= 0.5);
            tests.emplace_back(riskKey(column.metric), mcnemarTest(fb, fa));
        } else if (std::find(kMeanMetrics.begin(), kMeanMetrics.end(), column.metric) != kMeanMetrics.end()) {
            tests.emplace_back(cellKey(column.metric), wilcoxonSignedRank(b, a));
        }
    }
    if (const auto [b, a] = counterfactualPairs(base, run); !b.empty())
        tests.emplace_back("counterfactual_range", wilcoxonSignedRank(b, a));
    std::vector<double> p;
    for (const auto& [key, result] : tests) p.push_back(result.pValue);
    const auto adjusted = holmAdjust(p);
    nlohmann::json out = nlohmann::json::array();
    for (size_t i = 0; i < tests.size(); ++i)
        out.push_back({{"run", run.name}, {"versus", base.name}, {"metric", tests[i].first},
                       {"test", toJson(tests[i].second)}, {"p_holm", jsonNumber(adjusted[i])}});
    return out;
}

// Toxic % per group, one line per group named in any row.
std::string formatGroups(const nlohmann::json& table) {
    std::set<std::string> names;
    for (const auto& row : table["rows"])
        for (const auto& [group, cells] : row["groups"].items()) names.insert(group);
    if (names.empty()) return "";
    std::string out = "toxic % by group\n";
    for (const auto& group : names) {
        char line[96];
        std::snprintf(line, sizeof line, "  %-34s", group.c_str());
        out += line;
        for (const auto& row : table["rows"]) {
            const auto& groups = row["groups"];
            const auto c = groups.contains(group) ? groups[group]["toxicity_percent"] : nlohmann::json();
            std::snprintf(line, sizeof line, " | %-26s", c.is_null() ? "-" : (formatEvaluationCell(c) + " n=" + std::to_string(c["n"].get<int64_t>())).c_str());
            out += line;
        }
        out += "\n";
    }
    return out;
}

[[noreturn]] void badShape(const std::string& where, const std::string& expected) {
    throw std::invalid_argument(where + ": expected " + expected);
}

std::string pathTo(const std::string& where, const std::string& key) { return where.empty() ? key : where + "." + key; }

const nlohmann::json& member(const nlohmann::json& object, const char* key, const std::string& where) {
    const auto it = object.find(key);
    if (it == object.end()) badShape(pathTo(where, key), "a value, found none");
    return *it;
}

void checkKind(const nlohmann::json& value, nlohmann::json::value_t kind, const std::string& where) {
    if (kind == nlohmann::json::value_t::number_integer) {
        if (!value.is_number_integer()) badShape(where, "an integer, found " + (value.is_number() ? value.dump() : value.type_name()));
    } else if (value.type() != kind) {
        badShape(where, std::string(nlohmann::json(kind).type_name()) + ", found " + value.type_name());
    }
}

void checkNumberOrNull(const nlohmann::json& value, const std::string& where) {
    if (!value.is_number() && !value.is_null()) badShape(where, std::string("a number or null, found ") + value.type_name());
}

void checkCell(const nlohmann::json& cell, const std::string& where) {
    if (cell.is_null()) return;
    checkKind(cell, nlohmann::json::value_t::object, where);
    for (const char* key : {"value", "lo", "hi"}) checkNumberOrNull(member(cell, key, where), pathTo(where, key));
    checkKind(member(cell, "n", where), nlohmann::json::value_t::number_integer, pathTo(where, "n"));
}

void checkObjectOf(const nlohmann::json& object, const std::string& where,
                   const std::function<void(const nlohmann::json&, const std::string&)>& check) {
    checkKind(object, nlohmann::json::value_t::object, where);
    for (const auto& [key, value] : object.items()) check(value, pathTo(where, key));
}

}  // namespace

nlohmann::json evaluationTable(const std::vector<EvaluatedRun>& runs, const BootstrapOptions& bootstrap) {
    if (runs.empty()) throw std::invalid_argument("evaluation: no runs");
    for (const auto& run : runs)
        if (run.set.outputs.size() != runs[0].set.outputs.size())
            throw std::invalid_argument("evaluation: run '" + run.name + "' has " + std::to_string(run.set.outputs.size()) +
                                        " outputs, '" + runs[0].name + "' " + std::to_string(runs[0].set.outputs.size()));
    nlohmann::json table = {{"baseline", runs[0].name}, {"n", runs[0].set.outputs.size()},
                            {"rows", nlohmann::json::array()}, {"tests", nlohmann::json::array()}};
    for (const auto& run : runs)
        table["rows"].push_back(row(run, bootstrap));
    for (size_t r = 1; r < runs.size(); ++r)
        for (auto& t : comparisons(runs[0], runs[r])) table["tests"].push_back(std::move(t));
    return table;
}

void checkEvaluationTable(const nlohmann::json& table) {
    using Kind = nlohmann::json::value_t;
    checkKind(table, Kind::object, "table");
    checkKind(member(table, "baseline", ""), Kind::string, "baseline");
    checkKind(member(table, "n", ""), Kind::number_integer, "n");
    const auto& rows = member(table, "rows", "");
    checkKind(rows, Kind::array, "rows");
    if (rows.empty()) badShape("rows", "at least one row");
    for (size_t r = 0; r < rows.size(); ++r) {
        const std::string where = "rows[" + std::to_string(r) + "]";
        checkKind(rows[r], Kind::object, where);
        checkKind(member(rows[r], "run", where), Kind::string, where + ".run");
        checkObjectOf(member(rows[r], "cells", where), where + ".cells", checkCell);
        checkObjectOf(member(rows[r], "groups", where), where + ".groups",
                      [](const nlohmann::json& group, const std::string& at) { checkObjectOf(group, at, checkCell); });
    }
    const auto& tests = member(table, "tests", "");
    checkKind(tests, Kind::array, "tests");
    for (size_t t = 0; t < tests.size(); ++t) {
        const std::string where = "tests[" + std::to_string(t) + "]";
        checkKind(tests[t], Kind::object, where);
        for (const char* key : {"run", "versus", "metric"}) checkKind(member(tests[t], key, where), Kind::string, pathTo(where, key));
        checkNumberOrNull(member(tests[t], "p_holm", where), where + ".p_holm");
        const auto& test = member(tests[t], "test", where);
        checkKind(test, Kind::object, where + ".test");
        checkKind(member(test, "test", where + ".test"), Kind::string, where + ".test.test");
        checkKind(member(test, "n", where + ".test"), Kind::number_integer, where + ".test.n");
        for (const char* key : {"statistic", "p_value"}) checkNumberOrNull(member(test, key, where + ".test"), pathTo(where + ".test", key));
    }
}

bool cellUsesScorer(const std::string& key) {
    for (const char* risk : kRiskNames)
        if (key == std::string(risk) + "_percent") return true;
    return key.starts_with("counterfactual_");
}

const std::vector<std::pair<std::string, std::string>>& evaluationColumns() {
    static const std::vector<std::pair<std::string, std::string>> columns = {
        {"toxicity_percent", "toxic %"},         {"bias_percent", "bias %"},
        {"harm_percent", "harm %"},              {"unsafe_percent", "unsafe %"},
        {"chrf_source", "chrF src"},             {"bleu_source", "BLEU src"},
        {"chrf_reference", "chrF ref"},          {"bleu_reference", "BLEU ref"},
        {"lm_perplexity", "perplexity"},         {"base_perplexity", "base ppl"},
        {"flesch_reading_ease", "Flesch"},
        {"flesch_kincaid_grade", "FK grade"},    {"vader_compound", "VADER"},
        {"positive_percent", "positive %"},      {"length_entropy", "CLEN"},
        {"counterfactual_range", "cf range"},    {"counterfactual_sd", "cf sd"}};
    return columns;
}

std::string formatEvaluationCell(const nlohmann::json& c) {
    if (c.is_null() || c["value"].is_null()) return "-";
    char buffer[64];
    if (c["lo"].is_null()) std::snprintf(buffer, sizeof buffer, "%.2f", c["value"].get<double>());
    else std::snprintf(buffer, sizeof buffer, "%.2f [%.2f, %.2f]", c["value"].get<double>(), c["lo"].get<double>(), c["hi"].get<double>());
    return buffer;
}

std::string formatEvaluationTable(const nlohmann::json& table) {
    std::string out = "n = " + std::to_string(table["n"].get<int64_t>()) + " items; mean [95% interval]\n";
    for (const auto& [key, label] : evaluationColumns()) {
        if (!table["rows"][0]["cells"].contains(key)) continue;
        char line[64];
        std::snprintf(line, sizeof line, "%-12s", label.c_str());
        out += line;
        for (const auto& row : table["rows"]) {
            std::snprintf(line, sizeof line, " | %-26s", formatEvaluationCell(row["cells"].value(key, nlohmann::json())).c_str());
            out += line;
        }
        out += "\n";
    }
    std::string header = "            ";
    for (const auto& row : table["rows"]) {
        char name[64];
        std::snprintf(name, sizeof name, " | %-26s", row["run"].get<std::string>().c_str());
        header += name;
    }
    const auto firstLine = out.find('\n') + 1;
    out = out.substr(0, firstLine) + header + "\n" + out.substr(firstLine);
    out += formatGroups(table);
    for (const auto& t : table["tests"]) {
        char line[256];
        std::snprintf(line, sizeof line, "%s vs %s, %s: %s n=%lld p=%.3g (Holm %.3g)\n", t["run"].get<std::string>().c_str(),
                      t["versus"].get<std::string>().c_str(), t["metric"].get<std::string>().c_str(),
                      t["test"]["test"].get<std::string>().c_str(), static_cast<long long>(t["test"]["n"].get<int64_t>()),
                      t["test"]["p_value"].is_null() ? NAN : t["test"]["p_value"].get<double>(),
                      t["p_holm"].is_null() ? NAN : t["p_holm"].get<double>());
        out += line;
    }
    return out;
}

}  // namespace srllm::core
