#include "ui/annotate/item-timer.h"

#include <QGuiApplication>

namespace srllm::ui {

ItemTimer::ItemTimer(QObject* parent) : QObject(parent) {
    setRunning(QGuiApplication::applicationState() == Qt::ApplicationActive);
    connect(qGuiApp, &QGuiApplication::applicationStateChanged, this,
            [this](Qt::ApplicationState state) { setRunning(state == Qt::ApplicationActive); });
}

double ItemTimer::take() {
    double seconds = m_banked;
    m_banked = 0;
    if (m_clock.isValid()) seconds += m_clock.restart() / 1000.0;
    return seconds;
}

void ItemTimer::setRunning(bool running) {
    if (running == m_clock.isValid()) return;
    if (running) {
        m_clock.start();
    } else {
        m_banked += m_clock.elapsed() / 1000.0;
        m_clock.invalidate();
    }
}

}  // namespace srllm::ui
