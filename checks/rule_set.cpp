#include "checks/rule_set.h"

#include <algorithm>
#include <new>
#include <vector>

namespace imapscope::checks {

// Where each rule of the catalog lives in a block: the same for every set.
struct RuleSet::Layout {
  std::vector<std::size_t> offsets;  // per catalog entry
  std::size_t size = 0;
  std::size_t align = alignof(std::max_align_t);
};

const RuleSet::Layout& RuleSet::layout() {
  static const Layout layout = [] {
    Layout l;
    for (const RuleEntry& entry : rule_catalog()) {
      l.size = (l.size + entry.align - 1) / entry.align * entry.align;
      l.offsets.push_back(l.size);
      l.size += entry.size;
      l.align = std::max(l.align, entry.align);
    }
    return l;
  }();
  return layout;
}

void RuleSet::FreeBlock::operator()(std::byte* p) const {
  ::operator delete[](p, std::align_val_t{align});
}

RuleSet::RuleSet(RuleContext& ctx)
    : ctx_(ctx),
      block_(static_cast<std::byte*>(::operator new[](std::max<std::size_t>(layout().size, 1),
                                                      std::align_val_t{layout().align})),
             FreeBlock{layout().align}) {
  construct_all();
}

RuleSet::~RuleSet() {
  destroy_all();
}

std::size_t RuleSet::size() const {
  return rules_.size();
}

Rule& RuleSet::operator[](std::size_t i) {
  return *rules_[i];
}

void RuleSet::construct_all() {
  const std::vector<RuleEntry>& catalog = rule_catalog();
  rules_.reserve(catalog.size());
  try {
    for (std::size_t i = 0; i < catalog.size(); ++i)
      rules_.push_back(catalog[i].construct(block_.get() + layout().offsets[i], ctx_));
  } catch (...) {
    destroy_all();
    throw;
  }
}

void RuleSet::destroy_all() {
  while (!rules_.empty()) {
    rules_.back()->~Rule();
    rules_.pop_back();
  }
}

void RuleSet::restart() {
  destroy_all();
  construct_all();
}

const analyzer::ObserverPlan& RuleSet::plan() {
  static const analyzer::ObserverPlan plan = [this] {
    std::vector<analyzer::ObserverPlan::Member> members;
    const std::vector<RuleEntry>& catalog = rule_catalog();
    for (std::size_t i = 0; i < catalog.size(); ++i) {
      const Rule& rule = (*this)[i];
      analyzer::ObserverPlan::Member m;
      m.offset = static_cast<std::size_t>(
          reinterpret_cast<const std::byte*>(static_cast<const analyzer::SessionObserver*>(&rule)) -
          block_.get());
      m.events = catalog[i].events;
      m.commands = rule.watched_commands();
      m.untagged = rule.watched_untagged();
      m.completions = rule.watched_completions();
      members.push_back(m);
    }
    return analyzer::ObserverPlan(members);
  }();
  return plan;
}

void RuleSet::attach(analyzer::Session& session) {
  session.set_observer_block(plan(), block_.get());
}

}  // namespace imapscope::checks
