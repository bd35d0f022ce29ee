#include "model/framework.h"

#include "util/text.h"

namespace rehearse {
namespace {
constexpr std::string_view kRoleNames[] = {"context", "task", "action", "result", "learning"};
}  // namespace

std::string_view RoleName(SectionRole role) { return kRoleNames[static_cast<int>(role)]; }

bool ParseRole(std::string_view name, SectionRole* role) {
  for (int i = 0; i < 5; ++i) {
    if (name == kRoleNames[i]) {
      *role = static_cast<SectionRole>(i);
      return true;
    }
  }
  return false;
}

const FrameworkSection* Framework::FindSection(std::string_view name) const {
  std::string wanted = ToLower(name);
  for (const auto& s : sections) {
    if (ToLower(s.name) == wanted) return &s;
  }
  return nullptr;
}

}  // namespace rehearse
