#include "ui/review/review-output-panel.h"

#include <algorithm>

#include <QGridLayout>
#include <QToolButton>
#include <QVBoxLayout>

#include "db/review-queue.h"
#include "ui/annotate/word-diff-view.h"
#include "ui/review/score-selector.h"

namespace srllm::ui {

ReviewOutputPanel::ReviewOutputPanel(const QString& title, QWidget* parent)
    : QGroupBox(title, parent), m_diff(new WordDiffView(this)), m_safety(new ScoreSelector(tr("Safety (1 unsafe – 5 safe)"), this)),
      m_language(new ScoreSelector(tr("Language (1 poor – 5 fluent, same meaning)"), this)) {
    auto* layout = new QVBoxLayout(this);
    layout->addWidget(m_diff, 1);
    layout->addWidget(m_safety);
    layout->addWidget(m_language);
    const int width = std::max(m_safety->captionWidth(), m_language->captionWidth());  // buttons line up
    m_safety->setCaptionWidth(width);
    m_language->setCaptionWidth(width);
    QFont font = m_diff->font();
    font.setPointSizeF(font.pointSizeF() * 1.2);
    m_diff->setFont(font);
    m_tagGrid = new QGridLayout;
    layout->addLayout(m_tagGrid);
}

void ReviewOutputPanel::setTagChoices(const std::vector<db::ReviewTag>& choices) {
    qDeleteAll(m_tags);
    m_tags.clear();
    for (size_t k = 0; k < choices.size(); ++k) {
        auto* button = new QToolButton(this);
        button->setText(tagName(choices[k]));
        button->setCheckable(true);
        button->setFocusPolicy(Qt::NoFocus);
        button->setProperty("tag", QString::fromStdString(choices[k].key));
        button->setSizePolicy(QSizePolicy::Expanding, QSizePolicy::Fixed);
        connect(button, &QToolButton::clicked, this, &ReviewOutputPanel::tagsChanged);
        m_tagGrid->addWidget(button, int(k / 4), int(k % 4));
        m_tags.push_back(button);
    }
}

void ReviewOutputPanel::showOutput(const QString& original, const QString& output) { m_diff->showDiff(original, output); }

std::vector<std::string> ReviewOutputPanel::tags() const {
    std::vector<std::string> out = m_keptTags;
    for (const QToolButton* button : m_tags)
        if (button->isChecked()) out.push_back(button->property("tag").toString().toStdString());
    return out;
}

void ReviewOutputPanel::setTags(const std::vector<std::string>& tags) {
    m_keptTags.clear();  // a stored judgement keeps tags a later taxonomy no longer offers
    for (const std::string& tag : tags)
        if (std::none_of(m_tags.begin(), m_tags.end(), [&](const QToolButton* b) { return b->property("tag").toString().toStdString() == tag; }))
            m_keptTags.push_back(tag);
    for (QToolButton* button : m_tags)
        button->setChecked(std::find(tags.begin(), tags.end(), button->property("tag").toString().toStdString()) != tags.end());
}

QString ReviewOutputPanel::tagName(const db::ReviewTag& tag) {
    // NOTE: one entry per review tag of resources/taxonomy/default-taxonomy.json; others show their label.
    const std::string& key = tag.key;
    if (key == "still_toxic") return tr("Still toxic");
    if (key == "still_biased") return tr("Still biased");
    if (key == "still_harmful") return tr("Still harmful");
    if (key == "meaning_lost") return tr("Meaning lost");
    if (key == "truncated") return tr("Truncated");
    if (key == "wrong_language") return tr("Wrong language");
    if (key == "needless_refusal") return tr("Needless refusal");
    if (key == "repetition") return tr("Repetition");
    return QString::fromStdString(tag.label);
}

}  // namespace srllm::ui
