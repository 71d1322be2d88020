//===- Oracle.cpp - compare dlc ops with PyTorch fixtures -----------------===//
#include "Oracle.h"

#include "backends/cpu/JitModule.h"
#include "frontend/Graph.h"
#include "runtime/io/Npy.h"

#include "mlir/IR/BuiltinOps.h"

#include <gtest/gtest.h>

#include <algorithm>
#include <cmath>
#include <filesystem>

namespace fs = std::filesystem;

namespace dlc::test {
namespace {

std::string dirOf(const OracleCase &c) {
  return std::string(DLC_ORACLE_FIXTURES) + "/" + c.family + "/" + c.name;
}

bool isFloat(rt::DType d) { return d == rt::DType::F32 || d == rt::DType::F64; }

double at(const rt::HostTensor &t, int64_t k) {
  switch (t.dtype()) {
  case rt::DType::F32: return t.data<float>()[k];
  case rt::DType::F64: return t.data<double>()[k];
  case rt::DType::I1: return t.data<bool>()[k];
  case rt::DType::I8: return t.data<int8_t>()[k];
  case rt::DType::I32: return t.data<int32_t>()[k];
  case rt::DType::I64: return static_cast<double>(t.data<int64_t>()[k]);
  default: ADD_FAILURE() << "oracle: unsupported dtype " << t.typeString(); return 0;
  }
}

/// Element-by-element comparison; integer and bool tensors must match exactly.
void expectClose(const std::string &what, const rt::HostTensor &expected,
                 const rt::HostTensor &actual, double rtol, double atol) {
  ASSERT_EQ(expected.typeString(), actual.typeString()) << what << ": type differs";
  bool exact = !isFloat(expected.dtype());
  int bad = 0;
  double worst = 0;
  for (int64_t k = 0; k < expected.numel(); ++k) {
    double e = at(expected, k), a = at(actual, k);
    bool ok = exact ? e == a
                    : (std::isnan(e) ? std::isnan(a)
                                     : (e == a || std::abs(e - a) <= atol + rtol * std::abs(e)));
    if (!ok && bad++ < 3)
      ADD_FAILURE() << what << "[" << k << "]: torch " << e << ", dlc " << a;
    if (!exact && std::isfinite(e) && std::isfinite(a))
      worst = std::max(worst, std::abs(e - a) / (atol + rtol * std::abs(e)));
  }
  EXPECT_EQ(bad, 0) << what << ": " << bad << " of " << expected.numel()
                    << " elements differ (worst error/tolerance " << worst << ")";
}

} // namespace

std::vector<std::string> oracleFixtures(const std::string &family) {
  std::vector<std::string> names;
  fs::path root = fs::path(DLC_ORACLE_FIXTURES) / family;
  if (fs::is_directory(root))
    for (const auto &e : fs::directory_iterator(root))
      if (e.is_directory()) names.push_back(e.path().filename().string());
  std::sort(names.begin(), names.end());
  return names;
}

void checkOracle(const OracleCase &c) {
  std::string dir = dirOf(c);
  ASSERT_TRUE(fs::is_directory(dir)) << dir << " is missing: run test/oracle/" << c.family
                                     << ".py";
  std::vector<rt::HostTensor> inputs;
  for (int i = 0; fs::exists(dir + "/in" + std::to_string(i) + ".npy"); ++i)
    inputs.push_back(rt::readNpy(dir + "/in" + std::to_string(i) + ".npy"));
  rt::HostTensor expected = rt::readNpy(dir + "/out.npy");
  bool withGrad = fs::exists(dir + "/w.npy");
  std::vector<int> gradOf; // input index of each differentiated input
  for (size_t i = 0; i < inputs.size(); ++i)
    if (fs::exists(dir + "/grad" + std::to_string(i) + ".npy")) gradOf.push_back(int(i));

  // @loss(in..., [w]) -> ([sum(out * w)], out); inputs PyTorch differentiates
  // are parameters, so dl-autodiff derives exactly their gradients.
  Graph graph;
  graph.beginFunction();
  std::vector<Tensor> traced;
  for (size_t i = 0; i < inputs.size(); ++i) {
    bool param = std::find(gradOf.begin(), gradOf.end(), int(i)) != gradOf.end();
    traced.push_back(graph.input("in" + std::to_string(i), inputs[i].shape(),
                                 inputs[i].dtype(), {}, param ? Binding::Param : Binding::Input));
  }
  Tensor out = c.body(traced);
  rt::HostTensor w;
  if (withGrad) {
    w = rt::readNpy(dir + "/w.npy");
    Tensor wt = graph.input("w", w.shape(), w.dtype());
    std::vector<int64_t> axes;
    for (int64_t a = 0; a < out.rank(); ++a) axes.push_back(a);
    Tensor weighted = mul(out, wt);
    graph.finishFunction("loss", {out.rank() ? sum(weighted, axes) : weighted, out});
  } else {
    graph.finishFunction("loss", {out}, {Graph::ResultKind::Output});
  }
  PipelineOptions po;
  po.training = withGrad && !gradOf.empty();
  auto module = graph.takeModule();
  auto jit = cpu::JitModule::compile(*module, po);

  std::vector<const rt::HostTensor *> args;
  for (const auto &t : inputs) args.push_back(&t);
  if (withGrad) args.push_back(&w);
  std::string fn = po.training ? "loss_grad" : "loss";
  auto results = jit->allocateResults(fn);
  std::vector<rt::HostTensor *> outs;
  for (auto &r : results) outs.push_back(&r);
  jit->call(fn, args, outs);

  size_t outIndex = withGrad ? 1 : 0;
  expectClose(c.name + " output", expected, results.at(outIndex), c.rtol, c.atol);
  if (!po.training) return;
  ASSERT_EQ(results.size(), 2 + gradOf.size()) << c.name << ": one gradient per parameter";
  for (size_t k = 0; k < gradOf.size(); ++k) {
    std::string file = "grad" + std::to_string(gradOf[k]);
    expectClose(c.name + " " + file, rt::readNpy(dir + "/" + file + ".npy"), results[2 + k],
                c.rtol, c.atol);
  }
}

} // namespace dlc::test
