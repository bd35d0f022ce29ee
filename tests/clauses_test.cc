#include "text/clauses.h"

#include <gtest/gtest.h>

#include <string>
#include <vector>

#include "lint/lexicons.h"

namespace rehearse {
namespace {

// Each clause as "[who(,neg)(,passive)] subject verb": what the rule kinds read.
std::vector<std::string> Clauses(std::string_view text) {
  static const char* kWho[] = {"none", "self", "we", "other", "thing"};
  ParsedSentence p = ParseSentence(text, {0, text.size()}, BuiltinLexicon());
  std::vector<std::string> out;
  for (const Clause& c : p.clauses) {
    if (c.verb < 0) continue;
    std::string s = std::string("[") + kWho[static_cast<int>(c.who)] + (c.negator >= 0 ? ",neg" : "") + (c.passive ? ",passive" : "") + "] ";
    s += (c.subject >= 0 ? p.words[static_cast<size_t>(c.subject)].lower : "-") + " " + p.words[static_cast<size_t>(c.verb)].lower;
    out.push_back(s);
  }
  return out;
}

TEST(ClausesTest, SubjectsAreTheCandidateTheTeamAThirdPartyOrAThing) {
  struct Case {
    std::string text;
    std::vector<std::string> clauses;
  };
  const Case cases[] = {
      {"It wasn't my fault, the release team skipped the checklist.", {"[thing,neg] it was", "[other] team skipped"}},
      {"My manager asked me to fix it and I proposed a canary.", {"[other] manager asked", "[self] i proposed"}},
      {"Our team shipped it, but the vendor's sandbox was down.", {"[we] team shipped", "[thing] sandbox was"}},
      {"I was handed the ticket by my lead.", {"[self,passive] i was"}},
      {"The carrier, who frankly couldn't plan, kept missing pickups.", {"[other,neg] - could", "[other] - kept"}},
      {"Not everything went to plan.", {"[thing,neg] everything went"}},
  };
  for (const auto& c : cases) EXPECT_EQ(Clauses(c.text), c.clauses) << c.text;
}

TEST(ClausesTest, TheLexiconsAreCompiledIn) {
  const Lexicon& lex = BuiltinLexicon();
  EXPECT_FLOAT_EQ(lex.Valence("brutal"), -3.1f);  // VADER
  EXPECT_FLOAT_EQ(lex.Valence("no-such-word"), 0.0f);
  EXPECT_TRUE(lex.IsAgent("predecessor"));  // WordNet noun.person
  EXPECT_TRUE(lex.IsAgent("vendors"));
  EXPECT_FALSE(lex.IsAgent("database"));
  EXPECT_TRUE(lex.IsFeeling("panic"));  // WordNet noun.feeling
  EXPECT_EQ(lex.VerbLemma("gave"), lex.VerbLemma("give"));  // WordNet verb.exc
  EXPECT_EQ(lex.VerbLemma("proposed"), lex.VerbLemma("propose"));
  EXPECT_TRUE(lex.IsPast("built"));
  EXPECT_FALSE(lex.IsPast("build"));
}

TEST(ClausesTest, ABadLexiconLineNamesItsPlace) {
  auto r = Lexicon::Parse("good\t1.9\nbad line\n", "", "v.tsv", "w.tsv");
  ASSERT_FALSE(r);
  EXPECT_EQ(r.error().message, "v.tsv:2: expected a token, a tab and a valence");
  auto w = Lexicon::Parse("", "vendor\tagent\nthing\tmystery\n", "v.tsv", "w.tsv");
  ASSERT_FALSE(w);
  EXPECT_EQ(w.error().message, "w.tsv:2: expected a word, a tab and agent, feeling or verb");
}

}  // namespace
}  // namespace rehearse
