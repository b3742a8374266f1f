#pragma once
// The pipeline as a byte sink for sources that are not files: connections whose bytes are fed
// as they are exchanged (the live probe). Each connection is replayed through an
// analyzer::Session and every rule of the catalog, exactly as check_inputs does for captures
// and transcripts, into the given Analysis.

#include <cstddef>
#include <memory>

#include "capture/stream_sink.h"
#include "checks/analysis.h"
#include "checks/checker.h"

namespace imapscope::checks {

class Pipeline {
 public:
  // `analysis` must outlive the pipeline; its inputs[input] names the source.
  Pipeline(const CheckOptions& options, Analysis& analysis, std::size_t input = 0);
  ~Pipeline();
  Pipeline(const Pipeline&) = delete;
  Pipeline& operator=(const Pipeline&) = delete;

  // on_connection_begin, on_data (each direction's bytes as sent or received, with their
  // origin), on_connection_end.
  capture::StreamSink& sink();
  // The source has ended: records what the limits left out (as check_inputs does per input).
  void end_input();

 private:
  struct Impl;
  std::unique_ptr<Impl> impl_;
};

}  // namespace imapscope::checks
