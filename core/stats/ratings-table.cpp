#include "core/stats/ratings-table.h"

#include <algorithm>
#include <stdexcept>
#include <string>

namespace srllm::core {

RatingsTable::RatingsTable(int64_t units, int64_t coders) : m_units(units), m_coders(coders) {
    if (units < 0 || coders < 0) throw std::invalid_argument("RatingsTable: negative size");
    m_cells.resize(static_cast<size_t>(units * coders));
}

size_t RatingsTable::index(int64_t unit, int64_t coder) const {
    if (unit < 0 || unit >= m_units || coder < 0 || coder >= m_coders)
        throw std::out_of_range("RatingsTable: cell (" + std::to_string(unit) + ", " + std::to_string(coder) +
                                ") outside " + std::to_string(m_units) + " x " + std::to_string(m_coders));
    return static_cast<size_t>(unit * m_coders + coder);
}

void RatingsTable::set(int64_t unit, int64_t coder, double value) { m_cells[index(unit, coder)] = value; }

void RatingsTable::clear(int64_t unit, int64_t coder) { m_cells[index(unit, coder)].reset(); }

std::optional<double> RatingsTable::at(int64_t unit, int64_t coder) const { return m_cells[index(unit, coder)]; }

int64_t RatingsTable::ratingsInUnit(int64_t unit) const {
    int64_t count = 0;
    for (int64_t c = 0; c < m_coders; ++c) count += at(unit, c).has_value() ? 1 : 0;
    return count;
}

RatingsTable RatingsTable::selectUnits(const std::vector<int64_t>& unitIndices) const {
    RatingsTable out(static_cast<int64_t>(unitIndices.size()), m_coders);
    for (size_t row = 0; row < unitIndices.size(); ++row)
        for (int64_t c = 0; c < m_coders; ++c)
            out.m_cells[row * static_cast<size_t>(m_coders) + static_cast<size_t>(c)] = at(unitIndices[row], c);
    return out;
}

std::vector<double> RatingsTable::distinctValues() const {
    std::vector<double> values;
    for (const auto& cell : m_cells)
        if (cell) values.push_back(*cell);
    std::sort(values.begin(), values.end());
    values.erase(std::unique(values.begin(), values.end()), values.end());
    return values;
}

}  // namespace srllm::core
