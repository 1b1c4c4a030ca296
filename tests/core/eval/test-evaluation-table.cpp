// checkEvaluationTable: what evaluationTable() writes passes, and each way a stored table can lose the shape
// its readers (the GUI's Evaluate mode, the report, `srllm eval`) rely on is named by its place (#12).
#include <functional>

#include <gmock/gmock.h>
#include <gtest/gtest.h>
#include <nlohmann/json.hpp>

#include "core/eval/evaluation-table.h"

using namespace srllm;

namespace {

core::EvaluatedRun run(const std::string& name, std::vector<double> toxicity) {
    core::EvaluatedRun out;
    out.name = name;
    for (size_t i = 0; i < toxicity.size(); ++i) {
        out.set.outputs.push_back("output " + std::to_string(i));
        out.set.sources.push_back("source " + std::to_string(i));
        out.set.references.push_back({"reference " + std::to_string(i)});
        out.groups.push_back(i % 2 ? "gender/a_man" : "gender/a_woman");
    }
    out.columns.push_back({"risk-toxicity", 1, true, std::move(toxicity)});
    return out;
}

std::string problem(const nlohmann::json& table) {
    try {
        core::checkEvaluationTable(table);
    } catch (const std::invalid_argument& e) {
        return e.what();
    }
    return "";
}

}  // namespace

TEST(EvaluationTable, WhatItWritesHasTheShapeItsReadersRelyOn) {
    const auto table = core::evaluationTable({run("original", {0.9, 0.1, NAN, 0.7}), run("tuned", {0.2, 0.1, 0.3, NAN})});
    ASSERT_EQ(table["tests"].size(), 1u) << "the toxicity flags, tested by McNemar";
    ASSERT_TRUE(table["rows"][0]["groups"].contains("gender"));
    EXPECT_EQ(problem(table), "");
    struct Case {
        std::function<void(nlohmann::json&)> damage;
        const char* problem;
    };
    const Case cases[] = {
        {[](auto& t) { t = nlohmann::json::array(); }, "table: expected object, found array"},
        {[](auto& t) { t.erase("n"); }, "n: expected a value, found none"},
        {[](auto& t) { t["n"] = 2.5; }, "n: expected an integer, found 2.5"},
        {[](auto& t) { t["rows"] = 5; }, "rows: expected array, found number"},
        {[](auto& t) { t["rows"] = nlohmann::json::array(); }, "rows: expected at least one row"},
        {[](auto& t) { t["rows"][1]["run"] = nullptr; }, "rows[1].run: expected string, found null"},
        {[](auto& t) { t["rows"][0]["cells"]["toxicity_percent"]["value"] = "12"; },
         "rows[0].cells.toxicity_percent.value: expected a number or null, found string"},
        {[](auto& t) { t["rows"][0]["cells"]["toxicity_percent"].erase("lo"); }, "rows[0].cells.toxicity_percent.lo: expected a value, found none"},
        {[](auto& t) { t["rows"][0]["groups"]["gender"]["toxicity_percent"]["n"] = "4"; },
         "rows[0].groups.gender.toxicity_percent.n: expected an integer, found string"},
        {[](auto& t) { t["rows"][0]["groups"]["gender"] = 1; }, "rows[0].groups.gender: expected object, found number"},
        {[](auto& t) { t["tests"][0]["test"]["p_value"] = "0.5"; }, "tests[0].test.p_value: expected a number or null, found string"},
        {[](auto& t) { t["tests"][0].erase("versus"); }, "tests[0].versus: expected a value, found none"},
    };
    for (const auto& c : cases) {
        auto damaged = table;
        c.damage(damaged);
        EXPECT_EQ(problem(damaged), c.problem);
    }
    auto nullCell = table;
    nullCell["rows"][0]["cells"]["toxicity_percent"] = nullptr;  // formatEvaluationCell prints "-"
    EXPECT_EQ(problem(nullCell), "");
}
