#include "core/tokenizer/sentencepiece-to-bpe.h"

#include <algorithm>
#include <unordered_map>

#include <sentencepiece_processor.h>

#include "core/tokenizer/byte-level.h"

namespace srllm::core {
namespace {

// The few ModelProto settings the processor API does not expose, read from the protobuf wire format
// (sentencepiece_model.proto: ModelProto.trainer_spec = 2, .normalizer_spec = 3).
struct ProtoSettings {
    int modelType = 1;  // TrainerSpec.model_type (3): 1 UNIGRAM, 2 BPE, 3 WORD, 4 CHAR
    bool byteFallback = false;       // TrainerSpec.byte_fallback (35)
    std::string normalizerName;      // NormalizerSpec.name (1)
    bool addDummyPrefix = true;      // NormalizerSpec.add_dummy_prefix (3)
    bool removeExtraWhitespaces = true;  // NormalizerSpec.remove_extra_whitespaces (4)
};

class WireReader {
public:
    explicit WireReader(std::string_view data) : m_data(data) {}
    bool done() const { return m_pos >= m_data.size(); }
    uint64_t varint() {
        uint64_t v = 0;
        for (int shift = 0; m_pos < m_data.size() && shift < 64; shift += 7) {
            const auto b = static_cast<unsigned char>(m_data[m_pos++]);
            v |= static_cast<uint64_t>(b & 0x7F) << shift;
            if (!(b & 0x80)) return v;
        }
        m_ok = false;
        return v;
    }
    // Reads one field; returns false at the end or on malformed input. Length-delimited payloads go to bytes.
    bool next(uint32_t& field, uint64_t& value, std::string_view& bytes) {
        if (done() || !m_ok) return false;
        const uint64_t key = varint();
        field = static_cast<uint32_t>(key >> 3);
        switch (key & 7) {
        case 0: value = varint(); break;
        case 1: m_pos += 8; break;
        case 5: m_pos += 4; break;
        case 2: {
            const uint64_t len = varint();
            if (len > m_data.size() - std::min(m_pos, m_data.size())) return m_ok = false;
            bytes = m_data.substr(m_pos, len);
            m_pos += len;
            break;
        }
        default: return m_ok = false;
        }
        return m_ok && m_pos <= m_data.size();
    }

private:
    std::string_view m_data;
    size_t m_pos = 0;
    bool m_ok = true;
};

ProtoSettings readSettings(std::string_view proto) {
    ProtoSettings s;
    WireReader top(proto);
    uint32_t field = 0;
    uint64_t value = 0;
    std::string_view bytes;
    while (top.next(field, value, bytes)) {
        if (field != 2 && field != 3) continue;
        WireReader sub(bytes);
        uint32_t f = 0;
        uint64_t v = 0;
        std::string_view b;
        while (sub.next(f, v, b)) {
            if (field == 2 && f == 3) s.modelType = static_cast<int>(v);
            if (field == 2 && f == 35) s.byteFallback = v != 0;
            if (field == 3 && f == 1) s.normalizerName = std::string(b);
            if (field == 3 && f == 3) s.addDummyPrefix = v != 0;
            if (field == 3 && f == 4) s.removeExtraWhitespaces = v != 0;
        }
    }
    return s;
}

// Every (left, right) split of a normal piece into two pieces, ordered by the merged piece's score
// (highest first), ties by id, then by (left id, right id): HF SentencePieceExtractor's order.
std::vector<std::pair<int32_t, int32_t>> mergesByScore(const sentencepiece::SentencePieceProcessor& sp,
                                                       const std::unordered_map<std::string, int32_t>& ids) {
    struct Merge {
        float score;
        int32_t merged, left, right;
    };
    std::vector<Merge> merges;
    for (int id = 0; id < sp.GetPieceSize(); ++id) {
        if (sp.IsControl(id) || sp.IsUnknown(id) || sp.IsUnused(id) || sp.IsByte(id)) continue;
        const std::string& piece = sp.IdToPiece(id);
        for (size_t cut = utf8CharLength(static_cast<unsigned char>(piece[0])); cut < piece.size();
             cut += utf8CharLength(static_cast<unsigned char>(piece[cut]))) {
            const auto l = ids.find(piece.substr(0, cut));
            const auto r = ids.find(piece.substr(cut));
            if (l != ids.end() && r != ids.end()) merges.push_back({sp.GetScore(id), id, l->second, r->second});
        }
    }
    std::stable_sort(merges.begin(), merges.end(), [](const Merge& a, const Merge& b) {
        if (a.score != b.score) return a.score > b.score;
        if (a.merged != b.merged) return a.merged < b.merged;
        return std::pair(a.left, a.right) < std::pair(b.left, b.right);
    });
    std::vector<std::pair<int32_t, int32_t>> out;
    out.reserve(merges.size());
    for (const auto& m : merges) out.emplace_back(m.left, m.right);
    return out;
}

}  // namespace

SentencePieceConversion convertSentencePieceToBpe(const std::filesystem::path& modelFile) {
    sentencepiece::SentencePieceProcessor sp;
    const auto status = sp.Load(modelFile.string());
    if (!status.ok()) throw InputError(modelFile.string(), 0, "", "not a SentencePiece model: " + status.ToString());
    const ProtoSettings settings = readSettings(sp.serialized_model_proto());
    if (settings.modelType != 2) {
        throw InputError(modelFile.string(), 0, "trainer_spec.model_type",
                         "is " + std::to_string(settings.modelType) +
                             ", not BPE (2) (hint: unigram models are used through tokenizer.model directly)");
    }
    SentencePieceConversion result;
    BpeTokenizerSpec& spec = result.spec;
    std::unordered_map<std::string, int32_t> ids;
    bool hasBytes = false;
    for (int id = 0; id < sp.GetPieceSize(); ++id) {
        spec.model.tokens.push_back(sp.IdToPiece(id));
        ids.emplace(sp.IdToPiece(id), id);
        hasBytes = hasBytes || sp.IsByte(id);
        const bool control = sp.IsControl(id) || sp.IsUnknown(id);
        if (control) spec.addedTokens.push_back({id, sp.IdToPiece(id), true});
    }
    spec.model.merges = mergesByScore(sp, ids);
    spec.model.byteFallback = settings.byteFallback || hasBytes;
    spec.model.fuseUnk = true;
    if (sp.unk_id() >= 0) spec.model.unk = sp.unk_id();

    if (settings.addDummyPrefix) spec.normalizer.push_back({NormalizerStep::Kind::Prepend, kMetaspace, ""});
    spec.normalizer.push_back({NormalizerStep::Kind::Replace, " ", kMetaspace});
    spec.decoder.push_back({DecoderStep::Kind::Replace, kMetaspace, " "});
    spec.decoder.push_back({DecoderStep::Kind::ByteFallback, "", ""});
    spec.decoder.push_back({DecoderStep::Kind::Fuse, "", ""});
    if (settings.addDummyPrefix) spec.decoder.push_back({DecoderStep::Kind::Strip, " ", "", 1, 0});

    auto id = [](int v) { return v >= 0 ? std::optional<int64_t>(v) : std::nullopt; };
    spec.specials = {id(sp.bos_id()), id(sp.eos_id()), id(sp.pad_id()), id(sp.unk_id()), {}, {}};
    if (spec.specials.bos) spec.specials.prefix = {*spec.specials.bos};

    if (settings.normalizerName != "identity" && !settings.normalizerName.empty()) {
        result.warnings.push_back({modelFile.string(), 0, "normalizer_spec.name",
                                   "'" + settings.normalizerName + "' normalization is not reproduced (text is used as is)"});
    }
    if (settings.removeExtraWhitespaces) {
        result.warnings.push_back({modelFile.string(), 0, "normalizer_spec.remove_extra_whitespaces",
                                   "runs of spaces are kept, SentencePiece collapses them"});
    }
    return result;
}

}  // namespace srllm::core
