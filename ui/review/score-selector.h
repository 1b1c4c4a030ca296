#pragma once
// A 1–5 score as five exclusive buttons with a caption; the active one (the keyboard's target for the
// digit keys) is highlighted. Clicking the chosen value again clears it.
#include <optional>

#include <QWidget>

class QButtonGroup;
class QLabel;

namespace srllm::ui {

class ScoreSelector : public QWidget {
    Q_OBJECT
public:
    ScoreSelector(const QString& caption, QWidget* parent = nullptr);

    std::optional<int> value() const { return m_value; }
    void setValue(std::optional<int> value);  // no signal
    void setActive(bool active);
    int captionWidth() const;
    void setCaptionWidth(int width);  // aligns the buttons of stacked selectors

signals:
    void valueChosen(std::optional<int> value);

private:
    QLabel* m_caption;
    QButtonGroup* m_buttons;
    std::optional<int> m_value;
};

}  // namespace srllm::ui
