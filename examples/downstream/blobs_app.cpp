//===- blobs_app.cpp - a downstream program built against installed dlc ---===//
//
// Compiled with the compiler's default flags (RTTI and exceptions on) and
// only <dlc/dlc.h>: a user Module subclass (an MLP with a skip connection)
// classifies four Gaussian blobs in 16 dimensions, trained by dlc's
// compiled step. Prints the loss as it falls; exits non-zero unless the
// loss falls by more than half and held-out accuracy exceeds 90 %, or if
// RTTI across the library boundary fails (dynamic_cast and typeid on a
// module the library built and on the user's own).
//
//   blobs_app [--steps N]
//
//===----------------------------------------------------------------------===//
#include <dlc/dlc.h>

#include <algorithm>
#include <cstdio>
#include <cstring>
#include <random>
#include <string>
#include <typeinfo>

using namespace dlc;

constexpr int64_t kFeatures = 16, kClasses = 4, kBatch = 64;

/// Two hidden layers of the same width with a skip between them.
class SkipMLP : public nn::Module {
public:
  SkipMLP() : Module("SkipMLP", std::source_location::current()) {
    registerModule("fc1", fc1);
    registerModule("fc2", fc2);
    registerModule("head", head);
  }
  Tensor forward(const Tensor &x) override {
    Tensor h = relu(fc1(x));
    return head(add(h, relu(fc2(h))));
  }

private:
  nn::Linear fc1{kFeatures, 32}, fc2{32, 32}, head{32, kClasses};
};

/// Batches of points around four fixed centres (unit-variance noise).
class Blobs {
public:
  explicit Blobs(uint64_t seed) : gen_(seed) {
    std::normal_distribution<float> centre(0.f, 1.5f);
    for (float &c : centres_) c = centre(gen_);
  }
  void batch(rt::HostTensor &x, rt::HostTensor &y) {
    std::normal_distribution<float> noise(0.f, 1.f);
    std::uniform_int_distribution<int32_t> label(0, kClasses - 1);
    for (int64_t i = 0; i < kBatch; ++i) {
      int32_t c = label(gen_);
      y.i32()[i] = c;
      for (int64_t f = 0; f < kFeatures; ++f)
        x.f32()[i * kFeatures + f] = centres_[c * kFeatures + f] + noise(gen_);
    }
  }

private:
  std::mt19937_64 gen_;
  float centres_[kClasses * kFeatures];
};

static bool checkRtti(const nn::Module &mine) {
  // A Sequential the library constructed (its vtable comes from libdlcFrontend).
  std::shared_ptr<nn::Module> zooModel = zoo::mlp();
  const nn::Module &built = *zooModel;
  bool ok = dynamic_cast<const nn::Sequential *>(&built) != nullptr &&
            typeid(built) == typeid(nn::Sequential) &&
            dynamic_cast<const SkipMLP *>(&mine) != nullptr &&
            dynamic_cast<const nn::Sequential *>(&mine) == nullptr;
  std::printf("rtti across the library: %s (zoo::mlp() is a %s)\n", ok ? "ok" : "FAILED",
              typeid(built).name());
  return ok;
}

int main(int argc, char **argv) {
  int64_t steps = 60;
  for (int i = 1; i + 1 < argc; i += 2)
    if (!std::strcmp(argv[i], "--steps")) steps = std::stoll(argv[i + 1]);
  try {
    SkipMLP model;
    model.initialize(/*seed=*/0);
    if (!checkRtti(model)) return 1;
    Trainer trainer(model, {.batchSize = kBatch, .exampleShape = {kFeatures}, .learningRate = 0.1f});
    Blobs data(/*seed=*/7);
    rt::HostTensor x({kBatch, kFeatures}), y({kBatch}, rt::DType::I32);
    double first = 0, last = 0;
    const int64_t window = 10;
    for (int64_t s = 1; s <= steps; ++s) {
      data.batch(x, y);
      float loss = trainer.step(x, y);
      if (s <= window) first += loss / window;
      if (s > steps - window) last += loss / window;
      if (s % 10 == 0 || s == 1) std::printf("step %3lld loss %.4f\n", (long long)s, loss);
    }
    // Held-out accuracy with the compiled forward pass.
    data.batch(x, y);
    int64_t correct = countCorrect(trainer.predict(x), y.i32(), kBatch);
    double accuracy = double(correct) / kBatch;
    std::printf("parameters %lld, mean loss first %lld steps %.4f, last %lld steps %.4f, "
                "held-out accuracy %.3f\n",
                (long long)model.numParameters(), (long long)window, first, (long long)window,
                last, accuracy);
    // Save under PyTorch's state_dict names, load into a fresh model, and
    // check it predicts exactly what the trained one does.
    save(model, "blobs_app.safetensors");
    SkipMLP restored;
    load(restored, "blobs_app.safetensors");
    rt::HostTensor before = trainer.predict(x).clone();
    Evaluator fresh(restored, {.batchSize = kBatch, .exampleShape = {kFeatures}});
    const rt::HostTensor &after = fresh.predict(x);
    bool same = std::equal(before.f32(), before.f32() + before.numel(), after.f32());
    std::printf("saved blobs_app.safetensors (%zu tensors); reloaded model predicts %s\n",
                stateDict(model).size(), same ? "identically" : "DIFFERENTLY");
    return last < 0.5 * first && accuracy > 0.9 && same ? 0 : 1;
  } catch (const std::exception &e) {
    std::fprintf(stderr, "error: %s\n", e.what());
    return 1;
  }
}
