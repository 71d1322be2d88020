//===- Output.h - writing dlc's outputs so failures are reported -*- C++ -*-===//
//
// A full disk or a closed pipe must fail the command with a message, not be
// lost (exit 0 with nothing written) or abort (raw_fd_ostream's destructor
// calls report_fatal_error "IO failure on output stream" when an error was
// never checked).
//
//===----------------------------------------------------------------------===//
#pragma once

#include "llvm/ADT/STLFunctionalExtras.h"
#include "llvm/ADT/StringRef.h"
#include "llvm/Support/raw_ostream.h"

namespace dlc::tools {

/// Writes what `print` prints to `path`, or to standard output for "-".
/// A file is written to a temporary file in the same directory and renamed
/// over `path` only when complete, so `path` never holds half an output, and
/// is left untouched on failure. Throws dlc::Error "cannot write PATH: ..."
/// when writing fails.
void writeOutput(llvm::StringRef path, llvm::function_ref<void(llvm::raw_ostream &)> print);

/// Flushes stdout (C stdio and llvm::outs()) and throws dlc::Error "cannot
/// write to standard output: ..." if anything written to it was lost.
/// dlc.cpp calls it after every subcommand.
void flushStandardOutput();

} // namespace dlc::tools
