#include "core/train/trainer.h"

#include <chrono>
#include <cmath>

#include <nlohmann/json.hpp>

#include "core/common/durable-file.h"
#include "core/io/peft-format.h"
#include "core/job/job-layout.h"
#include "core/model/autocast-scope.h"
#include "core/model/model-loader.h"
#include "core/tokenizer/tokenizer-loader.h"
#include "core/train/chunked-cross-entropy.h"
#include "core/train/fused-adamw.h"
#include "core/train/train-device.h"

namespace srllm::core {

namespace {

// torch.cuda.amp.GradScaler's defaults: halve on overflow, double after 2000 clean steps.
constexpr double kScaleBackoff = 0.5;
constexpr double kScaleGrowth = 2.0;
constexpr int64_t kScaleGrowthInterval = 2000;

}  // namespace

Trainer::Trainer(CausalLM model, TrainConfig config, std::vector<TokenizedExample> train,
                 std::vector<TokenizedExample> eval, std::filesystem::path jobDir, int64_t padId, torch::Device device)
    : m_model(std::move(model)),
      m_config(std::move(config)),
      m_train(std::move(train)),
      m_eval(std::move(eval)),
      m_jobDir(std::move(jobDir)),
      m_padId(padId),
      m_device(device) {
    validateTrainConfig(m_config, "");
    m_autocast = autocastDtype(m_config.precision, m_device);
    if (m_train.empty()) throw InputError("", 0, "", "no training examples (hint: check the data file)");
}

void Trainer::setup(bool resume) {
    torch::manual_seed(m_config.seed);  // the CPU generator and every CUDA one
    if (m_config.method == TrainMethod::Full) {
        for (auto& p : m_model->parameters()) p.set_requires_grad(true);
    } else {
        // LoRA is applied (and NF4 quantized) on the CPU, so the adapters' init draws from the CPU generator
        // on every device; the model moves afterwards, NF4 codes included (they are buffers).
        LoraApplyOptions options;
        options.quantizeBase = m_config.method == TrainMethod::Qlora;
        options.computeDtype = m_config.precision == Precision::Bf16   ? torch::kBFloat16
                               : m_config.precision == Precision::Fp16 ? torch::kFloat16
                                                                       : torch::kFloat32;
        m_loraReport = applyLora(*m_model, m_config.lora, options);
    }
    m_model->to(m_device);
    resetPeakMemory(m_device);
    // AdamW with HF's grouping: no weight decay on biases and norm weights (1-d parameters).
    std::vector<torch::Tensor> decay, noDecay;
    m_trainable.clear();
    for (auto& p : m_model->parameters()) {
        if (!p.requires_grad()) continue;
        m_trainable.push_back(p);
        (p.dim() >= 2 ? decay : noDecay).push_back(p);
    }
    auto options = [&](double weightDecay) {
        return std::make_unique<torch::optim::AdamWOptions>(torch::optim::AdamWOptions(m_config.learningRate)
                                                                .betas({m_config.adamBeta1, m_config.adamBeta2})
                                                                .eps(m_config.adamEps)
                                                                .weight_decay(weightDecay));
    };
    std::vector<torch::optim::OptimizerParamGroup> groups;
    if (!decay.empty()) groups.emplace_back(decay, options(m_config.weightDecay));
    if (!noDecay.empty()) groups.emplace_back(noDecay, options(0.0));
    m_optimizer = std::make_unique<FusedAdamW>(groups, *options(m_config.weightDecay));
    m_state = TrainingState{};
    m_state.configJson = m_config.toJson().dump();
    if (resume) restoreLatestCheckpoint();
    if (m_parallel) m_parallel->attach(m_trainable);
}

void Trainer::restoreLatestCheckpoint() {
    const auto latest = latestCheckpoint(m_jobDir / kCheckpointsFolder, m_warnings);
    if (!latest) return;
    auto weights = trainableWeights();
    const auto restored = readCheckpoint(*latest, weights, *m_optimizer, m_device);
    if (restored.configJson != m_state.configJson) {
        throw InputError((*latest / kCheckpointStateFile).string(), 0, "config",
                         "was written with other training settings (hint: resume with the job's own job.json, or "
                         "Discard the outputs and start again)");
    }
    m_state = restored;
}

int64_t Trainer::totalSteps() const {
    if (m_config.maxSteps > 0) return m_config.maxSteps;
    const int64_t perStep = m_config.batchSize * m_config.gradAccumulation;
    const int64_t perEpoch = (static_cast<int64_t>(m_train.size()) + perStep - 1) / perStep;
    return perEpoch * m_config.epochs;
}

double Trainer::learningRateAt(int64_t step) const {
    // HF get_{constant,cosine}_schedule_with_warmup: warmup = ceil(ratio * total), lr 0 at step 0.
    const int64_t total = totalSteps();
    const auto warmup = static_cast<int64_t>(std::ceil(m_config.warmupRatio * static_cast<double>(total)));
    if (step < warmup) return m_config.learningRate * static_cast<double>(step) / static_cast<double>(warmup);
    if (m_config.schedule == LrSchedule::Constant) return m_config.learningRate;
    const double progress = static_cast<double>(step - warmup) / static_cast<double>(std::max<int64_t>(1, total - warmup));
    return m_config.learningRate * 0.5 * (1.0 + std::cos(M_PI * progress));
}

torch::Tensor Trainer::lossSum(const TrainBatch& batch) {
    AutocastScope autocast(m_device, m_autocast);
    const auto inputIds = batch.inputIds.to(m_device);
    const auto labels = batch.labels.to(m_device);
    const auto hidden = m_model->forwardHidden(inputIds);  // [B,T,C]
    // Token t predicts token t+1 (HF's shift). Shifting the labels, not the logits, avoids copying the
    // [B,T,V] logits; the last position gets no target. Float32 loss even under autocast.
    const auto targets = torch::constant_pad_nd(labels.narrow(1, 1, hidden.size(1) - 1), {0, 1}, kIgnoreLabel);
    return crossEntropySum(*m_model, hidden, targets, kIgnoreLabel);
}

double Trainer::evaluate() {
    torch::NoGradGuard noGrad;
    m_model->eval();
    double sum = 0;
    int64_t tokens = 0;
    for (size_t begin = 0; begin < m_eval.size(); begin += static_cast<size_t>(m_config.batchSize)) {
        std::vector<int64_t> indices;
        for (size_t i = begin; i < std::min(m_eval.size(), begin + m_config.batchSize); ++i) indices.push_back(i);
        if (m_parallel) indices = shardOf(indices, m_parallel->rank(), m_parallel->size());
        if (indices.empty()) continue;
        const auto batch = collateBatch(m_eval, indices, m_padId);
        sum += lossSum(batch).item<double>();
        tokens += batch.labelTokens;
    }
    if (m_parallel) {
        const auto total = m_parallel->sum({sum, static_cast<double>(tokens)});
        sum = total[0];
        tokens = static_cast<int64_t>(total[1]);
    }
    m_model->train();
    return tokens > 0 ? sum / static_cast<double>(tokens) : 0.0;
}

double Trainer::measureToxicity() {
    torch::NoGradGuard noGrad;
    m_model->eval();
    double value = writer() ? m_toxicity(m_model, m_state.step) : 0.0;
    if (m_parallel) value = m_parallel->sum({value})[0];  // every rank needs it for early stopping
    m_model->train();
    return value;
}

bool Trainer::unscaleGradients() {
    torch::NoGradGuard noGrad;
    bool finite = true;
    for (auto& p : m_trainable) {
        if (!p.grad().defined()) continue;
        p.mutable_grad().div_(m_state.lossScale);
        finite = finite && torch::isfinite(p.grad()).all().item<bool>();
    }
    if (finite) {
        if (++m_state.goodSteps >= kScaleGrowthInterval) {
            m_state.lossScale *= kScaleGrowth;
            m_state.goodSteps = 0;
        }
    } else {
        m_state.lossScale *= kScaleBackoff;
        m_state.goodSteps = 0;
    }
    return finite;
}

TrainResult Trainer::train(const ProgressCallback& progress, const StepCallback& onStep,
                           const CheckpointCallback& onCheckpoint) {
    TORCH_CHECK(m_optimizer, "Trainer::train called before setup()");
    if (m_config.earlyStoppingMetric == EarlyStoppingMetric::ToxicPercent && !m_toxicity)
        throw InputError("", 0, "early_stopping_metric", "is toxic_percent, but no scorer measures it (hint: a job scorer)");
    // --- run state
    TrainResult result;
    result.resumedFromStep = m_state.step;
    const int64_t total = totalSteps();
    const auto n = static_cast<int64_t>(m_train.size());
    const int64_t perStep = m_config.batchSize * m_config.gradAccumulation;
    const bool scaled = m_config.precision == Precision::Fp16;
    std::vector<int64_t> order = shuffledOrder(n, m_config.seed, m_state.epoch);
    m_model->train();
    auto checkpoint = [&] {
        result.checkpoint = saveCheckpoint();
        if (onCheckpoint && writer()) onCheckpoint(m_state.step, result.checkpoint);
    };

    while (m_state.step < total) {
        const auto started = std::chrono::steady_clock::now();
        // --- data position: a new epoch reshuffles with (seed, epoch), so a resume sees the same order
        if (m_state.nextExample >= n) {
            ++m_state.epoch;
            m_state.nextExample = 0;
            order = shuffledOrder(n, m_config.seed, m_state.epoch);
        }
        const int64_t stepEnd = std::min(n, m_state.nextExample + perStep);
        if (m_parallel) seedForStep(m_config.seed, m_state.step, m_parallel->rank());
        std::vector<TrainBatch> micro;
        std::vector<double> weight;  // 0 for a stand-in: a rank whose share of a short last batch is empty
        int64_t labelTokens = 0, inputTokens = 0;
        for (int64_t b = m_state.nextExample; b < stepEnd; b += m_config.batchSize) {
            std::vector<int64_t> indices(order.begin() + b, order.begin() + std::min(stepEnd, b + m_config.batchSize));
            for (auto i : indices) labelTokens += exampleLabelTokens(m_train[i]);
            auto shard = m_parallel ? shardOf(indices, m_parallel->rank(), m_parallel->size()) : indices;
            weight.push_back(shard.empty() ? 0.0 : 1.0);
            if (shard.empty()) shard = {indices.front()};  // its backward still joins the all-reduce
            micro.push_back(collateBatch(m_train, shard, m_padId));
            if (weight.back() > 0) inputTokens += micro.back().inputIds.numel();
        }

        // --- forward + backward over the micro-batches; the loss is the mean over every response token
        // of the step (of every rank), so accumulation and the ranks' summed gradients give the same
        // gradient as one large batch
        double lossTotal = 0;
        for (size_t m = 0; m < micro.size(); ++m) {
            const auto loss = lossSum(micro[m]) / static_cast<double>(std::max<int64_t>(1, labelTokens));
            const auto share = weight[m] > 0 ? loss : loss * 0.0;
            auto backward = [&] { (scaled ? share * m_state.lossScale : share).backward(); };
            m_parallel ? m_parallel->backward(backward, m + 1 == micro.size()) : backward();
            lossTotal += weight[m] * loss.item<double>();
        }
        if (m_parallel) {
            const auto total = m_parallel->sum({lossTotal, static_cast<double>(inputTokens)});
            lossTotal = total[0];
            inputTokens = static_cast<int64_t>(total[1]);
        }

        // --- clip, schedule, update (fp16: skipped when the scaled gradients overflowed)
        const bool apply = !scaled || unscaleGradients();
        const double gradNorm = apply ? torch::nn::utils::clip_grad_norm_(
                                            m_trainable, m_config.maxGradNorm > 0 ? m_config.maxGradNorm : 1e300)
                                      : std::nan("");
        const double lr = learningRateAt(m_state.step);
        for (auto& group : m_optimizer->param_groups()) static_cast<torch::optim::AdamWOptions&>(group.options()).lr(lr);
        if (apply) m_optimizer->step();
        // Dropping the gradients (Python's zero_grad(set_to_none=True)) lets the next backward write them
        // instead of zero-filling and then accumulating into them.
        for (auto& p : m_trainable) p.mutable_grad().reset();
        ++m_state.step;
        m_state.nextExample = stepEnd;
        result.lossTrainLast = lossTotal;

        // --- evaluation and early stopping
        StepReport report{m_state.step, total, m_state.epoch, lossTotal, std::nullopt, std::nullopt, lr, gradNorm, inputTokens, 0.0, 0};
        if (!m_eval.empty() && (m_state.step % m_config.evalEvery == 0 || m_state.step == total)) {
            report.lossEval = evaluate();
            if (m_toxicity) report.toxicPercent = measureToxicity();
            const bool lossImproved = *report.lossEval < m_state.bestLossEval;
            if (lossImproved) {
                m_state.bestLossEval = *report.lossEval;
                m_state.bestStep = m_state.step;
                if (writer()) {
                    writeFolderDurable(m_jobDir / kBestFolder, [&](const std::filesystem::path& temp) {
                        writeResult(temp);
                        const nlohmann::json info = {{"step", m_state.step}, {"loss_eval", *report.lossEval}};
                        writeFileDurable(temp / kBestInfoFile, info.dump(2) + "\n");
                    });
                }
            }
            const bool toxicImproved = report.toxicPercent && *report.toxicPercent < m_state.bestToxicPercent;
            if (toxicImproved) m_state.bestToxicPercent = *report.toxicPercent;
            const bool watchToxic = m_config.earlyStoppingMetric == EarlyStoppingMetric::ToxicPercent;
            m_state.evalsWithoutImprovement = (watchToxic ? toxicImproved : lossImproved) ? 0 : m_state.evalsWithoutImprovement + 1;
            result.stoppedEarly = m_config.earlyStoppingPatience > 0 &&
                                  m_state.evalsWithoutImprovement >= m_config.earlyStoppingPatience;
        }

        // --- report, checkpoint, cancel
        report.seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - started).count();
        report.memoryBytes = peakMemoryBytes(m_device);
        if (onStep) onStep(report);
        result.cancelled = progress && !progress(m_state.step, total);
        if (m_parallel) result.cancelled = m_parallel->sum({result.cancelled ? 1.0 : 0.0})[0] > 0;  // all stop together
        if (m_state.step % m_config.checkpointEvery == 0 || result.cancelled || result.stoppedEarly) checkpoint();
        if (result.cancelled || result.stoppedEarly) break;
    }
    result.steps = m_state.step;
    if (m_state.bestStep > 0) {
        result.lossEvalBest = m_state.bestLossEval;
        result.bestStep = m_state.bestStep;
    }
    return result;
}

std::map<std::string, torch::Tensor> Trainer::trainableWeights() {
    std::map<std::string, torch::Tensor> out;
    for (auto& item : m_model->named_parameters()) {
        if (item.value().requires_grad()) out[item.key()] = item.value();
    }
    return out;
}

int64_t Trainer::trainableParams() const { return countParameters(*m_model, true); }

int64_t Trainer::totalParams() const {
    return m_config.method == TrainMethod::Full ? countParameters(*m_model, false) : m_loraReport.totalParams;
}

std::filesystem::path Trainer::saveCheckpoint() {
    if (!writer()) return m_jobDir / kCheckpointsFolder / checkpointFolderName(m_state.step);
    return writeCheckpoint(m_jobDir / kCheckpointsFolder, m_state, trainableWeights(), *m_optimizer,
                           m_config.keepCheckpoints, m_device);
}

const char* Trainer::resultFolder() const { return m_config.method == TrainMethod::Full ? kModelFolder : kAdapterFolder; }

void Trainer::cleanup() {
    if (writer()) writeFolderDurable(m_jobDir / resultFolder(), [&](const auto& temp) { writeResult(temp); });
}

void Trainer::writeResult(const std::filesystem::path& dir) {
    if (m_config.method == TrainMethod::Full) {
        saveModel(*m_model, dir);
        if (!m_tokenizerDir.empty()) copyTokenizerFiles(m_tokenizerDir, dir);
    } else {
        saveAdapter(*m_model, m_config.lora, dir);
    }
}

}  // namespace srllm::core
