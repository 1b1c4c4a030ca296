#include "ui/review/review-view.h"

#include <algorithm>

#include <QButtonGroup>
#include <QComboBox>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QPointer>
#include <QPushButton>
#include <QSplitter>
#include <QTextBrowser>
#include <QToolButton>
#include <QUndoStack>
#include <QVBoxLayout>

#include "ui/project-session.h"
#include "ui/review/review-judgement-command.h"
#include "ui/review/review-output-panel.h"
#include "ui/review/review-package-actions.h"
#include "ui/review/review-results-dialog.h"
#include "ui/review/review-session-dialog.h"
#include "ui/review/score-selector.h"
#include "ui/shortcut-registry.h"

namespace srllm::ui {

ReviewView::ReviewView(ProjectSession* session, QWidget* parent)
    : QWidget(parent), m_session(session), m_sessions(new QComboBox(this)), m_progress(new QLabel(this)),
      m_original(new QTextBrowser(this)), m_referenceButton(new QToolButton(this)), m_reference(new QTextBrowser(this)),
      m_a(new ReviewOutputPanel(tr("Output A"), this)), m_b(new ReviewOutputPanel(tr("Output B"), this)),
      m_verdicts(new QButtonGroup(this)), m_comment(new QLineEdit(this)), m_reveal(new QLabel(this)) {
    auto* top = new QHBoxLayout;
    top->addWidget(new QLabel(tr("Review session:"), this));
    top->addWidget(m_sessions, 1);
    top->addWidget(m_progress);
    auto* create = new QPushButton(tr("New session…"), this);
    auto* results = new QPushButton(tr("Results…"), this);
    top->addWidget(create);
    top->addWidget(results);
    if (m_session->isExpert()) {  // the lead carries sessions to reviewers offline
        auto* package = new QPushButton(tr("Package…"), this);
        auto* merge = new QPushButton(tr("Merge…"), this);
        package->setToolTip(tr("Write a reviewer's comparisons of a session as a blind package to judge offline."));
        merge->setToolTip(tr("Bring judged review packages back (merging twice is merging once)."));
        connect(package, &QPushButton::clicked, this, [this] { ReviewPackageActions::packageWithDialogs(m_session, this); });
        connect(merge, &QPushButton::clicked, this, [this] {
            if (ReviewPackageActions::mergeWithDialogs(m_session, this)) loadQueue();
        });
        top->addWidget(package);
        top->addWidget(merge);
    }

    m_original->setMaximumHeight(90);
    QFont textFont = m_original->font();
    textFont.setPointSizeF(textFont.pointSizeF() * 1.2);
    m_original->setFont(textFont);
    m_referenceButton->setText(tr("Show the reference rewrite (R)"));
    m_referenceButton->setCheckable(true);
    m_reference->setMaximumHeight(70);
    m_reference->hide();
    auto* outputs = new QSplitter(Qt::Horizontal, this);
    outputs->addWidget(m_a);
    outputs->addWidget(m_b);

    auto* verdictRow = new QHBoxLayout;
    const QList<QPair<db::Verdict, QString>> verdicts = {{db::Verdict::A, tr("A is better (A)")},
                                                         {db::Verdict::B, tr("B is better (B)")},
                                                         {db::Verdict::Tie, tr("Tie (T)")},
                                                         {db::Verdict::BothUnsafe, tr("Both unsafe (U)")}};
    for (const auto& [verdict, text] : verdicts) {
        auto* button = new QPushButton(text, this);
        button->setCheckable(true);
        button->setFocusPolicy(Qt::NoFocus);
        button->setMinimumSize(150, 34);
        m_verdicts->addButton(button, int(verdict));
        verdictRow->addWidget(button);
    }
    m_comment->setPlaceholderText(tr("Comment (C to write, Enter to go back to the keys)"));
    verdictRow->addWidget(m_comment, 1);

    auto* layout = new QVBoxLayout(this);
    layout->addLayout(top);
    layout->addWidget(new QLabel(tr("Original text"), this));
    layout->addWidget(m_original);
    layout->addWidget(m_referenceButton, 0, Qt::AlignLeft);
    layout->addWidget(m_reference);
    layout->addWidget(outputs, 1);
    layout->addLayout(verdictRow);
    layout->addWidget(m_reveal);

    m_fields = {m_a->safety(), m_a->language(), m_b->safety(), m_b->language()};
    for (ScoreSelector* field : m_fields) connect(field, &ScoreSelector::valueChosen, this, &ReviewView::commit);
    connect(m_a, &ReviewOutputPanel::tagsChanged, this, &ReviewView::commit);
    connect(m_b, &ReviewOutputPanel::tagsChanged, this, &ReviewView::commit);
    connect(m_verdicts, &QButtonGroup::idClicked, this, [this](int id) { chooseVerdict(db::Verdict(id)); });
    connect(m_comment, &QLineEdit::editingFinished, this, &ReviewView::commit);
    connect(m_comment, &QLineEdit::returnPressed, this, [this] { setFocus(); });
    connect(m_referenceButton, &QToolButton::toggled, m_reference, &QWidget::setVisible);
    connect(m_sessions, &QComboBox::currentIndexChanged, this, &ReviewView::loadQueue);
    connect(create, &QPushButton::clicked, this, [this] {
        ReviewSessionDialog dialog(m_session, this);
        if (dialog.exec() == QDialog::Accepted) {
            reloadSessions();
            selectSession(dialog.createdSessionId());
        }
    });
    connect(results, &QPushButton::clicked, this, [this] {
        if (m_sessions->currentIndex() >= 0)
            ReviewResultsDialog(m_session, m_sessions->currentData().toLongLong(), this).exec();
    });
    // Chosen scores, tags and verdict in the selection colours, so a judgement reads at a glance.
    setStyleSheet(QStringLiteral("QToolButton:checked, QPushButton:checked { background: palette(highlight);"
                                 " color: palette(highlighted-text); }"));
    setFocusPolicy(Qt::StrongFocus);
    connect(m_session, &ProjectSession::taxonomyChanged, this, &ReviewView::reloadTagChoices);
    createActions();
    reloadTagChoices();
    reloadSessions();
}

void ReviewView::reloadTagChoices() {
    const std::vector<db::ReviewTag> choices = db::reviewRationaleTags(m_session->db());
    m_a->setTagChoices(choices);
    m_b->setTagChoices(choices);
    if (m_index >= 0 && m_index < taskCount()) showTask(m_index);  // tick the shown judgement's tags again
}

void ReviewView::createActions() {
    const auto add = [this](const QString& id, const QString& text, const QKeySequence& key, std::function<void()> run) {
        ShortcutRegistry::instance().addViewAction(this, id, text, key, std::move(run));
    };
    add("review.a", tr("Review: A is better"), QKeySequence(Qt::Key_A), [this] { chooseVerdict(db::Verdict::A); });
    add("review.b", tr("Review: B is better"), QKeySequence(Qt::Key_B), [this] { chooseVerdict(db::Verdict::B); });
    add("review.tie", tr("Review: tie"), QKeySequence(Qt::Key_T), [this] { chooseVerdict(db::Verdict::Tie); });
    add("review.both-unsafe", tr("Review: both unsafe"), QKeySequence(Qt::Key_U),
        [this] { chooseVerdict(db::Verdict::BothUnsafe); });
    add("review.next", tr("Review: next comparison"), QKeySequence(Qt::Key_J), [this] { showTask(m_index + 1); });
    add("review.previous", tr("Review: previous comparison"), QKeySequence(Qt::Key_K), [this] { showTask(m_index - 1); });
    add("review.field-down", tr("Review: next score"), QKeySequence(Qt::Key_Down), [this] { setActiveField(m_activeField + 1); });
    add("review.field-up", tr("Review: previous score"), QKeySequence(Qt::Key_Up), [this] { setActiveField(m_activeField - 1); });
    add("review.reference", tr("Review: show or hide the reference rewrite"), QKeySequence(Qt::Key_R),
        [this] { m_referenceButton->toggle(); });
    add("review.comment", tr("Review: write a comment"), QKeySequence(Qt::Key_C),
        [this] { m_comment->setFocus(Qt::ShortcutFocusReason); });
    for (int score = 1; score <= 5; ++score)
        add(QStringLiteral("review.score-%1").arg(score), tr("Review: score %1 for the active field").arg(score),
            QKeySequence(Qt::Key_0 + score), [this, score] { chooseScore(score); });
}

void ReviewView::reloadSessions() {
    const QVariant current = m_sessions->currentData();
    const QSignalBlocker block(m_sessions);
    m_sessions->clear();
    for (const auto& [id, name] : db::reviewSessionsOf(m_session->db(), m_session->annotatorId()))
        m_sessions->addItem(QString::fromStdString(name), qlonglong(id));
    const int index = m_sessions->findData(current);
    m_sessions->setCurrentIndex(index >= 0 ? index : m_sessions->count() - 1);
    loadQueue();
}

void ReviewView::selectSession(int64_t sessionId) {
    const int index = m_sessions->findData(qlonglong(sessionId));
    if (index >= 0) m_sessions->setCurrentIndex(index);
}

void ReviewView::loadQueue() {
    m_tasks.clear();
    if (m_sessions->currentIndex() >= 0)
        m_tasks = db::reviewQueue(m_session->db(), m_sessions->currentData().toLongLong(), m_session->annotatorId());
    int first = 0;  // resume at the first comparison not judged yet
    while (first < taskCount() && m_tasks[size_t(first)].judged) ++first;
    m_index = -1;
    showTask(std::min(first, std::max(taskCount() - 1, 0)));
}

void ReviewView::showTask(int index) {
    if (index < 0 || index >= taskCount()) {
        if (m_tasks.empty()) {
            m_original->setPlainText(tr("No comparisons are assigned to you. Create a review session with “New "
                                        "session…” or ask for an assignment (srllm review assign)."));
            m_a->showOutput({}, {});
            m_b->showOutput({}, {});
            showJudgement(std::nullopt);
            updateStatus();
        }
        return;
    }
    m_index = index;
    const db::ReviewTask& task = m_tasks[size_t(index)];
    const QString original = QString::fromStdString(task.source);
    m_original->setPlainText(original);
    QStringList references;
    for (const std::string& r : task.references) references << QString::fromStdString(r);
    m_reference->setPlainText(references.isEmpty() ? tr("(no reference rewrite)") : references.join(QStringLiteral("\n\n")));
    m_referenceButton->setChecked(false);
    m_a->showOutput(original, QString::fromStdString(task.outputA));
    m_b->showOutput(original, QString::fromStdString(task.outputB));
    showJudgement(db::judgementOf(m_session->db(), task.comparisonId, m_session->annotatorId()));
    setActiveField(0);
    m_timer.restart();
    setFocus();
}

void ReviewView::showJudgement(const std::optional<db::Judgement>& j) {
    m_loading = true;
    const QSignalBlocker block(m_verdicts);
    m_verdicts->setExclusive(false);
    for (QAbstractButton* button : m_verdicts->buttons()) button->setChecked(j && m_verdicts->id(button) == int(j->verdict));
    m_verdicts->setExclusive(true);
    m_a->safety()->setValue(j ? j->safetyA : std::nullopt);
    m_a->language()->setValue(j ? j->languageA : std::nullopt);
    m_b->safety()->setValue(j ? j->safetyB : std::nullopt);
    m_b->language()->setValue(j ? j->languageB : std::nullopt);
    m_a->setTags(j ? j->tagsA : std::vector<std::string>{});
    m_b->setTags(j ? j->tagsB : std::vector<std::string>{});
    m_comment->setText(j && j->comment ? QString::fromStdString(*j->comment) : QString());
    m_loading = false;
    updateStatus();
}

void ReviewView::setActiveField(int field) {
    m_activeField = std::clamp(field, 0, int(m_fields.size()) - 1);
    for (size_t f = 0; f < m_fields.size(); ++f) m_fields[f]->setActive(int(f) == m_activeField);
}

void ReviewView::chooseScore(int score) {
    if (m_index < 0) return;
    m_fields[size_t(m_activeField)]->setValue(score);
    commit();
    setActiveField(m_activeField + 1);  // four digits score both outputs
}

void ReviewView::chooseVerdict(db::Verdict verdict) {
    if (m_index < 0) return;
    m_verdicts->button(int(verdict))->setChecked(true);
    commit();
}

void ReviewView::commit() {
    if (m_loading || m_index < 0) return;
    if (m_verdicts->checkedId() < 0) {
        emit message(tr("Choose a verdict (A, B, T or U) to save this comparison."));
        return;
    }
    const int64_t comparison = m_tasks[size_t(m_index)].comparisonId;
    db::Judgement after;
    after.comparisonId = comparison;
    after.verdict = db::Verdict(m_verdicts->checkedId());
    after.safetyA = m_a->safety()->value();
    after.languageA = m_a->language()->value();
    after.safetyB = m_b->safety()->value();
    after.languageB = m_b->language()->value();
    after.tagsA = m_a->tags();
    after.tagsB = m_b->tags();
    if (!m_comment->text().trimmed().isEmpty()) after.comment = m_comment->text().trimmed().toStdString();
    const auto before = db::judgementOf(m_session->db(), comparison, m_session->annotatorId());
    after.seconds = (before ? before->seconds : 0.0) + double(m_timer.restart()) / 1000.0;
    const auto same = [](const db::Judgement& x, const db::Judgement& y) {
        return x.verdict == y.verdict && x.safetyA == y.safetyA && x.safetyB == y.safetyB && x.languageA == y.languageA &&
               x.languageB == y.languageB && x.tagsA == y.tagsA && x.tagsB == y.tagsB && x.comment == y.comment;
    };
    if (before && same(*before, after)) return;
    QPointer<ReviewView> self(this);
    m_session->undoStack()->push(new ReviewJudgementCommand(
        tr("Review judgement"), [self](int64_t id, const std::optional<db::Judgement>& j) {
            if (self) self->apply(id, j);
        },
        comparison, before, after));
}

void ReviewView::apply(int64_t comparisonId, const std::optional<db::Judgement>& judgement) {
    if (judgement) db::saveJudgement(m_session->db(), m_session->annotatorId(), *judgement);
    else db::deleteJudgement(m_session->db(), comparisonId, m_session->annotatorId());
    for (size_t k = 0; k < m_tasks.size(); ++k) {
        if (m_tasks[k].comparisonId != comparisonId) continue;
        m_tasks[k].judged = judgement.has_value();
        if (int(k) != m_index) showTask(int(k));  // undo brings back the comparison it belongs to
        else showJudgement(judgement);
    }
}

void ReviewView::updateStatus() {
    const auto judged = std::count_if(m_tasks.begin(), m_tasks.end(), [](const db::ReviewTask& t) { return t.judged; });
    m_progress->setText(m_tasks.empty() ? QString()
                                        : tr("Comparison %1 of %2 · %3 judged").arg(m_index + 1).arg(taskCount()).arg(judged));
    if (m_index < 0 || !m_tasks[size_t(m_index)].judged) {
        m_reveal->setText(tr("The runs behind A and B are shown after you have judged."));
        return;
    }
    const db::RevealedSides sides = db::revealSides(m_session->db(), m_tasks[size_t(m_index)].comparisonId,
                                                    m_session->annotatorId());
    m_reveal->setText(tr("Judged. A was <b>%1</b>, B was <b>%2</b>.")
                          .arg(QString::fromStdString(sides.runA).toHtmlEscaped(),
                               QString::fromStdString(sides.runB).toHtmlEscaped()));
}

}  // namespace srllm::ui
