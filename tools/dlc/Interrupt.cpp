//===- Interrupt.cpp - Ctrl-C finishes the step, then stops ---------------===//
#include "tools/dlc/Interrupt.h"

#include <csignal>
#include <unistd.h>

namespace dlc::tools {
namespace {

volatile std::sig_atomic_t interrupted = 0;
struct sigaction previous;

void onSigint(int) {
  if (interrupted) { // the second Ctrl-C: die now
    sigaction(SIGINT, &previous, nullptr);
    std::raise(SIGINT);
    return;
  }
  interrupted = 1;
  static const char msg[] =
      "\ndlc: interrupted; finishing the current step and saving (Ctrl-C again to quit at once)\n";
  ssize_t ignored = write(STDERR_FILENO, msg, sizeof msg - 1); // async-signal-safe
  (void)ignored;
}

} // namespace

InterruptScope::InterruptScope() {
  interrupted = 0;
  struct sigaction sa {};
  sa.sa_handler = onSigint;
  sigemptyset(&sa.sa_mask);
  sigaction(SIGINT, &sa, &previous);
}

InterruptScope::~InterruptScope() { sigaction(SIGINT, &previous, nullptr); }

bool InterruptScope::requested() { return interrupted != 0; }

} // namespace dlc::tools
