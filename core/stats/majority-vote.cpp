#include "core/stats/majority-vote.h"

#include <algorithm>
#include <map>
#include <set>

namespace srllm::core {

MajorityVote majorityVote(const std::vector<std::string>& votes) {
    MajorityVote out;
    out.totalVotes = static_cast<int>(votes.size());
    std::map<std::string, int> counts;
    for (const auto& v : votes) ++counts[v];
    int holders = 0;
    for (const auto& [value, count] : counts) {
        if (count > out.topVotes) {
            out.topVotes = count;
            out.winner = value;
            holders = 1;
        } else if (count == out.topVotes) {
            ++holders;
        }
    }
    out.tie = holders > 1;
    if (counts.size() == 1) {
        out.outcome = VoteOutcome::Unanimous;
    } else if (2 * out.topVotes > out.totalVotes) {
        out.outcome = VoteOutcome::Majority;
    } else {
        out.outcome = VoteOutcome::NoMajority;
        out.winner.reset();
    }
    return out;
}

SetMajorityVote setMajorityVote(const std::vector<std::vector<std::string>>& votes) {
    SetMajorityVote out;
    if (votes.empty()) return out;
    std::map<std::string, int> chosenBy;
    std::set<std::set<std::string>> distinctSets;
    for (const auto& ballot : votes) {
        const std::set<std::string> unique(ballot.begin(), ballot.end());
        distinctSets.insert(unique);
        for (const auto& value : unique) ++chosenBy[value];
    }
    const int coders = static_cast<int>(votes.size());
    for (const auto& [value, count] : chosenBy) {
        if (2 * count > coders) out.winner.push_back(value);
        if (2 * count == coders) out.tie = true;
    }
    out.outcome = distinctSets.size() == 1 ? VoteOutcome::Unanimous
                  : !out.tie               ? VoteOutcome::Majority
                                           : VoteOutcome::NoMajority;
    if (out.outcome == VoteOutcome::NoMajority) out.winner.clear();
    return out;
}

const char* voteOutcomeName(VoteOutcome outcome) {
    switch (outcome) {
    case VoteOutcome::Unanimous: return "unanimous";
    case VoteOutcome::Majority: return "majority";
    case VoteOutcome::NoMajority: return "no_majority";
    }
    return "no_majority";
}

}  // namespace srllm::core
