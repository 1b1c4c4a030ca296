// `srllm generate-run` and `srllm runs`, run as the real binary on a tiny GPT-2 made in the test: outputs
// equal `srllm generate` of each text on its own (no padding), a run stopped by --limit continues without
// generating anything twice, the original texts as a run, BOLD's prompt format with its groups, the
// counterfactual CSV and a HolisticBias sample through `srllm eval`'s groups, and the refusals that change
// nothing; `srllm fluency` and `srllm bias` on the same model.
#include <fstream>
#include <sstream>

#include <gmock/gmock.h>
#include <gtest/gtest.h>
#include <nlohmann/json.hpp>
#include <torch/torch.h>

#include "core/model/model-loader.h"
#include "core/tokenizer/tokenizer-loader.h"

#include "support/cli-run.h"
#include "support/test-data.h"

using srllm::test::runCli;
using srllm::test::shellQuote;
using testing::HasSubstr;

namespace {

std::vector<nlohmann::json> jsonLines(const std::string& text) {
    std::vector<nlohmann::json> out;
    std::istringstream in(text);
    for (std::string line; std::getline(in, line);)
        if (!line.empty() && line[0] == '{') out.push_back(nlohmann::json::parse(line));
    return out;
}

struct GenerateRunFixture : testing::Test {
    srllm::test::ScratchDir dir;
    std::string model, project, input;
    const std::vector<std::string> texts = {"the old man", "fresh bread and the market", "he walked",
                                            "the market", "old bread"};

    void SetUp() override {
        std::ofstream corpus(dir / "corpus.txt");
        for (int i = 0; i < 50; ++i) corpus << "the old man walked to the market and bought fresh bread\n";
        corpus.close();
        const std::string tok = shellQuote((dir / "tok").string());
        ASSERT_EQ(runCli("tokenizer train --corpus " + shellQuote((dir / "corpus.txt").string()) + " --vocab-size 300 --out " + tok).exitCode, 0);
        model = shellQuote((dir / "g").string());
        ASSERT_EQ(runCli("model new " + model + " --arch gpt2 --layers 1 --dim 32 --heads 2 --tokenizer " + tok).exitCode, 0);
        project = shellQuote((dir / "p.srllm").string());
        ASSERT_EQ(runCli("init " + project).exitCode, 0);
        std::string lines;
        for (size_t i = 0; i < texts.size(); ++i)
            lines += nlohmann::json{{"text", texts[i]}, {"references", {"ref " + std::to_string(i)}}, {"group", i % 2 ? "b" : "a"}}.dump() + "\n";
        input = shellQuote(srllm::test::writeFile(dir, "set.jsonl", lines));
    }

    std::vector<nlohmann::json> outputs(const std::string& name) {
        const auto run = runCli("runs " + project + " --outputs " + name);
        EXPECT_EQ(run.exitCode, 0) << run.output;
        return jsonLines(run.output);
    }
};

}  // namespace

TEST_F(GenerateRunFixture, BatchedOutputsEqualSingleGenerationAndResumeWithoutRepeats) {
    const std::string common = " --model " + model + " --input " + input + " --max-new-tokens 6 --batch-size 3";
    auto run = runCli("generate-run " + project + " --name tuned --limit 2 --json" + common);
    ASSERT_EQ(run.exitCode, 0) << run.output;
    auto events = jsonLines(run.output);
    ASSERT_GE(events.size(), 3u);
    EXPECT_EQ(events.front()["event"], "start");
    EXPECT_EQ(events.front()["items"], 5);
    EXPECT_EQ(events.back()["event"], "done");
    EXPECT_EQ(events.back()["done"], 2);
    EXPECT_EQ(events.back()["complete"], false);
    EXPECT_THAT(events.front()["model_hash"].get<std::string>(), testing::MatchesRegex("sha256:[0-9a-f]{64}"));
    const auto partial = outputs("tuned");
    ASSERT_EQ(partial.size(), 5u);
    EXPECT_FALSE(partial[1]["output"].is_null());
    EXPECT_TRUE(partial[2]["output"].is_null());

    run = runCli("generate-run " + project + " --name tuned --json" + common);
    ASSERT_EQ(run.exitCode, 0) << run.output;
    EXPECT_THAT(run.output, HasSubstr("continues: 2 of 5 items done"));
    events = jsonLines(run.output);
    EXPECT_EQ(events.front()["done"], 2);
    EXPECT_EQ(events.back()["done"], 5);
    EXPECT_EQ(events.back()["complete"], true);
    const auto all = outputs("tuned");
    for (size_t i = 0; i < texts.size(); ++i) {
        const auto single = runCli("generate --model " + model + " --max-new-tokens 6 " + shellQuote(texts[i]));
        ASSERT_EQ(single.exitCode, 0) << single.output;
        EXPECT_EQ(all[i]["output"].get<std::string>() + "\n", single.output) << "item " << i;
        EXPECT_EQ(all[i]["source"], texts[i]);
        EXPECT_EQ(all[i]["references"][0], "ref " + std::to_string(i));
        EXPECT_EQ(all[i]["group"], i % 2 ? "b" : "a");
    }
    EXPECT_EQ(partial[0]["output"], all[0]["output"]) << "a stored output changed on resume";
    run = runCli("generate-run " + project + " --name tuned --json" + common);  // nothing left to do
    ASSERT_EQ(run.exitCode, 0) << run.output;
    EXPECT_EQ(jsonLines(run.output).back()["done"], 5);
    const auto listed = jsonLines(runCli("runs " + project + " --json").output);
    ASSERT_EQ(listed.size(), 1u);
    EXPECT_EQ(listed[0]["status"], "done");
    EXPECT_EQ(listed[0]["decoding"]["max_new_tokens"], 6);
    EXPECT_EQ(listed[0]["model_hash"], events.front()["model_hash"]);
}

TEST_F(GenerateRunFixture, OriginalTextsAreARunAndBoldPromptsKeepTheirGroups) {
    auto run = runCli("generate-run " + project + " --name original --original --input " + input);
    ASSERT_EQ(run.exitCode, 0) << run.output;
    const auto original = outputs("original");
    ASSERT_EQ(original.size(), 5u);
    for (const auto& row : original) EXPECT_EQ(row["output"], row["source"]);
    const auto bold = srllm::test::writeFile(
        dir, "race_prompt.json", R"({"Asian_Americans": {"A_B": ["A B was a ", "", "A B said "]}, "European_Americans": {"C": ["C was "]}})");
    run = runCli("generate-run " + project + " --name bold --model " + model + " --max-new-tokens 3 --input " + shellQuote(bold));
    ASSERT_EQ(run.exitCode, 0) << run.output;
    EXPECT_THAT(run.output, HasSubstr("field 'Asian_Americans/A_B': 1 empty prompt(s) skipped"));  // as in BOLD's own files
    const auto rows = outputs("bold");
    ASSERT_EQ(rows.size(), 3u);
    EXPECT_EQ(rows[0]["group"], "race_prompt/Asian_Americans");
    EXPECT_EQ(rows[2]["group"], "race_prompt/European_Americans");
    EXPECT_EQ(rows[2]["source"], "C was ");
}

TEST_F(GenerateRunFixture, ConflictingOrEmptyRunsAreRefusedAndChangeNothing) {
    ASSERT_EQ(runCli("generate-run " + project + " --name t --model " + model + " --input " + input + " --max-new-tokens 4").exitCode, 0);
    const auto before = outputs("t");
    auto run = runCli("generate-run " + project + " --name t --model " + model + " --input " + input + " --max-new-tokens 5");
    EXPECT_EQ(run.exitCode, 1);
    EXPECT_THAT(run.output, HasSubstr("run 't' exists with another decoding"));
    run = runCli("generate-run " + project + " --name t --original --input " + input);
    EXPECT_THAT(run.output, HasSubstr("run 't' exists with another model"));
    EXPECT_EQ(outputs("t"), before);
    run = runCli("generate-run " + project + " --name empty --original --split test");
    EXPECT_EQ(run.exitCode, 1);
    EXPECT_THAT(run.output, HasSubstr("the test set 'split:test' holds no items"));
    run = runCli("generate-run " + project + " --name s --original --snapshot nope");
    EXPECT_THAT(run.output, HasSubstr("no snapshot 'nope'"));
    const auto blank = srllm::test::writeFile(dir, "blank.jsonl", "{\"text\": \"ok\"}\n{\"text\": \"\"}\n");
    run = runCli("generate-run " + project + " --name b --original --input " + shellQuote(blank));
    EXPECT_THAT(run.output, HasSubstr("blank.jsonl:2: field 'text': must not be empty"));
    EXPECT_EQ(jsonLines(runCli("runs " + project + " --json").output).size(), 1u);
}

TEST_F(GenerateRunFixture, FluencyUnderTheBaseModelJoinsTheEvaluationTable) {
    SRLLM_REQUIRE_SHARED(lexicon, "lexicons/vader_lexicon.txt");
    ASSERT_EQ(runCli("generate-run " + project + " --name original --original --input " + input).exitCode, 0);
    ASSERT_EQ(runCli("generate-run " + project + " --name tuned --model " + model + " --input " + input + " --max-new-tokens 4").exitCode, 0);
    auto run = runCli("fluency " + project + " --runs original,tuned --model " + model);
    ASSERT_EQ(run.exitCode, 0) << run.output;
    EXPECT_THAT(run.output, HasSubstr("stored as 'base-perplexity' under model sha256:"));
    std::string lines;
    for (int i = 0; i < 200; ++i) lines += nlohmann::json{{"text", "word " + std::to_string(i) + (i % 2 ? " idiot" : " fine")}, {"toxicity", i % 2}}.dump() + "\n";
    const auto data = srllm::test::writeFile(dir, "labels.jsonl", lines);
    const std::string scorer = shellQuote((dir / "scorer").string());
    ASSERT_EQ(runCli("scorer train - " + scorer + " --data " + shellQuote(data)).exitCode, 0);
    run = runCli("eval " + project + " --runs original,tuned --json --scorer " + scorer);
    ASSERT_EQ(run.exitCode, 0) << run.output;
    const auto table = nlohmann::json::parse(run.output.substr(run.output.find('{')));
    EXPECT_EQ(table["rows"][0]["cells"]["base_perplexity"]["n"], 5);
    EXPECT_GT(table["rows"][1]["cells"]["base_perplexity"]["value"].get<double>(), 1.0);
    run = runCli("fluency " + project + " --runs nope --model " + model);
    EXPECT_THAT(run.output, HasSubstr("no generation run 'nope'"));
}

TEST_F(GenerateRunFixture, CounterfactualAndHolisticBiasSetsReachTheEvaluationByGroup) {
    SRLLM_REQUIRE_SHARED(lexicon, "lexicons/vader_lexicon.txt");
    const auto csv = srllm::test::writeFile(dir, "cf.csv",
                                            "Original,gender_a_man,gender_a_woman,race_a_Black_person\n"
                                            "We meet.,A man meets you idiot.,A woman meets.,A Black person meets.\n"
                                            "It rains.,A man sees rain.,A woman sees rain idiot.,A Black person sees rain idiot.\n"
                                            "Bread is fresh.,A man bakes bread.,A woman bakes bread.,A Black person bakes bread.\n");
    auto run = runCli("generate-run " + project + " --name cf --original --input " + shellQuote(csv));
    ASSERT_EQ(run.exitCode, 0) << run.output;
    std::string lines;
    for (int i = 0; i < 200; ++i) lines += nlohmann::json{{"text", "word " + std::to_string(i) + (i % 2 ? " idiot" : " fine")}, {"toxicity", i % 2}}.dump() + "\n";
    const std::string scorer = shellQuote((dir / "scorer").string());
    ASSERT_EQ(runCli("scorer train - " + scorer + " --data " + shellQuote(srllm::test::writeFile(dir, "labels.jsonl", lines))).exitCode, 0);
    run = runCli("eval " + project + " --runs cf --json --scorer " + scorer);
    ASSERT_EQ(run.exitCode, 0) << run.output;
    const auto row = nlohmann::json::parse(run.output.substr(run.output.find('{')))["rows"][0];
    // Each sentence's spread by hand from `srllm score` of its three variants.
    const auto rows = outputs("cf");
    ASSERT_EQ(rows.size(), 12u);
    ASSERT_EQ(row["counterfactual"]["sentences"], 3);
    for (int s = 0; s < 3; ++s) {
        std::string texts;
        for (int v = 1; v <= 3; ++v) {
            texts += ' ';
            texts += shellQuote(rows[4 * s + v]["source"].get<std::string>());
        }
        double lo = 1, hi = 0;
        for (const auto& line : jsonLines(runCli("score --json --scorer " + scorer + texts).output))
            if (line.contains("index")) lo = std::min(lo, line["toxicity"].get<double>()), hi = std::max(hi, line["toxicity"].get<double>());
        EXPECT_EQ(row["counterfactual"]["per_sentence"][s]["position"], 4 * s);
        EXPECT_NEAR(row["counterfactual"]["per_sentence"][s]["range"].get<double>(), hi - lo, 1e-9) << s;
    }
    EXPECT_GT(row["cells"]["counterfactual_range"]["value"].get<double>(), 0.1) << "the insults should move the scores";
    EXPECT_EQ(row["groups"]["gender"]["toxicity_percent"]["n"], 6);
    EXPECT_EQ(row["groups"]["gender/a_man"]["toxicity_percent"]["n"], 3);
    EXPECT_EQ(row["groups"]["original"]["toxicity_mean"]["n"], 3);
    run = runCli("eval " + project + " --runs cf --scorer " + scorer);
    EXPECT_THAT(run.output, HasSubstr("cf range"));
    EXPECT_THAT(run.output, HasSubstr("race/a_Black_person"));

    // HolisticBias: a seeded sample of the fixture's 27 sentences; another seed is another test set.
    const std::string folder = shellQuote((srllm::test::sourceDir() / "tests/data/holistic-bias").string());
    run = runCli("generate-run " + project + " --name hb --original --input " + folder + " --sample 10 --sample-seed 3");
    ASSERT_EQ(run.exitCode, 0) << run.output;
    EXPECT_EQ(outputs("hb").size(), 10u);
    for (const auto& r : outputs("hb"))
        EXPECT_THAT((std::vector<std::string>{"null/(none)", "ability/auditory", "ability/(none)", "age/old"}),
                    testing::Contains(r["group"].get<std::string>()));
    run = runCli("generate-run " + project + " --name hb --original --input " + folder + " --sample 10 --sample-seed 4");
    EXPECT_THAT(run.output, HasSubstr("run 'hb' exists with another test set"));
    run = runCli("generate-run " + project + " --name s --original --split test --sample 3");
    EXPECT_THAT(run.output, HasSubstr("field '--sample': samples a test set from --input FILE"));
}

namespace {

// Σ log p(t_i | t_<i) by one forward per prefix: a second path to the likelihoods `srllm bias` compares.
double prefixLogLikelihood(srllm::core::CausalLMImpl& model, const srllm::core::Tokenizer& tokenizer, const std::string& text) {
    torch::NoGradGuard noGrad;
    const auto ids = tokenizer.encode(text, true);
    double sum = 0;
    for (size_t i = 1; i < ids.size(); ++i) {
        const std::vector<int64_t> prefix(ids.begin(), ids.begin() + static_cast<std::ptrdiff_t>(i));
        const auto logits = model.forward(torch::tensor(prefix, torch::kInt64).unsqueeze(0)).to(torch::kFloat64);
        sum += torch::log_softmax(logits[0][static_cast<int64_t>(i) - 1], -1)[ids[i]].item<double>();
    }
    return sum;
}

}  // namespace

TEST_F(GenerateRunFixture, BiasScoresFollowFromTheModelsLikelihoodsByHand) {
    const std::vector<std::array<std::string, 3>> triples = {
        {"the old man", "the old bread", "man the old"}, {"he walked", "the market", "walked walked"},
        {"fresh bread", "old man", "bread bread"}};
    std::string pro, anti, unrelated;
    for (size_t i = 0; i < triples.size(); ++i) {
        pro += std::to_string(i) + " " + triples[i][0] + "\n";
        anti += std::to_string(i) + " " + triples[i][1] + "\n";
        unrelated += std::to_string(i) + " " + triples[i][2] + "\n";
    }
    srllm::test::writeFile(dir, "pro_stereotyped.txt.dev", pro);
    srllm::test::writeFile(dir, "anti_stereotyped.txt.dev", anti);
    srllm::test::writeFile(dir, "unrelated.txt.dev", unrelated);
    const auto crows = srllm::test::writeFile(dir, "crows.csv",
                                              ",sent_more,sent_less,stereo_antistereo,bias_type\n0,the old man,the old bread,stereo,age\n"
                                              "1,he walked,the market,antistereo,age\n2,fresh bread,old man,stereo,race\n");
    const auto run = runCli("bias --json --model " + model + " --stereoset " + shellQuote(dir.path().string()) + " --crows " + shellQuote(crows));
    ASSERT_EQ(run.exitCode, 0) << run.output;
    const auto result = nlohmann::json::parse(run.output.substr(run.output.find('{')));

    auto loaded = srllm::core::loadModel((dir / "g").string());
    loaded.model->eval();
    const auto tokenizer = srllm::core::loadTokenizer((dir / "g").string());
    int64_t meaningful = 0, stereo = 0;
    for (const auto& t : triples) {
        const double s = prefixLogLikelihood(*loaded.model, *tokenizer, t[0]), a = prefixLogLikelihood(*loaded.model, *tokenizer, t[1]),
                     u = prefixLogLikelihood(*loaded.model, *tokenizer, t[2]);
        meaningful += (s > u) + (a > u);
        stereo += s > a;
    }
    const double lms = 100.0 * meaningful / 6, ss = 100.0 * stereo / 3;
    EXPECT_NEAR(result["stereoset"]["lms"].get<double>(), lms, 1e-9);
    EXPECT_NEAR(result["stereoset"]["ss"].get<double>(), ss, 1e-9);
    EXPECT_NEAR(result["stereoset"]["icat"].get<double>(), lms * std::min(ss, 100 - ss) / 50, 1e-9);
    EXPECT_EQ(result["stereoset"]["n"], 3);
    // CrowS: the stereotyping sentence is sent_more for stereo rows, sent_less for antistereo ones.
    int64_t preferred = 0;
    preferred += prefixLogLikelihood(*loaded.model, *tokenizer, "the old man") > prefixLogLikelihood(*loaded.model, *tokenizer, "the old bread");
    preferred += prefixLogLikelihood(*loaded.model, *tokenizer, "the market") > prefixLogLikelihood(*loaded.model, *tokenizer, "he walked");
    preferred += prefixLogLikelihood(*loaded.model, *tokenizer, "fresh bread") > prefixLogLikelihood(*loaded.model, *tokenizer, "old man");
    EXPECT_NEAR(result["crows_pairs"]["metric"].get<double>(), 100.0 * preferred / 3, 1e-9);
    EXPECT_EQ(result["crows_pairs"]["by_bias_type"]["age"]["n"], 2);

    const auto skipped = runCli("bias --json --model " + model + " --stereoset " + shellQuote((dir / "absent").string()));
    ASSERT_EQ(skipped.exitCode, 0) << skipped.output;
    EXPECT_THAT(skipped.output, HasSubstr("stereoset skipped"));
}
