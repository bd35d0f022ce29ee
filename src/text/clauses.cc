#include "text/clauses.h"

#include <algorithm>
#include <cctype>
#include <unordered_set>

#include "util/text.h"

namespace rehearse {
namespace {

// Membership in a closed word list, through a set built once per list (the parser asks
// several times a word).
template <const auto& kList>
bool In(std::string_view w) {
  static const std::unordered_set<std::string_view> set(std::begin(kList), std::end(kList));
  return set.count(w) > 0;
}

constexpr std::string_view kNegators[] = {"not", "n't", "never", "no", "nobody", "nothing", "none", "neither",
                                          "nor", "without", "hardly", "barely", "cannot"};
constexpr std::string_view kContractedIs[] = {"it", "that", "there", "he", "she", "what", "who", "here", "everything",
                                             "nothing", "this", "where", "how", "one", "someone", "everyone", "which"};
constexpr std::string_view kBeOrGet[] = {"am", "is", "are", "was", "were", "be", "been", "being", "'re", "'m",
                                         "got", "get", "gets", "getting", "felt", "feel", "feels", "seemed", "seems",
                                         "became", "become", "becomes", "looked", "sounded", "remained", "stayed"};
constexpr std::string_view kAuxiliaries[] = {
    "am", "is", "are", "was", "were", "be", "been", "being", "'re", "'m", "have", "has", "had", "'ve",
    "do", "does", "did", "will", "would", "'d", "'ll", "shall", "should", "can", "could", "may", "might", "must",
    "wo", "ca", "got", "get", "gets", "kept", "keep", "keeps", "felt", "feel", "seemed", "became", "went", "came",
    "used", "started", "ended", "tried", "wanted", "needed", "ought"};
constexpr std::string_view kAdverbs[] = {
    "also", "just", "then", "never", "always", "still", "even", "only", "once", "again", "already", "often", "soon",
    "later", "eventually", "first", "finally", "ever", "now", "basically", "actually", "really", "simply", "quite",
    "so", "too", "very", "all", "both", "each", "immediately", "together", "personally", "myself", "ourselves",
    "kind", "sort", "of", "like", "pretty", "rather", "somehow", "anyway", "instead", "sometimes", "usually"};
// Words that open a new clause.
constexpr std::string_view kClauseOpeners[] = {"but", "so", "because", "since", "although", "though", "while",
                                               "whereas", "which", "who", "whom", "that", "when", "if", "unless", "until",
                                               "after", "before", "then", "cause", "whenever", "once", "where"};
constexpr std::string_view kSubjectPronouns[] = {"i", "we", "he", "she", "they", "it", "you", "there", "this", "that"};
// Teams and functions of an organisation that act as a third party ("QA", "marketing").
constexpr std::string_view kFunctions[] = {
    "qa", "ops", "marketing", "sales", "product", "design", "finance", "legal", "leadership", "management", "security",
    "infra", "infrastructure", "support", "procurement", "hr", "devops", "engineering", "compliance", "upstream",
    "platform", "backend", "frontend", "dba", "dbas", "sre", "sres", "pm", "pms", "em", "cto", "ceo", "vp", "lead",
    "leads", "execs", "brass", "predecessor", "predecessors", "testers", "reviewer", "reviewers", "contractor",
    "contractors", "offshore", "outsourcer", "agency", "provider", "vendor", "vendors", "carrier", "client"};
constexpr std::string_view kOwnGroups[] = {"team", "squad", "group", "department", "org", "organization",
                                           "organisation", "company", "side", "crew", "unit", "team's"};
// Groups that act: "the data team" is a third party, "the unit" or "the company" a place.
constexpr std::string_view kActingGroups[] = {"team", "squad", "group", "department", "crew", "team's"};

bool IsWordByte(char c) { return std::isalnum(static_cast<unsigned char>(c)) != 0; }

void Tokenize(std::string_view text, Span span, const Lexicon& lex, std::vector<Word>& out) {
  size_t i = span.start;
  bool first = true;
  size_t first_word = out.size();
  while (i < span.end) {
    char c = text[i];
    if (IsWordByte(c)) {
      size_t b = i;
      while (i < span.end && (IsWordByte(text[i]) || ((text[i] == '\'' || text[i] == '-') && i + 1 < span.end && IsWordByte(text[i + 1])))) ++i;
      std::string lower = ToLower(text.substr(b, i - b));
      bool capital = std::isupper(static_cast<unsigned char>(c)) != 0;
      // Contractions: "wasn't" -> "was" "n't", "it's" -> "it" "'s", "I'd" -> "i" "'d".
      size_t split = std::string::npos;
      if (lower.size() > 3 && lower.ends_with("n't")) split = lower.size() - 3;
      else if (size_t q = lower.rfind('\''); q != std::string::npos && q > 0) {
        std::string_view tail = std::string_view(lower).substr(q);
        if (tail == "'s" || tail == "'re" || tail == "'ve" || tail == "'d" || tail == "'ll" || tail == "'m") split = q;
      }
      if (split != std::string::npos) {
        std::string head = lower.substr(0, split), tail = lower.substr(split);
        if (head == "ca") head = "can";
        if (head == "wo") head = "will";
        // "it's", "that's", "there's" hold "is"; "the vendor's" is a possessive.
        if (tail == "'s" && In<kContractedIs>(std::string_view(head))) tail = "is";
        std::string lemma = lex.VerbLemma(head);
        out.push_back({{b, b + split}, head, std::move(lemma), capital && !first, false, lex.Valence(head)});
        out.push_back({{b + split, i}, tail, tail, false, false, 0});
      } else {
        float v = lex.Valence(lower);
        std::string lemma = lex.VerbLemma(lower);
        out.push_back({{b, i}, std::move(lower), std::move(lemma), capital && !first, false, v});
      }
      first = false;
      continue;
    }
    if (c == ',' || c == ';' || c == ':' || c == '(' || c == ')' || c == '"' || (c == '-' && (i + 1 >= span.end || text[i + 1] == ' '))) {
      out.push_back({{i, i + 1}, std::string(1, c), std::string(1, c), false, true, 0});
    }
    ++i;
  }
  for (size_t k = first_word; k < out.size(); ++k) {
    out[k].key = WordKey(out[k].lower);
    out[k].lemma_key = out[k].lemma == out[k].lower ? out[k].key : WordKey(out[k].lemma);
  }
}

bool VerbLike(const Word& w, const Lexicon& lex) {
  if (w.punct) return false;
  if (IsAuxiliary(w.lower)) return true;
  return lex.IsPast(w.lower);
}

}  // namespace

bool IsNegator(std::string_view w) { return In<kNegators>(w); }
bool IsBeOrGet(std::string_view w) { return In<kBeOrGet>(w); }
bool IsAuxiliary(std::string_view w) { return In<kAuxiliaries>(w); }
bool IsAdverb(std::string_view w) { return In<kAdverbs>(w) || (w.size() > 4 && w.ends_with("ly") && w != "only" && w != "supply" && w != "family"); }

Who ReferentOf(const std::vector<Word>& words, size_t head, const Lexicon& lex) {
  const std::string& w = words[head].lower;
  if (w == "i" || w == "me" || w == "myself") return Who::kSelf;
  if (w == "we" || w == "us" || w == "ourselves") return Who::kWe;
  if (w == "he" || w == "she" || w == "they" || w == "him" || w == "her" || w == "them" || w == "himself" ||
      w == "herself" || w == "themselves" || w == "someone" || w == "somebody" || w == "nobody" || w == "everyone" ||
      w == "everybody" || w == "anyone") {
    return Who::kOther;
  }
  if (w == "it" || w == "this" || w == "that" || w == "these" || w == "those" || w == "everything" ||
      w == "nothing" || w == "something" || w == "anything" || w == "there" || w == "which") {
    return Who::kThing;
  }
  // The determiner of the noun phrase: the nearest "my", "our", "his", "their"... before it.
  std::string det;
  for (size_t k = head; k-- > 0 && head - k <= 3;) {
    if (words[k].punct) break;
    const std::string& d = words[k].lower;
    if (d == "my" || d == "our" || d == "his" || d == "her" || d == "their" || d == "the" || d == "a" || d == "an" ||
        d == "its" || d == "your" || d.ends_with("'s")) {
      det = d;
      break;
    }
  }
  bool own = det == "my" || det == "our";
  if (own && In<kOwnGroups>(std::string_view(w))) return Who::kWe;
  if (In<kOwnGroups>(std::string_view(w)) && !own) {
    bool acting = In<kActingGroups>(std::string_view(w));
    return acting && (det == "the" || det == "their" || det == "his" || det == "her" || det.ends_with("'s")) ? Who::kOther : Who::kThing;
  }
  if (lex.IsAgent(w) || In<kFunctions>(std::string_view(w))) return Who::kOther;
  if (words[head].capital && words[head].valence == 0.0f && w.size() > 1) return Who::kOther;  // a name: "Gavin", "Textwise"
  return Who::kThing;
}

ParsedSentence ParseSentence(std::string_view text, Span span, const Lexicon& lex) {
  ParsedSentence p;
  p.span = span;
  Tokenize(text, span, lex, p.words);
  const auto& words = p.words;
  // Clause boundaries.
  std::vector<size_t> starts{0};
  for (size_t k = 1; k < words.size(); ++k) {
    const Word& w = words[k];
    bool boundary = false;
    if (w.punct && (w.lower == ";" || w.lower == ":" || w.lower == "(" || w.lower == ")" || w.lower == "-" || w.lower == ",")) boundary = true;
    if (!w.punct && In<kClauseOpeners>(std::string_view(w.lower))) boundary = true;
    if (!w.punct && (w.lower == "and" || w.lower == "or") && k + 1 < words.size()) {
      // "and they ...", "and their lead brushed ...": a new subject and its verb; not
      // "and worked out ..." (the same subject) nor "logs and metrics".
      if (In<kSubjectPronouns>(std::string_view(words[k + 1].lower))) boundary = true;
      for (size_t j = k + 2; !boundary && j < words.size() && j <= k + 4; ++j) {
        if (words[j].punct) break;
        if (lex.IsPast(words[j].lower) && !lex.IsPast(words[k + 1].lower) && !IsAuxiliary(words[k + 1].lower)) boundary = true;
      }
    }
    if (boundary && starts.back() != k) starts.push_back(k);
  }
  Who last_who = Who::kNone;      // The previous clause's subject, for "..., and worked out ..."
  Who last_noun = Who::kNone;     // The last noun phrase seen, for "the carrier, who ..."
  for (size_t c = 0; c < starts.size(); ++c) {
    Clause cl;
    cl.begin = starts[c];
    cl.end = c + 1 < starts.size() ? starts[c + 1] : words.size();
    size_t k = cl.begin;
    while (k < cl.end && words[k].punct) ++k;
    // "That" opening the sentence is its subject ("That wasn't my fault"); after a noun
    // and before a verb it is a relative ("the bug that broke"); else it opens a clause.
    bool opening_that = k == 0 && k < cl.end && words[k].lower == "that";
    bool relative = k < cl.end && (words[k].lower == "who" || words[k].lower == "which" || words[k].lower == "whom" ||
                                   (!opening_that && words[k].lower == "that" && k + 1 < cl.end && VerbLike(words[k + 1], lex)));
    if (k < cl.end && !opening_that && In<kClauseOpeners>(std::string_view(words[k].lower))) ++k;
    for (size_t j = k; j < cl.end; ++j) {
      if (IsNegator(words[j].lower) && cl.negator < 0) cl.negator = static_cast<int>(j);
    }
    for (size_t j = k; j < cl.end; ++j) {
      if (VerbLike(words[j], lex) && !(j == k && words[j].lower == "that")) {
        cl.verb = static_cast<int>(j);
        break;
      }
    }
    if (cl.verb >= 0) {
      // The subject's head: the nearest word before the verb that is not an adverb or a negator.
      for (size_t j = static_cast<size_t>(cl.verb); j-- > k;) {
        const Word& w = words[j];
        if (w.punct) break;
        if (IsAdverb(w.lower) || IsNegator(w.lower)) continue;
        if (IsAuxiliary(w.lower)) continue;
        if (w.lower == "who" || w.lower == "whom" || (w.lower == "that" && !opening_that)) relative = true;  // "the carrier, who ..."
        else cl.subject = static_cast<int>(j);
        break;
      }
      // Passive: "I was told", "I got handed", "it was dropped on me".
      for (size_t j = static_cast<size_t>(cl.verb); j < cl.end; ++j) {
        if (IsBeOrGet(words[j].lower)) {
          size_t n = j + 1;
          while (n < cl.end && (IsAdverb(words[n].lower) || words[n].lower == "being" || words[n].lower == "been")) ++n;
          if (n < cl.end && lex.IsPast(words[n].lower)) cl.passive = true;
          break;
        }
        if (!IsAuxiliary(words[j].lower) && !IsAdverb(words[j].lower) && !IsNegator(words[j].lower)) break;
      }
    }
    if (cl.subject >= 0) {
      cl.who = ReferentOf(words, static_cast<size_t>(cl.subject), lex);
    } else if (relative) {
      cl.who = last_noun;
    } else {
      cl.who = last_who;
    }
    // A clause with no verb is a noun phrase ("The lead on the team, Gavin, ..."): what
    // it names is the subject of a verb that follows without one.
    if (cl.verb < 0) {
      for (size_t j = cl.end; j-- > cl.begin;) {
        if (!words[j].punct && IsAdverb(words[j].lower)) {
          cl.who = last_who;  // "..., frankly, ..." names nothing
          break;
        }
        if (!words[j].punct) {
          cl.who = ReferentOf(words, j, lex);
          break;
        }
      }
    }
    last_who = cl.who;
    for (size_t j = cl.end; j-- > cl.begin;) {
      if (!words[j].punct && !IsAdverb(words[j].lower)) {
        Who w = ReferentOf(words, j, lex);
        if (w != Who::kThing || words[j].lower.size() > 2) last_noun = w;
        break;
      }
    }
    p.clauses.push_back(cl);
  }
  return p;
}

}  // namespace rehearse
