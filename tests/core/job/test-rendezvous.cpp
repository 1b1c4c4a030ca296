// Who a process is in a data-parallel run: torchrun's variables, Slurm's under srun, nothing at all (one
// process), and each missing or malformed variable named before anything starts.
#include <map>

#include <gtest/gtest.h>

#include "core/common/diagnostics.h"
#include "core/job/rendezvous.h"

using namespace srllm::core;

namespace {

EnvironmentLookup envOf(std::map<std::string, std::string> vars) {
    return [vars](const std::string& name) -> std::optional<std::string> {
        const auto it = vars.find(name);
        if (it == vars.end()) return std::nullopt;
        return it->second;
    };
}

std::string fieldOfError(const std::map<std::string, std::string>& vars) {
    try {
        rendezvousFromEnvironment(envOf(vars));
    } catch (const InputError& e) {
        EXPECT_EQ(e.diagnostic().file, "environment");
        return e.diagnostic().field;
    }
    ADD_FAILURE() << "no error";
    return "";
}

}  // namespace

TEST(Rendezvous, NoVariablesMeansOneProcess) {
    EXPECT_FALSE(rendezvousFromEnvironment(envOf({})));
    // A batch allocation of one task (sbatch without srun) trains alone too.
    EXPECT_FALSE(rendezvousFromEnvironment(envOf({{"SLURM_NTASKS", "1"}, {"SLURM_PROCID", "0"}})));
}

TEST(Rendezvous, TorchrunVariables) {
    const auto r = rendezvousFromEnvironment(envOf(
        {{"WORLD_SIZE", "4"}, {"RANK", "3"}, {"LOCAL_RANK", "1"}, {"MASTER_ADDR", "node7"}, {"MASTER_PORT", "29500"}}));
    ASSERT_TRUE(r);
    EXPECT_EQ(r->worldSize, 4);
    EXPECT_EQ(r->rank, 3);
    EXPECT_EQ(r->localRank, 1);
    EXPECT_EQ(r->masterAddr, "node7");
    EXPECT_EQ(r->masterPort, 29500);
}

TEST(Rendezvous, SlurmVariablesUnderSrun) {
    const auto r = rendezvousFromEnvironment(envOf({{"SLURM_NTASKS", "8"}, {"SLURM_PROCID", "5"}, {"SLURM_LOCALID", "1"},
                                                    {"SLURM_NODELIST", "gpu[03-06],login1"}, {"MASTER_PORT", "20123"}}));
    ASSERT_TRUE(r);
    EXPECT_EQ(r->worldSize, 8);
    EXPECT_EQ(r->rank, 5);
    EXPECT_EQ(r->localRank, 1);
    EXPECT_EQ(r->masterAddr, "gpu03");  // the first node of the list hosts rank 0
}

TEST(Rendezvous, FirstHostOfASlurmNodeList) {
    EXPECT_EQ(firstSlurmHost("vm"), "vm");
    EXPECT_EQ(firstSlurmHost("a1,a2"), "a1");
    EXPECT_EQ(firstSlurmHost("gpu[03-05,09],cpu1"), "gpu03");
    EXPECT_EQ(firstSlurmHost("rack[7,2]-n"), "rack7-n");
    EXPECT_EQ(firstSlurmHost("cpu1,gpu[1-2]"), "cpu1");
    EXPECT_THROW(firstSlurmHost("gpu[1-2"), InputError);
}

TEST(Rendezvous, EachMissingOrMalformedVariableIsNamed) {
    const std::map<std::string, std::string> full{{"WORLD_SIZE", "2"}, {"RANK", "1"}, {"MASTER_ADDR", "h"}, {"MASTER_PORT", "1234"}};
    for (const char* name : {"RANK", "MASTER_ADDR", "MASTER_PORT"}) {
        auto vars = full;
        vars.erase(name);
        EXPECT_EQ(fieldOfError(vars), name);
    }
    auto vars = full;
    vars["RANK"] = "2";  // ranks are 0..WORLD_SIZE-1
    EXPECT_EQ(fieldOfError(vars), "RANK");
    vars = full;
    vars["MASTER_PORT"] = "70000";
    EXPECT_EQ(fieldOfError(vars), "MASTER_PORT");
    vars = full;
    vars["WORLD_SIZE"] = "two";
    EXPECT_EQ(fieldOfError(vars), "WORLD_SIZE");
    EXPECT_EQ(fieldOfError({{"SLURM_NTASKS", "2"}, {"SLURM_NODELIST", "n1"}, {"MASTER_PORT", "1"}}), "SLURM_PROCID");
}

TEST(Rendezvous, TheWorldSizeMustDivideTheBatch) {
    EXPECT_NO_THROW(requireWorldDividesBatch(8, 4, "job.json"));
    try {
        requireWorldDividesBatch(6, 4, "/j/job.json");
        FAIL() << "no error";
    } catch (const InputError& e) {
        EXPECT_EQ(e.diagnostic().file, "/j/job.json");
        EXPECT_EQ(e.diagnostic().field, "train.batch_size");
    }
}
