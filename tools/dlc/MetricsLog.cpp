//===- MetricsLog.cpp - reading a --metrics file back (dlc plot) ----------===//
#include "tools/dlc/MetricsLog.h"

#include "frontend/Error.h"

#include "llvm/ADT/STLExtras.h"
#include "llvm/Support/JSON.h"
#include "llvm/Support/MemoryBuffer.h"

#include <algorithm>
#include <cmath>
#include <limits>

namespace dlc::tools {
namespace {

[[noreturn]] void failAt(llvm::StringRef name, size_t line, const std::string &why) {
  throw Error(name.str() + ":" + std::to_string(line) + ": " + why);
}

/// A metric's value: a number, or NaN for null.
double metricValue(const llvm::json::Value &v, llvm::StringRef key, llvm::StringRef name,
                   size_t line) {
  if (v.kind() == llvm::json::Value::Null) return std::numeric_limits<double>::quiet_NaN();
  if (std::optional<double> d = v.getAsNumber()) return *d;
  failAt(name, line, "\"" + key.str() + "\" must be a number or null");
}

/// Sorts by epoch, keeping the file's order among equal epochs (an index
/// tie-break rather than std::stable_sort, which libstdc++ 12 makes warn
/// under clang 22).
void sortByEpoch(Curve &c) {
  std::vector<size_t> order(c.size());
  for (size_t i = 0; i < order.size(); ++i) order[i] = i;
  std::sort(order.begin(), order.end(), [&](size_t a, size_t b) {
    return c[a].first < c[b].first || (c[a].first == c[b].first && a < b);
  });
  Curve sorted;
  for (size_t i : order) sorted.push_back(c[i]);
  c = std::move(sorted);
}

} // namespace

MetricsLog parseMetricsLog(llvm::StringRef text, llvm::StringRef name) {
  MetricsLog log;
  size_t records = 0, lineNo = 0;
  while (!text.empty()) {
    auto [line, rest] = text.split('\n');
    text = rest;
    ++lineNo;
    if (line.trim().empty()) continue;
    llvm::Expected<llvm::json::Value> parsed = llvm::json::parse(line);
    if (!parsed) failAt(name, lineNo, "not valid JSON: " + llvm::toString(parsed.takeError()));
    const llvm::json::Object *object = parsed->getAsObject();
    if (!object) failAt(name, lineNo, "expected a JSON object (one record per line)");
    const llvm::json::Value *epochValue = object->get("epoch");
    std::optional<double> epoch = epochValue ? epochValue->getAsNumber() : std::nullopt;
    if (!epoch || !std::isfinite(*epoch))
      failAt(name, lineNo, "expected \"epoch\", a number, in every record");
    ++records;
    if (const llvm::json::Value *step = object->get("step")) {
      std::optional<int64_t> k = step->getAsInteger();
      if (!k || *k < 1) failAt(name, lineNo, "\"step\" must be a positive integer");
      const llvm::json::Value *loss = object->get("loss");
      if (!loss) failAt(name, lineNo, "a step record needs \"loss\"");
      log.stepLoss.emplace_back(*epoch, metricValue(*loss, "loss", name, lineNo));
      continue;
    }
    for (llvm::StringRef key : kEpochMetrics)
      if (const llvm::json::Value *v = object->get(key))
        log.epochCurves[key.str()].emplace_back(*epoch, metricValue(*v, key, name, lineNo));
  }
  if (records == 0)
    throw Error(name.str() + ": empty metrics file (no records; `dlc train --metrics FILE` "
                             "writes one per epoch)");
  for (auto &[key, curve] : log.epochCurves) sortByEpoch(curve);
  sortByEpoch(log.stepLoss);
  return log;
}

MetricsLog readMetricsLog(const std::string &path) {
  llvm::ErrorOr<std::unique_ptr<llvm::MemoryBuffer>> buffer =
      llvm::MemoryBuffer::getFileOrSTDIN(path, /*IsText=*/true);
  if (!buffer) throw Error("cannot read " + path + ": " + buffer.getError().message());
  return parseMetricsLog((*buffer)->getBuffer(), path == "-" ? "<stdin>" : path);
}

} // namespace dlc::tools
