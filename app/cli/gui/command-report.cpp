// `srllm report PROJECT --runs A,B,... --out FILE.html|FILE.pdf`: the report of the GUI's Report… action
// (ui/report/report-writer.h) without a window. It needs Qt to draw the figures and print the PDF, so it is
// compiled in only with SRLLM_GUI; without a display it draws on Qt's offscreen platform.
#include <cstdlib>
#include <memory>

#include <CLI/CLI.hpp>
#include <QApplication>

#include "app/cli/command-registry.h"
#include "db/project.h"
#include "ui/report/report-writer.h"

namespace srllm::cli {

namespace {

struct ReportOptions {
    std::string project, out;
    std::vector<std::string> runs;
};

void runReport(const ReportOptions& o) {
    auto project = db::Project::open(o.project);
    std::unique_ptr<QApplication> app;
    if (!QCoreApplication::instance()) {
        if (!std::getenv("DISPLAY") && !std::getenv("WAYLAND_DISPLAY") && !std::getenv("QT_QPA_PLATFORM"))
            qputenv("QT_QPA_PLATFORM", "offscreen");
        static int argc = 1;
        static char name[] = "srllm";
        static char* argv[] = {name, nullptr};
        app = std::make_unique<QApplication>(argc, argv);
    }
    ui::ReportWriter::write(project->db(), QString::fromStdString(o.project), o.runs, QString::fromStdString(o.out));
}

const RegisterCommand kRegister{"report", [](CLI::App& root) {
    auto* command = root.add_subcommand("report", "Write the evaluation report of generation runs as HTML or PDF");
    auto options = std::make_shared<ReportOptions>();
    command->add_option("PROJECT", options->project, "the .srllm project")->required()->check(CLI::ExistingFile);
    command->add_option("--runs", options->runs, "generation runs as `srllm eval` scored them, comma-separated; the first is the baseline")
        ->required()
        ->delimiter(',');
    command->add_option("--out", options->out, "the report: FILE.html (one self-contained file) or FILE.pdf")->required();
    command->callback([options] { runReport(*options); });
}};

}  // namespace

}  // namespace srllm::cli
