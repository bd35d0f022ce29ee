#include "match/features.h"

#include <algorithm>
#include <array>
#include <cctype>
#include <cstring>
#include <unordered_set>

#include "text/terms.h"

namespace rehearse {
namespace {

// Function words and the boilerplate every interview question shares ("tell me about
// a time", "give an example"): they carry no value of their own.
bool IsStopWord(std::string_view w) {
  static const std::unordered_set<std::string_view> kStop = {
      "a", "about", "after", "all", "also", "am", "an", "and", "any", "are", "as", "at", "be", "been", "before",
      "being", "but", "by", "can", "could", "did", "do", "does", "doing", "done", "for", "from", "had", "has", "have",
      "having", "he", "her", "him", "his", "how", "i", "if", "in", "into", "is", "it", "its", "just", "me", "my",
      "of", "on", "once", "or", "our", "out", "over", "she", "so", "some", "such", "than", "that", "the", "their",
      "them", "then", "there", "these", "they", "this", "those", "through", "to", "up", "us", "very", "was", "we",
      "were", "what", "when", "where", "which", "while", "who", "whom", "why", "will", "with", "would", "you",
      "your", "yours", "yourself", "tell", "describe", "give", "example", "examples", "time", "times",
      "situation", "share", "walk", "please", "ever", "one", "got", "get", "let", "s", "etc", "e", "g"};
  return kStop.count(w) > 0;
}

// Words that open a negation scope.
bool IsNegation(std::string_view w) {
  static const std::unordered_set<std::string_view> kNegation = {
      "not", "no", "never", "without", "nobody", "nothing", "none", "neither", "nor", "cannot", "lack",
      "lacks", "lacked", "lacking", "unable", "dont", "didnt", "doesnt", "wasnt", "werent", "isnt", "arent",
      "hasnt", "havent", "hadnt", "wont", "wouldnt", "couldnt", "shouldnt", "cant", "nobodys"};
  if (kNegation.count(w)) return true;
  return w.size() > 3 && w.substr(w.size() - 3) == "n't";
}

// Words after which a negation no longer applies.
bool EndsNegation(std::string_view w) {
  static const std::unordered_set<std::string_view> kEnd = {"but", "however", "although", "though", "yet",
                                                            "so", "because", "while", "when", "until",
                                                            "and", "whereas", "instead", "then"};
  return kEnd.count(w) > 0;
}

constexpr int kNegationReach = 4;  // content words a negation covers at most
// The probes prep sites append ("What was the outcome? What would you do
// differently?") belong to every value: their words count half.
constexpr double kProbeWeight = 0.5;
// Bigrams are sparse and echo the wording of the training questions: they count less,
// which is a stronger L2 penalty on them. Chosen by the held-out accuracy of
// unigrams alone, with bigrams at 1, 0.5 and 0.3 (README, "How the classifier works").
constexpr double kBigramWeight = 0.3;

// Words that make a sentence ask for a story ("Tell me about...", "Give an example...").
bool Asks(std::string_view w) {
  static const std::unordered_set<std::string_view> kAsk = {"tell", "describe", "give", "walk", "share", "talk",
                                                            "explain"};
  return kAsk.count(w) > 0;
}

}  // namespace

std::vector<Token> ContentTokens(std::string_view text) {
  std::vector<Token> out;
  int clause = 0, negation_left = 0, sentence = 0;
  int asking = -1;  // The first sentence that asks; the ones after it are probes.
  std::vector<int> sentence_of;  // Per token.
  std::string word;
  auto end_clause = [&] {
    ++clause;
    negation_left = 0;
  };
  auto end_sentence = [&](bool question) {
    if (question && asking < 0) asking = sentence;
    ++sentence;
  };
  auto flush = [&] {
    // Apostrophes: "customer's" is "customer"; "didn't" stays whole to be seen as a negation.
    while (!word.empty() && word.back() == '\'') word.pop_back();
    while (!word.empty() && word.front() == '\'') word.erase(word.begin());
    if (word.size() > 2 && word.compare(word.size() - 2, 2, "'s") == 0) word.resize(word.size() - 2);
    if (word.empty()) return;
    if (asking < 0 && Asks(word)) asking = sentence;
    if (IsNegation(word)) {
      negation_left = kNegationReach;
    } else if (EndsNegation(word)) {
      negation_left = 0;
    } else if (word.size() > 1 && !IsStopWord(word)) {
      std::string plain = word;
      plain.erase(std::remove(plain.begin(), plain.end(), '\''), plain.end());
      Token t{plain, Stem(plain), negation_left > 0, clause};
      if (negation_left > 0) --negation_left;
      out.push_back(std::move(t));
      sentence_of.push_back(sentence);
    }
    word.clear();
  };
  for (size_t i = 0; i < text.size(); ++i) {
    auto c = static_cast<unsigned char>(text[i]);
    if (c == 0xE2 && i + 2 < text.size() && static_cast<unsigned char>(text[i + 1]) == 0x80) {
      auto third = static_cast<unsigned char>(text[i + 2]);
      if (third == 0x98 || third == 0x99) {  // curly apostrophes
        word += '\'';
        i += 2;
        continue;
      }
      if (third == 0x93 || third == 0x94 || third == 0x9C || third == 0x9D || third == 0xA6) {  // dashes, quotes, …
        flush();
        end_clause();
        i += 2;
        continue;
      }
    }
    if (std::isalnum(c) || c >= 0x80) {
      word += static_cast<char>(std::tolower(c));
    } else if (c == '\'' && !word.empty()) {
      word += '\'';
    } else {
      flush();
      if (std::strchr(".,;:!?()[]\"\n", static_cast<char>(c)) && c != 0) end_clause();
      if (c == '.' || c == '?' || c == '!' || c == '\n') end_sentence(c == '?');
    }
  }
  flush();
  for (size_t i = 0; i < out.size(); ++i) out[i].probe = asking >= 0 && sentence_of[i] > asking;
  return out;
}

void ValueLexicon::Add(std::string_view text, size_t value, Kind kind, std::string shown) {
  std::vector<std::string> stems;
  for (auto& t : ContentTokens(text)) stems.push_back(std::move(t.stem));
  if (stems.empty()) return;
  by_first_stem_.emplace(stems[0], phrases_.size());
  phrases_.push_back({std::move(stems), value, kind, std::move(shown)});
}

std::vector<ValueLexicon::Match> ValueLexicon::Find(const std::vector<Token>& tokens) const {
  std::vector<Match> out;
  for (size_t i = 0; i < tokens.size(); ++i) {
    if (tokens[i].negated) continue;
    auto [begin, end] = by_first_stem_.equal_range(tokens[i].stem);
    std::vector<Match> here;
    for (auto it = begin; it != end; ++it) {
      const Phrase& p = phrases_[it->second];
      size_t last = i + p.stems.size() - 1;
      if (last >= tokens.size()) continue;
      bool ok = true;
      for (size_t k = 0; k < p.stems.size() && ok; ++k) {
        const Token& t = tokens[i + k];
        ok = t.stem == p.stems[k] && !t.negated && t.clause == tokens[i].clause;
      }
      if (ok) here.push_back({&p, i, last});
    }
    std::stable_sort(here.begin(), here.end(),
                     [](const Match& a, const Match& b) { return a.last - a.first > b.last - b.first; });
    out.insert(out.end(), here.begin(), here.end());
  }
  return out;
}

std::vector<Feature> ExtractFeatures(std::string_view text, const ValueLexicon& lexicon) {
  std::vector<Token> tokens = ContentTokens(text);
  std::vector<Feature> out;
  std::unordered_map<std::string, size_t> seen;
  double weight = 1;
  auto add = [&](std::string name, std::string shown) {
    auto [it, added] = seen.emplace(name, out.size());
    if (added) out.push_back({std::move(name), std::move(shown), weight});
    else out[it->second].weight = std::max(out[it->second].weight, weight);
  };
  auto key = [](const Token& t) { return t.negated ? "!" + t.stem : t.stem; };
  for (size_t i = 0; i < tokens.size(); ++i) {
    const Token& t = tokens[i];
    weight = t.probe ? kProbeWeight : 1.0;
    // The word itself, and, inside a negation, the negated word beside it: "did not
    // agree" still speaks of agreement, and its twist is a feature of its own.
    add("u:" + t.stem, t.word);
    if (t.negated) add("n:" + t.stem, "not … " + t.word);
    if (i + 1 < tokens.size() && tokens[i + 1].clause == t.clause) {
      double own = weight;
      weight *= kBigramWeight;
      add("b:" + key(t) + " " + key(tokens[i + 1]), t.word + " " + tokens[i + 1].word);
      weight = own;
    }
  }
  for (const auto& m : lexicon.Find(tokens)) {
    weight = tokens[m.first].probe ? kProbeWeight : 1.0;
    std::string words;
    for (size_t k = m.first; k <= m.last; ++k) words += (k == m.first ? "" : " ") + tokens[k].word;
    bool expansion = m.phrase->kind == ValueLexicon::Kind::kExpansion;
    if (expansion && !m.phrase->shown.empty()) words += " (~" + m.phrase->shown + ")";
    add("k:" + std::to_string(m.phrase->value), words);
  }
  return out;
}

}  // namespace rehearse
