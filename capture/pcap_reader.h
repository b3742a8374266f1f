#pragma once
// pcap and pcapng captures (read with libpcap, one packet at a time, so a capture of any size
// costs memory only for the connections open in it): link layer, IPv4/IPv6, TCP reassembly,
// then the IMAP connections among them, streamed into a StreamSink with every byte's packet
// number and time. What the capture lacks or holds damaged is reported as capture problems and
// gaps; only a file that is not a readable capture at all is an InputError.

#include <optional>
#include <string>

#include "capture/capture_options.h"
#include "capture/input_error.h"
#include "capture/stream_sink.h"

namespace imapscope::capture {

// Numbers the IMAP connections found from `next_id` on, advancing it.
std::optional<InputError> read_capture(const std::string& path, const CaptureOptions& options,
                                       ConnectionId& next_id, StreamSink& sink);

}  // namespace imapscope::capture
