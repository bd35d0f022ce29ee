#include "speech/lm_corpus.h"

#include "catalog/catalog.h"
#include "speech/spoken_forms.h"

namespace rehearse {
namespace {

// Words either side of a figure's other reading: its trigrams' context.
constexpr size_t kContext = 2;

// The spoken sentences of `text`, with a short sentence around each other reading of
// a figure ("... fell to a hundred fifty drivers").
void AddText(std::string_view text, Corpus& corpus, std::vector<std::vector<std::string>>& out) {
  SpokenForms spoken = ToSpoken(text);
  for (auto& [word, as_written] : spoken.written) corpus.written.emplace(word, as_written);
  for (const SpokenSentence& s : spoken.sentences) {
    std::vector<std::string> words;
    for (const SpokenToken& t : s) words.insert(words.end(), t.words.begin(), t.words.end());
    if (words.empty()) continue;
    out.push_back(words);
    size_t at = 0;  // Index of the token's first word in `words`.
    for (const SpokenToken& t : s) {
      for (const auto& other : t.others) {
        std::vector<std::string> window(words.begin() + static_cast<long>(at > kContext ? at - kContext : 0),
                                        words.begin() + static_cast<long>(at));
        window.insert(window.end(), other.begin(), other.end());
        const size_t after = at + t.words.size();
        window.insert(window.end(), words.begin() + static_cast<long>(after),
                      words.begin() + static_cast<long>(std::min(words.size(), after + kContext)));
        out.push_back(std::move(window));
      }
      at += t.words.size();
    }
  }
}

// The text of a story that is said aloud, up to `limit` bytes.
std::string StoryText(const Story& story, size_t limit, size_t* truncated) {
  std::string text = story.title + "\n" + story.project + "\n" + story.topic + "\n";
  for (const StorySection& s : story.sections) text += s.text + "\n";
  if (text.size() > limit) {
    *truncated += text.size() - limit;
    size_t cut = text.rfind('\n', limit);
    if (cut == std::string::npos || cut < limit / 2) cut = text.rfind(' ', limit);
    text.resize(cut == std::string::npos ? limit : cut);
  }
  return text;
}

}  // namespace

std::string_view InterviewPhrases() {
  static const std::string_view kPhrases = BuiltinFile("speech/interview_phrases.md").value_or("");
  return kPhrases;
}

Corpus BuildCorpus(const std::vector<Story>& stories, std::string_view focus_key, std::string_view phrases,
                   const CorpusOptions& options) {
  Corpus corpus;
  size_t budget = options.max_bytes;
  for (const Story& story : stories) {
    std::string text = StoryText(story, std::min(options.max_story_bytes, budget), &corpus.truncated);
    budget -= std::min(budget, text.size());
    std::vector<std::vector<std::string>> sentences;
    AddText(text, corpus, sentences);
    if (sentences.empty()) continue;
    ++corpus.stories;
    const int times = story.key == focus_key && !focus_key.empty() ? options.focus_weight : 1;
    for (int i = 0; i < times; ++i) corpus.sentences.insert(corpus.sentences.end(), sentences.begin(), sentences.end());
  }
  // The interview phrases: the "- " lines of the file.
  std::vector<std::vector<std::string>> phrase_sentences;
  size_t i = 0;
  while (i < phrases.size()) {
    size_t j = phrases.find('\n', i);
    if (j == std::string_view::npos) j = phrases.size();
    std::string_view line = phrases.substr(i, j - i);
    if (line.starts_with("- ")) AddText(line.substr(2), corpus, phrase_sentences);
    i = j + 1;
  }
  for (int k = 0; k < options.phrase_weight; ++k) {
    corpus.sentences.insert(corpus.sentences.end(), phrase_sentences.begin(), phrase_sentences.end());
  }
  for (const auto& s : corpus.sentences) corpus.vocabulary.insert(s.begin(), s.end());
  return corpus;
}

std::string CorpusText(const Corpus& corpus, const std::set<std::string>& drop) {
  std::string out;
  for (const auto& sentence : corpus.sentences) {
    std::string line;
    for (const std::string& w : sentence) {
      if (drop.count(w)) {
        if (!line.empty()) out += "<s>" + line + " </s>\n";
        line.clear();
        continue;
      }
      line += ' ';
      line += w;
    }
    if (!line.empty()) out += "<s>" + line + " </s>\n";
  }
  return out;
}

}  // namespace rehearse
