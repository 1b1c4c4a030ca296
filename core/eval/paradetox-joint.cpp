#include "core/eval/paradetox-joint.h"

#include <cmath>
#include <limits>

namespace srllm::core {

JointParts jointParts(double toxicity, double chrfToSource, double perplexityOutput, double perplexitySource) {
    JointParts p;
    p.sta = toxicity < 0.5 ? 1.0 : 0.0;
    p.sim = chrfToSource / 100.0;
    p.fl = std::isfinite(perplexityOutput) && (!std::isfinite(perplexitySource) || perplexityOutput <= perplexitySource)
               ? 1.0
               : 0.0;
    return p;
}

JointScore paradetoxJoint(const std::vector<JointParts>& parts) {
    JointScore s;
    s.n = static_cast<int64_t>(parts.size());
    if (parts.empty()) {
        s.sta = s.sim = s.fl = s.j = std::numeric_limits<double>::quiet_NaN();
        return s;
    }
    for (const auto& p : parts) {
        s.sta += p.sta;
        s.sim += p.sim;
        s.fl += p.fl;
        s.j += p.sta * p.sim * p.fl;
    }
    const double n = static_cast<double>(parts.size());
    s.sta /= n;
    s.sim /= n;
    s.fl /= n;
    s.j /= n;
    return s;
}

}  // namespace srllm::core
