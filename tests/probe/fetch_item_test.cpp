// The probe finds a FETCH item by what it names, not by how the server spelled it: RFC 9051 §9
// header-fld-name = astring, so BODY[HEADER.FIELDS ("SUBJECT")] (as Courier answers) is the
// item BODY[HEADER.FIELDS (SUBJECT)] asked for, and names compare ignoring case.
#include <gtest/gtest.h>

#include <string>

#include "probe/imap_client.h"
#include "probe/scenario.h"

namespace imapscope::testing {
namespace {

probe::ServerResponse response(const std::string& line) {
  analyzer::Message m;
  m.dir = capture::Direction::kServerToClient;
  m.text = line;
  m.lines.push_back({0, line.size(), 0, false, false});
  m.complete = true;
  return probe::ServerResponse(std::move(m));
}

TEST(ProbeFetchItem, QuotedHeaderFieldNamesNameTheSameItem) {
  const probe::ServerResponse r =
      response("* 1 FETCH (UID 4 BODY[HEADER.FIELDS (\"SUBJECT\" \"From\")] \"Subject: x\")");
  ASSERT_TRUE(r.parsed) << r.syntax_error;
  const analyzer::Arg* item = probe::fetch_item(r, "BODY[HEADER.FIELDS (SUBJECT FROM)]");
  ASSERT_NE(item, nullptr);
  EXPECT_EQ(probe::string_value(r, *item), "Subject: x");
  EXPECT_NE(probe::fetch_item(r, "uid"), nullptr);
  // A different field list is a different item.
  EXPECT_EQ(probe::fetch_item(r, "BODY[HEADER.FIELDS (SUBJECT)]"), nullptr);
  EXPECT_EQ(probe::fetch_item(r, "BODY[HEADER.FIELDS.NOT (SUBJECT FROM)]"), nullptr);
}

}  // namespace
}  // namespace imapscope::testing
