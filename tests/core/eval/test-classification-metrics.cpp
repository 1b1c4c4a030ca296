// Tests core/eval/classification-metrics and platt-calibration against scipy and numpy
// (tests/data/eval/classifier-golden.json, written by make-classifier-golden.py beside it).
#include <cmath>
#include <fstream>

#include <gtest/gtest.h>
#include <nlohmann/json.hpp>

#include "core/eval/classification-metrics.h"
#include "core/eval/platt-calibration.h"
#include "support/test-data.h"

using namespace srllm::core;

namespace {

nlohmann::json golden() {
    std::ifstream in(srllm::test::sourceDir() / "tests/data/eval/classifier-golden.json");
    return nlohmann::json::parse(in);
}

}  // namespace

TEST(ClassificationMetrics, MatchScipyAndNumpy) {
    for (const auto& c : golden()) {
        const auto logits = c["logits"].get<std::vector<double>>();
        std::vector<int8_t> labels;
        for (int y : c["labels"].get<std::vector<int>>()) labels.push_back(static_cast<int8_t>(y));
        std::vector<double> p;
        for (double z : logits) p.push_back(1 / (1 + std::exp(-z)));
        EXPECT_NEAR(rocAuc(logits, labels), c["auc"].get<double>(), 1e-12);
        EXPECT_NEAR(rocAuc(p, labels), c["auc"].get<double>(), 1e-12);  // any monotone score gives the same AUC
        EXPECT_NEAR(f1AtThreshold(p, labels), c["f1"].get<double>(), 1e-12);
        EXPECT_NEAR(expectedCalibrationError(p, labels), c["ece"].get<double>(), 1e-12);
        EXPECT_NEAR(brierScore(p, labels), c["brier"].get<double>(), 1e-12);
        const auto platt = fitPlatt(logits, labels);
        EXPECT_NEAR(platt.a, c["platt_a"].get<double>(), 1e-5);
        EXPECT_NEAR(platt.b, c["platt_b"].get<double>(), 1e-5);
    }
}

TEST(ClassificationMetrics, OneClassHasNoAucAndPlattStaysIdentity) {
    EXPECT_TRUE(std::isnan(rocAuc({0.1, 0.9}, {1, 1})));
    const auto platt = fitPlatt({0.1, 0.9}, {0, 0});
    EXPECT_EQ(platt.a, 1.0);
    EXPECT_EQ(platt.b, 0.0);
    EXPECT_THROW(rocAuc({0.1}, {1, 0}), std::invalid_argument);
}
