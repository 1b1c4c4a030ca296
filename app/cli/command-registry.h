#pragma once
// Each app/cli/command-*.cpp registers its subcommand here at static-initialisation time, so adding a
// command never touches main.cpp. A command reports failure by throwing; main prints one line and exits 1.
#include <functional>
#include <string>
#include <vector>

namespace CLI {
class App;
}

namespace srllm::cli {

struct CommandEntry {
    std::string name;
    std::function<void(CLI::App& root)> setup;  // adds the subcommand (options + callback) to root
};

std::vector<CommandEntry>& commandRegistry();

struct RegisterCommand {
    RegisterCommand(std::string name, std::function<void(CLI::App& root)> setup) {
        commandRegistry().push_back({std::move(name), std::move(setup)});
    }
};

}  // namespace srllm::cli
