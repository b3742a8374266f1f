#include "capture/line_reader.h"

#include <gtest/gtest.h>

#include <cstdio>
#include <string>
#include <vector>

#include "tests/support/temp_file.h"

namespace imapscope::capture {
namespace {

using testing::TempFile;

struct Piece {
  std::string bytes;
  std::uint64_t line = 0;
  std::uint64_t file_offset = 0;
  bool starts_line = false;
  bool ends_line = false;
};

std::vector<Piece> read_pieces(const std::string& content,
                               std::size_t buffer = LineReader::kDefaultBuffer) {
  TempFile file(content);
  std::FILE* f = std::fopen(file.path().c_str(), "rb");
  EXPECT_NE(f, nullptr);
  LineReader reader(f, buffer);
  std::vector<Piece> out;
  LinePiece piece;
  while (reader.next(piece)) {
    out.push_back(Piece{std::string(piece.bytes), piece.line, piece.file_offset, piece.starts_line,
                        piece.ends_line});
  }
  EXPECT_FALSE(reader.failed());
  return out;
}

TEST(LineReader, SplitsLinesKeepingTheNewline) {
  const auto pieces = read_pieces("a1 NOOP\r\nb\n\nlast\n");
  ASSERT_EQ(pieces.size(), 4u);
  EXPECT_EQ(pieces[0].bytes, "a1 NOOP\r\n");
  EXPECT_EQ(pieces[1].bytes, "b\n");
  EXPECT_EQ(pieces[2].bytes, "\n");
  EXPECT_EQ(pieces[3].bytes, "last\n");
  for (std::size_t i = 0; i < pieces.size(); ++i) {
    EXPECT_EQ(pieces[i].line, i + 1);
    EXPECT_TRUE(pieces[i].starts_line);
    EXPECT_TRUE(pieces[i].ends_line);
  }
  EXPECT_EQ(pieces[0].file_offset, 0u);
  EXPECT_EQ(pieces[1].file_offset, 9u);
  EXPECT_EQ(pieces[2].file_offset, 11u);
  EXPECT_EQ(pieces[3].file_offset, 12u);
}

// A line longer than the buffer comes in buffer-sized pieces; only the first starts the line
// and only the last ends it, and all carry the line's number.
TEST(LineReader, LongLinePiecesCarryLineNumbersAndFlags) {
  const auto pieces = read_pieces("abc\n0123456789ABCDEFGHIJ\nxy\n", 8);
  std::string joined;
  for (const Piece& p : pieces)
    joined += p.bytes;
  EXPECT_EQ(joined, "abc\n0123456789ABCDEFGHIJ\nxy\n");
  ASSERT_EQ(pieces.size(), 5u);
  EXPECT_EQ(pieces[1].bytes, "01234567");
  EXPECT_EQ(pieces[2].bytes, "89ABCDEF");
  EXPECT_EQ(pieces[3].bytes, "GHIJ\n");

  EXPECT_EQ(pieces[0].line, 1u);
  for (std::size_t i = 1; i <= 3; ++i)
    EXPECT_EQ(pieces[i].line, 2u) << i;
  EXPECT_EQ(pieces[4].line, 3u);

  EXPECT_TRUE(pieces[1].starts_line);
  EXPECT_FALSE(pieces[1].ends_line);
  EXPECT_FALSE(pieces[2].starts_line);
  EXPECT_FALSE(pieces[2].ends_line);
  EXPECT_FALSE(pieces[3].starts_line);
  EXPECT_TRUE(pieces[3].ends_line);
  EXPECT_TRUE(pieces[4].starts_line);

  EXPECT_EQ(pieces[1].file_offset, 4u);
  EXPECT_EQ(pieces[2].file_offset, 12u);
  EXPECT_EQ(pieces[3].file_offset, 20u);
  EXPECT_EQ(pieces[4].file_offset, 25u);
}

// A line of exactly the buffer's size without its newline: the newline arrives as a piece
// of its own that ends the line.
TEST(LineReader, NewlineJustPastTheBuffer) {
  const auto pieces = read_pieces("abcdefgh\nz\n", 8);
  ASSERT_EQ(pieces.size(), 3u);
  EXPECT_EQ(pieces[0].bytes, "abcdefgh");
  EXPECT_FALSE(pieces[0].ends_line);
  EXPECT_EQ(pieces[1].bytes, "\n");
  EXPECT_FALSE(pieces[1].starts_line);
  EXPECT_TRUE(pieces[1].ends_line);
  EXPECT_EQ(pieces[1].line, 1u);
  EXPECT_EQ(pieces[2].bytes, "z\n");
  EXPECT_EQ(pieces[2].line, 2u);
}

TEST(LineReader, LastLineWithoutNewline) {
  const auto pieces = read_pieces("one\ntwo");
  ASSERT_EQ(pieces.size(), 2u);
  EXPECT_EQ(pieces[1].bytes, "two");
  EXPECT_EQ(pieces[1].line, 2u);
  EXPECT_TRUE(pieces[1].starts_line);
  EXPECT_FALSE(pieces[1].ends_line);
}

TEST(LineReader, LongLastLineWithoutNewline) {
  const auto pieces = read_pieces("0123456789", 4);
  ASSERT_EQ(pieces.size(), 3u);
  EXPECT_EQ(pieces[0].bytes, "0123");
  EXPECT_EQ(pieces[1].bytes, "4567");
  EXPECT_EQ(pieces[2].bytes, "89");
  for (const Piece& p : pieces) {
    EXPECT_FALSE(p.ends_line);
    EXPECT_EQ(p.line, 1u);
  }
}

TEST(LineReader, EmptyFile) {
  EXPECT_TRUE(read_pieces("").empty());
}

TEST(LineReader, NulBytesAreData) {
  const std::string content("a\0b\n\0\n", 6);
  const auto pieces = read_pieces(content);
  ASSERT_EQ(pieces.size(), 2u);
  EXPECT_EQ(pieces[0].bytes, std::string("a\0b\n", 4));
  EXPECT_EQ(pieces[1].bytes, std::string("\0\n", 2));
}

TEST(LineReader, OpenInputFileFailsForMissingPath) {
  EXPECT_EQ(open_input_file("/nonexistent/imapscope/none.txt"), nullptr);
}

}  // namespace
}  // namespace imapscope::capture
