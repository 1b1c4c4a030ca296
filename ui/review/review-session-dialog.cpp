#include "ui/review/review-session-dialog.h"

#include <QDialogButtonBox>
#include <QFormLayout>
#include <QLineEdit>
#include <QListWidget>
#include <QMessageBox>
#include <QSpinBox>

#include "db/annotators.h"
#include "db/database.h"
#include "db/generation-runs.h"
#include "db/review-sessions.h"
#include "ui/project-session.h"

namespace srllm::ui {

ReviewSessionDialog::ReviewSessionDialog(ProjectSession* session, QWidget* parent)
    : QDialog(parent), m_session(session), m_name(new QLineEdit(this)), m_runs(new QListWidget(this)),
      m_items(new QSpinBox(this)), m_perItem(new QSpinBox(this)), m_seed(new QSpinBox(this)),
      m_reviewers(new QLineEdit(this)) {
    setWindowTitle(tr("New review session"));
    m_name->setText(tr("review %1").arg(db::listReviewSessions(session->db()).size() + 1));
    for (const db::GenerationRunRow& run : db::listGenerationRuns(session->db())) {
        auto* item = new QListWidgetItem(tr("%1 (%2 of %3 outputs)")
                                             .arg(QString::fromStdString(run.spec.name))
                                             .arg(run.outputCount)
                                             .arg(run.itemCount),
                                         m_runs);
        item->setData(Qt::UserRole, qlonglong(run.id));
        item->setCheckState(Qt::Checked);
    }
    m_items->setRange(1, 1000000);
    m_items->setValue(100);
    m_perItem->setRange(1, 100);
    m_seed->setRange(0, 1 << 30);
    m_seed->setValue(1);
    m_reviewers->setText(session->annotatorName());
    m_reviewers->setPlaceholderText(tr("names, separated by commas"));
    auto* form = new QFormLayout(this);
    form->addRow(tr("Name"), m_name);
    form->addRow(tr("Runs to compare"), m_runs);
    form->addRow(tr("Items (drawn by risk)"), m_items);
    form->addRow(tr("Reviewers per comparison"), m_perItem);
    form->addRow(tr("Random seed"), m_seed);
    form->addRow(tr("Reviewers"), m_reviewers);
    auto* buttons = new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel, this);
    form->addRow(buttons);
    connect(buttons, &QDialogButtonBox::accepted, this, &QDialog::accept);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
}

void ReviewSessionDialog::accept() {
    db::ReviewSessionSpec spec;
    spec.name = m_name->text().trimmed().toStdString();
    for (int row = 0; row < m_runs->count(); ++row)
        if (m_runs->item(row)->checkState() == Qt::Checked) spec.runIds.push_back(m_runs->item(row)->data(Qt::UserRole).toLongLong());
    spec.items = m_items->value();
    spec.reviewersPerItem = m_perItem->value();
    spec.seed = uint64_t(m_seed->value());
    std::vector<std::string> names;
    for (const QString& name : m_reviewers->text().split(QLatin1Char(','), Qt::SkipEmptyParts))
        if (!name.trimmed().isEmpty()) names.push_back(name.trimmed().toStdString());
    if (int(names.size()) < spec.reviewersPerItem) {  // checked first, so a refused assignment leaves no session
        QMessageBox::warning(this, tr("New review session"),
                             tr("Name at least %1 reviewers, one for each judgement of a comparison.").arg(spec.reviewersPerItem));
        return;
    }
    try {
        db::Database& db = m_session->db();
        m_created = db::createReviewSession(db, spec).id;
        std::vector<int64_t> reviewers;
        for (const std::string& name : names) reviewers.push_back(db::ensureAnnotator(db, name, "reviewer"));
        db::assignReviewers(db, m_created, reviewers);
    } catch (const db::DbError& e) {
        m_created = 0;
        QMessageBox::warning(this, tr("New review session"), QString::fromStdString(e.what()));
        return;
    }
    QDialog::accept();
}

}  // namespace srllm::ui
