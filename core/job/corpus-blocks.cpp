#include "core/job/corpus-blocks.h"

#include <sstream>

#include "core/common/diagnostics.h"
#include "core/common/durable-file.h"
#include "core/common/sha256.h"
#include "core/data/utf8-file-input.h"

namespace srllm::core {

std::vector<std::string> readCorpusDocuments(const std::filesystem::path& file) {
    if (std::filesystem::is_directory(file))
        throw InputError(file.string(), 0, "", "is a folder, not a text file (hint: one document per line)");
    Utf8FileInput input(file.string());
    std::vector<std::string> documents;
    std::string line;
    while (input.readLine(line)) {
        if (line.find('\0') != std::string::npos)
            throw InputError(file.string(), input.line() - 1, "", "holds a NUL byte: is this a binary file? (hint: a "
                                                                   "UTF-8 text file, one document per line)");
        if (line.find_first_not_of(" \t") == std::string::npos) continue;
        documents.push_back(std::move(line));
    }
    if (documents.empty())
        throw InputError(file.string(), 0, "", "holds no text (hint: a UTF-8 text file, one document per line)");
    return documents;
}

std::vector<TokenizedExample> packCorpus(const Tokenizer& tokenizer, const std::vector<std::string>& documents,
                                         int64_t blockSize, const std::string& file) {
    std::vector<int64_t> stream;
    for (const auto& document : documents) {
        const auto ids = tokenizer.encode(document, true);
        stream.insert(stream.end(), ids.begin(), ids.end());
        if (const auto eos = tokenizer.eosId()) stream.push_back(*eos);
    }
    const auto blocks = static_cast<int64_t>(stream.size()) / blockSize;
    if (blocks == 0 && !documents.empty())
        throw InputError(file, 0, "", "holds " + std::to_string(stream.size()) + " tokens, fewer than one block of "
                                      "max_length " + std::to_string(blockSize) + " (hint: more text or a lower max_length)");
    std::vector<TokenizedExample> out(static_cast<size_t>(blocks));
    for (int64_t b = 0; b < blocks; ++b) {
        out[b].ids.assign(stream.begin() + b * blockSize, stream.begin() + (b + 1) * blockSize);
        out[b].labels = out[b].ids;
    }
    return out;
}

void splitCorpus(const std::vector<std::string>& documents, int64_t every, std::vector<std::string>& train,
                 std::vector<std::string>& val) {
    for (size_t i = 0; i < documents.size(); ++i)
        (every > 0 && i % static_cast<size_t>(every) == 0 ? val : train).push_back(documents[i]);
}

std::string writeCorpusDocuments(const std::filesystem::path& file, const std::vector<std::string>& documents) {
    std::ostringstream text;
    for (const auto& document : documents) text << document << '\n';
    writeFileDurable(file, text.str());
    return fileSha256(file);
}

}  // namespace srllm::core
