#include "reference/sentencepiece-tokenizer.h"

#include <sentencepiece_processor.h>

#include "core/common/diagnostics.h"

namespace srllm::core {
namespace {

std::optional<int64_t> validId(int id) { return id >= 0 ? std::optional<int64_t>(id) : std::nullopt; }

}  // namespace

SentencePieceTokenizer::SentencePieceTokenizer(const std::filesystem::path& modelFile)
    : m_processor(std::make_unique<sentencepiece::SentencePieceProcessor>()) {
    if (!std::filesystem::is_regular_file(modelFile))
        throw InputError(modelFile.string(), 0, "", "file not found (hint: a SentencePiece tokenizer.model)");
    const auto status = m_processor->Load(modelFile.string());
    if (!status.ok())
        throw InputError(modelFile.string(), 0, "", "not a SentencePiece model: " + status.ToString());
    m_specials.bos = validId(m_processor->bos_id());
    m_specials.eos = validId(m_processor->eos_id());
    m_specials.pad = validId(m_processor->pad_id());
    m_specials.unk = validId(m_processor->unk_id());
    if (m_specials.bos) m_specials.prefix = {*m_specials.bos};
}

SentencePieceTokenizer::~SentencePieceTokenizer() = default;

std::vector<int64_t> SentencePieceTokenizer::encode(std::string_view text, bool addSpecial) const {
    std::vector<int> pieces;
    const auto status = m_processor->Encode(text, &pieces);
    if (!status.ok()) throw std::runtime_error("sentencepiece encode failed: " + status.ToString());
    std::vector<int64_t> ids;
    ids.reserve(pieces.size() + 2);
    if (addSpecial) ids = m_specials.prefix;
    ids.insert(ids.end(), pieces.begin(), pieces.end());
    if (addSpecial) ids.insert(ids.end(), m_specials.suffix.begin(), m_specials.suffix.end());
    return ids;
}

// SentencePiece itself drops control ids (<s>, </s>); with skipSpecial=false they are written as their
// piece text between the decoded runs.
std::string SentencePieceTokenizer::decode(const std::vector<int64_t>& ids, bool skipSpecial) const {
    std::string text;
    std::vector<int> run;
    auto flush = [&] {
        if (!run.empty()) text += m_processor->DecodeIds(run);
        run.clear();
    };
    const int64_t size = vocabSize();
    for (int64_t id : ids) {
        if (id < 0 || id >= size) continue;  // a model's padded embedding rows decode to nothing
        const int i = static_cast<int>(id);
        if (m_processor->IsControl(i) || id == m_specials.pad) {
            if (skipSpecial) continue;
            flush();
            text += m_processor->IdToPiece(i);
        } else {
            run.push_back(i);
        }
    }
    flush();
    return text;
}

int64_t SentencePieceTokenizer::vocabSize() const { return m_processor->GetPieceSize(); }

std::optional<int64_t> SentencePieceTokenizer::tokenToId(std::string_view token) const {
    const int id = m_processor->PieceToId(token);
    if (id < 0 || m_processor->IdToPiece(id) != token) return std::nullopt;  // PieceToId answers unk for misses
    return id;
}

std::string SentencePieceTokenizer::idToToken(int64_t id) const {
    if (id < 0 || id >= vocabSize()) return {};
    return m_processor->IdToPiece(static_cast<int>(id));
}

}  // namespace srllm::core
