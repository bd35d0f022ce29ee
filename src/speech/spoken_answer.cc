#include "speech/spoken_answer.h"

namespace rehearse {

Result<Transcript> TranscribeAudio(Recognizer& recognizer, std::span<const int16_t> samples) {
  REHEARSE_TRY(recognizer.Start());
  // The recognizer decodes in its own fixed blocks, however the audio is handed over.
  Status fed = recognizer.Feed(samples);
  auto transcript = recognizer.Finish();
  if (!fed) return fed.error();
  return transcript;
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
