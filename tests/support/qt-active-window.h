#pragma once
// For Qt GUI tests that need keyboard shortcuts: whether the Qt platform can activate a window
// (header-only: only tests that link Qt include it). A test's main() returns 77 (skip) when not.
#include <QApplication>
#include <QTest>
#include <QWidget>

namespace srllm::test {

inline bool platformActivatesWindows() {
    QWidget probe;
    probe.show();
    QApplication::setActiveWindow(&probe);
    if (QTest::qWaitForWindowActive(&probe)) return true;
    qWarning("skip: the Qt platform '%s' cannot activate a window", qPrintable(QApplication::platformName()));
    return false;
}

}  // namespace srllm::test
