#pragma once
// Majority vote over coders' labels, as the SR_LLM paper derives gold labels ("majority vote, experts
// settle disputes"). Only a STRICT majority (more than half the votes) decides; anything less is left
// for an expert, and a tie (several values sharing the top count) is flagged as such.
#include <optional>
#include <string>
#include <vector>

namespace srllm::core {

enum class VoteOutcome { Unanimous, Majority, NoMajority };

struct MajorityVote {
    VoteOutcome outcome = VoteOutcome::NoMajority;
    std::optional<std::string> winner;  // set for Unanimous and Majority
    int topVotes = 0;                   // votes for the most frequent value
    int totalVotes = 0;
    bool tie = false;                   // two or more values share topVotes
};

// Single-choice votes (one value per coder). No votes gives NoMajority without a tie.
MajorityVote majorityVote(const std::vector<std::string>& votes);

struct SetMajorityVote {
    VoteOutcome outcome = VoteOutcome::NoMajority;
    std::vector<std::string> winner;  // values chosen by a strict majority, sorted; valid unless NoMajority
    bool tie = false;                 // some value was chosen by exactly half the coders
};

// Multi-select votes: each value is its own yes/no vote. Unanimous when all sets are equal; Majority when
// every value is chosen or rejected by a strict majority; otherwise NoMajority.
SetMajorityVote setMajorityVote(const std::vector<std::vector<std::string>>& votes);

const char* voteOutcomeName(VoteOutcome outcome);  // "unanimous" | "majority" | "no_majority"

}  // namespace srllm::core
