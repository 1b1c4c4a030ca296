#include "core/stats/review-randomisation.h"

#include <algorithm>
#include <map>
#include <random>

namespace srllm::core {

namespace {

template <typename T>
void seededShuffle(std::vector<T>& values, std::mt19937_64& rng) {
    for (size_t i = values.size(); i > 1; --i) std::swap(values[i - 1], values[size_t(rng() % i)]);
}

}  // namespace

std::vector<int64_t> seededPermutation(int64_t count, uint64_t seed) {
    std::vector<int64_t> order(size_t(std::max<int64_t>(count, 0)));
    for (size_t i = 0; i < order.size(); ++i) order[i] = int64_t(i);
    std::mt19937_64 rng(seed);
    seededShuffle(order, rng);
    return order;
}

std::vector<bool> balancedSides(int64_t count, uint64_t seed) {
    std::vector<char> sides(size_t(std::max<int64_t>(count, 0)), 0);
    for (size_t i = 0; i < sides.size() / 2; ++i) sides[i] = 1;
    std::mt19937_64 rng(seed);
    // An odd count leaves one extra side; a coin decides which, so neither run is favoured on average.
    if (sides.size() % 2 == 1 && rng() % 2 == 1) sides.back() = 1;
    seededShuffle(sides, rng);
    return {sides.begin(), sides.end()};
}

std::vector<int64_t> stratifiedSample(const std::vector<std::string>& strata, int64_t count, uint64_t seed) {
    const int64_t units = int64_t(strata.size());
    std::vector<int64_t> chosen;
    if (count >= units) {
        for (int64_t i = 0; i < units; ++i) chosen.push_back(i);
        return chosen;
    }
    std::map<std::string, std::vector<int64_t>> groups;  // sorted by name: the order is reproducible
    for (int64_t i = 0; i < units; ++i) groups[strata[size_t(i)]].push_back(i);
    struct Share {
        std::vector<int64_t>* members;
        int64_t take;
        double remainder;
    };
    std::vector<Share> shares;
    int64_t given = 0;
    for (auto& [name, members] : groups) {
        const double exact = double(count) * double(members.size()) / double(units);
        shares.push_back({&members, int64_t(exact), exact - double(int64_t(exact))});
        given += int64_t(exact);
    }
    std::vector<size_t> byRemainder(shares.size());
    for (size_t i = 0; i < shares.size(); ++i) byRemainder[i] = i;
    std::stable_sort(byRemainder.begin(), byRemainder.end(), [&](size_t a, size_t b) {
        if (shares[a].remainder != shares[b].remainder) return shares[a].remainder > shares[b].remainder;
        return shares[a].members->size() < shares[b].members->size();
    });
    for (size_t k = 0; given < count; k = (k + 1) % byRemainder.size()) {
        Share& s = shares[byRemainder[k]];
        if (s.take < int64_t(s.members->size())) {
            ++s.take;
            ++given;
        }
    }
    std::mt19937_64 rng(seed);
    for (Share& s : shares) {
        seededShuffle(*s.members, rng);
        chosen.insert(chosen.end(), s.members->begin(), s.members->begin() + s.take);
    }
    std::sort(chosen.begin(), chosen.end());
    return chosen;
}

}  // namespace srllm::core
