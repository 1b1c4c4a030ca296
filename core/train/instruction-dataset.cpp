#include "core/train/instruction-dataset.h"

#include <algorithm>
#include <random>

namespace srllm::core {

TrainBatch collateBatch(const std::vector<TokenizedExample>& examples, const std::vector<int64_t>& indices,
                        int64_t padId) {
    int64_t length = 0;
    for (auto i : indices) length = std::max<int64_t>(length, examples[i].ids.size());
    const auto batch = static_cast<int64_t>(indices.size());
    TrainBatch out;
    out.inputIds = torch::full({batch, length}, padId, torch::kLong);
    out.labels = torch::full({batch, length}, kIgnoreLabel, torch::kLong);
    auto ids = out.inputIds.accessor<int64_t, 2>();
    auto labels = out.labels.accessor<int64_t, 2>();
    for (int64_t b = 0; b < batch; ++b) {
        const auto& ex = examples[indices[b]];
        for (size_t t = 0; t < ex.ids.size(); ++t) {
            ids[b][t] = ex.ids[t];
            labels[b][t] = ex.labels[t];
            if (t > 0 && ex.labels[t] != kIgnoreLabel) ++out.labelTokens;
        }
    }
    return out;
}

std::vector<int64_t> shuffledOrder(int64_t n, uint64_t seed, int64_t epoch) {
    std::vector<int64_t> order(n);
    for (int64_t i = 0; i < n; ++i) order[i] = i;
    std::mt19937_64 rng(seed * 1000003ULL + static_cast<uint64_t>(epoch));
    for (int64_t i = n - 1; i > 0; --i) {
        // rng() % (i + 1): a negligible bias for data-set sizes, and identical everywhere.
        std::swap(order[i], order[rng() % static_cast<uint64_t>(i + 1)]);
    }
    return order;
}

}  // namespace srllm::core
