#include "core/eval/risk-scorer.h"

#include <unistd.h>

#include <cmath>
#include <cstring>
#include <limits>

#include "core/common/diagnostics.h"
#include "core/common/durable-file.h"
#include "core/common/sha256.h"
#include "core/common/input-file.h"

namespace srllm::core {

namespace {

constexpr char kMagic[8] = {'S', 'R', 'L', 'L', 'M', 'R', 'S', 'K'};
constexpr const char* kConfigFile = "scorer.json";
constexpr const char* kWeightsFile = "weights.bin";

void appendU32(std::string& out, uint32_t v) {
    for (int i = 0; i < 4; ++i) out += static_cast<char>((v >> (8 * i)) & 0xFF);
}

uint32_t readU32(const std::string& bytes, size_t offset) {
    uint32_t v = 0;
    for (int i = 0; i < 4; ++i) v |= static_cast<uint32_t>(static_cast<unsigned char>(bytes[offset + static_cast<size_t>(i)])) << (8 * i);
    return v;
}

std::string hashOf(const nlohmann::json& config, const std::string& weights) {
    Sha256 digest;
    digest.update(config.dump());
    digest.update(weights);
    const auto d = digest.finish();
    return toHex(d.data(), d.size());
}

}  // namespace

RiskScorer::RiskScorer(FeatureOptions features, LinearRiskModel model, std::array<PlattParameters, kRiskCount> calibration,
                       nlohmann::json card)
    : m_features(features), m_model(std::move(model)), m_calibration(calibration), m_card(std::move(card)) {
    m_contentHash = hashOf(configJson(), weightsBytes());
}

nlohmann::json RiskScorer::configJson() const {
    nlohmann::json risks = nlohmann::json::array(), calibration = nlohmann::json::object();
    for (size_t r = 0; r < kRiskCount; ++r) {
        risks.push_back({{"name", kRiskNames[r]}, {"trained_on", m_model.trainedOn[r]}});
        calibration[kRiskNames[r]] = {{"a", m_calibration[r].a}, {"b", m_calibration[r].b}};
    }
    return {{"format", kScorerFormatName}, {"format_version", kScorerFormatVersion}, {"method", kScorerMethod.method},
            {"risks", risks},               {"features", toJson(m_features)},          {"calibration", calibration},
            {"card", m_card}};
}

std::string RiskScorer::weightsBytes() const {
    std::string out(kMagic, sizeof kMagic);
    appendU32(out, kScorerFormatVersion);
    appendU32(out, static_cast<uint32_t>(m_model.hashBits));
    appendU32(out, kRiskCount);
    static_assert(sizeof(float) == 4 && std::numeric_limits<float>::is_iec559);
    out.append(reinterpret_cast<const char*>(m_model.weights.data()), m_model.weights.size() * sizeof(float));
    out.append(reinterpret_cast<const char*>(m_model.bias.data()), m_model.bias.size() * sizeof(float));
    return out;
}

nlohmann::json RiskScorer::provenance() const {
    return {{"id", kScorerMethod.id}, {"method", kScorerMethod.method}, {"version", kScorerMethod.version},
            {"format_version", kScorerFormatVersion}, {"content_hash", m_contentHash}};
}

void RiskScorer::save(const std::filesystem::path& folder) const {
    if (std::filesystem::exists(folder))
        throw InputError(folder.string(), 0, "", "already exists: a saved scorer is never overwritten (hint: pick a new folder)");
    const auto parent = folder.parent_path().empty() ? std::filesystem::path(".") : folder.parent_path();
    const auto temporary = parent / (folder.filename().string() + ".partial-" + std::to_string(::getpid()));
    std::filesystem::remove_all(temporary);
    std::filesystem::create_directories(temporary);
    nlohmann::json config = configJson();
    config["content_hash"] = m_contentHash;
    writeFileDurable(temporary / kWeightsFile, weightsBytes());
    writeFileDurable(temporary / kConfigFile, config.dump(1) + "\n");
    std::filesystem::rename(temporary, folder);
    syncDirectory(parent);
}

RiskScorer RiskScorer::load(const std::filesystem::path& folder) {
    const std::string configPath = (folder / kConfigFile).string();
    if (!std::filesystem::is_regular_file(folder / kConfigFile))
        throw InputError(configPath, 0, "", "no such file (hint: is this a folder written by `srllm scorer train`?)");
    const nlohmann::json config = readJsonFile(folder / kConfigFile);
    // #12: every read below names its key; nlohmann's own exceptions (a key missing, a string where a number
    // belongs) would escape unnamed, and its integer conversions truncate 2.5 and overflow on 1e300.
    std::string field;
    try {
        field = "format";
        if (!config.is_object() || config.value(field, "") != kScorerFormatName)
            throw InputError(configPath, 0, field, "not a risk scorer folder (expected \"" + std::string(kScorerFormatName) + "\")");
        field = "format_version";
        const int version = jsonInteger<int>(config.value(field, nlohmann::json(0)), configPath, field);
        if (version != kScorerFormatVersion)
            throw InputError(configPath, 0, field,
                             "scorer format " + std::to_string(version) + ", this build reads format " +
                                 std::to_string(kScorerFormatVersion) + " (hint: retrain it with `srllm scorer train`)");
        const std::string bytes = readTextFile(folder / kWeightsFile);
        const std::string weightsPath = (folder / kWeightsFile).string();
        field = "features";
        const FeatureOptions features = featureOptionsFromJson(config.value(field, nlohmann::json::object()), configPath);
        const size_t floats = (size_t{1} << features.hashBits) * kRiskCount + kRiskCount;
        if (bytes.size() != 20 + floats * 4 || std::memcmp(bytes.data(), kMagic, sizeof kMagic) != 0 ||
            readU32(bytes, 8) != kScorerFormatVersion || readU32(bytes, 12) != static_cast<uint32_t>(features.hashBits) ||
            readU32(bytes, 16) != kRiskCount)
            throw InputError(weightsPath, 0, "", "does not match scorer.json (truncated, or from another scorer)");
        LinearRiskModel model;
        model.hashBits = features.hashBits;
        model.weights.resize(floats - kRiskCount);
        std::memcpy(model.weights.data(), bytes.data() + 20, model.weights.size() * 4);
        std::memcpy(model.bias.data(), bytes.data() + 20 + model.weights.size() * 4, kRiskCount * 4);
        std::array<PlattParameters, kRiskCount> calibration;
        field = "risks";
        const auto& risks = config.at(field);
        for (size_t r = 0; r < kRiskCount; ++r) {
            field = "risks";
            if (!risks.is_array() || r >= risks.size() || !risks[r].is_object() || risks[r].value("name", "") != kRiskNames[r])
                throw InputError(configPath, 0, field, std::string("expected risk '") + kRiskNames[r] + "' at position " + std::to_string(r));
            field = "risks.trained_on";
            model.trainedOn[r] = jsonInteger<int64_t>(risks[r].value("trained_on", nlohmann::json(0)), configPath, field);
            field = std::string("calibration.") + kRiskNames[r];
            const auto& c = config.at("calibration").at(kRiskNames[r]);
            calibration[r] = {c.at("a").get<double>(), c.at("b").get<double>()};
        }
        field = "card";
        RiskScorer scorer(features, std::move(model), calibration, config.value(field, nlohmann::json::object()));
        field = "content_hash";
        if (scorer.m_contentHash != config.value(field, ""))
            throw InputError(configPath, 0, field, "does not match the folder's contents (hint: edited or damaged)");
        return scorer;
    } catch (const nlohmann::json::exception& e) {
        throw InputError(configPath, 0, field, std::string("missing or of the wrong type (") + e.what() + ")");
    }
}

RiskScores RiskScorer::score(std::string_view text) const {
    thread_local SparseFeatures features;
    hashedFeatures(text, m_features, features);
    const auto z = m_model.logits(features);
    RiskScores out;
    for (size_t r = 0; r < kRiskCount; ++r)
        out.probability[r] = trained(r) ? m_calibration[r].apply(z[r]) : std::numeric_limits<double>::quiet_NaN();
    return out;
}

std::vector<RiskScores> RiskScorer::score(const std::vector<std::string>& texts) const {
    std::vector<RiskScores> out;
    out.reserve(texts.size());
    for (const auto& t : texts) out.push_back(score(t));
    return out;
}

ProportionEstimate flaggedRate(const std::vector<double>& probabilities, double threshold) {
    int64_t flagged = 0;
    for (double p : probabilities) flagged += p >= threshold;
    return wilsonInterval(flagged, static_cast<int64_t>(probabilities.size()));
}

}  // namespace srllm::core
