#pragma once
// Runs a call that must refuse its input and hands back the diagnostic, so a test states what the
// error names (file, line, field, message) instead of repeating try/FAIL/catch.
#include <optional>
#include <string>

#include <gtest/gtest.h>

#include "core/common/diagnostics.h"

namespace srllm::test {

struct CaughtInputError {
    core::Diagnostic diagnostic;
    std::string what;
    bool mentions(const std::string& part) const { return what.find(part) != std::string::npos; }
};

// Empty (and a recorded test failure) when the call returned normally.
template <class Call>
std::optional<CaughtInputError> catchInputError(Call&& call) {
    try {
        call();
    } catch (const core::InputError& e) {
        return CaughtInputError{e.diagnostic(), e.what()};
    }
    ADD_FAILURE() << "expected core::InputError";
    return std::nullopt;
}

}  // namespace srllm::test
