#pragma once
// Resolves the short names a guide gives its stories elsewhere in the file ("Diesel
// Index Pipeline" for "Diesel Index Feed Automation", "Tableau Speed-Up" for "Tableau
// Morning Dashboard Speed-Up") to the stories they stand for.

#include <string>
#include <string_view>
#include <vector>

namespace rehearse {

class NicknameIndex {
 public:
  // `titles`: the stories' titles, in any order; results index into it.
  explicit NicknameIndex(const std::vector<std::string>& titles);

  // The index of the title `nickname` stands for, or -1. A nickname matches when
  // the stemmed content words it shares with a title carry at least half of its
  // weight, each word weighted by its rarity among the titles (inverse document
  // frequency), and no other title comes close (within 0.15). Placeholders in
  // parentheses ("(Needs a better story)") match nothing.
  int Resolve(std::string_view nickname) const;

 private:
  std::vector<std::vector<std::string>> titles_;  // Stemmed content words of each title.
};

}  // namespace rehearse
