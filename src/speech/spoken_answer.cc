#include "speech/spoken_answer.h"

#include <algorithm>


namespace rehearse {

Result<Transcript> TranscribeAudio(Recognizer& recognizer, std::span<const int16_t> samples) {
  REHEARSE_TRY(recognizer.Start());
  // Fed a second at a time, as a live recording would be.
  for (size_t at = 0; at < samples.size(); at += kSpeechSampleRate) {
    Status fed = recognizer.Feed(samples.subspan(at, std::min<size_t>(kSpeechSampleRate, samples.size() - at)));
    if (!fed) {
      (void)recognizer.Finish();
      return fed.error();
    }
  }
  return recognizer.Finish();
}

SpokenAnswer MakeSpokenAnswer(Transcript transcript, SpokenText text, const Segmentation& segmentation,
                              std::string framework) {
  SpokenAnswer a;
  a.framework = std::move(framework);
  a.delivery = MeasureDelivery(transcript, text, segmentation);
  a.transcript = std::move(transcript);
  a.text = std::move(text);
  return a;
}

}  // namespace rehearse
