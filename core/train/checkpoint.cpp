#include "core/train/checkpoint.h"

#include <algorithm>
#include <cstring>
#include <fstream>
#include <sstream>
#include <vector>

#include <ATen/CPUGeneratorImpl.h>

#include "core/common/durable-file.h"

namespace srllm::core {

namespace {

constexpr const char* kFolderPrefix = "step-";
constexpr size_t kHeaderBytes = sizeof(kCheckpointMagic) + sizeof(kCheckpointVersion);

std::string folderName(int64_t step) {
    std::string digits = std::to_string(step);
    return kFolderPrefix + std::string(digits.size() < 8 ? 8 - digits.size() : 0, '0') + digits;
}

std::optional<int64_t> stepOf(const std::filesystem::path& folder) {
    const auto name = folder.filename().string();
    if (name.rfind(kFolderPrefix, 0) != 0 || name.size() == std::strlen(kFolderPrefix)) return std::nullopt;
    const auto digits = name.substr(std::strlen(kFolderPrefix));
    if (digits.find_first_not_of("0123456789") != std::string::npos) return std::nullopt;
    return std::stoll(digits);
}

bool complete(const std::filesystem::path& folder) {
    return std::filesystem::exists(folder / kCheckpointDoneFile) && std::filesystem::exists(folder / kCheckpointStateFile);
}

// Complete checkpoint folders by step, oldest first.
std::vector<std::pair<int64_t, std::filesystem::path>> completeCheckpoints(const std::filesystem::path& root,
                                                                          Diagnostics* warnings) {
    std::vector<std::pair<int64_t, std::filesystem::path>> out;
    if (!std::filesystem::is_directory(root)) return out;
    for (const auto& entry : std::filesystem::directory_iterator(root)) {
        const auto step = stepOf(entry.path());
        if (!entry.is_directory() || !step) continue;
        if (complete(entry.path())) {
            out.emplace_back(*step, entry.path());
        } else if (warnings) {
            warnings->push_back({entry.path().string(), 0, "", "incomplete checkpoint (no DONE marker) ignored"});
        }
    }
    std::sort(out.begin(), out.end());
    return out;
}

std::string readHeaderChecked(const std::filesystem::path& file, bool wholeFile) {
    std::ifstream in(file, std::ios::binary);
    if (!in) throw InputError(file.string(), 0, "", "cannot open checkpoint");
    std::string bytes;
    if (wholeFile) {
        std::ostringstream buffer;
        buffer << in.rdbuf();
        bytes = buffer.str();
    } else {
        bytes.resize(kHeaderBytes);
        in.read(bytes.data(), kHeaderBytes);
        bytes.resize(static_cast<size_t>(in.gcount()));
    }
    if (bytes.size() < kHeaderBytes || std::memcmp(bytes.data(), kCheckpointMagic, sizeof(kCheckpointMagic)) != 0) {
        throw InputError(file.string(), 0, "", "not an srllm checkpoint (bad magic; hint: truncated or foreign file?)");
    }
    uint32_t version = 0;
    std::memcpy(&version, bytes.data() + sizeof(kCheckpointMagic), sizeof(version));
    if (version != kCheckpointVersion) {
        throw InputError(file.string(), 0, "", "checkpoint format version " + std::to_string(version) + ", this build reads " +
                                                   std::to_string(kCheckpointVersion) + " (hint: resume with the srllm that wrote it)");
    }
    return bytes;
}

}  // namespace

std::filesystem::path writeCheckpoint(const std::filesystem::path& root, const TrainingState& state,
                                      const std::map<std::string, torch::Tensor>& weights,
                                      torch::optim::Optimizer& optimizer, int64_t keep) {
    const auto folder = root / folderName(state.step);
    if (complete(folder)) return folder;  // this exact step is already saved; never rewrite it in place
    std::filesystem::remove_all(folder);  // leftovers of a crash while writing this step
    std::filesystem::create_directories(folder);

    torch::serialize::OutputArchive archive;
    c10::List<std::string> names;
    std::vector<torch::Tensor> tensors;
    for (const auto& [name, tensor] : weights) {
        names.push_back(name);
        tensors.push_back(tensor.detach());
    }
    archive.write("weight_names", c10::IValue(names));
    archive.write("weights", c10::IValue(tensors));
    archive.write("step", c10::IValue(state.step));
    archive.write("epoch", c10::IValue(state.epoch));
    archive.write("next_example", c10::IValue(state.nextExample));
    archive.write("best_loss_eval", c10::IValue(state.bestLossEval));
    archive.write("evals_without_improvement", c10::IValue(state.evalsWithoutImprovement));
    archive.write("config", c10::IValue(state.configJson));
    {
        auto generator = at::detail::getDefaultCPUGenerator();
        std::lock_guard<std::mutex> lock(generator.mutex());
        archive.write("rng", generator.get_state());
    }
    torch::serialize::OutputArchive optimizerArchive;
    optimizer.save(optimizerArchive);
    archive.write("optimizer", optimizerArchive);

    writeFileDurable(folder / kCheckpointStateFile, [&](const auto& sink) {
        sink(kCheckpointMagic, sizeof(kCheckpointMagic));
        sink(&kCheckpointVersion, sizeof(kCheckpointVersion));
        archive.save_to([&](const void* data, size_t size) {
            sink(data, size);
            return size;
        });
    });
    writeFileDurable(folder / kCheckpointDoneFile, "step " + std::to_string(state.step) + "\n");

    // Prune only now that the new one is complete, so a complete checkpoint always exists.
    auto all = completeCheckpoints(root, nullptr);
    for (size_t i = 0; i + static_cast<size_t>(keep) < all.size(); ++i) {
        if (all[i].second != folder) std::filesystem::remove_all(all[i].second);
    }
    return folder;
}

std::optional<std::filesystem::path> latestCheckpoint(const std::filesystem::path& root, Diagnostics& warnings) {
    auto all = completeCheckpoints(root, &warnings);
    for (auto it = all.rbegin(); it != all.rend(); ++it) {
        try {
            readHeaderChecked(it->second / kCheckpointStateFile, false);
            return it->second;
        } catch (const InputError& e) {
            warnings.push_back(e.diagnostic());
        }
    }
    return std::nullopt;
}

TrainingState readCheckpoint(const std::filesystem::path& folder, std::map<std::string, torch::Tensor>& weights,
                             torch::optim::Optimizer& optimizer) {
    const auto file = folder / kCheckpointStateFile;
    const auto bytes = readHeaderChecked(file, true);
    torch::serialize::InputArchive archive;
    archive.load_from(bytes.data() + kHeaderBytes, bytes.size() - kHeaderBytes);
    auto read = [&](const char* key) {
        c10::IValue value;
        if (!archive.try_read(key, value)) throw InputError(file.string(), 0, key, "missing from the checkpoint");
        return value;
    };
    const auto names = read("weight_names").toList();
    const auto tensors = read("weights").toTensorVector();
    std::map<std::string, torch::Tensor> stored;
    for (size_t i = 0; i < names.size() && i < tensors.size(); ++i) stored[names.get(i).toStringRef()] = tensors[i];
    torch::NoGradGuard noGrad;
    for (auto& [name, target] : weights) {
        const auto it = stored.find(name);
        if (it == stored.end() || it->second.sizes() != target.sizes()) {
            throw InputError(file.string(), 0, name,
                             "tensor '" + name + "' is missing or has another shape (hint: the checkpoint belongs to a "
                                                 "different model or LoRA rank)");
        }
        target.copy_(it->second);
    }
    TrainingState state;
    state.step = read("step").toInt();
    state.epoch = read("epoch").toInt();
    state.nextExample = read("next_example").toInt();
    state.bestLossEval = read("best_loss_eval").toDouble();
    state.evalsWithoutImprovement = read("evals_without_improvement").toInt();
    state.configJson = read("config").toStringRef();
    torch::serialize::InputArchive optimizerArchive;
    archive.read("optimizer", optimizerArchive);
    optimizer.load(optimizerArchive);
    auto generator = at::detail::getDefaultCPUGenerator();
    std::lock_guard<std::mutex> lock(generator.mutex());
    generator.set_state(read("rng").toTensor());
    return state;
}

}  // namespace srllm::core
