#include "wordnet_expand.h"

#include <wn.h>

#include <algorithm>
#include <cctype>
#include <map>
#include <set>
#include <string>

#include "match/features.h"
#include "util/text.h"

namespace rehearse {
namespace {

std::set<std::string> Stems(std::string_view text) {
  std::set<std::string> out;
  for (auto& t : ContentTokens(text)) out.insert(std::move(t.stem));
  return out;
}

std::string FromWordNet(const char* lemma) {
  std::string s(lemma);
  std::replace(s.begin(), s.end(), '_', ' ');
  // Adjective lemmas may carry a syntactic marker: "big(a)".
  if (size_t paren = s.find('('); paren != std::string::npos) s.resize(paren);
  return s;
}

bool ProperOrOdd(const std::string& s) {
  return std::any_of(s.begin(), s.end(), [](char c) {
    auto u = static_cast<unsigned char>(c);
    return std::isupper(u) || std::isdigit(u) || c == '.';
  });
}

struct Sense {
  std::vector<std::string> synonyms;
  std::vector<std::string> derived;
  std::set<std::string> signature;  // Stems of the gloss and the synonyms.
};

// The senses of `lemma` (WordNet form: lower case, "_" between words) in `pos`, most
// frequent first. Memoised: keywords recur across profiles, and every WordNet lookup
// searches its files.
const std::vector<Sense>& Senses(const std::string& lemma, int pos) {
  static std::map<std::pair<std::string, int>, std::vector<Sense>> memo;
  auto [it, added] = memo.try_emplace({lemma, pos});
  std::vector<Sense>& out = it->second;
  if (!added) return out;
  std::string key = lemma;
  IndexPtr index = index_lookup(key.data(), pos);
  if (!index) return out;
  for (int i = 0; i < index->off_cnt; ++i) {
    SynsetPtr ss = read_synset(pos, static_cast<long>(index->offset[i]), key.data());
    if (!ss) continue;
    Sense sense;
    std::string signature = ss->defn ? ss->defn : "";
    for (int w = 0; w < ss->wcount; ++w) {
      std::string word = FromWordNet(ss->words[w]);
      signature += " " + word;
      sense.synonyms.push_back(word);
    }
    sense.signature = Stems(signature);
    for (int p = 0; p < ss->ptrcount; ++p) {
      // A lexical pointer from this very word (pfrm is its number in the synset).
      if (ss->ptrtyp[p] != DERIVATION || ss->pfrm[p] != ss->whichword) continue;
      SynsetPtr target = read_synset(ss->ppos[p], ss->ptroff[p], const_cast<char*>(""));
      if (!target) continue;
      int to = ss->pto[p] - 1;
      if (to >= 0 && to < target->wcount) sense.derived.push_back(FromWordNet(target->words[to]));
      free_synset(target);
    }
    free_synset(ss);
    out.push_back(std::move(sense));
  }
  free_index(index);
  return out;
}

// How many stems of `context` a sense shares, leaving out the keyword's own.
int Overlap(const Sense& sense, const std::set<std::string>& context, const std::set<std::string>& own_stems) {
  int n = 0;
  for (const auto& stem : sense.signature) n += !own_stems.count(stem) && context.count(stem);
  return n;
}

// How many senses `word` has in all parts of speech, and whether any of them is seen
// in WordNet's sense-tagged corpus (SemCor): a rare or archaic word ("excogitate") has
// none.
struct Usage {
  int senses = 0;
  bool tagged = false;
};

Usage UsageOf(const std::string& word) {
  static std::map<std::string, Usage> memo;  // WordNet searches its files on every lookup
  if (auto it = memo.find(word); it != memo.end()) return it->second;
  Usage& u = memo[word];
  std::string key = word;
  std::replace(key.begin(), key.end(), ' ', '_');
  for (int pos : {NOUN, VERB, ADJ, ADV}) {
    std::string base = key;
    if (char* m = morphstr(key.data(), pos)) base = m;
    if (IndexPtr index = index_lookup(base.data(), pos)) {
      u.senses += index->off_cnt;
      u.tagged |= index->tagged_cnt > 0;
      free_index(index);
    }
  }
  return u;
}

constexpr int kMaxSenses = 6;  // A word with more senses than this fires on too many topics.

}  // namespace

Status OpenWordNet() {
  static int status = wninit();
  if (status != 0) return Error{"WordNet: cannot open its dictionary (install wordnet-base, or set WNSEARCHDIR)"};
  return {};
}

std::vector<ValueModel::Expansion> ExpandKeywords(const Company& company) {
  std::vector<ValueModel::Expansion> out;
  // Every keyword's stems, by value: a candidate that is another value's keyword is dropped.
  std::vector<std::set<std::string>> keyword_stems(company.values.size());
  for (size_t v = 0; v < company.values.size(); ++v) {
    for (const auto& k : company.values[v].keywords) {
      std::string joined;
      for (const auto& s : Stems(k)) joined += s + " ";
      keyword_stems[v].insert(joined);
    }
  }
  auto joined_stems = [](const std::string& text) {
    std::string joined;
    for (const auto& s : Stems(text)) joined += s + " ";
    return joined;
  };
  // Stems that three or more values' descriptions share say nothing about one value.
  std::map<std::string, int> spread;
  for (const auto& value : company.values) {
    for (const auto& stem : Stems(value.description)) ++spread[stem];
  }
  for (size_t v = 0; v < company.values.size(); ++v) {
    const CompanyValue& value = company.values[v];
    std::string about = value.name + ". " + value.description;
    for (const auto& k : value.keywords) about += ". " + k;
    std::set<std::string> context;
    for (const auto& stem : Stems(about)) {
      if (spread[stem] < 3) context.insert(stem);
    }
    std::set<std::string> seen;
    for (const auto& keyword : value.keywords) {
      std::string lemma = ToLower(keyword);
      std::replace(lemma.begin(), lemma.end(), ' ', '_');
      std::set<std::string> own = Stems(keyword);
      const int keyword_senses = UsageOf(keyword).senses;
      for (int pos : {NOUN, VERB, ADJ, ADV}) {
        // WordNet keeps base forms: "decided" is found as "decide".
        std::string base = lemma;
        if (char* m = morphstr(lemma.data(), pos)) base = m;
        const std::vector<Sense>& senses = Senses(base, pos);
        // The one sense that shares most with the value (the more frequent on a tie),
        // when it shares at least two words, or one for a keyword with a single sense.
        size_t best = 0;
        int best_overlap = -1;
        for (size_t s = 0; s < senses.size(); ++s) {
          int overlap = Overlap(senses[s], context, own);
          if (overlap > best_overlap) {
            best = s;
            best_overlap = overlap;
          }
        }
        if (senses.empty() || best_overlap < (keyword_senses == 1 ? 1 : 2)) continue;
        {
          size_t s = best;
          std::vector<std::string> words = senses[s].synonyms;
          words.insert(words.end(), senses[s].derived.begin(), senses[s].derived.end());
          for (const auto& w : words) {
            if (ProperOrOdd(w) || w.size() < 4) continue;
            Usage usage = UsageOf(w);
            if (!usage.tagged || usage.senses > kMaxSenses) continue;
            // A phrasal verb of everyday words ("go on", "back up") fires anywhere.
            bool everyday = false;
            for (const auto& part : Split(w, ' ')) {
              everyday |= w.find(' ') != std::string::npos && UsageOf(std::string(part)).senses > kMaxSenses;
            }
            if (everyday || ContentTokens(w).size() != Split(w, ' ').size()) continue;
            std::string stems = joined_stems(w);
            if (stems.empty() || stems == joined_stems(keyword) || !seen.insert(stems).second) continue;
            bool elsewhere = false;
            for (size_t other = 0; other < company.values.size(); ++other) {
              if (other != v && keyword_stems[other].count(stems)) elsewhere = true;
            }
            if (elsewhere || keyword_stems[v].count(stems)) continue;
            out.push_back({v, w, keyword});
          }
        }
      }
    }
  }
  // A phrase two values both reach ("examine": testing, analyze) would blur them.
  std::map<std::string, std::set<size_t>> reached;
  for (const auto& e : out) reached[joined_stems(e.phrase)].insert(e.value);
  std::erase_if(out, [&](const ValueModel::Expansion& e) { return reached[joined_stems(e.phrase)].size() > 1; });
  return out;
}

}  // namespace rehearse
