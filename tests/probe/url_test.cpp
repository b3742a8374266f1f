#include "probe/url.h"

#include <gtest/gtest.h>

namespace imapscope::probe {
namespace {

TEST(ProbeUrl, ImapWithPortAndPercentEncodedUser) {
  Target t;
  std::string error;
  ASSERT_TRUE(parse_target("imap://al%40ice@127.0.0.1:1143", t, error)) << error;
  EXPECT_FALSE(t.implicit_tls);
  EXPECT_EQ(t.user, "al@ice");
  EXPECT_EQ(t.host, "127.0.0.1");
  EXPECT_EQ(t.port, 1143);
  EXPECT_EQ(t.url(), "imap://al%40ice@127.0.0.1:1143");
}

TEST(ProbeUrl, ImapsDefaultsToPort993AndIpv6) {
  Target t;
  std::string error;
  ASSERT_TRUE(parse_target("imaps://bob@[::1]", t, error)) << error;
  EXPECT_TRUE(t.implicit_tls);
  EXPECT_EQ(t.host, "::1");
  EXPECT_EQ(t.port, 993);
  EXPECT_EQ(t.url(), "imaps://bob@[::1]:993");
}

TEST(ProbeUrl, RefusesPasswordsAndBadInput) {
  Target t;
  std::string error;
  EXPECT_FALSE(parse_target("imap://alice:secret@host", t, error));
  EXPECT_NE(error.find("password"), std::string::npos) << error;
  EXPECT_FALSE(parse_target("http://alice@host", t, error));
  EXPECT_FALSE(parse_target("imap://host", t, error));
  EXPECT_FALSE(parse_target("imap://alice@host:0", t, error));
  EXPECT_FALSE(parse_target("imap://alice@host:70000", t, error));
  EXPECT_FALSE(parse_target("imap://alice@host/INBOX", t, error));
  EXPECT_FALSE(parse_target("imap://al%4@host", t, error));
}

}  // namespace
}  // namespace imapscope::probe
