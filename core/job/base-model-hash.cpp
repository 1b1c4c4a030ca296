#include "core/job/base-model-hash.h"

#include <cstdlib>
#include <fstream>

#include <nlohmann/json.hpp>

#include "core/common/sha256.h"
#include "core/common/durable-file.h"
#include "core/common/input-file.h"

namespace srllm::core {

namespace fs = std::filesystem;

namespace {

constexpr int kCacheVersion = 1;
constexpr size_t kBlockBytes = size_t{8} << 20;

// What the cached hash depends on: each file's name, size and modification time.
nlohmann::json fingerprint(const std::vector<fs::path>& files) {
    nlohmann::json out = nlohmann::json::array();
    for (const auto& file : files) {
        const auto mtime = fs::last_write_time(file).time_since_epoch().count();
        out.push_back({file.filename().string(), static_cast<int64_t>(fs::file_size(file)), static_cast<int64_t>(mtime)});
    }
    return out;
}

nlohmann::json readCache(const fs::path& cacheFile) {
    try {
        if (fs::exists(cacheFile)) {
            auto json = readJsonFile(cacheFile);
            // Compared as JSON: value("version", 0) threw type_error for a version that is not a number (#12).
            if (json.is_object() && json["version"] == kCacheVersion && json["models"].is_object()) return json;
        }
    } catch (const InputError&) {
        // A broken cache is rebuilt: it holds nothing that cannot be recomputed.
    }
    return {{"version", kCacheVersion}, {"models", nlohmann::json::object()}};
}

std::string hashFiles(const std::vector<fs::path>& files, const ProgressCallback& progress) {
    int64_t total = 0, done = 0;
    for (const auto& file : files) total += static_cast<int64_t>(fs::file_size(file));
    Sha256 digest;
    std::vector<char> block(kBlockBytes);
    for (const auto& file : files) {
        digest.update(file.filename().string() + " " + std::to_string(fs::file_size(file)) + "\n");
        std::ifstream in(file, std::ios::binary);
        if (!in) throw InputError(file.string(), 0, "", "cannot open to hash it (hint: check the permissions)");
        while (in) {
            in.read(block.data(), static_cast<std::streamsize>(block.size()));
            digest.update(std::string_view(block.data(), static_cast<size_t>(in.gcount())));
            done += in.gcount();
            if (progress && !progress(done, total)) throw InputError(file.string(), 0, "", "hashing cancelled");
        }
    }
    return "sha256:" + digest.finishHex();
}

}  // namespace

fs::path defaultModelHashCache() {
    if (const char* xdg = std::getenv("XDG_CACHE_HOME"); xdg && *xdg) return fs::path(xdg) / "srllm" / "model-hashes.json";
    const char* home = std::getenv("HOME");
    return fs::path(home && *home ? home : "/tmp") / ".cache" / "srllm" / "model-hashes.json";
}

std::string baseModelHash(const fs::path& folder, const fs::path& cacheFile, const ProgressCallback& progress) {
    const auto check = requireBaseModel(folder);
    const auto files = baseModelFiles(check);
    const auto key = fs::absolute(folder).lexically_normal().string();
    const auto print = fingerprint(files);
    auto cache = readCache(cacheFile);
    const auto& models = cache["models"];
    if (const auto it = models.find(key); it != models.end() && it->value("files", nlohmann::json()) == print) {
        const auto cached = it->value("hash", std::string());
        if (!cached.empty()) return cached;
    }
    const std::string hash = hashFiles(files, progress);
    cache["models"][key] = {{"files", print}, {"hash", hash}};
    try {
        fs::create_directories(cacheFile.parent_path());
        writeFileDurable(cacheFile, cache.dump(1) + "\n");
    } catch (const std::exception&) {
        // An unwritable cache only costs time next run; the hash itself is right.
    }
    return hash;
}

}  // namespace srllm::core
