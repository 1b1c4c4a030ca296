#pragma once
// A mode page that is not built yet: a title and a sentence saying when it comes.
#include <QWidget>

namespace srllm::ui {

class PlaceholderPage : public QWidget {
    Q_OBJECT
public:
    PlaceholderPage(const QString& title, const QString& message, QWidget* parent = nullptr);
};

}  // namespace srllm::ui
