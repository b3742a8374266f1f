#include "analyzer/mailbox.h"

#include <algorithm>

namespace imapscope::analyzer {

const MessageRecord* SelectedMailbox::message(std::uint32_t seq) const {
  if (seq == 0 || seq > messages_.size()) return nullptr;
  return &messages_[seq - 1];
}

std::uint32_t SelectedMailbox::seq_of_uid(std::uint32_t uid) const {
  if (uid == 0) return 0;
  for (std::size_t i = 0; i < messages_.size(); ++i) {
    if (messages_[i].uid == uid) return static_cast<std::uint32_t>(i + 1);
  }
  return 0;
}

void SelectedMailbox::apply_exists(std::uint32_t n) {
  exists_ = n;
  exists_known_ = true;
  messages_.resize(std::min(n, kMaxTrackedMessages));
}

void SelectedMailbox::apply_expunge(std::uint32_t seq) {
  // RFC 9051 §7.5.1: each later message's number immediately decrements by one.
  if (seq == 0 || seq > exists_) return;
  if (seq <= messages_.size()) messages_.erase(messages_.begin() + (seq - 1));
  --exists_;
}

void SelectedMailbox::apply_vanished(const SequenceSet& uids) {
  // RFC 7162 §3.2.10: VANISHED (without EARLIER) removes those messages like EXPUNGE does.
  std::uint32_t removed = 0;
  for (std::size_t i = messages_.size(); i > 0; --i) {
    const std::uint32_t uid = messages_[i - 1].uid;
    if (uid != 0 && uids.contains(uid, UINT32_MAX)) {
      messages_.erase(messages_.begin() + static_cast<std::ptrdiff_t>(i - 1));
      ++removed;
    }
  }
  // A VANISHED set may name UIDs that never existed ("20:30" for 20 and 30), so only the
  // messages whose UID the model knows are counted; others stay until a later EXISTS.
  exists_ -= std::min(removed, exists_);
  if (messages_.size() > exists_) messages_.resize(exists_);
}

void SelectedMailbox::apply_fetch(std::uint32_t seq, const FetchData& d) {
  if (seq == 0 || seq > messages_.size()) return;
  MessageRecord& m = messages_[seq - 1];
  if (d.uid) m.uid = *d.uid;
  if (d.modseq) m.modseq = *d.modseq;
  if (d.rfc822_size) m.size = *d.rfc822_size + 1;
  if (d.modseq && (!highestmodseq_ || *d.modseq > *highestmodseq_)) highestmodseq_ = d.modseq;
}

void SelectedMailbox::apply_flags(std::vector<std::string_view> flags) {
  flags_.emplace();
  for (std::string_view f : flags)
    flags_->emplace_back(f);
}

void SelectedMailbox::apply_code(const ResponseCode& code) {
  const std::string_view arg = code_word(code.text, 0);
  if (iequals(code.name, "UIDVALIDITY")) {
    if (auto n = read_number(arg)) uidvalidity_ = static_cast<std::uint32_t>(*n);
  } else if (iequals(code.name, "UIDNEXT")) {
    if (auto n = read_number(arg)) uidnext_ = static_cast<std::uint32_t>(*n);
  } else if (iequals(code.name, "HIGHESTMODSEQ")) {
    if (auto n = read_number(arg, UINT64_MAX)) highestmodseq_ = *n;
  } else if (iequals(code.name, "PERMANENTFLAGS")) {
    if (auto list = read_flag_list(code.text)) {
      permflags_.emplace(list->begin(), list->end());
    }
  } else if (iequals(code.name, "READ-ONLY")) {
    read_only_ = true;
  } else if (iequals(code.name, "READ-WRITE")) {
    read_only_ = false;
  }
}

void SelectedMailbox::complete_selection() {
  selection_complete_ = true;
  for (MessageRecord& m : messages_)
    m.at_select = true;
  exists_at_select_ = exists_;
  uidnext_at_select_ = uidnext_;
}

}  // namespace imapscope::analyzer
