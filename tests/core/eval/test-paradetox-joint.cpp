// Tests core/eval/paradetox-joint: each part by its definition and J as the mean of per-text products,
// computed by hand.
#include <cmath>

#include <gtest/gtest.h>

#include "core/eval/paradetox-joint.h"

using namespace srllm::core;

TEST(ParadetoxJoint, PartsFollowTheirDefinitions) {
    const auto p = jointParts(0.2, 80.0, 50.0, 70.0);
    EXPECT_EQ(p.sta, 1.0);
    EXPECT_DOUBLE_EQ(p.sim, 0.8);
    EXPECT_EQ(p.fl, 1.0);
    EXPECT_EQ(jointParts(0.5, 80.0, 50.0, 70.0).sta, 0.0);           // 0.5 counts as toxic
    EXPECT_EQ(jointParts(0.1, 80.0, 90.0, 70.0).fl, 0.0);            // less fluent than the source
    EXPECT_EQ(jointParts(0.1, 0.0, std::nan(""), 70.0).fl, 0.0);     // an empty output
    EXPECT_EQ(jointParts(0.1, 0.0, 40.0, std::nan("")).fl, 1.0);     // a source without words
}

TEST(ParadetoxJoint, JIsTheMeanOfProductsNotTheProductOfMeans) {
    const auto j = paradetoxJoint({{1, 0.8, 1}, {0, 0.9, 1}, {1, 0.5, 0}});
    EXPECT_EQ(j.n, 3);
    EXPECT_DOUBLE_EQ(j.j, 0.8 / 3);
    EXPECT_DOUBLE_EQ(j.sta, 2.0 / 3);
    EXPECT_DOUBLE_EQ(j.sim, 2.2 / 3);
    EXPECT_TRUE(std::isnan(paradetoxJoint({}).j));
}
