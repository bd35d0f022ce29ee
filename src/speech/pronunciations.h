#pragma once
// Pronunciations for a bank's own words, in the phones of PocketSphinx's en-us
// acoustic model (CMUdict's ARPAbet without stress marks). Words in Debian's
// cmudict-en-us.dict keep its pronunciations; the rest ("Elasticsearch", "Kafka",
// "A4C", "GraphQL", "OKRs") are made up, in this order:
//   1. written in capitals ("SLA", "OKRs"): the letters' names, plural kept;
//   2. a plural or possessive of a dictionary word ("runbook's", "dashboards"):
//      the word's pronunciation with S, Z or IH Z after it;
//   3. anything else: espeak-ng's phonemes for it as written ("GraphQL" is "graph
//      Q L"; en-us voice), mapped to ARPAbet;
//   4. when espeak-ng gives nothing usable: the letters' names if the word is short,
//      else the word is left out (and reported).
// PocketSphinx cannot take words at run time with a trie language model (Debian's
// ps_add_word crashes), so these go into the dictionary written with the model.

#include <atomic>
#include <chrono>
#include <map>
#include <set>
#include <string>
#include <string_view>
#include <vector>

#include "util/result.h"

namespace rehearse {

struct PronunciationLexicon {
  // word -> its pronunciations ("K AE F K AH"), dictionary order, first the usual.
  std::map<std::string, std::vector<std::string>> entries;
  std::vector<std::string> unpronounceable;  // Words left out.
  int from_dictionary = 0, spelled = 0, inflected = 0, from_espeak = 0;
};

struct PronunciationOptions {
  std::string dictionary;  // cmudict-en-us.dict.
  std::string espeak = "espeak-ng";
  std::chrono::milliseconds espeak_limit{30000};
  const std::atomic<bool>* cancel = nullptr;
};

// Pronounces every word of `words` (lower case, letters and apostrophes). `written`
// maps words written with capitals inside to their written form ("okrs" -> "OKRs",
// "graphql" -> "GraphQL"). Reads the dictionary once (a linear scan).
// Fails only when the dictionary cannot be read; espeak-ng missing or failing leaves
// its words to step 4.
Result<PronunciationLexicon> BuildLexicon(const std::set<std::string>& words, const std::map<std::string, std::string>& written,
                             const PronunciationOptions& options);

// ARPAbet for espeak-ng's phoneme mnemonics as `espeak-ng -x --sep=" "` prints them
// ("k 'a f k @" -> "K AE F K AH"); "" when a symbol has no mapping.
std::string EspeakToArpabet(std::string_view espeak_phonemes);

// The letters of `written` by name: "SLA" -> "EH S EH L EY"; a lower-case "s" after
// capitals is a plural: "OKRs" -> "OW K EY AA R Z".
std::string SpellOut(std::string_view written);

}  // namespace rehearse
