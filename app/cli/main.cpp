// srllm: the workbench's command-line interface. Subcommands live in command-*.cpp.
#include <algorithm>
#include <cstdio>
#include <exception>

#include <CLI/CLI.hpp>

#include "app/cli/command-registry.h"

namespace srllm::cli {
std::vector<CommandEntry>& commandRegistry() {
    static std::vector<CommandEntry> registry;
    return registry;
}
}  // namespace srllm::cli

int main(int argc, char** argv) {
    CLI::App app{"srllm: build safer language models (annotate, fine-tune, evaluate)", "srllm"};
    app.require_subcommand(1);
    app.set_version_flag("--version", "srllm 0.1.0");
    auto& commands = srllm::cli::commandRegistry();
    std::sort(commands.begin(), commands.end(), [](const auto& a, const auto& b) { return a.name < b.name; });
    for (const auto& command : commands) command.setup(app);
    try {
        app.parse(argc, argv);
    } catch (const CLI::ParseError& e) {
        return app.exit(e);
    } catch (const std::exception& e) {
        std::fprintf(stderr, "srllm: error: %s\n", e.what());
        return 1;
    }
    return 0;
}
