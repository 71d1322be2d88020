//===- Interrupt.h - Ctrl-C finishes the step, then stops --------*- C++ -*-===//
//
// While an InterruptScope lives, the first SIGINT only sets a flag: the
// training loop finishes its current step, saves and exits 130 (128 +
// SIGINT, as a shell reports a process killed by Ctrl-C). A second SIGINT
// restores the default action and re-raises it: the process dies at once.
//
//===----------------------------------------------------------------------===//
#pragma once

namespace dlc::tools {

class InterruptScope {
public:
  InterruptScope();
  ~InterruptScope();
  InterruptScope(const InterruptScope &) = delete;
  InterruptScope &operator=(const InterruptScope &) = delete;

  /// True once SIGINT arrived.
  static bool requested();
};

/// The exit code of a run stopped by SIGINT.
inline constexpr int kInterruptedExitCode = 130;

} // namespace dlc::tools
