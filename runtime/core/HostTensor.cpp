//===- HostTensor.cpp - dense host buffers --------------------------------===//
#include "runtime/core/HostTensor.h"

#include <cstdlib>
#include <cstring>
#include <limits>
#include <new>
#include <stdexcept>

namespace dlc::rt {

namespace {
struct DTypeInfo {
  DType type;
  const char *name;
  size_t bytes;
};
constexpr DTypeInfo kDTypes[] = {
    {DType::F32, "f32", 4}, {DType::F64, "f64", 8}, {DType::BF16, "bf16", 2},
    {DType::I1, "i1", 1},   {DType::I8, "i8", 1},   {DType::I32, "i32", 4},
    {DType::I64, "i64", 8},
};
const DTypeInfo &info(DType t) {
  for (const DTypeInfo &i : kDTypes)
    if (i.type == t) return i;
  throw std::invalid_argument("[dlc::rt] unknown element type " +
                              std::to_string(static_cast<int>(t)));
}
} // namespace

const char *name(DType t) { return info(t).name; }
size_t bytes(DType t) { return info(t).bytes; }

std::optional<DType> parseDType(std::string_view s) {
  for (const DTypeInfo &i : kDTypes)
    if (s == i.name) return i.type;
  return std::nullopt;
}

HostTensor::HostTensor(std::vector<int64_t> shape, DType dtype)
    : shape_(std::move(shape)), dtype_(dtype) {
  // Overflow is checked so that a hostile .npy header cannot wrap the size.
  size_t n = rt::bytes(dtype_);
  for (int64_t d : shape_) {
    if (d < 0) throw std::invalid_argument("[dlc::rt::HostTensor] negative dimension");
    if (d != 0 && n > std::numeric_limits<size_t>::max() / 2 / static_cast<size_t>(d))
      throw std::invalid_argument("[dlc::rt::HostTensor] " + typeString() + " is too large");
    n *= static_cast<size_t>(d);
  }
  size_t rounded = (n + 63) / 64 * 64; // aligned_alloc needs a multiple
  void *p = std::aligned_alloc(64, rounded ? rounded : 64);
  if (!p) throw std::bad_alloc();
  std::memset(p, 0, rounded ? rounded : 64);
  storage_ = std::shared_ptr<void>(p, std::free);
}

int64_t HostTensor::numel() const {
  int64_t n = 1;
  for (int64_t d : shape_) n *= d;
  return n;
}

size_t HostTensor::sizeInBytes() const { return static_cast<size_t>(numel()) * rt::bytes(dtype_); }

void HostTensor::checkDType(DType want) const {
  if (want != dtype_)
    throw std::invalid_argument(std::string("[dlc::rt::HostTensor] ") + name(want) +
                                " access to a " + typeString() + " tensor");
}

HostTensor HostTensor::clone() const {
  HostTensor t(shape_, dtype_);
  std::memcpy(t.data(), data(), sizeInBytes());
  return t;
}

std::vector<int64_t> HostTensor::descriptor() const {
  size_t rank = shape_.size();
  std::vector<int64_t> d(3 + 2 * rank);
  auto ptr = reinterpret_cast<int64_t>(storage_.get());
  d[0] = ptr; // allocated
  d[1] = ptr; // aligned
  d[2] = 0;   // offset
  int64_t stride = 1;
  for (size_t i = rank; i-- > 0;) {
    d[3 + i] = shape_[i];
    d[3 + rank + i] = stride;
    stride *= shape_[i];
  }
  return d;
}

std::string typeString(DType t, const std::vector<int64_t> &shape) {
  std::string s = std::string(name(t)) + "[";
  for (size_t i = 0; i < shape.size(); ++i) s += (i ? ", " : "") + std::to_string(shape[i]);
  return s + "]";
}

std::string HostTensor::typeString() const { return rt::typeString(dtype_, shape_); }

} // namespace dlc::rt
