#pragma once
// Terms for matching text against text: lowercased words without stop words, reduced
// to their Snowball (Porter 2) stems, so "debugging", "debugged" and "debug" meet.

#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace rehearse {

// The stemmed content words of `text`, in order (repeats kept).
std::vector<std::string> Terms(std::string_view text);

// As Terms, each stem with the word it came from: ("debug", "debugging").
std::vector<std::pair<std::string, std::string>> TermsWithWords(std::string_view text);

// The stem of one lowercased word.
std::string Stem(std::string_view word);

}  // namespace rehearse
