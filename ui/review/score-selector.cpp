#include "ui/review/score-selector.h"

#include <QButtonGroup>
#include <QFontMetrics>
#include <QHBoxLayout>
#include <QLabel>
#include <QToolButton>

namespace srllm::ui {

ScoreSelector::ScoreSelector(const QString& caption, QWidget* parent)
    : QWidget(parent), m_caption(new QLabel(caption, this)), m_buttons(new QButtonGroup(this)) {
    auto* layout = new QHBoxLayout(this);
    layout->setContentsMargins(4, 2, 4, 2);
    layout->addWidget(m_caption);
    m_buttons->setExclusive(false);  // exclusivity by hand, so the chosen value can be cleared
    for (int score = 1; score <= 5; ++score) {
        auto* button = new QToolButton(this);
        button->setText(QString::number(score));
        button->setCheckable(true);
        button->setFocusPolicy(Qt::NoFocus);
        button->setMinimumWidth(30);
        m_buttons->addButton(button, score);
        layout->addWidget(button);
    }
    layout->addStretch();
    connect(m_buttons, &QButtonGroup::idClicked, this, [this](int score) {
        setValue(m_value == score ? std::nullopt : std::optional<int>(score));
        emit valueChosen(m_value);
    });
}

void ScoreSelector::setValue(std::optional<int> value) {
    m_value = value;
    for (QAbstractButton* button : m_buttons->buttons()) button->setChecked(value && m_buttons->id(button) == *value);
}

int ScoreSelector::captionWidth() const {
    QFont bold = m_caption->font();  // the active caption is bold
    bold.setBold(true);
    return QFontMetrics(bold).horizontalAdvance(m_caption->text()) + 12;
}

void ScoreSelector::setCaptionWidth(int width) { m_caption->setFixedWidth(width); }

void ScoreSelector::setActive(bool active) {
    setAutoFillBackground(active);
    setBackgroundRole(active ? QPalette::AlternateBase : QPalette::Window);
    QFont font = m_caption->font();
    font.setBold(active);
    m_caption->setFont(font);
}

}  // namespace srllm::ui
