#pragma once
// Inter-annotator agreement of a project, per taxonomy field, for rewrites and for spans, plus
// per-annotator figures: what `srllm agreement` prints and the GUI's agreement view shows.
// Only annotations with status "done" count; an item is used for a field when at least two annotators
// gave it a valid value. Threading: call from the thread that owns the Database (it only reads).
#include <cstdint>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "core/common/progress.h"
#include "core/stats/bootstrap-interval.h"
#include "core/stats/cohen-kappa.h"
#include "core/stats/krippendorff-alpha.h"
#include "db/suggestions.h"

namespace srllm::db {

class Database;

struct AgreementOptions {
    int resamples = 1000;  // bootstrap B; 0 skips the intervals (they come out NaN)
    uint64_t seed = 1;     // the same seed gives the same intervals
    // Called with statistics computed so far / in all (each estimate is 1 + resamples of them); returning
    // false cancels: agreementReport then throws core::InputError "agreement cancelled".
    core::ProgressCallback progress{};
};

struct Estimate {
    double value = 0;           // quiet NaN when undefined
    core::ConfidenceInterval ci;
};

struct FieldAgreement {
    std::string key;
    bool multi = false;
    bool ordered = false;
    int64_t items = 0;       // items with >= 2 valid ratings
    int64_t annotators = 0;  // annotators with a rating on those items
    int64_t invalidLabels = 0;  // done annotations whose value for this field is not in the taxonomy
    Estimate fleissKappa;
    core::AlphaMetric alphaMetric = core::AlphaMetric::Nominal;  // ordinal for "ordered": true fields
    Estimate alpha;
    Estimate alphaNominal;
    // Multi-select fields: every figure is the mean over per-value yes/no tables (core/stats).
    std::vector<std::string> coderNames;  // rows/columns of cohen
    core::PairwiseKappa cohen;
};

struct RewriteAgreement {
    int64_t items = 0;  // items with >= 2 non-empty rewrites
    Estimate meanPairwiseChrf;  // mean over items of the mean pairwise chrF (0..100)
};

struct SpanAgreementSummary {
    int64_t items = 0;
    Estimate alpha;  // code-point level, see core/stats/span-agreement.h
    double meanPairwiseF1 = 0;
    int64_t pairs = 0;
};

struct AnnotatorAgreement {
    int64_t id = 0;
    std::string name;
    std::string role;
    int64_t items = 0;         // done annotations
    double meanSeconds = 0;    // NaN without any
    int64_t goldItems = 0;     // done annotations of items that have gold
    double goldAgreement = 0;  // share of field labels equal to the gold label (NaN without gold)
    int64_t expertGoldItems = 0;
    double expertGoldAgreement = 0;  // the same against expert gold only (unbiased by own majority votes)
};

struct AgreementReport {
    int taxonomyVersion = 0;
    AgreementOptions options;
    std::vector<FieldAgreement> fields;
    RewriteAgreement rewrites;
    SpanAgreementSummary spans;
    std::vector<AnnotatorAgreement> annotators;
    std::vector<SuggestionAcceptance> suggestions;  // how often shown suggestions were accepted, per source
};

// Reads the project and computes every figure against the current taxonomy. The figures show no single
// person's labels, so blind readers get them too, with only their own row in `annotators`.
AgreementReport agreementReport(Database& db, const AgreementOptions& options);

// JSON with snake_case keys (fleiss_kappa, krippendorff_alpha, ci95 ...); NaN becomes null.
nlohmann::json toJson(const AgreementReport& report);

}  // namespace srllm::db
