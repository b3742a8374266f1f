#pragma once
// Standard input ("-") can be read only once and cannot seek back, yet its kind (pcap, pcapng
// or transcript) is told from its first bytes. Those bytes are peeked here and handed back in
// front of the rest by the stream standard_input() returns, so libpcap (pcap_fopen_offline)
// and the line reader read it from its beginning, as they would a file; nothing else of it is
// held in memory.

#include <cstdio>
#include <string_view>

namespace imapscope::capture {

// Reads (once) and returns up to `n` first bytes of standard input; fewer at its end.
std::string_view peek_standard_input(std::size_t n);
// A stream of all of standard input, the peeked bytes included. The caller closes it (which
// leaves the process's stdin open); nullptr when it cannot be made.
std::FILE* standard_input();

}  // namespace imapscope::capture
