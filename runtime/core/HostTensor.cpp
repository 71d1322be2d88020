//===- HostTensor.cpp - dense host buffers --------------------------------===//
#include "runtime/core/HostTensor.h"

#include <cstdlib>
#include <cstring>
#include <stdexcept>

namespace dlc::rt {

const char *name(DType t) { return t == DType::F32 ? "f32" : "i32"; }

HostTensor::HostTensor(std::vector<int64_t> shape, DType dtype)
    : shape_(std::move(shape)), dtype_(dtype) {
  for (int64_t d : shape_)
    if (d < 0) throw std::invalid_argument("[dlc::rt::HostTensor] negative dimension");
  size_t bytes = static_cast<size_t>(numel()) * 4;
  size_t rounded = (bytes + 63) / 64 * 64; // aligned_alloc needs a multiple
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

float *HostTensor::f32() { return static_cast<float *>(storage_.get()); }
const float *HostTensor::f32() const { return static_cast<const float *>(storage_.get()); }
int32_t *HostTensor::i32() { return static_cast<int32_t *>(storage_.get()); }
const int32_t *HostTensor::i32() const { return static_cast<const int32_t *>(storage_.get()); }

HostTensor HostTensor::clone() const {
  HostTensor t(shape_, dtype_);
  std::memcpy(t.data(), data(), static_cast<size_t>(numel()) * 4);
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
