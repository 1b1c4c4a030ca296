#include "core/eval/risk-scorer.h"

#include <unistd.h>

#include <cmath>
#include <cstring>
#include <limits>

#include "core/common/diagnostics.h"
#include "core/common/durable-file.h"
#include "core/common/sha256.h"
#include "core/tokenizer/tokenizer-files.h"

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
    if (config.value("format", "") != kScorerFormatName)
        throw InputError(configPath, 0, "format", "not a risk scorer folder (expected \"" + std::string(kScorerFormatName) + "\")");
    const int version = config.value("format_version", 0);
    if (version != kScorerFormatVersion)
        throw InputError(configPath, 0, "format_version",
                         "scorer format " + std::to_string(version) + ", this build reads format " +
                             std::to_string(kScorerFormatVersion) + " (hint: retrain it with `srllm scorer train`)");
    const std::string bytes = readTextFile(folder / kWeightsFile);
    const std::string weightsPath = (folder / kWeightsFile).string();
    const FeatureOptions features = featureOptionsFromJson(config.value("features", nlohmann::json::object()), configPath);
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
    const auto& risks = config.at("risks");
    for (size_t r = 0; r < kRiskCount; ++r) {
        if (r >= risks.size() || risks[r].value("name", "") != kRiskNames[r])
            throw InputError(configPath, 0, "risks", std::string("expected risk '") + kRiskNames[r] + "' at position " + std::to_string(r));
        model.trainedOn[r] = risks[r].value("trained_on", int64_t{0});
        const auto& c = config.at("calibration").at(kRiskNames[r]);
        calibration[r] = {c.at("a").get<double>(), c.at("b").get<double>()};
    }
    RiskScorer scorer(features, std::move(model), calibration, config.value("card", nlohmann::json::object()));
    if (scorer.m_contentHash != config.value("content_hash", ""))
        throw InputError(configPath, 0, "content_hash", "does not match the folder's contents (hint: edited or damaged)");
    return scorer;
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
