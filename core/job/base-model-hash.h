#pragma once
// The base-model hash recorded in job.json: SHA-256 over config.json, the weights and the tokenizer
// files (each as "name size\n" then its bytes, in name order). Hashing 13 GB takes minutes, so the
// result is cached per folder with each file's size and modification time, and reused while they match.
#include <filesystem>
#include <string>

#include "core/common/progress.h"
#include "core/job/base-model-check.h"

namespace srllm::core {

// "sha256:<hex>". `cacheFile` holds the cache (created when missing; a broken one is rebuilt);
// `progress` gets bytes hashed / total and may cancel (then InputError "cancelled"). Throws InputError
// when the folder fails requireBaseModel.
std::string baseModelHash(const std::filesystem::path& folder, const std::filesystem::path& cacheFile,
                          const ProgressCallback& progress = {});

// $XDG_CACHE_HOME/srllm/model-hashes.json, else ~/.cache/srllm/model-hashes.json.
std::filesystem::path defaultModelHashCache();

}  // namespace srllm::core
