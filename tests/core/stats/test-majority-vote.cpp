// Tests core/stats/majority-vote: strict majorities decide, ties and pluralities are left for an expert.
#include <gtest/gtest.h>

#include "core/stats/majority-vote.h"

using namespace srllm::core;

TEST(MajorityVote, UnanimousMajorityAndTie) {
    const MajorityVote all = majorityVote({"Yes", "Yes", "Yes"});
    EXPECT_EQ(all.outcome, VoteOutcome::Unanimous);
    EXPECT_EQ(all.winner, "Yes");

    const MajorityVote two = majorityVote({"Mild", "High", "Mild"});
    EXPECT_EQ(two.outcome, VoteOutcome::Majority);
    EXPECT_EQ(two.winner, "Mild");
    EXPECT_EQ(two.topVotes, 2);
    EXPECT_FALSE(two.tie);

    const MajorityVote tie = majorityVote({"Yes", "No"});
    EXPECT_EQ(tie.outcome, VoteOutcome::NoMajority);
    EXPECT_FALSE(tie.winner.has_value());
    EXPECT_TRUE(tie.tie);
}

TEST(MajorityVote, PluralityWithoutStrictMajorityIsNotDecided) {
    // 2 of 5 is the largest group but not more than half.
    const MajorityVote v = majorityVote({"A", "A", "B", "C", "D"});
    EXPECT_EQ(v.outcome, VoteOutcome::NoMajority);
    EXPECT_FALSE(v.tie);
    EXPECT_EQ(v.topVotes, 2);
    EXPECT_EQ(majorityVote({}).outcome, VoteOutcome::NoMajority);
}

TEST(MajorityVote, MultiSelectVotesPerValue) {
    // Age: 3/3, Gender: 2/3, Religion: 1/3 -> majority set {Age, Gender}.
    const SetMajorityVote v = setMajorityVote({{"Age", "Gender"}, {"Gender", "Age", "Religion"}, {"Age"}});
    EXPECT_EQ(v.outcome, VoteOutcome::Majority);
    EXPECT_EQ(v.winner, (std::vector<std::string>{"Age", "Gender"}));

    const SetMajorityVote same = setMajorityVote({{"Age", "Gender"}, {"Gender", "Age"}});
    EXPECT_EQ(same.outcome, VoteOutcome::Unanimous);

    const SetMajorityVote none = setMajorityVote({{}, {}, {}});
    EXPECT_EQ(none.outcome, VoteOutcome::Unanimous);
    EXPECT_TRUE(none.winner.empty());

    // Two coders, one picks Age: a 1-1 tie on that value.
    const SetMajorityVote tie = setMajorityVote({{"Age"}, {}});
    EXPECT_EQ(tie.outcome, VoteOutcome::NoMajority);
    EXPECT_TRUE(tie.tie);
}
