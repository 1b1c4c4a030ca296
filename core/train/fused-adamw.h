#pragma once
// AdamW whose update is one pass over each parameter, its gradient and both moments, instead of the
// eleven tensor operations torch::optim::AdamW runs per parameter (each a full read and write of that
// parameter's size). Same options, same per-parameter state and so the same checkpoints as
// torch::optim::AdamW, which it falls back to for anything but contiguous float32 CPU parameters or amsgrad.
#include <torch/torch.h>

namespace srllm::core {

class FusedAdamW : public torch::optim::AdamW {
public:
    using torch::optim::AdamW::AdamW;
    torch::Tensor step(LossClosure closure = nullptr) override;
};

}  // namespace srllm::core
