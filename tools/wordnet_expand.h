#pragma once
// Lexicon expansion through WordNet 3.0 (Princeton; Debian's wordnet-base data read by
// the wordnet-dev C library), used at build time only: the binary carries the result
// inside its values model and never opens WordNet itself.
//
// For each keyword of a company's value (one word or a collocation such as "follow
// through"), the senses of that keyword are looked up in every part of speech, and the
// sense whose gloss and synonyms share most words with what the profile says of the
// value (its name, description and keywords, less the words three or more values'
// descriptions share) is kept when it shares at least two (one, for a keyword with a
// single sense): the simplified Lesk algorithm (Lesk 1986; Kilgarriff & Rosenzweig
// 2000). The kept sense gives its synonyms and the words derivationally related to
// the keyword ("curious" -> "curiosity"). A candidate is dropped when it is a proper
// noun, has more than six senses (it would fire on too many topics), is a phrase with
// such a word or a stop word in it ("go on", "back up"), never occurs in
// WordNet's sense-tagged corpus (rare or archaic: "excogitate"), stems like the
// keyword, or is a keyword of another of the company's values (it would blur them).

#include <vector>

#include "match/value_model.h"
#include "model/company.h"
#include "util/result.h"

namespace rehearse {

// Opens WordNet (once per process). Fails when its data files cannot be found.
Status OpenWordNet();

// The expansions of `company`'s keywords, value by value, in a fixed order.
// REQUIRES: OpenWordNet() succeeded.
std::vector<ValueModel::Expansion> ExpandKeywords(const Company& company);

}  // namespace rehearse
