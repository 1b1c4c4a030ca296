// fastDropout's mask: only 0 and 1/(1-p), the dropped fraction and the co-dropped neighbour pairs
// within five binomial standard deviations of p·n and p²·n, reproducible under torch::manual_seed.
#include <cmath>

#include <gtest/gtest.h>

#include "core/model/dropout.h"

using namespace srllm::core;

TEST(Dropout, MaskHasTheBinomialRateAndOnlyTwoValues) {
    const double p = 0.05;
    const int64_t n = 1 << 20;
    torch::manual_seed(1);
    const auto mask = dropoutMask({n}, p, torch::kFloat32);
    const auto dropped = mask.eq(0);
    const auto kept = mask.eq(static_cast<float>(1.0 / (1.0 - p)));
    EXPECT_EQ((dropped | kept).sum().item<int64_t>(), n);

    const double count = static_cast<double>(dropped.sum().item<int64_t>());
    EXPECT_NEAR(count, p * n, 5 * std::sqrt(n * p * (1 - p)));
    // Neighbours dropped together: p² of the pairs if the elements are independent.
    const double pairs = static_cast<double>((dropped.slice(0, 1) & dropped.slice(0, 0, n - 1)).sum().item<int64_t>());
    EXPECT_NEAR(pairs, p * p * (n - 1), 5 * std::sqrt((n - 1) * p * p * (1 - p * p)));
}

TEST(Dropout, ReproducibleForASeedAndFreshOnEachCall) {
    torch::manual_seed(7);
    const auto first = dropoutMask({64, 128}, 0.3, torch::kFloat32);
    const auto second = dropoutMask({64, 128}, 0.3, torch::kFloat32);
    torch::manual_seed(7);
    EXPECT_TRUE(torch::equal(first, dropoutMask({64, 128}, 0.3, torch::kFloat32)));
    EXPECT_FALSE(torch::equal(first, second));
}

TEST(Dropout, ScalesKeptInputsAndPassesTheMaskToTheGradient) {
    torch::manual_seed(2);
    const auto x = torch::randn({32, 16}, torch::requires_grad());
    const auto y = fastDropout(x, 0.5);
    y.sum().backward();
    // Every output is 0 or 2x, and the gradient is the same mask.
    const auto mask = x.grad();
    EXPECT_TRUE(torch::equal(mask.eq(0) | mask.eq(2), torch::ones_like(mask, torch::kBool)));
    EXPECT_TRUE(torch::allclose(y, x * mask));
    EXPECT_TRUE(torch::equal(fastDropout(x, 0.0), x));
    EXPECT_THROW(dropoutMask({4}, 1.0, torch::kFloat32), c10::Error);
}
