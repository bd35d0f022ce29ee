#include "lint/patterns.h"

#include <cctype>

#include <fmt/format.h>

#include "util/text.h"

namespace rehearse {
namespace {

bool IsWordChar(char c) { return std::isalnum(static_cast<unsigned char>(c)) != 0; }

}  // namespace

Result<std::unique_ptr<re2::RE2>> Compile(const std::vector<std::string>& patterns, const std::string& where) {
  std::string all;
  for (const auto& p : patterns) {
    re2::RE2::Options check_options;
    check_options.set_log_errors(false);
    re2::RE2 check(p, check_options);
    if (!check.ok()) return Error{fmt::format("{}: bad pattern \"{}\": {}", where, p, check.error())};
    if (!all.empty()) all += '|';
    all += fmt::format("{}(?:{}){}", !p.empty() && IsWordChar(p.front()) ? "\\b" : "", p,
                       !p.empty() && IsWordChar(p.back()) ? "\\b" : "");
  }
  re2::RE2::Options options;
  options.set_case_sensitive(false);
  options.set_log_errors(false);
  auto re = std::make_unique<re2::RE2>(all, options);
  if (!re->ok()) return Error{fmt::format("{}: bad pattern: {}", where, re->error())};
  return re;
}

PhraseList::PhraseList(const std::vector<std::string>& phrases, const Lexicon* lemmas) : lemmas_(lemmas) {
  for (const auto& p : phrases) {
    std::vector<std::string> words;
    std::string lower = ToLower(p);  // outlives the views Split returns
    for (std::string_view w : Split(lower, ' ')) {
      if (w.empty()) continue;
      // Contractions are split as the parser splits them: "wasn't" -> "was" "n't".
      std::string word(w);
      if (word.size() > 3 && word.ends_with("n't")) {
        std::string head = word.substr(0, word.size() - 3);
        words.push_back(head == "ca" ? "can" : head == "wo" ? "will" : head);
        words.push_back("n't");
        continue;
      }
      size_t q = word.rfind('\'');
      std::string_view tail = q == std::string::npos ? std::string_view() : std::string_view(word).substr(q);
      if (q != std::string::npos && q > 0 && (tail == "'s" || tail == "'re" || tail == "'ve" || tail == "'d" || tail == "'ll" || tail == "'m")) {
        std::string head = word.substr(0, q);
        bool is = tail == "'s" && (head == "it" || head == "that" || head == "there" || head == "he" || head == "she" || head == "what");
        words.push_back(head);
        words.push_back(is ? "is" : std::string(tail));
        continue;
      }
      words.push_back(lemmas_ && word != "*" ? lemmas_->VerbLemma(word) : word);
    }
    if (words.empty()) continue;
    (words[0] == "*" ? wildcard_ : by_first_[WordKey(words[0])]).push_back(phrases_.size());
    phrases_.push_back(std::move(words));
  }
}

bool PhraseList::MatchesFrom(const std::vector<std::string>& p, const std::vector<Word>& words, size_t k) const {
  if (k + p.size() > words.size()) return false;
  for (size_t i = 0; i < p.size(); ++i) {
    const Word& w = words[k + i];
    if (p[i] == "*") {
      if (w.punct) return false;  // any one word
    } else if (w.lower != p[i] && !(lemmas_ && w.lemma == p[i])) {
      return false;
    }
  }
  return true;
}

size_t PhraseList::MatchAt(const std::vector<Word>& words, size_t k) const {
  if (k >= words.size()) return 0;
  size_t best = 0;
  auto try_all = [&](const std::vector<size_t>& ids) {
    for (size_t id : ids) {
      if (phrases_[id].size() > best && MatchesFrom(phrases_[id], words, k)) best = phrases_[id].size();
    }
  };
  if (by_first_.empty() && wildcard_.empty()) return 0;
  if (auto it = by_first_.find(words[k].key); it != by_first_.end()) try_all(it->second);
  if (lemmas_ && words[k].lemma_key != words[k].key) {
    if (auto it = by_first_.find(words[k].lemma_key); it != by_first_.end()) try_all(it->second);
  }
  try_all(wildcard_);
  return best;
}

int PhraseList::Find(const std::vector<Word>& words, size_t begin, size_t end, size_t* n) const {
  for (size_t k = begin; k < end && k < words.size(); ++k) {
    if (size_t m = MatchAt(words, k); m > 0 && k + m <= end) {
      if (n) *n = m;
      return static_cast<int>(k);
    }
  }
  return -1;
}

}  // namespace rehearse
