#include "core/tokenizer/sentencepiece-to-bpe.h"

#include <algorithm>
#include <unordered_map>

#include <cstring>
#include <fstream>
#include <iterator>

#include "core/tokenizer/byte-level.h"

namespace srllm::core {
namespace {

// What the conversion needs from ModelProto (sentencepiece_model.proto), read from the protobuf wire
// format directly: Debian's libsentencepiece carries its own protobuf, which clashes with libtorch's at
// load time, so no process that runs a model may link it.
struct ProtoPiece {
    std::string piece;
    float score = 0;
    int type = 1;  // SentencePiece.Type: 1 NORMAL, 2 UNKNOWN, 3 CONTROL, 4 USER_DEFINED, 5 UNUSED, 6 BYTE
};
struct ProtoModel {
    std::vector<ProtoPiece> pieces;      // ModelProto.pieces (1)
    int modelType = 1;                   // TrainerSpec.model_type (3): 1 UNIGRAM, 2 BPE, 3 WORD, 4 CHAR
    bool byteFallback = false;           // TrainerSpec.byte_fallback (35)
    int unkId = 0, bosId = 1, eosId = 2, padId = -1;  // TrainerSpec 40..43, with the proto's defaults
    std::string normalizerName;          // NormalizerSpec.name (1)
    bool addDummyPrefix = true;          // NormalizerSpec.add_dummy_prefix (3)
    bool removeExtraWhitespaces = true;  // NormalizerSpec.remove_extra_whitespaces (4)
};
enum PieceType { kNormal = 1, kUnknown = 2, kControl = 3, kUserDefined = 4, kUnused = 5, kByte = 6 };

class WireReader {
public:
    explicit WireReader(std::string_view data) : m_data(data) {}
    bool ok() const { return m_ok; }
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
    // Reads one field; false at the end or on malformed input. Varints and fixed32 values go to value,
    // length-delimited payloads to bytes; every length is checked against what is left.
    bool next(uint32_t& field, uint64_t& value, std::string_view& bytes) {
        if (m_pos >= m_data.size() || !m_ok) return false;
        const uint64_t key = varint();
        field = static_cast<uint32_t>(key >> 3);
        const size_t left = m_data.size() - std::min(m_pos, m_data.size());
        switch (key & 7) {
        case 0: value = varint(); break;
        case 1:
            if (left < 8) return m_ok = false;
            m_pos += 8;
            break;
        case 5: {
            if (left < 4) return m_ok = false;
            uint32_t bits = 0;
            for (int i = 3; i >= 0; --i) bits = (bits << 8) | static_cast<unsigned char>(m_data[m_pos + i]);
            value = bits;
            m_pos += 4;
            break;
        }
        case 2: {
            const uint64_t len = varint();
            if (len > m_data.size() - std::min(m_pos, m_data.size())) return m_ok = false;
            bytes = m_data.substr(m_pos, len);
            m_pos += len;
            break;
        }
        default: return m_ok = false;
        }
        return m_ok;
    }

private:
    std::string_view m_data;
    size_t m_pos = 0;
    bool m_ok = true;
};

ProtoModel readModelProto(const std::filesystem::path& file) {
    std::ifstream in(file, std::ios::binary);
    if (!in) throw InputError(file.string(), 0, "", "cannot be read");
    const std::string data((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
    ProtoModel m;
    WireReader top(data);
    uint32_t field = 0;
    uint64_t value = 0;
    std::string_view bytes;
    while (top.next(field, value, bytes)) {
        if (field < 1 || field > 3) continue;
        WireReader sub(bytes);
        uint32_t f = 0;
        uint64_t v = 0;
        std::string_view b;
        ProtoPiece piece;
        while (sub.next(f, v, b)) {
            if (field == 1 && f == 1) piece.piece = std::string(b);
            if (field == 1 && f == 2) {
                const auto bits = static_cast<uint32_t>(v);
                std::memcpy(&piece.score, &bits, sizeof bits);
            }
            if (field == 1 && f == 3) piece.type = static_cast<int>(v);
            if (field == 2 && f == 3) m.modelType = static_cast<int>(v);
            if (field == 2 && f == 35) m.byteFallback = v != 0;
            if (field == 2 && f == 40) m.unkId = static_cast<int>(static_cast<int32_t>(v));
            if (field == 2 && f == 41) m.bosId = static_cast<int>(static_cast<int32_t>(v));
            if (field == 2 && f == 42) m.eosId = static_cast<int>(static_cast<int32_t>(v));
            if (field == 2 && f == 43) m.padId = static_cast<int>(static_cast<int32_t>(v));
            if (field == 3 && f == 1) m.normalizerName = std::string(b);
            if (field == 3 && f == 3) m.addDummyPrefix = v != 0;
            if (field == 3 && f == 4) m.removeExtraWhitespaces = v != 0;
        }
        if (!sub.ok()) top = WireReader({});
        if (field == 1) m.pieces.push_back(std::move(piece));
    }
    if (!top.ok() || m.pieces.empty())
        throw InputError(file.string(), 0, "", "not a SentencePiece model (the protobuf could not be read)");
    return m;
}

// Every (left, right) split of a normal piece into two pieces, ordered by the merged piece's score
// (highest first), ties by id, then by (left id, right id): HF SentencePieceExtractor's order.
std::vector<std::pair<int32_t, int32_t>> mergesByScore(const ProtoModel& model,
                                                       const std::unordered_map<std::string, int32_t>& ids) {
    struct Merge {
        float score;
        int32_t merged, left, right;
    };
    std::vector<Merge> merges;
    for (int32_t id = 0; id < static_cast<int32_t>(model.pieces.size()); ++id) {
        const ProtoPiece& p = model.pieces[static_cast<size_t>(id)];
        if (p.type != kNormal && p.type != kUserDefined) continue;
        const std::string& piece = p.piece;
        if (piece.empty()) continue;
        for (size_t cut = utf8CharLength(static_cast<unsigned char>(piece[0])); cut < piece.size();
             cut += utf8CharLength(static_cast<unsigned char>(piece[cut]))) {
            const auto l = ids.find(piece.substr(0, cut));
            const auto r = ids.find(piece.substr(cut));
            if (l != ids.end() && r != ids.end()) merges.push_back({p.score, id, l->second, r->second});
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
    const ProtoModel settings = readModelProto(modelFile);
    if (settings.modelType != 2) {
        throw InputError(modelFile.string(), 0, "trainer_spec.model_type",
                         "is " + std::to_string(settings.modelType) +
                             ", not BPE (2) (hint: unigram SentencePiece models are not supported yet; "
                             "use a tokenizer.json of the model)");
    }
    SentencePieceConversion result;
    BpeTokenizerSpec& spec = result.spec;
    std::unordered_map<std::string, int32_t> ids;
    bool hasBytes = false;
    for (int32_t id = 0; id < static_cast<int32_t>(settings.pieces.size()); ++id) {
        const ProtoPiece& p = settings.pieces[static_cast<size_t>(id)];
        spec.model.tokens.push_back(p.piece);
        ids.emplace(p.piece, id);
        hasBytes = hasBytes || p.type == kByte;
        if (p.type == kControl || p.type == kUnknown) spec.addedTokens.push_back({id, p.piece, true});
    }
    spec.model.merges = mergesByScore(settings, ids);
    spec.model.byteFallback = settings.byteFallback || hasBytes;
    spec.model.fuseUnk = true;
    if (settings.unkId >= 0) spec.model.unk = settings.unkId;

    if (settings.addDummyPrefix) spec.normalizer.push_back({NormalizerStep::Kind::Prepend, kMetaspace, ""});
    spec.normalizer.push_back({NormalizerStep::Kind::Replace, " ", kMetaspace});
    spec.decoder.push_back({DecoderStep::Kind::Replace, kMetaspace, " "});
    spec.decoder.push_back({DecoderStep::Kind::ByteFallback, "", ""});
    spec.decoder.push_back({DecoderStep::Kind::Fuse, "", ""});
    if (settings.addDummyPrefix) spec.decoder.push_back({DecoderStep::Kind::Strip, " ", "", 1, 0});

    auto id = [](int v) { return v >= 0 ? std::optional<int64_t>(v) : std::nullopt; };
    spec.specials = {id(settings.bosId), id(settings.eosId), id(settings.padId), id(settings.unkId), {}, {}};
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
