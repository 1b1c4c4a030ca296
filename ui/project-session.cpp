#include "ui/project-session.h"

#include <QUndoStack>

#include "db/annotators.h"
#include "db/project.h"
#include "db/taxonomy-store.h"

namespace srllm::ui {

ProjectSession::ProjectSession(std::unique_ptr<db::Project> project, int64_t annotatorId, QObject* parent)
    : QObject(parent), m_project(std::move(project)), m_annotatorId(annotatorId),
      m_undoStack(new QUndoStack(this)) {
    for (const db::AnnotatorRow& row : db::listAnnotators(m_project->db())) {
        if (row.id != annotatorId) continue;
        m_annotatorName = QString::fromStdString(row.name);
        m_annotatorRole = QString::fromStdString(row.role);
    }
    loadTaxonomy();
}

ProjectSession::~ProjectSession() = default;

db::Database& ProjectSession::db() { return m_project->db(); }

QString ProjectSession::projectPath() const { return QString::fromStdString(m_project->path()); }

int ProjectSession::setTaxonomy(const nlohmann::json& taxonomy) {
    db::addTaxonomyVersion(m_project->db(), taxonomy);
    loadTaxonomy();
    emit taxonomyChanged();
    return m_taxonomyVersion;
}

void ProjectSession::reloadTaxonomy() {
    loadTaxonomy();
    emit taxonomyChanged();
}

void ProjectSession::loadTaxonomy() {
    const db::TaxonomyRow row = db::currentTaxonomy(m_project->db());
    m_taxonomyVersion = row.version;
    m_taxonomy = row.json;
}

}  // namespace srllm::ui
