#include "core/train/checkpoint.h"

#include <fcntl.h>
#include <unistd.h>

#include <cstring>
#include <fstream>
#include <vector>

#include "core/common/durable-file.h"
#include "core/job/job-folder.h"
#include "core/job/job-layout.h"
#include "core/train/train-device.h"

namespace srllm::core {

namespace {

constexpr size_t kHeaderBytes = sizeof(kCheckpointMagic) + sizeof(kCheckpointVersion);

void checkHeader(const std::filesystem::path& file, const char* bytes, size_t size) {
    if (size < kHeaderBytes || std::memcmp(bytes, kCheckpointMagic, sizeof(kCheckpointMagic)) != 0) {
        throw InputError(file.string(), 0, "", "not an srllm checkpoint (bad magic; hint: truncated or foreign file?)");
    }
    uint32_t version = 0;
    std::memcpy(&version, bytes + sizeof(kCheckpointMagic), sizeof(version));
    if (version != kCheckpointVersion) {
        throw InputError(file.string(), 0, "", "checkpoint format version " + std::to_string(version) + ", this build reads " +
                                                   std::to_string(kCheckpointVersion) + " (hint: resume with the srllm that wrote it)");
    }
}

void readHeaderChecked(const std::filesystem::path& file) {
    std::ifstream in(file, std::ios::binary);
    if (!in) throw InputError(file.string(), 0, "", "cannot open checkpoint");
    char bytes[kHeaderBytes] = {};
    in.read(bytes, kHeaderBytes);
    checkHeader(file, bytes, static_cast<size_t>(in.gcount()));
}

// The archive after the header, read in place with pread: torch asks for the records it needs.
class ArchiveFile {
public:
    explicit ArchiveFile(const std::filesystem::path& file) : m_fd(::open(file.c_str(), O_RDONLY | O_CLOEXEC)) {
        if (m_fd < 0) throw InputError(file.string(), 0, "", "cannot open checkpoint");
        const auto size = static_cast<size_t>(std::filesystem::file_size(file));
        char header[kHeaderBytes] = {};
        const ssize_t n = ::pread(m_fd, header, kHeaderBytes, 0);
        checkHeader(file, header, n < 0 ? 0 : static_cast<size_t>(n));
        m_size = size - kHeaderBytes;
    }
    ~ArchiveFile() { ::close(m_fd); }
    ArchiveFile(const ArchiveFile&) = delete;
    ArchiveFile& operator=(const ArchiveFile&) = delete;

    size_t read(uint64_t pos, void* buffer, size_t bytes) const {
        size_t done = 0;
        while (done < bytes) {
            const ssize_t n = ::pread(m_fd, static_cast<char*>(buffer) + done, bytes - done,
                                      static_cast<off_t>(kHeaderBytes + pos + done));
            if (n <= 0) break;
            done += static_cast<size_t>(n);
        }
        return done;
    }
    size_t size() const { return m_size; }

private:
    int m_fd;
    size_t m_size = 0;
};

// Loads the archive of `file`; one cut short or edited after its header (a damaged disk, a half-copied job
// folder) is an InputError naming the file, not libtorch's error with a C++ backtrace (#12).
void loadArchive(const std::filesystem::path& file, const ArchiveFile& source, torch::serialize::InputArchive& archive,
                 const torch::Device& device) {
    try {
        archive.load_from([&](uint64_t pos, void* buffer, size_t bytes) { return source.read(pos, buffer, bytes); },
                          [&] { return source.size(); }, device);
    } catch (const c10::Error& e) {
        const std::string what = e.what_without_backtrace();
        throw InputError(file.string(), 0, "", "damaged checkpoint: " + what.substr(0, what.find('\n')) +
                                                   " (hint: remove this checkpoint's folder to resume from the one before)");
    }
}

}  // namespace

std::filesystem::path writeCheckpoint(const std::filesystem::path& root, const TrainingState& state,
                                      const std::map<std::string, torch::Tensor>& weights,
                                      torch::optim::Optimizer& optimizer, int64_t keep, const torch::Device& device) {
    const auto folder = root / checkpointFolderName(state.step);
    if (std::filesystem::exists(folder / kCheckpointDoneFile)) return folder;  // never rewrite a step in place
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
    archive.write("best_step", c10::IValue(state.bestStep));
    archive.write("evals_without_improvement", c10::IValue(state.evalsWithoutImprovement));
    archive.write("best_toxic_percent", c10::IValue(state.bestToxicPercent));
    archive.write("loss_scale", c10::IValue(state.lossScale));
    archive.write("good_steps", c10::IValue(state.goodSteps));
    archive.write("config", c10::IValue(state.configJson));
    archive.write("rng", rngState(torch::kCPU));
    if (device.is_cuda()) archive.write("rng_cuda", rngState(device));
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
    auto all = completeCheckpoints(root);
    for (size_t i = 0; i + static_cast<size_t>(keep) < all.size(); ++i) {
        if (all[i].second != folder) std::filesystem::remove_all(all[i].second);
    }
    return folder;
}

std::optional<std::filesystem::path> latestCheckpoint(const std::filesystem::path& root, Diagnostics& warnings) {
    auto all = completeCheckpoints(root, &warnings);
    for (auto it = all.rbegin(); it != all.rend(); ++it) {
        try {
            readHeaderChecked(it->second / kCheckpointStateFile);
            return it->second;
        } catch (const InputError& e) {
            warnings.push_back(e.diagnostic());
        }
    }
    return std::nullopt;
}

TrainingState readCheckpoint(const std::filesystem::path& folder, std::map<std::string, torch::Tensor>& weights,
                             torch::optim::Optimizer& optimizer, const torch::Device& device) {
    const auto file = folder / kCheckpointStateFile;
    const ArchiveFile source(file);
    torch::serialize::InputArchive archive;
    loadArchive(file, source, archive, device);
    auto read = [&](const char* key) {
        c10::IValue value;
        if (!archive.try_read(key, value)) throw InputError(file.string(), 0, key, "missing from the checkpoint");
        return value;
    };
    auto readOr = [&](const char* key, c10::IValue fallback) {
        c10::IValue value;
        return archive.try_read(key, value) ? value : fallback;
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
    state.bestStep = readOr("best_step", c10::IValue(int64_t{0})).toInt();
    state.evalsWithoutImprovement = read("evals_without_improvement").toInt();
    state.bestToxicPercent = readOr("best_toxic_percent", c10::IValue(state.bestToxicPercent)).toDouble();
    state.lossScale = readOr("loss_scale", c10::IValue(state.lossScale)).toDouble();
    state.goodSteps = readOr("good_steps", c10::IValue(int64_t{0})).toInt();
    state.configJson = read("config").toStringRef();
    torch::serialize::InputArchive optimizerArchive;
    archive.read("optimizer", optimizerArchive);
    optimizer.load(optimizerArchive);
    // RNG states are CPU byte tensors whatever the map location.
    setRngState(torch::kCPU, read("rng").toTensor().cpu());
    if (device.is_cuda()) {
        c10::IValue cuda;
        if (archive.try_read("rng_cuda", cuda)) setRngState(device, cuda.toTensor().cpu());
    }
    return state;
}

}  // namespace srllm::core
