#pragma once
// The annotation guidelines from the taxonomy JSON: each field's definition, values and examples, plus
// the span and rewrite instructions. The field being labelled is highlighted and scrolled into view.
#include <QTextBrowser>
#include <nlohmann/json.hpp>

namespace srllm::ui {

class GuidelinePanel : public QTextBrowser {
    Q_OBJECT
public:
    explicit GuidelinePanel(QWidget* parent = nullptr);

    void setTaxonomy(const nlohmann::json& taxonomy);

public slots:
    void showField(const QString& key);

private:
    void render();

    nlohmann::json m_taxonomy;
    QString m_activeKey;
};

}  // namespace srllm::ui
