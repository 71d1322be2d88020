//===- CheckpointTest.cpp - state dicts and checkpoints, PyTorch both ways -===//
//
// DLC_STATE_DICT_FIXTURES holds PyTorch's LeNet state_dict as a safetensors
// file, an input batch and torch's logits (test/oracle/state_dict.py). dlc
// loads the file into zoo::lenet(), runs the compiled @forward and must give
// torch's logits; saving the loaded model must give torch's file back, byte
// for byte. The other checks are of names (PyTorch's keys and order),
// buffers, and load's all-or-nothing validation.
//
// With DLC_CKPT_EXPORT_DIR set, SaveLoadOfATrainedModel also leaves its
// checkpoint and dlc's logits there, for test/oracle/load_in_torch.py.
//
//===----------------------------------------------------------------------===//
#include "frontend/Checkpoint.h"
#include "frontend/Trainer.h"
#include "frontend/zoo/Zoo.h"
#include "runtime/io/Npy.h"
#include "runtime/io/Safetensors.h"

#include <gtest/gtest.h>

#include <cmath>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <iterator>

namespace dlc::test {
namespace {

namespace fs = std::filesystem;

std::string fixture(const std::string &name) {
  return std::string(DLC_STATE_DICT_FIXTURES) + "/" + name;
}

std::string slurp(const std::string &path) {
  std::ifstream in(path, std::ios::binary);
  return std::string((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
}

std::string bytesOf(const rt::HostTensor &t) {
  return std::string(static_cast<const char *>(t.data()), t.sizeInBytes());
}

/// A fresh directory under the test temp dir, removed at the end.
struct TempDir {
  TempDir() {
    std::string pattern = (fs::path(::testing::TempDir()) / "dlc-ckpt-XXXXXX").string();
    path = mkdtemp(pattern.data());
  }
  ~TempDir() { fs::remove_all(path); }
  std::string operator/(const std::string &name) const { return (fs::path(path) / name).string(); }
  std::string path;
};

/// The error load() throws ("no error" if none).
template <typename F> std::string errorOf(F f) {
  try {
    f();
  } catch (const Error &e) {
    return e.what();
  }
  return "no error";
}

std::vector<std::string> names(nn::Module &m) {
  std::vector<std::string> out;
  for (auto &[name, p] : m.namedParameters()) out.push_back(name);
  return out;
}

/// A layer with trained and non-trained state, like batch norm's.
class Tracked : public nn::Module {
public:
  Tracked(std::source_location w = std::source_location::current()) : Module("Tracked", w) {
    weight = &registerParameter("weight", {3}, nn::Init::Zeros, 1, 1);
    runningMean = &registerBuffer("running_mean", rt::HostTensor({3}));
    rt::HostTensor count(std::vector<int64_t>{}, rt::DType::I64);
    numBatches = &registerBuffer("num_batches_tracked", count);
  }
  Tensor forward(const Tensor &x) override { return x; }
  void reuse(const std::string &name) { registerBuffer(name, rt::HostTensor({1})); }
  nn::Parameter *weight;
  nn::Buffer *runningMean, *numBatches;
};

/// x (4×1×28×28) and torch's logits for it.
struct Batch {
  rt::HostTensor x = rt::readNpy(fixture("x.npy"));
  rt::HostTensor logits = rt::readNpy(fixture("logits.npy"));
};

void expectLogitsNear(const rt::HostTensor &got, const rt::HostTensor &want) {
  ASSERT_EQ(got.shape(), want.shape());
  for (int64_t i = 0; i < want.numel(); ++i)
    EXPECT_NEAR(got.f32()[i], want.f32()[i], 1e-6 + 1e-5 * std::abs(want.f32()[i])) << i;
}

TrainerOptions batchOf4() {
  TrainerOptions o;
  o.batchSize = 4;
  return o;
}

TEST(Checkpoint, ZooNamesAreTorchStateDictKeys) {
  auto lenet = zoo::lenet();
  EXPECT_EQ(names(*lenet), (std::vector<std::string>{"0.weight", "0.bias", "3.weight", "3.bias",
                                                     "7.weight", "7.bias", "9.weight", "9.bias",
                                                     "11.weight", "11.bias"}));
  auto mlp = zoo::mlp();
  EXPECT_EQ(names(*mlp), (std::vector<std::string>{"1.weight", "1.bias", "3.weight", "3.bias"}));
  auto drop = zoo::mlpDropout();
  EXPECT_EQ(names(*drop), (std::vector<std::string>{"1.weight", "1.bias", "4.weight", "4.bias",
                                                    "7.weight", "7.bias"}));
  // The torch file holds exactly these keys with these shapes.
  rt::TensorFile torch = rt::readSafetensors(fixture("lenet.safetensors"));
  ASSERT_EQ(torch.tensors.size(), 10u);
  for (auto &[name, p] : lenet->namedParameters())
    EXPECT_EQ(torch.tensors.at(name).shape(), p->value.shape()) << name;
  EXPECT_EQ(lenet->findParameter("3.weight")->value.shape(), (std::vector<int64_t>{16, 6, 5, 5}));
  EXPECT_EQ(lenet->findParameter("3.running_mean"), nullptr);
  EXPECT_EQ(lenet->findParameter("weight"), nullptr);
  EXPECT_TRUE(lenet->namedBuffers().empty());
  EXPECT_EQ(lenet->parameters().size(), 10u);
}

TEST(Checkpoint, BuffersHaveDottedNamesAndAreInTheStateDict) {
  nn::Sequential net{nn::Linear(2, 3), Tracked()};
  auto buffers = net.namedBuffers();
  ASSERT_EQ(buffers.size(), 2u);
  EXPECT_EQ(buffers[0].first, "1.running_mean");
  EXPECT_EQ(buffers[1].first, "1.num_batches_tracked");
  EXPECT_EQ(buffers[0].second->localName, "running_mean");
  EXPECT_EQ(net.findBuffer("1.num_batches_tracked")->value.dtype(), rt::DType::I64);
  EXPECT_EQ(net.findBuffer("1.weight"), nullptr);
  EXPECT_EQ(names(net), (std::vector<std::string>{"0.weight", "0.bias", "1.weight"}));

  StateDict sd = stateDict(net);
  std::vector<std::string> keys;
  for (auto &[k, v] : sd) keys.push_back(k);
  EXPECT_EQ(keys, (std::vector<std::string>{"0.bias", "0.weight", "1.num_batches_tracked",
                                            "1.running_mean", "1.weight"}));
  // A snapshot: later changes to the module do not show in it.
  net.findBuffer("1.running_mean")->value.f32()[0] = 5.0f;
  EXPECT_EQ(sd.at("1.running_mean").f32()[0], 0.0f);
}

TEST(Checkpoint, SaveAndLoadRestoreParametersAndBuffers) {
  TempDir dir;
  nn::Sequential a{nn::Linear(2, 3), Tracked()};
  a.initialize(11);
  a.findParameter("1.weight")->value.f32()[2] = -4.0f;
  a.findBuffer("1.running_mean")->value.f32()[1] = 0.25f;
  a.findBuffer("1.num_batches_tracked")->value.data<int64_t>()[0] = (int64_t(1) << 40) + 3;
  save(a, dir / "a.safetensors", {{"epoch", "7"}});

  nn::Sequential b{nn::Linear(2, 3), Tracked()};
  rt::HostTensor *weightStorage = &b.findParameter("0.weight")->value;
  void *before = weightStorage->data();
  LoadResult r = load(b, dir / "a.safetensors");
  EXPECT_TRUE(r.missing.empty());
  EXPECT_TRUE(r.unexpected.empty());
  EXPECT_EQ(weightStorage->data(), before) << "values are copied into the existing storage";
  StateDict sa = stateDict(a), sb = stateDict(b);
  ASSERT_EQ(sa.size(), 5u);
  for (auto &[k, v] : sa) EXPECT_EQ(bytesOf(sb.at(k)), bytesOf(v)) << k;
  EXPECT_EQ(b.findBuffer("1.num_batches_tracked")->value.data<int64_t>()[0], (int64_t(1) << 40) + 3);
  EXPECT_EQ(rt::readSafetensors(dir / "a.safetensors").metadata.at("epoch"), "7");
}

TEST(Checkpoint, RegisteringAnExistingOrDottedNameIsAnError) {
  Tracked t;
  EXPECT_NE(errorOf([&] { t.reuse("weight"); }).find("registerBuffer: 'weight' is already a parameter"),
            std::string::npos);
  EXPECT_NE(errorOf([&] { t.reuse("running_mean"); }).find("'running_mean' is already a buffer"),
            std::string::npos);
  EXPECT_NE(errorOf([&] { t.reuse("a.b"); }).find("name 'a.b' contains '.'"), std::string::npos);
  EXPECT_NE(errorOf([&] { t.reuse(""); }).find("the name is empty"), std::string::npos);
  EXPECT_NE(errorOf([&] { t.reuse("weight"); }).find("CheckpointTest.cpp:"), std::string::npos)
      << "the error names the line the module was constructed on";
  EXPECT_EQ(errorOf([&] { t.reuse("x"); }), "no error");
  EXPECT_EQ(t.findBuffer("x")->name, "x");
}

TEST(Checkpoint, TorchLeNetGivesTorchLogits) {
  Batch b;
  auto lenet = zoo::lenet();
  // Compile first: loading copies into the storage the Trainer already binds.
  Trainer trainer(*lenet, batchOf4());
  load(*lenet, fixture("lenet.safetensors"));
  expectLogitsNear(trainer.predict(b.x), b.logits);
}

TEST(Checkpoint, SavingTheLoadedModelGivesTorchsFileBack) {
  TempDir dir;
  auto lenet = zoo::lenet();
  load(*lenet, fixture("lenet.safetensors"));
  save(*lenet, dir / "dlc.safetensors", {{"format", "pt"}});
  rt::TensorFile torch = rt::readSafetensors(fixture("lenet.safetensors"));
  rt::TensorFile ours = rt::readSafetensors(dir / "dlc.safetensors");
  ASSERT_EQ(ours.tensors.size(), torch.tensors.size());
  for (auto &[name, t] : torch.tensors) {
    ASSERT_TRUE(ours.tensors.count(name)) << name;
    const rt::HostTensor &o = ours.tensors.at(name);
    EXPECT_EQ(o.dtype(), t.dtype()) << name;
    EXPECT_EQ(o.shape(), t.shape()) << name;
    EXPECT_EQ(bytesOf(o), bytesOf(t)) << name;
  }
  // With the same metadata the layout is the reference library's: same bytes.
  EXPECT_EQ(slurp(dir / "dlc.safetensors"), slurp(fixture("lenet.safetensors")));
}

TEST(Checkpoint, LoadChecksEverythingBeforeChangingAnything) {
  TempDir dir;
  rt::TensorFile torch = rt::readSafetensors(fixture("lenet.safetensors"));
  auto variant = [&](const std::string &file, auto edit) {
    StateDict sd = torch.tensors;
    edit(sd);
    rt::writeSafetensors(dir / file, sd);
    return dir / file;
  };
  std::string missing = variant("missing.safetensors", [](StateDict &sd) {
    sd.erase("3.bias");
    sd.erase("0.weight");
  });
  std::string extra = variant("extra.safetensors", [](StateDict &sd) {
    sd["3.weights"] = sd["3.weight"];
  });
  std::string shape = variant("shape.safetensors", [](StateDict &sd) {
    sd["0.weight"] = rt::HostTensor({6, 1, 3, 3});
    sd["11.bias"] = rt::HostTensor({10}, rt::DType::F64);
  });

  auto lenet = zoo::lenet();
  lenet->initialize(5);
  StateDict before = stateDict(*lenet);
  auto unchanged = [&] {
    for (auto &[k, v] : stateDict(*lenet)) EXPECT_EQ(bytesOf(v), bytesOf(before.at(k))) << k;
  };

  std::string e = errorOf([&] { load(*lenet, missing); });
  EXPECT_EQ(e.rfind(missing + ": cannot load into Sequential (", 0), 0u) << e;
  EXPECT_NE(e.find("nothing was changed: missing keys: '0.weight', '3.bias'"), std::string::npos) << e;
  unchanged();

  e = errorOf([&] { load(*lenet, extra); });
  EXPECT_NE(e.find("unexpected keys: '3.weights'"), std::string::npos) << e;
  unchanged();

  e = errorOf([&] { load(*lenet, shape); });
  EXPECT_NE(e.find("'0.weight' is f32[6, 1, 3, 3], the model's is f32[6, 1, 5, 5]"),
            std::string::npos) << e;
  EXPECT_NE(e.find("'11.bias' is f64[10], the model's is f32[10]"), std::string::npos) << e;
  unchanged();
  // Non-strict still refuses a mismatched shape.
  EXPECT_NE(errorOf([&] { load(*lenet, shape, false); }).find("'0.weight' is f32[6, 1, 3, 3]"),
            std::string::npos);
  unchanged();

  // Non-strict loads what is there and says what was not.
  LoadResult r = load(*lenet, missing, false);
  EXPECT_EQ(r.missing, (std::vector<std::string>{"0.weight", "3.bias"}));
  EXPECT_TRUE(r.unexpected.empty());
  EXPECT_EQ(bytesOf(lenet->findParameter("0.weight")->value), bytesOf(before.at("0.weight")));
  EXPECT_EQ(bytesOf(lenet->findParameter("0.bias")->value), bytesOf(torch.tensors.at("0.bias")));
  r = load(*lenet, extra, false);
  EXPECT_EQ(r.unexpected, std::vector<std::string>{"3.weights"});
  EXPECT_EQ(bytesOf(lenet->findParameter("3.weight")->value), bytesOf(torch.tensors.at("3.weight")));

  // A file that is not a checkpoint is the reader's error, naming it.
  try {
    load(*lenet, fixture("x.npy"));
    FAIL() << "expected an error";
  } catch (const rt::DataError &e) {
    EXPECT_EQ(std::string(e.what()).rfind(fixture("x.npy") + ": ", 0), 0u) << e.what();
  }
}

TEST(Checkpoint, SaveLoadOfATrainedModel) {
  TempDir dir;
  Batch b;
  rt::HostTensor y({4}, rt::DType::I32);
  for (int i = 0; i < 4; ++i) y.i32()[i] = (3 * i + 1) % 10;
  auto trained = zoo::lenet();
  trained->initialize(3);
  Trainer t1(*trained, batchOf4());
  for (int i = 0; i < 3; ++i) t1.step(b.x, y); // the parameters now live in swapped buffers
  rt::HostTensor want = t1.predict(b.x).clone();
  std::string path = dir / "trained.safetensors";
  save(*trained, path);

  auto fresh = zoo::lenet();
  load(*fresh, path);
  Trainer t2(*fresh, batchOf4());
  EXPECT_EQ(bytesOf(t2.predict(b.x)), bytesOf(want)) << "the same parameters, the same logits";

  if (const char *out = std::getenv("DLC_CKPT_EXPORT_DIR")) {
    fs::create_directories(out);
    fs::copy_file(path, fs::path(out) / "trained.safetensors", fs::copy_options::overwrite_existing);
    rt::writeNpy((fs::path(out) / "dlc_logits.npy").string(), want);
  }
}

} // namespace
} // namespace dlc::test
