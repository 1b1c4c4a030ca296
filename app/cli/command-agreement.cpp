// `srllm agreement PROJECT [--json] [--bootstrap N] [--seed S]`: inter-annotator agreement per taxonomy
// field, for rewrites and spans, and per annotator. The figures come from db/agreement-report.
#include <cmath>
#include <cstdio>
#include <string>

#include <CLI/CLI.hpp>

#include "app/cli/command-registry.h"
#include "db/agreement-report.h"
#include "db/project.h"

namespace srllm::cli {

namespace {

struct AgreementArgs {
    std::string project;
    bool json = false;
    int bootstrap = 1000;
    uint64_t seed = 1;
};

std::string fixed(double v, int decimals = 3) {
    if (std::isnan(v)) return "-";
    char buffer[32];
    std::snprintf(buffer, sizeof buffer, "%.*f", decimals, v);
    return buffer;
}

std::string withInterval(const db::Estimate& e, int decimals = 3) {
    if (std::isnan(e.ci.lo)) return fixed(e.value, decimals);
    return fixed(e.value, decimals) + " [" + fixed(e.ci.lo, decimals) + ", " + fixed(e.ci.hi, decimals) + "]";
}

void printCohen(const db::FieldAgreement& f) {
    std::printf("\n  Cohen's kappa, %s (pairs of annotators, items both rated):\n  %-12s", f.key.c_str(), "");
    for (const auto& name : f.coderNames) std::printf(" %12.12s", name.c_str());
    std::printf("\n");
    for (size_t a = 0; a < f.coderNames.size(); ++a) {
        std::printf("  %-12.12s", f.coderNames[a].c_str());
        for (size_t b = 0; b < f.coderNames.size(); ++b)
            std::printf(" %12s", a == b ? "" : (fixed(f.cohen.kappa[a][b]) + " (" +
                                                std::to_string(f.cohen.shared[a][b]) + ")").c_str());
        std::printf("\n");
    }
}

void printTable(const db::AgreementReport& r, const std::string& path) {
    std::printf("agreement in %s (taxonomy v%d; done annotations; 95%% CI: %d bootstrap resamples, seed %llu)\n\n",
                path.c_str(), r.taxonomyVersion, r.options.resamples, static_cast<unsigned long long>(r.options.seed));
    std::printf("%-16s %6s %6s  %-26s %-8s %-26s %s\n", "field", "items", "coders", "Fleiss kappa [95% CI]",
                "alpha", "Krippendorff alpha [95% CI]", "alpha nominal");
    for (const auto& f : r.fields)
        std::printf("%-16s %6lld %6lld  %-26s %-8s %-26s %s\n", f.key.c_str(), static_cast<long long>(f.items),
                    static_cast<long long>(f.annotators), withInterval(f.fleissKappa).c_str(),
                    core::alphaMetricName(f.alphaMetric), withInterval(f.alpha).c_str(),
                    fixed(f.alphaNominal.value).c_str());
    std::printf("\nrewrites: %lld items, mean pairwise chrF %s\n", static_cast<long long>(r.rewrites.items),
                withInterval(r.rewrites.meanPairwiseChrf, 1).c_str());
    std::printf("spans:    %lld items, code-point alpha %s, mean pairwise F1 %s (%lld pairs)\n",
                static_cast<long long>(r.spans.items), withInterval(r.spans.alpha).c_str(),
                fixed(r.spans.meanPairwiseF1).c_str(), static_cast<long long>(r.spans.pairs));
    for (const auto& f : r.fields)
        if (f.items > 0 && f.coderNames.size() > 1) printCohen(f);
    std::printf("\n%-16s %-10s %6s %8s %18s %18s\n", "annotator", "role", "items", "mean s", "gold agree (n)",
                "expert agree (n)");
    for (const auto& a : r.annotators)
        std::printf("%-16s %-10s %6lld %8s %18s %18s\n", a.name.c_str(), a.role.c_str(),
                    static_cast<long long>(a.items), fixed(a.meanSeconds, 1).c_str(),
                    (fixed(a.goldAgreement) + " (" + std::to_string(a.goldItems) + ")").c_str(),
                    (fixed(a.expertGoldAgreement) + " (" + std::to_string(a.expertGoldItems) + ")").c_str());
    if (r.suggestions.empty()) return;
    const auto accepted = [](int64_t yes, int64_t of) {
        return of == 0 ? std::string("-") : std::to_string(yes) + "/" + std::to_string(of) + " (" +
                                                fixed(100.0 * static_cast<double>(yes) / static_cast<double>(of), 0) + "%)";
    };
    std::printf("\n%-28s %6s %18s %18s %18s\n", "suggestions accepted", "shown", "labels", "rewrites", "spans");
    for (const auto& s : r.suggestions)
        std::printf("%-28s %6lld %18s %18s %18s\n", s.source.c_str(), static_cast<long long>(s.shown),
                    accepted(s.labelsAccepted, s.labelsSuggested).c_str(),
                    accepted(s.rewritesAccepted, s.rewritesSuggested).c_str(),
                    accepted(s.spansAccepted, s.spansSuggested).c_str());
}

void runAgreement(const AgreementArgs& args) {
    auto project = db::Project::open(args.project);
    const db::AgreementReport report = db::agreementReport(project->db(), {args.bootstrap, args.seed});
    if (args.json) std::printf("%s\n", db::toJson(report).dump(2).c_str());
    else printTable(report, args.project);
}

const RegisterCommand kRegister{"agreement", [](CLI::App& root) {
    auto* command = root.add_subcommand("agreement", "Inter-annotator agreement (Fleiss, Krippendorff, Cohen, chrF)");
    auto args = std::make_shared<AgreementArgs>();
    command->add_option("PROJECT", args->project, "Project file")->required()->check(CLI::ExistingFile);
    command->add_flag("--json", args->json, "Print JSON instead of a table");
    command->add_option("--bootstrap", args->bootstrap, "Bootstrap resamples for the 95% intervals (0 = none)")
        ->check(CLI::Range(0, 1000000))->capture_default_str();
    command->add_option("--seed", args->seed, "Random seed of the bootstrap")->capture_default_str();
    command->callback([args] { runAgreement(*args); });
}};

}  // namespace

}  // namespace srllm::cli
