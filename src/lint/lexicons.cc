#include "lint/lexicons.h"

#include <cstdio>
#include <cstdlib>

#include "catalog/embedded_data.h"

namespace rehearse {

const Lexicon& BuiltinLexicon() {
  static const Lexicon lexicon = [] {
    std::string_view vader, wordnet;
    for (const auto& f : EmbeddedFiles()) {
      if (f.path == "lexicons/vader.tsv") vader = f.content;
      if (f.path == "lexicons/wordnet.tsv") wordnet = f.content;
    }
    auto parsed = Lexicon::Parse(vader, wordnet, "data/lexicons/vader.tsv", "data/lexicons/wordnet.tsv");
    if (!parsed || vader.empty() || wordnet.empty()) {
      std::fprintf(stderr, "rehearse: built-in lexicon: %s\n", parsed ? "missing" : parsed.error().message.c_str());
      std::abort();
    }
    return std::move(*parsed);
  }();
  return lexicon;
}

}  // namespace rehearse
