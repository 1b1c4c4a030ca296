#pragma once
// The readability grade of the rewrite editor: core/eval's Flesch-Kincaid grade (the project's one
// readability implementation), its syllable dictionary loaded once per process on a thread of its own so
// that opening the Annotate view never waits for it. Threading: GUI thread only (the load runs elsewhere).
#include <memory>
#include <optional>
#include <string>

#include <QObject>
#include <QString>

namespace srllm::core {
class SyllableCounter;
}

namespace srllm::ui {

class ReadabilityGrade : public QObject {
    Q_OBJECT
public:
    // The process-wide one; the first call starts loading the CMU dictionary and hyphenation patterns.
    static ReadabilityGrade& instance();

    bool ready() const { return m_counter != nullptr; }
    QString error() const { return m_error; }  // why there is no grade; "" while loading or once ready
    // The Flesch-Kincaid grade of `text`; nullopt before ready() and for a text without words.
    std::optional<double> grade(const std::string& text) const;

signals:
    void loaded();  // ready() or error() has changed

private:
    ReadabilityGrade();

    std::shared_ptr<const core::SyllableCounter> m_counter;
    QString m_error;
};

}  // namespace srllm::ui
