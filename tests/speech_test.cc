// Spoken answers: WAV reading, spoken numbers and signposts, delivery measures on
// hand-made word timings, and the real recognizer on an answer synthesised at build
// time (tests/speech/answer.txt, spoken by espeak-ng) whose parts' times are known.

#include <gtest/gtest.h>

#include <nlohmann/json.hpp>

#include <cstring>
#include <fstream>
#include <sstream>

#include "json/speech_json.h"
#include "lint/linter.h"
#include "server_fixture.h"
#include "speech/delivery.h"
#include "speech/recordings.h"
#include "speech/spoken_answer.h"
#include "speech/transcript_text.h"
#include "speech/wav.h"
#include "text/segment.h"
#include "test_util.h"

namespace rehearse {
namespace {

using testing::BuiltinCatalog;

// A WAV file's bytes: 16-bit PCM with `channels` interleaved at `rate`.
std::string MakeWav(const std::vector<int16_t>& samples, int rate, int channels, int bits = 16, int format = 1) {
  auto u32 = [](uint32_t v) { return std::string{char(v), char(v >> 8), char(v >> 16), char(v >> 24)}; };
  auto u16 = [](uint16_t v) { return std::string{char(v), char(v >> 8)}; };
  std::string data;
  for (int16_t s : samples) data += u16(static_cast<uint16_t>(s));
  std::string fmt = u16(static_cast<uint16_t>(format)) + u16(static_cast<uint16_t>(channels)) + u32(rate) +
                    u32(rate * channels * bits / 8) + u16(static_cast<uint16_t>(channels * bits / 8)) +
                    u16(static_cast<uint16_t>(bits));
  std::string body = "WAVE" + std::string("LIST") + u32(4) + "INFO" + "fmt " + u32(16) + fmt + "data" +
                     u32(static_cast<uint32_t>(data.size())) + data;
  return "RIFF" + u32(static_cast<uint32_t>(body.size())) + body;
}

TEST(WavTest, ReadsMono16kAsIsAndSkipsOtherChunks) {
  auto audio = ReadWav(MakeWav({1, -2, 300, -32768, 32767}, 16000, 1), "a.wav");
  ASSERT_TRUE(audio) << audio.error().message;
  EXPECT_EQ(audio->samples, (std::vector<int16_t>{1, -2, 300, -32768, 32767}));
  EXPECT_EQ(audio->source_rate, 16000);
}

TEST(WavTest, MixesStereoAndResamples48kTo16k) {
  std::vector<int16_t> stereo;
  for (int i = 0; i < 4800; ++i) {  // 0.1 s: left 1000, right 3000.
    stereo.push_back(1000);
    stereo.push_back(3000);
  }
  auto audio = ReadWav(MakeWav(stereo, 48000, 2), "b.wav");
  ASSERT_TRUE(audio) << audio.error().message;
  EXPECT_EQ(audio->samples.size(), 1600u);
  EXPECT_EQ(audio->samples.front(), 2000);
  EXPECT_EQ(audio->samples.back(), 2000);
  EXPECT_EQ(audio->source_channels, 2);
}

TEST(WavTest, RefusesWhatItCannotReadSayingHowToConvert) {
  auto not_wav = ReadWav("ID3\x03 an mp3 file here", "take1.mp3");
  ASSERT_FALSE(not_wav);
  EXPECT_EQ(not_wav.error().message,
            "take1.mp3: not a WAV file (expected RIFF/WAVE; convert it with: sox IN -r 16000 -c 1 -b 16 OUT.wav)");
  auto float32 = ReadWav(MakeWav({0, 0}, 16000, 1, 32, 3), "f.wav");
  ASSERT_FALSE(float32);
  EXPECT_EQ(float32.error().message,
            "f.wav: 32-bit audio in format 3; expected 16-bit PCM (convert it with: sox IN -r 16000 -c 1 -b 16 OUT.wav)");
  auto empty = ReadWav(MakeWav({}, 16000, 1), "e.wav");
  ASSERT_FALSE(empty);
  EXPECT_EQ(empty.error().message, "e.wav: the recording is empty");
  EXPECT_FALSE(ReadPcm16("abc"));
}

std::string Number(std::string_view said, size_t* consumed = nullptr) {
  std::vector<std::string_view> words;
  std::istringstream in{std::string(said)};
  static std::vector<std::string> keep;
  keep.clear();
  for (std::string w; in >> w;) keep.push_back(w);
  for (const auto& w : keep) words.push_back(w);
  size_t at = 0;
  std::string n = ReadSpokenNumber(words, &at);
  if (consumed) *consumed = at;
  return n;
}

TEST(SpokenNumberTest, ReadsFiguresAsPeopleSayThem) {
  EXPECT_EQ(Number("three hundred milliseconds"), "300");
  EXPECT_EQ(Number("three hundred and twenty users"), "320");
  EXPECT_EQ(Number("twenty three percent"), "23");
  EXPECT_EQ(Number("two point four seconds"), "2.4");
  EXPECT_EQ(Number("twelve thousand five hundred"), "12500");
  EXPECT_EQ(Number("two million"), "2000000");
  size_t used = 0;
  EXPECT_EQ(Number("two three", &used), "2");  // Two numbers, read one at a time.
  EXPECT_EQ(used, 1u);
  EXPECT_EQ(Number("one of the engineers"), "");  // A pronoun, not a figure.
  EXPECT_EQ(Number("hundreds of users"), "");
  EXPECT_EQ(Number("and then"), "");
}

Transcript Words(std::vector<SpokenWord> words, double seconds) { return Transcript{std::move(words), seconds}; }

// "situation" alone, then a sentence, a long pause, "result" alone, and a figure.
Transcript HandMade() {
  return Words({{"situation", 1.0, 1.6},
                {"our", 2.4, 2.6},
                {"checkout", 2.6, 3.1},
                {"um", 3.2, 3.5},
                {"was", 3.5, 3.7},
                {"slow", 3.7, 4.1},
                {"i", 4.3, 4.4},
                {"added", 4.4, 4.8},
                {"an", 4.8, 4.9},
                {"index", 4.9, 5.4},
                {"result", 8.0, 8.8},
                {"latency", 9.6, 10.1},
                {"fell", 10.1, 10.4},
                {"to", 10.4, 10.5},
                {"three", 10.5, 10.8},
                {"hundred", 10.8, 11.2},
                {"milliseconds", 11.2, 12.0}},
               12.5);
}

TEST(TranscriptTextTest, PausesEndSentencesAndLoneSectionNamesBecomeLabels) {
  const auto labels = AllSectionNames(BuiltinCatalog());
  SpokenText t = FormatTranscript(HandMade(), labels);
  EXPECT_EQ(t.text, "Situation: Our checkout um was slow I added an index.\nResult: Latency fell to 300 milliseconds.");
  EXPECT_EQ(t.signposts, 2);
  EXPECT_EQ(t.word_at[0], 0u);                                   // "situation" is the label.
  EXPECT_EQ(t.text.substr(t.word_at[6], 1), "I");                // "i" written as "I".
  EXPECT_EQ(t.word_at[14], t.word_at[15]);                       // "three hundred" -> "300".
  EXPECT_EQ(t.text.substr(t.word_at[14], 4), "300 ");
}

TEST(TranscriptTextTest, AShortWordOrALongPhraseIsNotASignpost) {
  const auto labels = AllSectionNames(BuiltinCatalog());
  SpokenText t = FormatTranscript(Words({{"actually", 0.5, 1.0}, {"so", 2.0, 2.2}, {"result", 3.0, 3.5},
                                         {"was", 3.5, 3.7}, {"good", 3.7, 4.0}}, 4.5),
                                  labels);
  // "actually" only sounds like "action"; "result was good" is a sentence.
  EXPECT_EQ(t.text, "Actually. So. Result was good.");
  EXPECT_EQ(t.signposts, 0);
}

TEST(DeliveryTest, MeasuresPaceFillersPausesAndSectionTimes) {
  const Catalog& catalog = BuiltinCatalog();
  const auto labels = AllSectionNames(catalog);
  Transcript t = HandMade();
  SpokenText text = FormatTranscript(t, labels);
  Segmentation seg = SegmentAnswer(text.text, *catalog.FindFramework("STAR"), labels);
  SpokenAnswer a = MakeSpokenAnswer(t, text, seg, "STAR");
  const Delivery& d = a.delivery;
  EXPECT_EQ(d.words, 17);
  EXPECT_DOUBLE_EQ(d.seconds, 12.5);
  EXPECT_DOUBLE_EQ(d.think_seconds, 1.0);
  EXPECT_DOUBLE_EQ(d.speaking_seconds, 11.0);
  EXPECT_NEAR(d.words_per_minute, 17 * 60 / 11.0, 1e-9);
  ASSERT_EQ(d.fillers.size(), 1u);
  EXPECT_EQ(d.fillers[0].word, "um");
  EXPECT_DOUBLE_EQ(d.fillers[0].at, 3.2);
  ASSERT_EQ(d.pauses.size(), 1u);  // 5.4 -> 8.0; the 0.8 s gaps are sentence breaks, not long pauses.
  EXPECT_DOUBLE_EQ(d.pauses[0].start, 5.4);
  EXPECT_DOUBLE_EQ(d.pauses[0].end, 8.0);
  EXPECT_EQ(d.pauses[0].after, "index");
  ASSERT_EQ(d.sections.size(), 2u);  // From each spoken label to the next; the last to the last word.
  EXPECT_EQ(d.sections[0].name, "Situation");
  EXPECT_DOUBLE_EQ(d.sections[0].seconds, 7.0);  // 1.0 -> 8.0, where "result" was said.
  EXPECT_EQ(d.sections[1].name, "Result");
  EXPECT_DOUBLE_EQ(d.sections[1].seconds, 4.0);  // 8.0 -> 12.0.
  EXPECT_NE(SpokenAnswerJson(a).find(R"("pauses":[{"start":5.4,"end":8,"after":"index"}])"), std::string::npos);
}

TEST(DeliveryTest, ASpokenAnswerIsTimedAtTheSpeakersOwnPace) {
  auto rules = LoadRules({}, {}, AllSectionNames(BuiltinCatalog()));
  ASSERT_TRUE(rules);
  Linter linter(std::move(*rules), BuiltinCatalog());
  LintOptions o;
  o.spoken = true;
  o.seconds = 30;  // 20 words in 30 s: 40 words a minute.
  auto r = linter.Lint("I profiled the service and I found the slow query and I added an index and the page got faster.", o);
  ASSERT_TRUE(r);
  EXPECT_DOUBLE_EQ(r->seconds, 30);
  bool pace = false;
  for (const auto& f : r->findings) pace |= f.rule == "delivery.pace";
  EXPECT_TRUE(pace);
}

// ---- the real recognizer, on the synthesised answer ----

struct Part {
  std::string kind;
  double start = 0, end = 0;
  std::string text;
};

std::vector<Part> ReadParts() {
  std::ifstream in(std::string(REHEARSE_AUDIO) + "/answer.wav.parts");
  std::vector<Part> parts;
  for (Part p; in >> p.kind >> p.start >> p.end >> std::ws && std::getline(in, p.text);) parts.push_back(p);
  return parts;
}

std::string ReadAudioFile() {
  std::ifstream in(std::string(REHEARSE_AUDIO) + "/answer.wav", std::ios::binary);
  std::ostringstream ss;
  ss << in.rdbuf();
  return ss.str();
}

class RecognizerTest : public ::testing::Test {
 protected:
  void SetUp() override {
    ASSERT_STRNE(REHEARSE_AUDIO, "") << "espeak-ng and sox are needed to make the spoken test answer";
    parts_ = ReadParts();
    ASSERT_EQ(parts_.size(), 15u);
    auto audio = ReadWav(ReadAudioFile(), "answer.wav");
    ASSERT_TRUE(audio) << audio.error().message;
    audio_ = std::move(*audio);
  }
  std::vector<Part> parts_;
  Audio audio_;
};

TEST_F(RecognizerTest, HearsTheAnswerWithItsPauseSignpostsAndTimes) {
  auto recognizer = Recognizer::Open(DefaultSpeechModel());
  ASSERT_TRUE(recognizer) << recognizer.error().message;
  auto t = TranscribeAudio(**recognizer, audio_.samples);
  ASSERT_TRUE(t) << t.error().message;
  EXPECT_NEAR(t->seconds, parts_.back().end, 0.01);  // The parts' times are rounded to 1 ms each.
  const Catalog& catalog = BuiltinCatalog();
  const auto labels = AllSectionNames(catalog);
  SpokenText text = FormatTranscript(*t, labels);
  Segmentation seg = SegmentAnswer(text.text, *catalog.FindFramework("STAR"), labels);
  SpokenAnswer a = MakeSpokenAnswer(*t, text, seg, "STAR");
  // The first word is "Situation", heard where it was said (parts_[1]).
  ASSERT_FALSE(t->words.empty());
  EXPECT_EQ(t->words.front().text, "situation");
  EXPECT_NEAR(t->words.front().start, parts_[1].start, 0.15);
  EXPECT_NEAR(a.delivery.think_seconds, parts_[1].start, 0.15);
  // The 2.5 s silence (parts_[8]) is the one long pause, found where it is. It may
  // start a little early: the voice trails off and the sentence's last syllables are
  // faint.
  ASSERT_EQ(parts_[8].text, "2.5");
  ASSERT_EQ(a.delivery.pauses.size(), 1u) << text.text;
  const Pause& pause = a.delivery.pauses[0];
  EXPECT_LE(pause.start, parts_[8].start + 0.05);
  EXPECT_GE(pause.start, parts_[8].start - 0.6);
  EXPECT_NEAR(pause.end, parts_[8].end, 0.15);
  // "Situation" and "Result!" were said alone between pauses and are heard as labels;
  // each section is timed from its label, within a quarter second of where it was
  // said. (The synthetic voice's lone "Action." is heard as "at a": not a label, so
  // the action's words count in Situation.)
  EXPECT_EQ(text.signposts, 2) << text.text;
  ASSERT_EQ(a.delivery.sections.size(), 2u) << text.text;
  EXPECT_EQ(a.delivery.sections[0].name, "Situation");
  EXPECT_NEAR(a.delivery.sections[0].seconds, parts_[11].start - parts_[1].start, 0.25);
  EXPECT_EQ(a.delivery.sections[1].name, "Result");
  // To the last word's end, a little before the last part's (its trailing silence).
  EXPECT_NEAR(a.delivery.sections[1].seconds, parts_[13].end - parts_[11].start, 0.6);
  // The figures came through as digits ("two seconds" -> "2 seconds").
  EXPECT_NE(text.text.find("2 seconds"), std::string::npos) << text.text;
}

TEST_F(RecognizerTest, StreamedInSmallChunksHearsTheSameAsAWholeFile) {
  Recordings recordings(DefaultSpeechModel(), RecordingLimits{});
  auto id = recordings.Begin();
  ASSERT_TRUE(id) << id.error().message;
  std::span<const int16_t> all(audio_.samples);
  for (size_t at = 0; at < all.size(); at += 4096) {
    auto fed = recordings.Feed(*id, all.subspan(at, std::min<size_t>(4096, all.size() - at)));
    ASSERT_TRUE(fed) << fed.error().message;
  }
  auto streamed = recordings.End(*id);
  ASSERT_TRUE(streamed) << streamed.error().message;
  auto recognizer = Recognizer::Open(DefaultSpeechModel());
  ASSERT_TRUE(recognizer);
  auto whole = TranscribeAudio(**recognizer, audio_.samples);
  ASSERT_TRUE(whole);
  ASSERT_EQ(streamed->words.size(), whole->words.size());
  for (size_t i = 0; i < whole->words.size(); ++i) EXPECT_EQ(streamed->words[i].text, whole->words[i].text);
  EXPECT_FALSE(recordings.End(*id));  // Ended once.
}

TEST(RecordingsTest, AtMostTwoRunAtOnceAndAMissingModelSaysWhatToInstall) {
  Recordings recordings(DefaultSpeechModel(), RecordingLimits{});
  auto a = recordings.Begin(), b = recordings.Begin();
  ASSERT_TRUE(a && b);
  auto c = recordings.Begin();
  ASSERT_FALSE(c);
  EXPECT_EQ(c.error().message, "2 recordings are already running; stop one first");
  recordings.Cancel(*a);
  EXPECT_EQ(recordings.open(), 1);
  EXPECT_TRUE(recordings.Begin());

  Recordings nowhere("/nonexistent/model", RecordingLimits{});
  auto d = nowhere.Begin();
  ASSERT_FALSE(d);
  EXPECT_EQ(d.error().message.rfind("/nonexistent/model/en-us: speech model not found (install Debian's pocketsphinx-en-us", 0),
            0u);
}

TEST(RecordingsTest, ARecordingIsLimitedInLength) {
  RecordingLimits limits;
  limits.max_seconds = 1;
  Recordings recordings(DefaultSpeechModel(), limits);
  auto id = recordings.Begin();
  ASSERT_TRUE(id);
  std::vector<int16_t> second(kSpeechSampleRate, 0);
  ASSERT_TRUE(recordings.Feed(*id, second));
  auto over = recordings.Feed(*id, std::span<const int16_t>(second).first(1));
  ASSERT_FALSE(over);
  EXPECT_EQ(over.error().message, "a recording is limited to 1 s; end this one and start another");
}

TEST_F(ServerTest, SpeechRoutesStreamARecordingAndTranscribeAWavFile) {
  auto c = Client();
  c.set_read_timeout(120, 0);  // Transcribing 31 s of audio takes seconds; longer beside other tests.
  auto begun = c.Post("/api/speech", "", "application/json");
  ASSERT_TRUE(begun);
  ASSERT_EQ(begun->status, 201) << begun->body;
  auto id = nlohmann::json::parse(begun->body)["id"].get<std::string>();
  const std::string wav = ReadAudioFile();
  auto audio = ReadWav(wav, "answer.wav");
  ASSERT_TRUE(audio);
  std::string pcm(reinterpret_cast<const char*>(audio->samples.data()), audio->samples.size() * 2);
  for (size_t at = 0; at < pcm.size(); at += 32000) {
    auto fed = c.Post("/api/speech/" + id + "/audio", pcm.substr(at, 32000), "application/octet-stream");
    ASSERT_TRUE(fed);
    ASSERT_EQ(fed->status, 200) << fed->body;
  }
  auto bad_framework = c.Post("/api/speech/" + id + "/end?framework=NOPE", "", "application/json");
  ASSERT_TRUE(bad_framework);
  EXPECT_EQ(bad_framework->status, 400);
  EXPECT_EQ(bad_framework->body, R"({"error":"unknown framework \"NOPE\""})");
  auto ended = c.Post("/api/speech/" + id + "/end?framework=STAR", "", "application/json");  // Still there.
  ASSERT_TRUE(ended);
  ASSERT_EQ(ended->status, 200) << ended->body;
  auto j = nlohmann::json::parse(ended->body);
  EXPECT_EQ(j["framework"], "STAR");
  EXPECT_EQ(j["words"][0]["word"], "situation");
  EXPECT_EQ(j["delivery"]["pauses"].size(), 1u);
  EXPECT_EQ(j["delivery"]["sections"][0]["name"], "Situation");

  auto upload = c.Post("/api/transcribe?framework=STAR", wav, "audio/wav");
  ASSERT_TRUE(upload);
  ASSERT_EQ(upload->status, 200) << upload->body;
  EXPECT_EQ(nlohmann::json::parse(upload->body)["text"], j["text"]);  // Same audio, same words.

  auto not_wav = c.Post("/api/transcribe", "hello", "audio/wav");
  ASSERT_TRUE(not_wav);
  EXPECT_EQ(not_wav->status, 400);
  auto odd = c.Post("/api/speech/" + id + "/audio", "abc", "application/octet-stream");
  ASSERT_TRUE(odd);
  EXPECT_EQ(odd->status, 400);
  EXPECT_EQ(odd->body, R"x({"error":"audio chunk of 3 bytes: expected 16-bit samples (an even count)"})x");
  auto gone = c.Post("/api/speech/" + id + "/audio", "ab", "application/octet-stream");
  ASSERT_TRUE(gone);
  EXPECT_EQ(gone->status, 400);
}

}  // namespace
}  // namespace rehearse
