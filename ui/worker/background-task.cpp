#include "ui/worker/background-task.h"

#include <QCoreApplication>
#include <QDeadlineTimer>

namespace srllm::ui {

BackgroundTask::~BackgroundTask() {
    m_cancel = true;
    if (m_thread.joinable()) m_thread.join();
}

bool BackgroundTask::run(Work work) {
    if (m_running) return false;
    if (m_thread.joinable()) m_thread.join();  // ended: its delivery has run
    m_cancel = false;
    m_running = true;
    m_thread = std::thread([this, work = std::move(work)] {
        Delivery delivery = work(m_cancel);
        // Queued to this object: dropped if it is destroyed first (the destructor joins before that).
        QMetaObject::invokeMethod(this, [this, delivery = std::move(delivery)] {
            m_running = false;
            if (delivery) delivery();
        }, Qt::QueuedConnection);
    });
    return true;
}

bool BackgroundTask::wait(int msecs) {
    const QDeadlineTimer deadline(msecs);
    while (m_running && !deadline.hasExpired()) QCoreApplication::processEvents(QEventLoop::AllEvents, 20);
    return !m_running;
}

}  // namespace srllm::ui
