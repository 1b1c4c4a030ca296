#include "ui/annotate/readability-grade.h"

#include <cmath>
#include <exception>

#include <QThread>

#include "core/eval/eval-resources.h"
#include "core/eval/readability.h"
#include "core/eval/syllable-counter.h"

namespace srllm::ui {

ReadabilityGrade& ReadabilityGrade::instance() {
    static auto* grade = new ReadabilityGrade;  // never destroyed: the loading thread may outlive main()
    return *grade;
}

ReadabilityGrade::ReadabilityGrade() {
    auto* thread = QThread::create([this] {
        std::shared_ptr<const core::SyllableCounter> counter;
        QString error;
        try {
            const auto resources = core::defaultEvalResources();
            counter = std::make_shared<core::SyllableCounter>(resources.cmuDictionary, resources.hyphenationPatterns);
        } catch (const std::exception& e) {
            error = QString::fromStdString(e.what());
        }
        QMetaObject::invokeMethod(this, [this, counter, error] {
            m_counter = counter;
            m_error = error;
            emit loaded();
        });
    });
    connect(thread, &QThread::finished, thread, &QObject::deleteLater);
    thread->start(QThread::LowPriority);
}

std::optional<double> ReadabilityGrade::grade(const std::string& text) const {
    if (!m_counter) return std::nullopt;
    const double value = core::readabilityScores(core::readabilityCounts(text, *m_counter)).fleschKincaidGrade;
    if (std::isnan(value)) return std::nullopt;
    return value;
}

}  // namespace srllm::ui
