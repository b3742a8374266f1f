#include "capture/input.h"

#include <gtest/gtest.h>

#include <fstream>
#include <string>

#include "tests/capture/recording_sink.h"
#include "tests/support/temp_file.h"

namespace imapscope::capture {
namespace {

using testing::RecordingSink;
using testing::TempFile;

void write_file(const std::string& path, std::string_view content) {
  std::ofstream file(path, std::ios::binary);
  file.write(content.data(), static_cast<std::streamsize>(content.size()));
}

InputSpec identify_ok(const std::string& path) {
  auto result = identify_input(path);
  if (const auto* error = std::get_if<InputError>(&result)) {
    ADD_FAILURE() << error->to_string();
    return {};
  }
  return std::get<InputSpec>(result);
}

InputError identify_error(const std::string& path) {
  auto result = identify_input(path);
  if (const auto* spec = std::get_if<InputSpec>(&result)) {
    ADD_FAILURE() << "identified as " << input_kind_name(spec->kind);
    return {};
  }
  return std::get<InputError>(result);
}

TEST(IdentifyInput, TranscriptByContent) {
  TempFile file("S: * OK ready\nC: a1 LOGOUT\n", ".log");
  const InputSpec spec = identify_ok(file.path());
  EXPECT_EQ(spec.kind, InputKind::kTranscript);
  EXPECT_EQ(spec.path, file.path());
  EXPECT_TRUE(spec.partner_path.empty());
}

TEST(IdentifyInput, TranscriptAfterCommentsAndBlankLines) {
  TempFile file("# RFC 9051 §8 sample\n\n# another\n   \nC: a1 NOOP\n");
  EXPECT_EQ(identify_ok(file.path()).kind, InputKind::kTranscript);
}

TEST(IdentifyInput, TranscriptStartingWithClientLineWithoutSpace) {
  TempFile file("C:a1 NOOP\n");
  EXPECT_EQ(identify_ok(file.path()).kind, InputKind::kTranscript);
}

TEST(IdentifyInput, RawlogPairFromIn) {
  TempFile in("1.000001 a1 NOOP\r\n", "imap.in", true);
  write_file(in.dir() + "/imap.out", "1.000000 * OK ready\r\n");
  const InputSpec spec = identify_ok(in.path());
  EXPECT_EQ(spec.kind, InputKind::kRawlog);
  EXPECT_EQ(spec.path, in.dir() + "/imap.in");
  EXPECT_EQ(spec.partner_path, in.dir() + "/imap.out");
}

TEST(IdentifyInput, RawlogPairFromOut) {
  TempFile out("1.000000 * OK ready\r\n", "20240101-1.2.out", true);
  write_file(out.dir() + "/20240101-1.2.in", "1.000001 a1 NOOP\r\n");
  const InputSpec spec = identify_ok(out.path());
  EXPECT_EQ(spec.kind, InputKind::kRawlog);
  EXPECT_EQ(spec.path, out.dir() + "/20240101-1.2.in");
  EXPECT_EQ(spec.partner_path, out.dir() + "/20240101-1.2.out");
}

// Without its partner an .in file is judged by its content alone.
TEST(IdentifyInput, LoneInFileIsNotARawlog) {
  TempFile in("1.000001 a1 NOOP\r\n", "imap.in", true);
  const InputError error = identify_error(in.path());
  EXPECT_EQ(error.path, in.path());

  TempFile transcript("C: a1 NOOP\n", "t.in", true);
  EXPECT_EQ(identify_ok(transcript.path()).kind, InputKind::kTranscript);
}

TEST(IdentifyInput, PcapMagicBothByteOrders) {
  // Microsecond pcap, written little-endian and big-endian, then the nanosecond variant.
  const char kLittle[] = {'\xd4', '\xc3', '\xb2', '\xa1', 2, 0, 4, 0};
  const char kBig[] = {'\xa1', '\xb2', '\xc3', '\xd4', 0, 2, 0, 4};
  const char kNanoLittle[] = {'\x4d', '\x3c', '\xb2', '\xa1', 2, 0, 4, 0};
  for (std::string_view magic :
       {std::string_view(kLittle, sizeof kLittle), std::string_view(kBig, sizeof kBig),
        std::string_view(kNanoLittle, sizeof kNanoLittle)}) {
    TempFile file(magic, ".pcap");
    const InputSpec spec = identify_ok(file.path());
    EXPECT_EQ(spec.kind, InputKind::kPcap);
    EXPECT_EQ(spec.path, file.path());
  }
}

TEST(IdentifyInput, PcapngMagic) {
  const char kSectionHeader[] = {'\x0a', '\x0d', '\x0d', '\x0a', 0x1c, 0, 0, 0};
  TempFile file(std::string_view(kSectionHeader, sizeof kSectionHeader), ".pcapng");
  EXPECT_EQ(identify_ok(file.path()).kind, InputKind::kPcapng);
}

// The magic decides, not the name: a .txt file holding a capture is still a capture.
TEST(IdentifyInput, MagicWinsOverName) {
  const char kLittle[] = {'\xd4', '\xc3', '\xb2', '\xa1'};
  TempFile file(std::string_view(kLittle, sizeof kLittle), ".txt");
  EXPECT_EQ(identify_ok(file.path()).kind, InputKind::kPcap);
}

TEST(IdentifyInput, RandomTextIsInputError) {
  TempFile file("hello world\nC: a1 NOOP\n");
  const InputError error = identify_error(file.path());
  EXPECT_EQ(error.path, file.path());
  EXPECT_NE(error.message.find("expected"), std::string::npos) << error.message;
  EXPECT_NE(error.message.find("C:/S: transcript"), std::string::npos) << error.message;
  EXPECT_NE(error.message.find("rawlog"), std::string::npos) << error.message;
  EXPECT_NE(error.message.find("pcap"), std::string::npos) << error.message;
}

TEST(IdentifyInput, EmptyFileIsInputError) {
  TempFile file("");
  identify_error(file.path());
}

TEST(IdentifyInput, DirectoryIsInputError) {
  TempFile file("x");
  const InputError error = identify_error(file.dir());
  EXPECT_EQ(error.path, file.dir());
  EXPECT_NE(error.message.find("directory"), std::string::npos) << error.message;
}

TEST(IdentifyInput, MissingFileIsInputError) {
  const InputError error = identify_error("/nonexistent/imapscope/input.txt");
  EXPECT_EQ(error.path, "/nonexistent/imapscope/input.txt");
  EXPECT_FALSE(error.message.empty());
}

TEST(InputKindName, NamesEveryKind) {
  EXPECT_EQ(input_kind_name(InputKind::kTranscript), "transcript");
  EXPECT_EQ(input_kind_name(InputKind::kRawlog), "rawlog");
  EXPECT_EQ(input_kind_name(InputKind::kPcap), "pcap");
  EXPECT_EQ(input_kind_name(InputKind::kPcapng), "pcapng");
}

TEST(ReadInput, NumbersConnectionsAndDispatches) {
  TempFile file("S: * OK ready\nC: a1 NOOP\n");
  RecordingSink sink;
  ConnectionId next = 5;
  const auto error = read_input(InputSpec{InputKind::kTranscript, file.path(), {}}, next, sink);
  EXPECT_FALSE(error.has_value());
  EXPECT_EQ(sink.last_id, 5u);
  EXPECT_EQ(next, 6u);
  EXPECT_EQ(sink.client, "a1 NOOP\r\n");

  TempFile in("a1 NOOP\r\n", "x.in", true);
  write_file(in.dir() + "/x.out", "* OK ready\r\n");
  RecordingSink rawlog;
  EXPECT_FALSE(
      read_input(InputSpec{InputKind::kRawlog, in.path(), in.dir() + "/x.out"}, next, rawlog)
          .has_value());
  EXPECT_EQ(rawlog.last_id, 6u);
  EXPECT_EQ(next, 7u);
  EXPECT_EQ(rawlog.server, "* OK ready\r\n");
}

// Whatever reads captures, an unreadable one is an input error naming the file.
TEST(ReadInput, UnreadableCaptureIsInputError) {
  RecordingSink sink;
  ConnectionId next = 1;
  const std::string path = "/nonexistent/imapscope/x.pcap";
  const auto error = read_input(InputSpec{InputKind::kPcap, path, {}}, next, sink);
  ASSERT_TRUE(error.has_value());
  EXPECT_EQ(error->path, path);
  EXPECT_TRUE(sink.chunks.empty());
}

}  // namespace
}  // namespace imapscope::capture
