#pragma once
// Story matching and values coverage over the user's bank. A StoryIndex is built once
// from the bank (terms, themes, inferred values), then answers questions quickly:
// which stories to tell for a question, and, for a company, the values x stories
// matrix, the gaps, the stories to prepare first and the ones too alike to back each
// other up. Tags the user imported or set win over inferred ones.

#include <map>
#include <memory>
#include <set>
#include <string>
#include <string_view>
#include <vector>

#include "match/classifier.h"
#include "model/question.h"
#include "model/story.h"
#include "util/result.h"

namespace rehearse {

struct StoryMatch {
  std::string key, title;
  double score = 0;  // 0..1
  std::vector<std::string> reasons;
};

struct CoverageCell {
  std::string key;
  double score = 0;     // 0..1
  bool tagged = false;  // From the user's own mapping, not inferred.
};

struct ValueCoverage {
  std::string name;
  std::vector<CoverageCell> stories;  // Best first; only stories that count (score > 0).
};

struct Gap {
  std::string value;
  std::string best_key;  // The closest story, or "".
  double best_score = 0;
  std::string advice;    // What kind of story would fill it.
};

struct ThemePick {
  std::string theme;
  std::string goto_key, backup_key;
  bool from_guide = false;  // The user's own theme table.
};

struct Overlap {
  std::string a, b;
  double similarity = 0;
};

struct Plan {
  std::string company;
  std::vector<std::string> story_keys;  // Matrix columns, in bank order.
  std::vector<ValueCoverage> values;    // Matrix rows, in the profile's order.
  std::vector<Gap> gaps;
  std::vector<std::string> recommended;
  std::vector<ThemePick> themes;
  std::vector<Overlap> overlaps;
};

class StoryIndex {
 public:
  // REQUIRES: `stories`, `theme_rows` and `classifier` outlive the index.
  StoryIndex(const std::vector<Story>& stories, const std::vector<ThemeRow>& theme_rows,
             const QuestionClassifier& classifier);
  ~StoryIndex();

  // The `top` stories for `question`, best first, each with its reasons. Fails on an
  // empty question or an unknown company; an empty bank gives an empty list.
  Result<std::vector<StoryMatch>> Match(std::string_view question, std::string_view company, size_t top) const;

  // The user's own questions from their guides (see model/question.h). A question
  // asked that is close to one of them (Dice of content stems >= 0.6) lifts the
  // stories the guide answers it with: the author's own pick for that question.
  void SetOwnQuestions(std::vector<UserQuestion> questions);

  // The story whose wording `text` (an answer) shares most, with the cosine
  // similarity of their term weights (0..1): which story an answer tells. An empty
  // key when the bank is empty or no word is shared.
  std::pair<std::string, double> MostAlike(std::string_view text) const;

  // Coverage of `company`'s values by the bank. Fails on an unknown company.
  Result<Plan> PlanFor(std::string_view company) const;

  // 0..1: how well story `i` stands for value `v` of `company` (tag or inference).
  double ValueFit(size_t story, const Company& company, size_t value, bool* tagged) const;

 private:
  struct Entry;
  size_t Slot(const Company& company) const;  // The company's place in the catalog.
  // Value fits of story `story` for `company`, by value index (computed on first use).
  const std::vector<double>& Fits(size_t story, const Company& company) const;
  // P(value | story) from the values model, by value index (computed on first use).
  const std::vector<double>& Strength(size_t story, const Company& company) const;
  // Per value, the highest Strength of any story in the bank (computed on first use).
  const std::vector<double>& BankBest(const Company& company) const;
  mutable std::vector<std::vector<double>> bank_best_;  // Per company slot.

  const std::vector<Story>& stories_;
  const std::vector<ThemeRow>& theme_rows_;
  const QuestionClassifier& classifier_;
  std::vector<Entry> entries_;
  struct OwnQuestion {
    std::string text;
    std::set<std::string> stems;  // Its content words, stemmed.
    std::vector<size_t> stories;  // Indexes into stories_, the guide's order.
  };
  std::vector<OwnQuestion> own_;  // The user's questions that name stories.
  std::unique_ptr<class TfIdf> space_;  // Term weights learned from the stories themselves.
  // For each term of that space, the stories holding it and its weight there: a
  // question only visits the stories that share a word with it.
  std::vector<std::vector<std::pair<size_t, double>>> postings_;
};

}  // namespace rehearse
