#pragma once
// Reads the title of a story or question as guides write it: "Q12: Describe ...",
// "Story 3: Title", "## Story 2 — Title (subtitle)", "# 2. Title", "Question 4",
// "### Question: Tell me about ...", "### STAR Question 5 : ...", "7. Tell me about ...".
// The numbering goes; the words stay as written.

#include <string>
#include <string_view>

namespace rehearse {

struct Title {
  std::string text;  // The title without its numbering; may be empty ("# Question 4").
  int number = 0;    // 12 for "Q12:", "Story 12", "12."; 0 when unnumbered.
  bool q_key = false;  // Written "Q<n>:": rehearse's own shape (the key is "q<n>").
  bool story_word = false;  // Numbered with a word: "Story 3", "Question 4", "Q12".
};

// Reads `line` (a heading's text without its # markers, a list item's first line, or
// a table cell). Markup around the whole title (**...**) and leading emoji go.
Title ParseTitle(std::string_view line);

// True when `text` reads as an interview question or prompt: it ends with "?" or opens
// like one ("Tell me about", "Describe", "A time you", "Give an example", "How did
// you", "Walk me through", ...).
bool LooksLikeQuestion(std::string_view text);

// True for "Why Oakhurst?", "Why do you want to work at X?", "Why this company?": a
// question whose answer is about the company, never a story.
bool IsWhyCompanyQuestion(std::string_view text);

}  // namespace rehearse
