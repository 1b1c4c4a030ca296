// The event lines of `srllm train`: every event round-trips through one header's keys; a reader skips
// what it cannot know (a newer event, the half line of a killed writer) and keeps the rest.
#include <fstream>

#include <gtest/gtest.h>

#include "core/job/job-events.h"
#include "core/job/job-layout.h"
#include "core/job/warning-summary.h"
#include "support/test-data.h"

using namespace srllm::core;

TEST(JobEvents, EveryEventRoundTrips) {
    const std::vector<JobEventBody> bodies = {
        StartEvent{"/j", 25, 100, "cpu", "fp32", 1000, 100000},
        StepEvent{26, 100, 0, 1.5, 2e-4, 0.7, 2048, 512.5, 4.0, 296.0, 1 << 30},
        EvalEvent{50, 1.25, std::nullopt},
        EvalEvent{50, 1.25, 12.5},
        CheckpointEvent{50, "/j/checkpoints/step-00000050"},
        WarningEvent{"truncated", "d.jsonl:3: field 'response': cut", 676, {3, 4, 9, 12, 20}},
        DoneEvent{100, true, 75, 1.1, 3600.0},
        DoneEvent{100, false, std::nullopt, std::nullopt, 3600.0},
        CancelledEvent{60, "/j/checkpoints/step-00000060"},
        FailedEvent{"out of memory", 61}};
    for (const auto& body : bodies) {
        const JobEvent e{"2026-11-29T18:00:00.000Z", body};
        const auto line = eventLine(e);
        EXPECT_EQ(line.find('\n'), std::string::npos);
        const auto back = parseEventLine(line);
        ASSERT_TRUE(back) << line;
        EXPECT_EQ(back->time, e.time);
        EXPECT_EQ(eventToJson(*back), eventToJson(e)) << line;
        EXPECT_EQ(eventToJson(e)["event"], eventName(body));
    }
}

TEST(JobEvents, DocumentedNamesAndKeys) {
    const auto json = eventToJson({"t", StepEvent{1, 2, 0, 1.0, 0.1, 0.2, 3, 4.0, 5.0, 6.0, 7}});
    EXPECT_EQ(json["event"], "step");
    for (const char* key : {"step", "total_steps", "epoch", "loss_train", "learning_rate", "grad_norm", "tokens",
                            "tokens_per_second", "seconds", "eta_seconds", "memory_bytes", "time"})
        EXPECT_TRUE(json.contains(key)) << key;
}

TEST(JobEvents, ADivergedLossIsWrittenAsNullAndReadAsNan) {
    StepEvent step;
    step.lossTrain = std::nan("");
    const auto back = parseEventLine(eventLine({"t", step}));
    ASSERT_TRUE(back);
    EXPECT_TRUE(std::isnan(std::get<StepEvent>(back->body).lossTrain));
}

TEST(JobEvents, TheLogReaderSkipsUnknownEventsAndAHalfWrittenLastLine) {
    srllm::test::ScratchDir dir;
    std::ofstream(dir / kJobLogFile) << eventLine({"", StartEvent{"/j", 0, 10, "cpu", "fp32", 1, 2}}) << "\n"
                                     << R"({"event":"telemetry","time":"t"})" << "\n"
                                     << eventLine({"", EvalEvent{5, 2.0, std::nullopt}}) << "\n"
                                     << R"({"event":"step","step":6,"total_)";
    const auto events = readJobLog(dir.path());
    ASSERT_EQ(events.size(), 2u);
    EXPECT_TRUE(std::holds_alternative<StartEvent>(events[0].body));
    EXPECT_FALSE(events[0].time.empty());  // eventLine stamps the time
    EXPECT_EQ(std::get<EvalEvent>(events[1].body).step, 5);
    EXPECT_TRUE(readJobLog(dir / "none").empty());
    EXPECT_THROW(parseEventLine(R"({"event":"eval","time":"t","step":1})"), InputError);  // loss_eval missing
}

TEST(WarningSummary, SumsRepeatedWarningsByKindWithTheFirstLines) {
    WarningSummary summary;
    for (int64_t line = 1; line <= 338; ++line) {
        summary.add("truncated", Diagnostic{"d.jsonl", line, "response", "cut to max_length 16 tokens"});
        summary.add("skipped_record", Diagnostic{"d.jsonl", line, "prompt", "record skipped"});
    }
    summary.add("unknown_key", Diagnostic{"job.json", 0, "x", "unknown key ignored"});
    const auto events = summary.events();
    ASSERT_EQ(events.size(), 3u);  // 677 warnings, three lines
    EXPECT_EQ(events[0].kind, "truncated");
    EXPECT_EQ(events[0].count, 338);
    EXPECT_EQ(events[0].firstLines, (std::vector<int64_t>{1, 2, 3, 4, 5}));
    EXPECT_EQ(events[0].message, "d.jsonl:1: field 'response': cut to max_length 16 tokens");
    EXPECT_EQ(events[1].kind, "skipped_record");
    EXPECT_EQ(events[2].count, 1);
    EXPECT_TRUE(events[2].firstLines.empty());
}
