//===- OpenMPShim.cpp - libomp entry points served by GNU OpenMP ----------===//
#include "backends/cpu/OpenMPShim.h"

#include "backends/onednn/Errors.h"

#include <array>
#include <cstdarg>
#include <cstdint>
#include <string>
#include <utility>

extern "C" {
// libgomp's ABI (what GCC emits for `#pragma omp parallel`).
void GOMP_parallel(void (*fn)(void *), void *data, unsigned numThreads, unsigned flags);
void GOMP_barrier(void);
int omp_get_thread_num(void);
int omp_get_num_threads(void);
}

namespace {

using Microtask = void (*)(int32_t *gtid, int32_t *btid, ...);

/// What each thread of the team needs to call the outlined region.
struct Fork {
  Microtask task;
  int32_t argc;
  void *args[dlc::cpu::kMaxForkArguments];
};

/// Calls the microtask with exactly argc = sizeof...(I) captured pointers.
template <size_t... I>
void callWith(const Fork &f, int32_t *gtid, int32_t *btid, std::index_sequence<I...>) {
  f.task(gtid, btid, f.args[I]...);
}

/// Dispatches on argc to the call with that many arguments (0 ... max).
template <size_t... N>
void callAny(const Fork &f, int32_t *gtid, int32_t *btid, std::index_sequence<N...>) {
  ((f.argc == static_cast<int32_t>(N) ? callWith(f, gtid, btid, std::make_index_sequence<N>())
                                      : void()),
   ...);
}

void runMicrotask(void *data) {
  auto *f = static_cast<Fork *>(data);
  int32_t gtid = omp_get_thread_num(), btid = gtid;
  callAny(*f, &gtid, &btid, std::make_index_sequence<dlc::cpu::kMaxForkArguments + 1>());
}

/// Static, unchunked schedule over the inclusive range [*lower, *upper] with
/// step `incr`: thread t of n gets a contiguous block, the first
/// (trip % n) threads one iteration more. A thread with nothing to do gets
/// an empty range (upper = lower - incr), as libomp does.
template <typename T, typename S>
void staticInit(int32_t *lastIter, T *lower, T *upper, S *stride, S incr) {
  int64_t n = omp_get_num_threads(), t = omp_get_thread_num();
  S span = static_cast<S>(*upper) - static_cast<S>(*lower);
  int64_t trip = incr > 0 ? span / incr + 1 : (-span) / (-incr) + 1;
  if (trip <= 0) return;
  int64_t base = trip / n, extra = trip % n;
  int64_t first = t * base + (t < extra ? t : extra);
  int64_t count = base + (t < extra ? 1 : 0);
  T lo = *lower;
  *lower = static_cast<T>(lo + first * incr);
  *upper = static_cast<T>(*lower + (count - 1) * incr);
  if (stride) *stride = static_cast<S>(trip * incr);
  if (lastIter) *lastIter = count > 0 && first + count == trip;
}

} // namespace

extern "C" {

int32_t dlc_kmpc_global_thread_num(void *) { return omp_get_thread_num(); }

void dlc_kmpc_fork_call(void *, int32_t argc, Microtask task, ...) {
  // OpenMPIRBuilder passes captured values as one struct pointer (argc 1)
  // today; other producers pass one pointer per captured value. A call we
  // cannot forward is reported through the runtime's error slot (the JIT
  // wrapper turns it into an exception) instead of running the region with
  // missing arguments.
  if (argc < 0 || argc > static_cast<int32_t>(dlc::cpu::kMaxForkArguments)) {
    dlc::rt::recordError("__kmpc_fork_call: the parallel region captures " +
                         std::to_string(argc) + " arguments; dlc's OpenMP shim forwards at most " +
                         std::to_string(dlc::cpu::kMaxForkArguments));
    return;
  }
  Fork f{task, argc, {}};
  va_list ap;
  va_start(ap, task);
  for (int32_t i = 0; i < argc; ++i) f.args[i] = va_arg(ap, void *);
  va_end(ap);
  GOMP_parallel(runMicrotask, &f, 0, 0);
}

void dlc_kmpc_for_static_init_4(void *, int32_t, int32_t, int32_t *last, int32_t *lo,
                                int32_t *up, int32_t *st, int32_t incr, int32_t) {
  staticInit<int32_t, int32_t>(last, lo, up, st, incr);
}
void dlc_kmpc_for_static_init_4u(void *, int32_t, int32_t, int32_t *last, uint32_t *lo,
                                 uint32_t *up, int32_t *st, int32_t incr, int32_t) {
  staticInit<uint32_t, int32_t>(last, lo, up, st, incr);
}
void dlc_kmpc_for_static_init_8(void *, int32_t, int32_t, int32_t *last, int64_t *lo,
                                int64_t *up, int64_t *st, int64_t incr, int64_t) {
  staticInit<int64_t, int64_t>(last, lo, up, st, incr);
}
void dlc_kmpc_for_static_init_8u(void *, int32_t, int32_t, int32_t *last, uint64_t *lo,
                                 uint64_t *up, int64_t *st, int64_t incr, int64_t) {
  staticInit<uint64_t, int64_t>(last, lo, up, st, incr);
}
void dlc_kmpc_for_static_fini(void *, int32_t) {}
void dlc_kmpc_barrier(void *, int32_t) { GOMP_barrier(); }

} // extern "C"

namespace dlc::cpu {

std::span<const rt::RuntimeSymbol> openMPShimSymbols() {
  static const std::array<rt::RuntimeSymbol, 8> symbols = {{
      {"__kmpc_global_thread_num", reinterpret_cast<void *>(&dlc_kmpc_global_thread_num)},
      {"__kmpc_fork_call", reinterpret_cast<void *>(&dlc_kmpc_fork_call)},
      {"__kmpc_for_static_init_4", reinterpret_cast<void *>(&dlc_kmpc_for_static_init_4)},
      {"__kmpc_for_static_init_4u", reinterpret_cast<void *>(&dlc_kmpc_for_static_init_4u)},
      {"__kmpc_for_static_init_8", reinterpret_cast<void *>(&dlc_kmpc_for_static_init_8)},
      {"__kmpc_for_static_init_8u", reinterpret_cast<void *>(&dlc_kmpc_for_static_init_8u)},
      {"__kmpc_for_static_fini", reinterpret_cast<void *>(&dlc_kmpc_for_static_fini)},
      {"__kmpc_barrier", reinterpret_cast<void *>(&dlc_kmpc_barrier)},
  }};
  return symbols;
}

} // namespace dlc::cpu
