#include "core/eval/scorer-training.h"

#include <cmath>

#include "core/common/diagnostics.h"
#include "core/text/utf8-code-points.h"

namespace srllm::core {

namespace {

enum class Split { Train, Calibration, Test };

Split splitOf(const LabelledText& t, const ScorerTrainingOptions& options) {
    const std::u32string norm = normalizeForScoring(t.text);
    uint64_t h = 0xCBF29CE484222325ULL;
    for (char32_t c : norm) h = (h ^ c) * 0x100000001B3ULL;
    const auto bucket = static_cast<int>((h ^ (h >> 29)) % 100);
    if (bucket < options.testPercent) return Split::Test;
    if (bucket < options.testPercent + options.calibrationPercent) return Split::Calibration;
    return Split::Train;
}

RiskMetrics metricsOf(const std::vector<std::array<double, kRiskCount>>& probabilities, const std::vector<RiskLabels>& labels) {
    RiskMetrics out;
    for (size_t r = 0; r < kRiskCount; ++r) {
        std::vector<double> p;
        std::vector<int8_t> y;
        for (size_t i = 0; i < labels.size(); ++i)
            if (labels[i][r] != kLabelUnknown && !std::isnan(probabilities[i][r])) {
                p.push_back(probabilities[i][r]);
                y.push_back(labels[i][r]);
            }
        if (!y.empty()) out[r] = classifierMetrics(p, y);
    }
    return out;
}

}  // namespace

nlohmann::json toJson(const RiskMetrics& metrics) {
    nlohmann::json out = nlohmann::json::object();
    for (size_t r = 0; r < kRiskCount; ++r)
        if (metrics[r]) out[kRiskNames[r]] = toJson(*metrics[r]);
    return out;
}

nlohmann::json ScorerTrainingReport::toJson() const {
    return {{"texts_per_source", textsPerSource},
            {"split", {{"train", trainTexts}, {"calibration", calibrationTexts}, {"test", testTexts}}},
            {"held_out_uncalibrated", core::toJson(uncalibrated)},
            {"held_out", core::toJson(test)}};
}

RiskScorer trainRiskScorer(const std::vector<LabelledText>& texts, const ScorerTrainingOptions& options,
                           ScorerTrainingReport& report, const ProgressCallback& progress) {
    std::vector<SparseFeatures> trainFeatures;
    std::vector<RiskLabels> trainLabels;
    std::vector<const LabelledText*> calibration, test;
    report = {};
    for (const auto& t : texts) {
        ++report.textsPerSource[t.source];
        switch (splitOf(t, options)) {
        case Split::Train:
            trainFeatures.emplace_back();
            hashedFeatures(t.text, options.features, trainFeatures.back());
            trainLabels.push_back(t.labels);
            break;
        case Split::Calibration: calibration.push_back(&t); break;
        case Split::Test: test.push_back(&t); break;
        }
    }
    report.trainTexts = static_cast<int64_t>(trainFeatures.size());
    report.calibrationTexts = static_cast<int64_t>(calibration.size());
    report.testTexts = static_cast<int64_t>(test.size());
    const std::vector<float> weights(trainFeatures.size(), 1.0f);
    LinearRiskModel model = trainLinearRiskModel(trainFeatures, trainLabels, weights, options.features.hashBits,
                                                 options.sgd, progress);
    if (model.trainedOn[0] == 0)
        throw InputError("", 0, "toxicity", "no training text carries a toxicity label (hint: add --data with a labelled set)");
    trainFeatures.clear();
    trainFeatures.shrink_to_fit();

    auto logitsOf = [&](const std::vector<const LabelledText*>& subset) {
        std::vector<std::array<double, kRiskCount>> out;
        SparseFeatures f;
        for (const auto* t : subset) {
            hashedFeatures(t->text, options.features, f);
            out.push_back(model.logits(f));
        }
        return out;
    };
    std::array<PlattParameters, kRiskCount> platt;
    const auto calibrationLogits = logitsOf(calibration);
    for (size_t r = 0; r < kRiskCount; ++r) {
        std::vector<double> z;
        std::vector<int8_t> y;
        for (size_t i = 0; i < calibration.size(); ++i)
            if (calibration[i]->labels[r] != kLabelUnknown) {
                z.push_back(calibrationLogits[i][r]);
                y.push_back(calibration[i]->labels[r]);
            }
        platt[r] = fitPlatt(z, y);
    }
    const auto testLogits = logitsOf(test);
    std::vector<std::array<double, kRiskCount>> raw(test.size()), calibrated(test.size());
    std::vector<RiskLabels> testLabels;
    for (size_t i = 0; i < test.size(); ++i) {
        for (size_t r = 0; r < kRiskCount; ++r) {
            const bool trained = model.trainedOn[r] > 0;
            raw[i][r] = trained ? logistic(testLogits[i][r]) : std::nan("");
            calibrated[i][r] = trained ? platt[r].apply(testLogits[i][r]) : std::nan("");
        }
        testLabels.push_back(test[i]->labels);
    }
    report.uncalibrated = metricsOf(raw, testLabels);
    report.test = metricsOf(calibrated, testLabels);
    nlohmann::json card = report.toJson();
    card["options"] = {{"epochs", options.sgd.epochs}, {"learning_rate", options.sgd.learningRate}, {"l2", options.sgd.l2},
                       {"seed", options.sgd.seed}, {"calibration_percent", options.calibrationPercent},
                       {"test_percent", options.testPercent}};
    return RiskScorer(options.features, std::move(model), platt, card);
}

RiskMetrics evaluateRiskScorer(const RiskScorer& scorer, const std::vector<LabelledText>& texts) {
    std::vector<std::array<double, kRiskCount>> probabilities;
    std::vector<RiskLabels> labels;
    for (const auto& t : texts) {
        probabilities.push_back(scorer.score(t.text).probability);
        labels.push_back(t.labels);
    }
    return metricsOf(probabilities, labels);
}

}  // namespace srllm::core
