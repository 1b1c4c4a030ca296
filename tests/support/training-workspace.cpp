#include "support/training-workspace.h"

#include <fstream>
#include <stdexcept>

#include "support/cli-run.h"

namespace srllm::test {

namespace {

void run(const std::string& arguments) {
    const auto result = runCli(arguments);
    if (result.exitCode != 0) throw std::runtime_error("srllm " + arguments + " failed:\n" + result.output);
}

}  // namespace

void makeTrainingWorkspace(const std::filesystem::path& dir) {
    std::filesystem::create_directories(dir);
    const std::string project = shellQuote((dir / "study.srllm").string());
    std::ofstream corpus(dir / "corpus.txt");
    for (int i = 0; i < 40; ++i) corpus << "old people are slow and young people are lazy; people differ in pace\n";
    corpus.close();
    run("tokenizer train --corpus " + shellQuote((dir / "corpus.txt").string()) + " --vocab-size 300 --out " +
        shellQuote((dir / "tok").string()));
    run("model new " + shellQuote((dir / "base").string()) + " --arch llama --layers 2 --dim 32 --heads 4 --kv-heads 2 "
        "--positions 128 --tokenizer " + shellQuote((dir / "tok").string()));
    run("init " + project);
    std::ofstream items(dir / "items.jsonl"), annotations(dir / "annotations.jsonl");
    for (int i = 0; i < 12; ++i) {
        items << R"({"id": "i)" << i << R"(", "text": "old people are slow )" << i << R"(", "split": ")"
              << (i < 10 ? "train" : "val") << "\"}\n";
        for (const char* annotator : {"ann-1", "ann-2"})
            annotations << R"({"item": "i)" << i << R"(", "annotator": ")" << annotator
                        << R"(", "labels": {"annotation": "Unsafe", "bias": "Yes"}, "rewrite": "people differ in pace )"
                        << i << "\"}\n";
    }
    items.close();
    annotations.close();
    run("import " + project + " " + shellQuote((dir / "items.jsonl").string()));
    run("import " + project + " " + shellQuote((dir / "annotations.jsonl").string()) + " --format annotations");
    run("adjudicate " + project + " --auto majority");
    run("snapshot create " + project + " gold-1");
}

std::string jobNewCommand(const std::filesystem::path& workspace, const std::filesystem::path& jobDir,
                          const std::string& options, const std::string& batching) {
    return "job new " + shellQuote((workspace / "study.srllm").string()) + " " + shellQuote(jobDir.string()) +
           " --model " + shellQuote((workspace / "base").string()) +
           " --snapshot gold-1 --template custom --custom-template 'Fix: {text}\n{rewrite}' " + batching + options;
}

}  // namespace srllm::test
