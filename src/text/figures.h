#pragma once
// The figure recognizer: what in a text is a quantity. A figure is a number with what
// it counts ("40 ms", "$1.2M", "3x", "300+ tenants", "95%"), or a quantity said in words
// ("three engineers", "half", "doubled", "twice", "a third", "a quarter of the size").
// Identifiers that hold digits are not figures: versions and names ("v2", "p99", "Q4",
// "S3", "K8s", "Postgres 15", "SOC 2", "3G", "INC-4471", "ticket 4471"), list numbers
// ("1." opening a line), clock times ("9 pm", "6:40"), ordinals ("3rd") and years
// ("in 2022"). The linter's results rules and the story metrics both read figures here.

#include <string>
#include <string_view>
#include <vector>

#include "text/sentences.h"

namespace rehearse {

enum class Quantity {
  kCount,     // "12 incidents", "three engineers", a bare "40"
  kPercent,   // "95%", "30 percent", "4 points"
  kDuration,  // "40 ms", "2 weeks", "a quarter" (of a year)
  kMoney,     // "$12,000", "2 million dollars"
  kMultiple,  // "3x", "twice", "doubled", "halved"
  kFraction,  // "half", "a third", "a quarter of"
  kSize,      // "3 GB"
};

struct Figure {
  Span span;            // The number (or number words) and a unit written with it.
  Quantity quantity = Quantity::kCount;
  std::string unit;     // What is counted, folded: "ms", "minutes", "incidents", "%"; "" for a bare number.
  bool spelled = false; // Said in words ("three", "half").
};

// The figures in [range.start, range.end) of `text` (ASCII-folded text, text/fold.h),
// in order. Never fails; text without figures gives an empty list.
std::vector<Figure> FindFigures(std::string_view text, Span range);

// True when `s` holds at least one figure.
bool HasFigure(std::string_view s);

// True when `a` and `b` can be a before and after of the same thing: the same kind of
// quantity ("4 s" and "300 ms", "12 incidents" and "2"), or one of them a bare number
// ("from 40 to 6 minutes"). "10 days" and "5%" are not.
bool SameQuantity(const Figure& a, const Figure& b);

// A before->after pair: two figures of the same quantity joined by "to", "→", "->"
// ("from 4 s to 300 ms", "2.5s → 200ms").
struct FigurePair {
  Figure before, after;
};
std::vector<FigurePair> FindFigurePairs(std::string_view text, Span range);

}  // namespace rehearse
