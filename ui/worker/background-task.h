#pragma once
// One piece of work at a time on a thread of its own, for work too long for the GUI thread but not worth
// a process (reading a snapshot, tokenizing, hashing a model). The work returns a closure that is then
// run on the GUI thread with the result; a cancel flag is there for work that can stop. The destructor
// cancels and waits, so no result arrives after the owner has gone.
#include <atomic>
#include <functional>
#include <thread>

#include <QObject>

namespace srllm::ui {

class BackgroundTask : public QObject {
    Q_OBJECT
public:
    using Delivery = std::function<void()>;  // runs on the GUI thread
    using Work = std::function<Delivery(const std::atomic<bool>& cancelled)>;

    explicit BackgroundTask(QObject* parent = nullptr) : QObject(parent) {}
    ~BackgroundTask() override;

    // Starts `work` unless one is running (then false). Call from the GUI thread.
    bool run(Work work);
    void cancel() { m_cancel = true; }
    bool isRunning() const { return m_running; }
    // Blocks until the work and its delivery are done or msecs pass (tests only); true when done.
    bool wait(int msecs);

private:
    std::thread m_thread;
    std::atomic<bool> m_cancel{false};
    bool m_running = false;
};

}  // namespace srllm::ui
