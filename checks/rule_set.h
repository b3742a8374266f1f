#pragma once
// The rules of one connection: every rule of the catalog, constructed side by side in one
// block, in catalog order. Which of them a message goes to depends only on their classes, so
// the session dispatches through one plan shared by every connection (analyzer/observer_plan.h)
// and touches only the rules it calls, packed together, instead of a list of its own and
// objects scattered over the heap: with hundreds of connections open those were most of the
// replay's cache misses.

#include <cstddef>
#include <memory>
#include <vector>

#include "analyzer/observer_plan.h"
#include "analyzer/session.h"
#include "checks/rule.h"

namespace imapscope::checks {

class RuleSet {
 public:
  // Constructs every rule, reporting through `ctx` (which must outlive the set).
  explicit RuleSet(RuleContext& ctx);
  ~RuleSet();
  RuleSet(const RuleSet&) = delete;
  RuleSet& operator=(const RuleSet&) = delete;

  // Hands the rules to `session`, which must not outlive the set.
  void attach(analyzer::Session& session);
  // The rules start afresh, as on a new connection (after a gap: what they remembered of the
  // stream before it may no longer hold).
  void restart();

  // The rules, in catalog order.
  std::size_t size() const;
  Rule& operator[](std::size_t i);

 private:
  struct Layout;
  static const Layout& layout();
  // The dispatch plan for every set, made from the first one's rules: what a rule watches is
  // a property of its class (SessionObserver::watched_commands).
  const analyzer::ObserverPlan& plan();
  void construct_all();
  void destroy_all();

  RuleContext& ctx_;
  struct FreeBlock {
    std::size_t align;
    void operator()(std::byte* p) const;
  };
  std::unique_ptr<std::byte[], FreeBlock> block_;
  std::vector<Rule*> rules_;  // in the block, in catalog order
};

}  // namespace imapscope::checks
