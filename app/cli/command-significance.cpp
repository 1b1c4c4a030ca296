// `srllm significance BEFORE [AFTER] [--mu M] [--json]`: tests on per-text metric values (one number per
// line). One file: one-sample t-test against --mu (the paper's style test) and a bootstrap interval of the
// mean. Two aligned files: paired t, Wilcoxon signed-rank and a paired bootstrap interval of the mean
// difference, plus McNemar when both hold only 0/1 flags. `--holm P...` adjusts p-values across metrics.
#include <cmath>
#include <cstdio>
#include <fstream>
#include <memory>

#include <CLI/CLI.hpp>

#include "app/cli/command-registry.h"
#include "core/common/diagnostics.h"
#include "core/stats/holm-correction.h"
#include "core/stats/mcnemar-test.h"
#include "core/stats/paired-bootstrap.h"
#include "core/stats/t-test.h"
#include "core/stats/wilcoxon-signed-rank.h"

namespace srllm::cli {

namespace {

struct SignificanceOptions {
    std::vector<std::string> files;
    std::vector<double> holm;
    double mu = 0;
    int resamples = 10000;
    uint64_t seed = 1;
    bool json = false;
};

std::vector<double> readNumbers(const std::string& path) {
    std::ifstream in(path);
    if (!in) throw core::InputError(path, 0, "", "cannot read");
    std::vector<double> values;
    std::string line;
    for (int64_t number = 1; std::getline(in, line); ++number) {
        if (line.find_first_not_of(" \t\r") == std::string::npos) continue;
        size_t used = 0;
        double v = 0;
        try {
            v = std::stod(line, &used);
        } catch (const std::exception&) {
            used = 0;
        }
        if (used == 0 || line.find_first_not_of(" \t\r", used) != std::string::npos || !std::isfinite(v))
            throw core::InputError(path, number, "value", "expected one finite number per line, got '" + line + "'");
        values.push_back(v);
    }
    return values;
}

bool allFlags(const std::vector<double>& values) {
    for (double v : values)
        if (v != 0 && v != 1) return false;
    return true;
}

void print(const core::TestResult& r, bool json) {
    if (json) {
        std::printf("%s\n", core::toJson(r).dump().c_str());
        return;
    }
    std::printf("%-34s n = %-6lld estimate %-10.4g", (r.test + " (" + r.method + ")").c_str(), static_cast<long long>(r.n), r.estimate);
    if (std::isfinite(r.lo)) std::printf(" %.0f%% CI [%.4g, %.4g]", 100 * r.level, r.lo, r.hi);
    if (std::isfinite(r.statistic)) std::printf("  statistic %.4g", r.statistic);
    if (std::isfinite(r.df)) std::printf(" (df %.0f)", r.df);
    if (std::isfinite(r.pValue)) std::printf("  p = %.4g", r.pValue);
    if (!r.effectSizeName.empty()) std::printf("  %s %.4g", r.effectSizeName.c_str(), r.effectSize);
    std::printf("\n");
}

void runSignificance(const SignificanceOptions& o) {
    if (!o.holm.empty()) {
        const auto adjusted = core::holmAdjust(o.holm);
        for (size_t i = 0; i < adjusted.size(); ++i) {
            if (o.json) std::printf("%s\n", nlohmann::json{{"p_value", o.holm[i]}, {"holm_adjusted", adjusted[i]}, {"m", o.holm.size()}}.dump().c_str());
            else std::printf("p = %-10.4g Holm-adjusted %.4g (m = %zu)\n", o.holm[i], adjusted[i], o.holm.size());
        }
        if (o.files.empty()) return;
    }
    if (o.files.empty() || o.files.size() > 2)
        throw core::InputError("", 0, "FILES", "give one file (one-sample tests) or two aligned files (paired tests)");
    core::BootstrapOptions bootstrap;
    bootstrap.resamples = o.resamples;
    bootstrap.seed = o.seed;
    const auto before = readNumbers(o.files[0]);
    if (o.files.size() == 1) {
        print(core::oneSampleTTest(before, o.mu), o.json);
        print(core::bootstrapMean(before, bootstrap), o.json);
        return;
    }
    const auto after = readNumbers(o.files[1]);
    if (after.size() != before.size())
        throw core::InputError(o.files[1], 0, "", std::to_string(after.size()) + " values, but " + o.files[0] + " has " +
                                                      std::to_string(before.size()) + " (hint: pairs must line up)");
    print(core::pairedTTest(before, after), o.json);
    print(core::wilcoxonSignedRank(before, after), o.json);
    print(core::pairedBootstrapMeanDifference(before, after, bootstrap), o.json);
    if (allFlags(before) && allFlags(after)) {
        std::vector<bool> a, b;
        for (size_t i = 0; i < before.size(); ++i) {
            a.push_back(before[i] == 1);
            b.push_back(after[i] == 1);
        }
        print(core::mcnemarTest(a, b), o.json);
    }
}

const RegisterCommand kRegister{"significance", [](CLI::App& root) {
    auto* command = root.add_subcommand("significance", "t-tests, Wilcoxon, McNemar, bootstrap intervals and Holm correction");
    auto options = std::make_shared<SignificanceOptions>();
    command->add_option("FILES", options->files, "BEFORE [AFTER]: one number per line, aligned");
    command->add_option("--mu", options->mu, "Mean under H0 for the one-sample test");
    command->add_option("--holm", options->holm, "p-values of several metrics to adjust with Holm's method");
    command->add_option("--resamples", options->resamples, "Bootstrap resamples")->check(CLI::Range(100, 1000000));
    command->add_option("--seed", options->seed, "Bootstrap seed (same seed, same interval)");
    command->add_flag("--json", options->json, "One JSON object per test");
    command->callback([options] { runSignificance(*options); });
}};

}  // namespace

}  // namespace srllm::cli
