#pragma once
// Where a job runs: its device name resolved on this machine, the autocast dtype of its precision, the
// peak memory reported in step events, and the RNG state a checkpoint saves. CUDA is reached only through
// torch's own API, and c10::cuda only in a build against a CUDA libtorch (SRLLM_HAVE_CUDA).
#include <cstdint>
#include <optional>
#include <string>

#include <torch/torch.h>

#include "core/train/train-config.h"

namespace srllm::core {

bool cudaAvailable();  // libtorch was built with CUDA and sees at least one GPU

// "auto" -> CUDA when available, else CPU. Throws InputError (field "device") for "cuda" or "cuda:N"
// without such a GPU, before any work starts.
torch::Device resolveTrainDevice(const std::string& name);
std::string deviceText(const torch::Device& device);  // "cpu", "cuda:0"

// nullopt for fp32; bf16 or fp16 otherwise. Throws InputError (field "precision") for fp16 on the CPU.
std::optional<torch::Dtype> autocastDtype(Precision precision, const torch::Device& device);

// Peak bytes since the last reset: the CUDA caching allocator's peak on a GPU, the process's peak
// resident set on the CPU (which cannot be reset: the peak of the whole process).
void resetPeakMemory(const torch::Device& device);
int64_t peakMemoryBytes(const torch::Device& device);

// The default generator's state of the device (CPU or CUDA), for exact resume.
torch::Tensor rngState(const torch::Device& device);
void setRngState(const torch::Device& device, const torch::Tensor& state);

}  // namespace srllm::core
