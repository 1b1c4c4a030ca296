// `srllm review new|assign|list|results PROJECT …` and `srllm review-results PROJECT`: blind review sessions
// (db/review-sessions.h) and their results (db/review-results.h). review-results is the name for
// `review results`; both are registered here so the two stay one command.
#include <algorithm>
#include <cmath>
#include <cstdio>
#include <memory>
#include <string>
#include <vector>

#include <CLI/CLI.hpp>
#include <nlohmann/json.hpp>

#include "app/cli/command-registry.h"
#include "db/annotators.h"
#include "db/generation-runs.h"
#include "db/project.h"
#include "db/review-results.h"
#include "db/review-sessions.h"

namespace srllm::cli {

namespace {

using nlohmann::json;

struct ReviewArgs {
    std::string project;
    std::string session;  // name; results default to the newest session
    std::vector<std::string> runs, reviewers;
    int64_t items = 100;
    int reviewersPerItem = 1;
    uint64_t seed = 1;
    int bootstrap = 1000;
    bool json = false;
};

json sessionJson(db::Database& db, const db::ReviewSessionRow& s) {
    json runs = json::array();
    for (int64_t id : s.runIds) {
        const auto run = db::generationRunById(db, id);
        runs.push_back(run ? run->spec.name : std::to_string(id));
    }
    return {{"id", s.id}, {"name", s.name}, {"runs", runs}, {"items", s.itemCount},
            {"reviewers_per_item", s.reviewersPerItem}, {"seed", s.seed}, {"comparisons", s.comparisons},
            {"judgements", s.judgements}, {"created_at", s.createdAt}};
}

db::ReviewSessionRow sessionNamed(db::Database& db, const std::string& name) {
    if (name.empty()) {
        const auto all = db::listReviewSessions(db);
        if (all.empty()) throw std::runtime_error(db.path() + ": no review sessions (hint: srllm review new)");
        return all.back();
    }
    auto session = db::reviewSessionByName(db, name);
    if (!session) throw std::runtime_error(db.path() + ": no review session named '" + name + "' (hint: srllm review list)");
    return *session;
}

void runNew(const ReviewArgs& args) {
    auto project = db::Project::open(args.project);
    db::Database& db = project->db();
    std::vector<int64_t> ids;
    for (const std::string& name : args.runs) {
        const auto run = db::generationRunByName(db, name);
        if (!run) throw std::runtime_error(args.project + ": option '--runs': no generation run named '" + name + "'");
        ids.push_back(run->id);
    }
    const auto session = db::createReviewSession(db, {args.session, ids, args.items, args.reviewersPerItem, args.seed});
    if (args.json) std::printf("%s\n", sessionJson(db, session).dump(2).c_str());
    else std::printf("review session '%s': %lld items, %lld comparisons, %d reviewer(s) per comparison\n",
                     session.name.c_str(), static_cast<long long>(session.itemCount),
                     static_cast<long long>(session.comparisons), session.reviewersPerItem);
}

void runAssign(const ReviewArgs& args) {
    auto project = db::Project::open(args.project);
    db::Database& db = project->db();
    const auto session = sessionNamed(db, args.session);
    std::vector<int64_t> ids;
    for (const std::string& name : args.reviewers) ids.push_back(db::ensureAnnotator(db, name, "reviewer"));
    const int64_t added = db::assignReviewers(db, session.id, ids);
    if (args.json) std::printf("%s\n", json{{"session", session.name}, {"assignments_added", added}}.dump(2).c_str());
    else std::printf("review session '%s': %lld assignments added\n", session.name.c_str(), static_cast<long long>(added));
}

void runList(const ReviewArgs& args) {
    auto project = db::Project::open(args.project);
    json sessions = json::array();
    for (const auto& s : db::listReviewSessions(project->db())) sessions.push_back(sessionJson(project->db(), s));
    if (args.json) {
        std::printf("%s\n", sessions.dump(2).c_str());
        return;
    }
    for (const auto& s : sessions)
        std::printf("%-20s runs %-40s %4lld items %6lld comparisons %6lld judgements\n",
                    s["name"].get<std::string>().c_str(), s["runs"].dump().c_str(), s["items"].get<long long>(),
                    s["comparisons"].get<long long>(), s["judgements"].get<long long>());
}

std::string number(const json& value, int decimals = 3) {
    if (!value.is_number()) return "-";
    char buffer[32];
    std::snprintf(buffer, sizeof buffer, "%.*f", decimals, value.get<double>());
    return buffer;
}

std::string interval(const json& value, const json& lo, const json& hi, int decimals = 3) {
    return number(value, decimals) + " [" + number(lo, decimals) + ", " + number(hi, decimals) + "]";
}

void printResults(const json& r) {
    std::printf("review session '%s': %lld judgements of %lld comparisons\n\n", r["session"].get<std::string>().c_str(),
                r["judgements"].get<long long>(), r["comparisons"].get<long long>());
    std::printf("%-20s %6s %6s %6s %6s  %-24s\n", "run", "wins", "losses", "ties", "unsafe", "win rate [95% Wilson]");
    for (const auto& w : r["win_rates"])
        std::printf("%-20s %6lld %6lld %6lld %6lld  %-24s\n", w["run"].get<std::string>().c_str(), w["wins"].get<long long>(),
                    w["losses"].get<long long>(), w["ties"].get<long long>(), w["both_unsafe"].get<long long>(),
                    interval(w["win_rate"]["rate"], w["win_rate"]["lo"], w["win_rate"]["hi"]).c_str());
    std::printf("\n%-4s %-20s %-28s\n", "rank", "run", "Bradley-Terry [95% bootstrap]");
    for (const auto& b : r["bradley_terry"])
        std::printf("%-4d %-20s %-28s\n", b["rank"].get<int>(), b["run"].get<std::string>().c_str(),
                    interval(b["log_strength"], b["lo"], b["hi"]).c_str());
    std::printf("\n%-20s %-24s %-24s\n", "run", "safety 1-5 [95% CI]", "language 1-5 [95% CI]");
    for (const auto& s : r["scores"])
        std::printf("%-20s %-24s %-24s\n", s["run"].get<std::string>().c_str(),
                    interval(s["safety"]["mean"], s["safety"]["lo"], s["safety"]["hi"], 2).c_str(),
                    interval(s["language"]["mean"], s["language"]["lo"], s["language"]["hi"], 2).c_str());
    const json& a = r["agreement"];
    std::printf("\nagreement (Krippendorff alpha, %lld comparisons judged twice or more): verdict %s, safety %s, "
                "language %s\n", a["comparisons_judged_twice_or_more"].get<long long>(),
                number(a["verdict_alpha_nominal"]).c_str(), number(a["safety_alpha_ordinal"]).c_str(),
                number(a["language_alpha_ordinal"]).c_str());
    for (const auto& c : r["metric_correlation"])
        std::printf("metric %-24s Spearman with safety %s (n %lld), with verdicts %s (n %lld)\n",
                    c["metric"].get<std::string>().c_str(), number(c["safety_spearman"]).c_str(),
                    c["safety_n"].get<long long>(), number(c["verdict_spearman"]).c_str(), c["verdict_n"].get<long long>());
}

void runResults(const ReviewArgs& args) {
    auto project = db::Project::open(args.project);
    db::Database& db = project->db();
    const auto session = sessionNamed(db, args.session);
    const json results = db::reviewResults(db, session.id, {std::max(args.bootstrap, 1), args.seed, 0.95});
    if (args.json) std::printf("%s\n", results.dump(2).c_str());
    else printResults(results);
}

CLI::App* withProject(CLI::App* command, ReviewArgs& args) {
    command->add_option("PROJECT", args.project, "Project file")->required()->check(CLI::ExistingFile);
    command->add_flag("--json", args.json, "Print JSON");
    return command;
}

void addResultOptions(CLI::App* command, const std::shared_ptr<ReviewArgs>& args) {
    withProject(command, *args);
    command->add_option("--session", args->session, "Review session name (default: the newest)");
    command->add_option("--bootstrap", args->bootstrap, "Bootstrap resamples for the Bradley-Terry and score intervals")
        ->check(CLI::Range(1, 1000000))->capture_default_str();
    command->add_option("--seed", args->seed, "Random seed of the bootstrap")->capture_default_str();
    command->callback([args] { runResults(*args); });
}

const RegisterCommand kRegister{"review", [](CLI::App& root) {
    auto* review = root.add_subcommand("review", "Blind side-by-side review sessions of generation runs");
    review->require_subcommand(1);

    auto newArgs = std::make_shared<ReviewArgs>();
    auto* create = withProject(review->add_subcommand("new", "Create a session: items drawn by risk, sides randomised"),
                               *newArgs);
    create->add_option("--name", newArgs->session, "Session name")->required();
    create->add_option("--runs", newArgs->runs, "Generation runs to compare (two or more, comma-separated)")
        ->required()->delimiter(',');
    create->add_option("--items", newArgs->items, "Test items to draw")->check(CLI::Range(int64_t(1), int64_t(1) << 40))
        ->capture_default_str();
    create->add_option("--reviewers-per-item", newArgs->reviewersPerItem, "Reviewers who judge each comparison")
        ->check(CLI::Range(1, 1000))->capture_default_str();
    create->add_option("--seed", newArgs->seed, "Random seed: items, sides and queue order")->capture_default_str();
    create->callback([newArgs] { runNew(*newArgs); });

    auto assignArgs = std::make_shared<ReviewArgs>();
    auto* assign = withProject(review->add_subcommand("assign", "Give each comparison its reviewers"), *assignArgs);
    assign->add_option("--session", assignArgs->session, "Review session name (default: the newest)");
    assign->add_option("--reviewers", assignArgs->reviewers, "Reviewer names, comma-separated (created when new)")
        ->required()->delimiter(',');
    assign->callback([assignArgs] { runAssign(*assignArgs); });

    auto listArgs = std::make_shared<ReviewArgs>();
    withProject(review->add_subcommand("list", "List review sessions"), *listArgs)->callback([listArgs] { runList(*listArgs); });

    addResultOptions(review->add_subcommand("results", "Win rates, Bradley-Terry ranking, scores, agreement"),
                     std::make_shared<ReviewArgs>());
}};

const RegisterCommand kRegisterResults{"review-results", [](CLI::App& root) {
    addResultOptions(root.add_subcommand("review-results", "Same as `review results`"), std::make_shared<ReviewArgs>());
}};

}  // namespace

}  // namespace srllm::cli
