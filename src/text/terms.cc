#include "text/terms.h"

#include <libstemmer.h>

#include <algorithm>
#include <array>
#include <cctype>
#include <memory>
#include <unordered_map>

namespace rehearse {
namespace {

// Words that carry no topic in an interview question or a story.
bool IsStopWord(std::string_view w) {
  static constexpr std::array<std::string_view, 96> kStop = {
      "a", "about", "after", "all", "also", "an", "and", "any", "are", "as", "at", "be", "been", "before", "being",
      "but", "by", "can", "could", "did", "do", "does", "doing", "for", "from", "had", "has", "have", "he", "her",
      "his", "how", "i", "if", "in", "into", "is", "it", "its", "just", "me", "more", "most", "my", "no", "not", "of",
      "on", "one", "or", "other", "our", "out", "over", "own", "she", "so", "some", "such", "than", "that", "the",
      "their", "them", "then", "there", "these", "they", "this", "those", "through", "time", "to", "up", "us", "very",
      "was", "we", "were", "what", "when", "where", "which", "while", "who", "why", "will", "with", "would", "you",
      "your", "tell", "describe", "give"};
  return std::find(kStop.begin(), kStop.end(), w) != kStop.end();
}

struct StemmerDeleter {
  void operator()(sb_stemmer* s) const { sb_stemmer_delete(s); }
};

sb_stemmer* TheStemmer() {
  // The Snowball stemmer keeps state between calls: one per thread.
  thread_local std::unique_ptr<sb_stemmer, StemmerDeleter> stemmer(sb_stemmer_new("english", "UTF_8"));
  return stemmer.get();
}

}  // namespace

std::string Stem(std::string_view word) {
  // Texts repeat their words: remember the stems (per thread, like the stemmer).
  thread_local std::unordered_map<std::string, std::string> memo;
  auto hit = memo.find(std::string(word));
  if (hit != memo.end()) return hit->second;
  sb_stemmer* s = TheStemmer();
  if (!s) return std::string(word);
  const sb_symbol* out = sb_stemmer_stem(s, reinterpret_cast<const sb_symbol*>(word.data()), static_cast<int>(word.size()));
  if (!out) return std::string(word);
  std::string stem(reinterpret_cast<const char*>(out), static_cast<size_t>(sb_stemmer_length(s)));
  if (memo.size() < 200000) memo.emplace(std::string(word), stem);
  return stem;
}

std::vector<std::string> Terms(std::string_view text) {
  std::vector<std::string> out;
  for (auto& [stem, word] : TermsWithWords(text)) out.push_back(std::move(stem));
  return out;
}

std::vector<std::pair<std::string, std::string>> TermsWithWords(std::string_view text) {
  std::vector<std::pair<std::string, std::string>> out;
  std::string word;
  auto flush = [&] {
    if (word.size() > 1 && !IsStopWord(word)) out.emplace_back(Stem(word), word);
    word.clear();
  };
  for (char ch : text) {
    auto c = static_cast<unsigned char>(ch);
    if (std::isalnum(c) || c >= 0x80) word += static_cast<char>(std::tolower(c));
    else if (c != '\'') flush();
  }
  flush();
  return out;
}

}  // namespace rehearse
