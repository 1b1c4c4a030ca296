// The GUI side of the crash-safety test: labels items in the real annotate view (offscreen), through the slot
// the number keys call, so every edit is saved the way the workbench saves it. After each edit returns (its
// write committed) it prints "ack ITEM STATUS LABELS" and flushes: the test then knows what was acknowledged
// when the process was killed. Usage: crash-annotate-driver PROJECT ANNOTATOR ITEMS
#include <cstdio>
#include <cstdlib>

#include <QApplication>

#include "db/annotations.h"
#include "db/annotators.h"
#include "db/project.h"
#include "ui/annotate/annotate-view.h"
#include "ui/annotate/annotation-draft.h"
#include "ui/annotate/label-form.h"
#include "ui/project-session.h"

using namespace srllm;

namespace {

void acknowledge(int64_t item, const std::string& status, const nlohmann::json& labels) {
    std::printf("ack %lld %s %s\n", static_cast<long long>(item), status.c_str(), labels.dump().c_str());
    std::fflush(stdout);
}

}  // namespace

int main(int argc, char** argv) {
    if (argc != 4) {
        std::fprintf(stderr, "usage: %s PROJECT ANNOTATOR ITEMS\n", argv[0]);
        return 2;
    }
    qputenv("QT_QPA_PLATFORM", "offscreen");
    QApplication app(argc, argv);
    auto project = db::Project::open(argv[1]);
    const int64_t annotator = db::ensureAnnotator(project->db(), argv[2], "annotator");
    ui::ProjectSession session(std::move(project), annotator);
    ui::AnnotateView view(&session);
    QObject::connect(view.draft(), &ui::AnnotationDraft::saveFailed, [](const QString& message) {
        std::fprintf(stderr, "save failed: %s\n", qPrintable(message));
        std::exit(1);
    });
    view.show();
    QCoreApplication::processEvents();
    for (int i = 0; i < std::atoi(argv[3]) && view.draft()->itemId() != 0; ++i) {
        const int64_t item = view.draft()->itemId();
        // Default taxonomy, form order: bias, toxicity, sentiment, harm, annotation (single fields).
        for (int value : {2, 1 + i % 3, 1, 1 + i % 2, 2}) {
            view.labelForm()->chooseNumber(value);
            acknowledge(item, view.draft()->state().status, view.draft()->state().labels);
        }
        view.saveAndNext();
        const auto stored = db::annotationFor(session.db(), item, annotator);  // as saved: done names every field
        acknowledge(item, stored ? stored->status : "missing", stored ? stored->labels : nlohmann::json());
    }
    return 0;
}
