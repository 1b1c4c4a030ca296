#pragma once
// A plain reliability-data table, units x coders, with missing cells. Every agreement statistic in
// core/stats takes one, so they know nothing of the project store. Values are numbers: category indices
// for nominal/ordinal fields (in the taxonomy's order), measurements for interval data.
#include <cstdint>
#include <optional>
#include <vector>

namespace srllm::core {

class RatingsTable {
public:
    RatingsTable(int64_t units, int64_t coders);

    int64_t units() const { return m_units; }
    int64_t coders() const { return m_coders; }
    void set(int64_t unit, int64_t coder, double value);  // throws std::out_of_range on a bad index
    void clear(int64_t unit, int64_t coder);
    std::optional<double> at(int64_t unit, int64_t coder) const;
    int64_t ratingsInUnit(int64_t unit) const;

    // The rows listed (repeats allowed), in that order: bootstrap resamples and unit subsets.
    RatingsTable selectUnits(const std::vector<int64_t>& unitIndices) const;
    // The sorted distinct values present; nominal and ordinal statistics index categories by these.
    std::vector<double> distinctValues() const;

private:
    size_t index(int64_t unit, int64_t coder) const;

    int64_t m_units = 0;
    int64_t m_coders = 0;
    std::vector<std::optional<double>> m_cells;  // row-major [unit][coder]
};

}  // namespace srllm::core
