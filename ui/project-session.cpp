#include "ui/project-session.h"

#include <QTimer>
#include <QUndoStack>

#include "db/annotators.h"
#include "db/project.h"
#include "db/taxonomy-store.h"

namespace srllm::ui {

namespace {
constexpr int kPollMs = 1000;  // data_version is one cheap pragma; a second is quick enough to notice a CLI run
}

ProjectSession::ProjectSession(std::unique_ptr<db::Project> project, int64_t annotatorId, QObject* parent)
    : QObject(parent), m_project(std::move(project)), m_annotatorId(annotatorId),
      m_undoStack(new QUndoStack(this)), m_poll(new QTimer(this)) {
    for (const db::AnnotatorRow& row : db::listAnnotators(m_project->db())) {
        if (row.id != annotatorId) continue;
        m_annotatorName = QString::fromStdString(row.name);
        m_annotatorRole = QString::fromStdString(row.role);
    }
    m_project->db().setReader(reader());
    loadTaxonomy();
    m_dataVersion = m_project->db().dataVersion();
    connect(m_poll, &QTimer::timeout, this, &ProjectSession::checkForOutsideChanges);
    m_poll->start(kPollMs);
}

ProjectSession::~ProjectSession() = default;

db::Database& ProjectSession::db() { return m_project->db(); }

QString ProjectSession::projectPath() const { return QString::fromStdString(m_project->path()); }

db::Reader ProjectSession::reader() const { return {m_annotatorId, m_annotatorRole.toStdString()}; }

std::unique_ptr<db::Project> ProjectSession::openConnection(const QString& path, const db::Reader& reader) {
    auto project = db::Project::open(path.toStdString());
    project->db().setReader(reader);
    return project;
}

void ProjectSession::reloadTaxonomy() {
    loadTaxonomy();
    emit taxonomyChanged();
}

void ProjectSession::checkForOutsideChanges() {
    const int64_t version = m_project->db().dataVersion();
    if (version == m_dataVersion) return;
    m_dataVersion = version;
    const int before = m_taxonomyVersion;
    loadTaxonomy();
    if (m_taxonomyVersion != before) emit taxonomyChanged();
    emit changedElsewhere();
}

void ProjectSession::loadTaxonomy() {
    const db::TaxonomyRow row = db::currentTaxonomy(m_project->db());
    m_taxonomyVersion = row.version;
    m_taxonomy = row.json;
}

}  // namespace srllm::ui
