#pragma once
// The training text of a bank's language model: what the user is likely to say when
// they tell their stories. Each story's title, project and sections, read as spoken
// words (speech/spoken_forms.h), with the other ways of saying its figures; the story
// being told (when known) several times over, so that its words weigh most; and
// sentences of our own on how people open, link and close an answer
// (data/speech/interview_phrases.md), so that the words around a story are heard too.

#include <cstddef>
#include <map>
#include <set>
#include <string>
#include <string_view>
#include <vector>

#include "model/story.h"

namespace rehearse {

struct CorpusOptions {
  // How many times the story being told counts, against once for every other story.
  // Measured on spoken paraphrases (README, "Spoken answers").
  int focus_weight = 6;
  // How many times the interview phrases count.
  int phrase_weight = 1;
  // A story's text beyond this is left out (a pasted log is not what is said aloud);
  // so is the bank's beyond `max_bytes`. Keeps building the model to seconds.
  size_t max_story_bytes = 64 * 1024;
  size_t max_bytes = 2 * 1024 * 1024;
};

struct Corpus {
  std::vector<std::vector<std::string>> sentences;  // Lower-case spoken words.
  std::set<std::string> vocabulary;
  std::map<std::string, std::string> written;  // As in SpokenForms.
  int stories = 0;                              // Stories with any words.
  size_t truncated = 0;                         // Bytes of story text left out.
};

// REQUIRES: `phrases` is interview_phrases.md (its "- " lines are sentences).
// `focus_key` may be empty or name no story (then no story is weighted). Linear in the
// text's size.
Corpus BuildCorpus(const std::vector<Story>& stories, std::string_view focus_key, std::string_view phrases,
                   const CorpusOptions& options);

// The corpus as IRSTLM reads it: one sentence a line between <s> and </s>, leaving out
// the words `drop` holds (a sentence is split where one was).
std::string CorpusText(const Corpus& corpus, const std::set<std::string>& drop);

// The built-in interview phrases (data/speech/interview_phrases.md).
std::string_view InterviewPhrases();

}  // namespace rehearse
