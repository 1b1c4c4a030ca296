#pragma once
// Records that the import formats produce and the store consumes (contract: /work/db-contract.md).
// All text is UTF-8; span offsets are Unicode code points [start, end) into the item text.
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "core/common/diagnostics.h"

namespace srllm::core {

struct Span {
    int64_t start = 0;  // code points, [start, end)
    int64_t end = 0;
};

// One item from srllm-csv, paradetox, csv or jsonl.
struct ItemImportRecord {
    int64_t line = 0;  // first physical line of the record in the file (1-based)
    std::string text;
    std::optional<std::string> externalId;
    nlohmann::json metadata = nlohmann::json::object();  // dimension, aspect, severity, other columns
    std::optional<std::string> split;                     // "train" | "val" | "test"
    std::vector<std::string> references;                  // reference (benign) rewrites
    std::vector<Span> spans;                              // biased-word spans located in text
};

// One line of the `annotations` JSONL format.
struct AnnotationImportRecord {
    int64_t line = 0;
    std::string item;  // external id, or the item text when no item has that id
    std::string annotator;  // who made it: the annotator, or a suggestion's source
    nlohmann::json labels = nlohmann::json::object();
    std::vector<Span> spans;
    std::optional<std::string> rewrite;
};

// Streaming readers: next() returns std::nullopt at end; throws core::InputError on a fatal problem.
// Not thread-safe; use one reader from one thread.
class ItemReader {
public:
    virtual ~ItemReader() = default;
    virtual std::optional<ItemImportRecord> next() = 0;
    virtual int64_t bytesRead() const = 0;
    virtual int64_t bytesTotal() const = 0;
    // Non-fatal problems so far (line-numbered), e.g. a biased word not found in its text.
    virtual const Diagnostics& warnings() const {
        static const Diagnostics kNone;
        return kNone;
    }
};

// The same for annotation records (the annotations format, or Label Studio / doccano after mapping).
class AnnotationReader {
public:
    virtual ~AnnotationReader() = default;
    virtual std::optional<AnnotationImportRecord> next() = 0;
    virtual const std::string& path() const = 0;  // the file named in errors
    virtual int64_t bytesRead() const = 0;
    virtual int64_t bytesTotal() const = 0;
    virtual const Diagnostics& warnings() const = 0;
};

}  // namespace srllm::core
