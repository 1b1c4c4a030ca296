#pragma once
// Time spent on the item on screen: it runs only while the application is active, so a window left in
// the background overnight does not count. take() hands over the seconds since the last take().
#include <QElapsedTimer>
#include <QObject>

namespace srllm::ui {

class ItemTimer : public QObject {
    Q_OBJECT
public:
    explicit ItemTimer(QObject* parent = nullptr);

    double take();

private:
    void setRunning(bool running);

    QElapsedTimer m_clock;
    double m_banked = 0;  // seconds from earlier active periods not yet taken
};

}  // namespace srllm::ui
