#include "server/server.h"

#include <httplib.h>

#include <chrono>
#include <functional>
#include <memory>
#include <mutex>
#include <random>
#include <thread>

#include <fmt/format.h>

#include "catalog/embedded_data.h"
#include "export/bank_export.h"
#include "importer/guide.h"
#include "importer/guide_file.h"
#include "importer/native.h"
#include "json/json_writer.h"
#include "json/lint_json.h"
#include "json/match_json.h"
#include "json/practice_json.h"
#include "json/prep_json.h"
#include "json/requests.h"
#include "json/speech_json.h"
#include "json/story_json.h"
#include "lint/linter.h"
#include "match/classifier.h"
#include "match/matcher.h"
#include "match/summary.h"
#include "practice/bank_readiness.h"
#include "practice/coach.h"
#include "prep/bank_checklist.h"
#include "speech/recordings.h"
#include "speech/speech_models.h"
#include "speech/spoken_answer.h"
#include "speech/wav.h"
#include "text/segment.h"
#include "store/bank.h"
#include "store/company_notes.h"
#include "store/practice_log.h"
#include "util/clock.h"
#include "util/text.h"

namespace rehearse {
namespace {

using httplib::Request;
using httplib::Response;

constexpr const char* kCsp =
    "default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self' data:; connect-src 'self'; "
    "font-src 'self'; frame-ancestors 'none'; base-uri 'none'; form-action 'none'";

void SendJson(Response& res, int status, const std::string& body) {
  res.status = status;
  res.set_content(body, "application/json");
}

void SendError(Response& res, int status, std::string_view message) {
  JsonWriter w;
  w.BeginObject().Field("error", message).EndObject();
  SendJson(res, status, w.str());
}

std::string_view ContentType(std::string_view path) {
  if (path.ends_with(".html")) return "text/html; charset=utf-8";
  if (path.ends_with(".js")) return "text/javascript; charset=utf-8";
  if (path.ends_with(".css")) return "text/css; charset=utf-8";
  if (path.ends_with(".svg")) return "image/svg+xml";
  return "application/octet-stream";
}

// Compares in time independent of where the strings differ.
bool SameToken(std::string_view a, std::string_view b) {
  if (a.size() != b.size()) return false;
  unsigned char diff = 0;
  for (size_t i = 0; i < a.size(); ++i) diff |= static_cast<unsigned char>(a[i] ^ b[i]);
  return diff == 0;
}

class App {
 public:
  App(const ServerOptions& options, const Catalog& catalog, std::unique_ptr<Bank> bank,
      std::unique_ptr<QuestionClassifier> classifier, Linter linter)
      : options_(options), catalog_(catalog), bank_(std::move(bank)), classifier_(std::move(classifier)),
        linter_(std::move(linter)),
        labels_(AllSectionNames(catalog)),
        recordings_(options.speech_model, RecordingLimits{}),
        speech_models_(SpeechModelOptions(options, bank_->path())) {
    BankChanged();  // The bank's speech model, ready before the first recording if it can be.
  }

  void Install(httplib::Server& s) {
    s.set_pre_routing_handler([this](const Request& req, Response& res) { return Guard(req, res); });
    s.set_post_routing_handler([](const Request&, Response& res) {
      // A route may set a stricter policy of its own (the cheat sheet: no script at all).
      if (!res.has_header("Content-Security-Policy")) res.set_header("Content-Security-Policy", kCsp);
      res.set_header("X-Content-Type-Options", "nosniff");
      res.set_header("Referrer-Policy", "no-referrer");
      res.set_header("Cache-Control", "no-store");
    });
    s.set_exception_handler([](const Request&, Response& res, std::exception_ptr) {
      SendError(res, 500, "internal error");
    });
    s.Get("/api/health", [this](const Request&, Response& res) { Health(res); });
    s.Post("/api/lint", [this](const Request& req, Response& res) { Lint(req, res); });
    s.Post("/api/classify", [this](const Request& req, Response& res) { Classify(req, res); });
    s.Post("/api/match", [this](const Request& req, Response& res) { Match(req, res); });
    s.Get("/api/plan", [this](const Request& req, Response& res) { PlanFor(req, res); });
    s.Get("/api/stories", [this](const Request&, Response& res) { Stories(res); });
    s.Get(R"(/api/stories/([A-Za-z0-9_-]+))", [this](const Request& req, Response& res) { Show(req, res); });
    s.Put(R"(/api/stories/([A-Za-z0-9_-]+))", [this](const Request& req, Response& res) { SaveStory(req, res); });
    s.Get(R"(/api/stories/([A-Za-z0-9_-]+)/history)", [this](const Request& req, Response& res) { History(req, res); });
    s.Post(R"(/api/stories/([A-Za-z0-9_-]+)/restore)", [this](const Request& req, Response& res) { Restore(req, res); });
    s.Post("/api/import", [this](const Request& req, Response& res) { Import(req, res); });
    s.Get("/api/export", [this](const Request& req, Response& res) { Export(req, res); });
    s.Get("/api/checklist", [this](const Request& req, Response& res) { ChecklistFor(req, res); });
    s.Get("/api/notes", [this](const Request& req, Response& res) { Notes(req, res); });
    s.Put("/api/notes", [this](const Request& req, Response& res) { SaveNote(req, res); });
    s.Get("/api/frameworks", [this](const Request&, Response& res) { SendJson(res, 200, FrameworksJson(catalog_)); });
    s.Get("/api/companies", [this](const Request&, Response& res) { SendJson(res, 200, CompaniesJson(catalog_)); });
    s.Get("/api/questions", [this](const Request&, Response& res) {
      std::vector<const Question*> all;
      for (const auto& q : catalog_.questions) all.push_back(&q);
      SendJson(res, 200, QuestionsJson(all));
    });
    s.Get("/api/summary", [this](const Request&, Response& res) {
      std::lock_guard lock(mu_);
      auto stories = bank_->Stories();
      auto themes = bank_->Themes();
      auto revisions = bank_->RevisionCount();
      if (!stories || !themes || !revisions) return SendError(res, 500, "could not read the bank");
      auto readiness = ReadinessOf(*stories);
      if (!readiness) return SendError(res, 500, readiness.error().message);
      SendJson(res, 200, WithField(SummaryJson(Summarize(*stories, *themes, catalog_), bank_->path(), *revisions),
                                   "readiness", ReadinessCountsJson(*readiness)));
    });
    s.Get("/api/practice/next", [this](const Request& req, Response& res) { PracticeNext(req, res); });
    s.Post("/api/practice/answer", [this](const Request& req, Response& res) { PracticeAnswer(req, res); });
    s.Post("/api/practice/drill", [this](const Request& req, Response& res) { PracticeDrill(req, res); });
    s.Get("/api/practice/due", [this](const Request&, Response& res) {
      WithCoach(res, [&](Coach& coach) {
        auto due = coach.Due();
        if (!due) return SendError(res, 500, due.error().message);
        SendJson(res, 200, DueJson(*due, Today()));
      });
    });
    s.Get("/api/practice/progress", [this](const Request&, Response& res) {
      WithCoach(res, [&](Coach& coach) {
        auto p = coach.ProgressReport();
        if (!p) return SendError(res, 500, p.error().message);
        SendJson(res, 200, ProgressJson(*p));
      });
    });
    s.Post("/api/speech", [this](const Request& req, Response& res) { SpeechBegin(req, res); });
    s.Post(R"(/api/speech/([0-9a-f]+)/audio)", [this](const Request& req, Response& res) { SpeechAudio(req, res); });
    s.Post(R"(/api/speech/([0-9a-f]+)/end)", [this](const Request& req, Response& res) { SpeechEnd(req, res); });
    s.Delete(R"(/api/speech/([0-9a-f]+))", [this](const Request& req, Response& res) {
      recordings_.Cancel(req.matches[1]);
      res.status = 204;
    });
    s.Post("/api/transcribe", [this](const Request& req, Response& res) { TranscribeUpload(req, res); });
    s.Get(R"(/api/.*)", [](const Request&, Response& res) { SendError(res, 404, "no such API route (see docs/api.md)"); });
    s.Get(R"(/(.*))", [](const Request& req, Response& res) { Static(req, res); });
  }

 private:
  // Runs before any route: Host and Origin for everything, size and token for the API.
  httplib::Server::HandlerResponse Guard(const Request& req, Response& res) {
    using HR = httplib::Server::HandlerResponse;
    std::string host = req.get_header_value("Host");
    std::string port = std::to_string(port_);
    bool host_ok = host == "127.0.0.1:" + port || host == "localhost:" + port || host == "[::1]:" + port;
    if (!host_ok) {
      SendError(res, 403, "this server answers only to 127.0.0.1 and localhost");
      return HR::Handled;
    }
    if (req.has_header("Origin")) {
      std::string origin = req.get_header_value("Origin");
      if (origin != "http://" + host) {
        SendError(res, 403, "cross-site request refused");
        return HR::Handled;
      }
    }
    if (!req.path.starts_with("/api/")) return HR::Unhandled;
    std::string auth = req.get_header_value("Authorization");
    if (!auth.starts_with("Bearer ") || !SameToken(auth.substr(7), options_.token)) {
      SendError(res, 401, "missing or wrong token: open the URL that `rehearse serve` printed");
      return HR::Handled;
    }
    return HR::Unhandled;
  }

  // JSON bodies are held to max_body (the library already refused anything over
  // max_upload while reading). True when the request was answered with 413.
  bool TooBig(const Request& req, Response& res) const {
    if (req.body.size() <= options_.max_body) return false;
    SendError(res, 413, fmt::format("request body over {} bytes", options_.max_body));
    return true;
  }

  static void Static(const Request& req, Response& res) {
    std::string path = req.matches[1];
    if (path.empty()) path = "index.html";
    for (const auto& f : EmbeddedWebFiles()) {
      if (f.path == path && !f.path.empty()) {
        res.set_content(std::string(f.content), std::string(ContentType(path)));
        return;
      }
    }
    SendError(res, 404, "not found");
  }

  void Health(Response& res) {
    std::lock_guard lock(mu_);
    auto stories = bank_->Stories();
    JsonWriter w;
    w.BeginObject().Field("ok", true).Field("version", "0.1.0");
    w.Field("stories", stories ? static_cast<int64_t>(stories->size()) : int64_t{-1}).EndObject();
    SendJson(res, 200, w.str());
  }

  void Lint(const Request& req, Response& res) {
    if (TooBig(req, res)) return;
    auto lint_req = ParseLintRequest(req.body, LintOptions{});
    if (!lint_req) return SendError(res, 400, lint_req.error().message);
    auto report = linter_.Lint(lint_req->text, lint_req->options);
    if (!report) return SendError(res, 400, report.error().message);
    SendJson(res, 200, LintJson(*report, lint_req->text));
  }

  void Classify(const Request& req, Response& res) {
    if (TooBig(req, res)) return;
    auto q = ParseQuestionRequest(req.body);
    if (!q) return SendError(res, 400, q.error().message);
    auto c = classifier_->Classify(q->question, q->company);
    if (!c) return SendError(res, 400, c.error().message);
    SendJson(res, 200, ClassifyJson(*c));
  }

  void Match(const Request& req, Response& res) {
    if (TooBig(req, res)) return;
    auto q = ParseQuestionRequest(req.body);
    if (!q) return SendError(res, 400, q.error().message);
    WithIndex(res, [&](const StoryIndex& index) {
      auto m = index.Match(q->question, q->company, static_cast<size_t>(q->top));
      if (!m) return SendError(res, 400, m.error().message);
      SendJson(res, 200, MatchJson(*m));
    });
  }

  void PlanFor(const Request& req, Response& res) {
    std::string company = req.has_param("company") ? req.get_param_value("company") : "amazon";
    WithIndex(res, [&](const StoryIndex& index) {
      auto plan = index.PlanFor(company);
      if (!plan) return SendError(res, 400, plan.error().message);
      SendJson(res, 200, PlanJson(*plan));
    });
  }

  // Builds the index over the bank as it is now and hands it to `use`; answers 500
  // itself when the bank cannot be read.
  void WithIndex(Response& res, const std::function<void(const StoryIndex&)>& use) {
    std::lock_guard lock(mu_);
    auto stories = bank_->Stories();
    auto themes = bank_->Themes();
    if (!stories || !themes) return SendError(res, 500, (!stories ? stories.error() : themes.error()).message);
    StoryIndex index(*stories, *themes, *classifier_);
    if (auto own = bank_->Questions()) index.SetOwnQuestions(std::move(*own));
    use(index);
  }

  // A coach over the bank as it is now, handed to `use` under the bank's lock.
  void WithCoach(Response& res, const std::function<void(Coach&)>& use) {
    std::lock_guard lock(mu_);
    auto stories = bank_->Stories();
    auto themes = bank_->Themes();
    if (!stories || !themes) return SendError(res, 500, (!stories ? stories.error() : themes.error()).message);
    StoryIndex index(*stories, *themes, *classifier_);
    auto own = bank_->Questions();
    if (own) index.SetOwnQuestions(*own);
    PracticeLog log(bank_->db());
    Coach coach(log, catalog_, linter_, *classifier_, *stories, index);
    if (own) coach.SetOwnQuestions(std::move(*own));
    use(coach);
  }

  void PracticeNext(const Request& req, Response& res) {
    auto param = [&](const char* name, const char* fallback) {
      return req.has_param(name) ? req.get_param_value(name) : std::string(fallback);
    };
    NextOptions options;
    options.kind = param("kind", "mix");
    options.allow_repeat = param("allow_repeat", "") == "1";
    std::string seed = param("seed", "");
    options.seed = seed.empty() ? std::random_device{}() : std::strtoull(seed.c_str(), nullptr, 10);
    std::string session = param("session", "");
    if (session.empty()) session = NewSessionId();
    WithCoach(res, [&](Coach& coach) {
      auto next = coach.Next(param("company", "amazon"), session, options);
      if (!next) return SendError(res, 400, next.error().message);
      // The story the user is likely to tell: its own speech model, built meanwhile.
      if (auto stories = bank_->Stories(); stories && !next->suggestions.empty()) {
        speech_models_.Prepare(*stories, next->suggestions.front().key);
      }
      SendJson(res, 200, NextJson(*next, session));
    });
  }

  void PracticeAnswer(const Request& req, Response& res) {
    if (TooBig(req, res)) return;
    auto in = ParseAnswerRequest(req.body);
    if (!in) return SendError(res, 400, in.error().message);
    WithCoach(res, [&](Coach& coach) {
      auto f = coach.Answer(*in);
      if (!f) return SendError(res, 400, f.error().message);
      SendJson(res, 200, WithStoryReadiness(FeedbackJson(*f), f->attempt.story_key));
    });
  }

  // Story key -> readiness today of each of `stories`. REQUIRES: mu_ is held.
  Result<std::map<std::string, Readiness>> ReadinessOf(const std::vector<Story>& stories) {
    return StoriesReadiness(stories, PracticeLog(bank_->db()), linter_, catalog_, Today());
  }

  // `doc` with the "readiness" of the story `key` added, as the practice log has it
  // now; unchanged when there is no such story. REQUIRES: mu_ is held.
  std::string WithStoryReadiness(std::string doc, const std::string& key) {
    if (key.empty()) return doc;
    auto story = bank_->Find(key);
    if (!story || !*story) return doc;
    auto readiness = ReadinessOf({**story});
    if (!readiness) return doc;
    return WithField(std::move(doc), "readiness", ReadinessJson(readiness->at((*story)->key)));
  }

  // ---- speech: the browser streams 16 kHz mono 16-bit PCM while the user speaks ----

  // The language model for a recording: ?model=general, else the bank's (weighted to
  // ?story=KEY, the story being told) when it is ready, else the general one.
  SpeechModel SpeechModelFor(const Request& req) {
    if (req.has_param("model") && req.get_param_value("model") == "general") return GeneralSpeechModel(options_.speech_model);
    std::vector<Story> stories;
    {
      std::lock_guard lock(mu_);
      auto all = bank_->Stories();
      if (all) stories = std::move(*all);
    }
    return speech_models_.ModelFor(stories, req.has_param("story") ? req.get_param_value("story") : "");
  }

  // Begins a recording with `model`, or the general model when that one cannot load.
  Result<std::string> BeginRecording(SpeechModel* model) {
    auto id = recordings_.Begin(*model);
    if (!id && model->name != "general" && id.error().message.find("already running") == std::string::npos) {
      *model = GeneralSpeechModel(options_.speech_model);
      id = recordings_.Begin(*model);
    }
    return id;
  }

  // After the stories change: their speech model is rebuilt in the background.
  // REQUIRES: mu_ is not held.
  void BankChanged() {
    std::lock_guard lock(mu_);
    BankChangedLocked();
  }
  void BankChangedLocked() {
    if (auto stories = bank_->Stories()) speech_models_.Prepare(*stories, "");
  }

  static BankModelOptions SpeechModelOptions(const ServerOptions& options, const std::string& bank_path) {
    BankModelOptions o;
    o.general_model = options.speech_model;
    o.cache_dir = SpeechCacheDir(bank_path);
    return o;
  }

  void SpeechBegin(const Request& req, Response& res) {
    SpeechModel model = SpeechModelFor(req);
    auto id = BeginRecording(&model);
    if (!id) {
      const bool busy = id.error().message.find("already running") != std::string::npos;
      return SendError(res, busy ? 429 : 503, id.error().message);
    }
    JsonWriter w;
    w.BeginObject().Field("id", *id).Field("sample_rate", kSpeechSampleRate).Field("max_seconds", RecordingLimits{}.max_seconds);
    w.Field("model", model.name).EndObject();
    SendJson(res, 201, w.str());
  }

  void SpeechAudio(const Request& req, Response& res) {
    if (TooBig(req, res)) return;
    auto samples = ReadPcm16(req.body);
    if (!samples) return SendError(res, 400, samples.error().message);
    auto seconds = recordings_.Feed(req.matches[1], *samples);
    if (!seconds) return SendError(res, 400, seconds.error().message);
    JsonWriter w;
    w.BeginObject().Field("seconds", *seconds).EndObject();
    SendJson(res, 200, w.str());
  }

  // The framework the sections are timed in: ?framework=, else STAR. Null after a 400.
  const Framework* SpeechFramework(const Request& req, Response& res) const {
    const std::string id = req.has_param("framework") ? req.get_param_value("framework") : "STAR";
    const Framework* f = catalog_.FindFramework(id);
    if (!f) SendError(res, 400, fmt::format("unknown framework \"{}\"", id));
    return f;
  }

  // `model`: the language model's name, added to the answer when given.
  void SendSpoken(Response& res, Transcript transcript, const Framework& framework, std::string_view model = {}) {
    if (transcript.words.empty()) {
      return SendError(res, 422, fmt::format("no speech heard in {:.0f} s of audio: is the microphone on?", transcript.seconds));
    }
    SpokenText text = FormatTranscript(transcript, labels_);
    Segmentation seg = SegmentAnswer(text.text, framework, labels_);
    std::string json = SpokenAnswerJson(MakeSpokenAnswer(std::move(transcript), std::move(text), seg, framework.id));
    if (!model.empty()) json = WithField(std::move(json), "model", fmt::format("\"{}\"", model));
    SendJson(res, 200, json);
  }

  void SpeechEnd(const Request& req, Response& res) {
    const Framework* framework = SpeechFramework(req, res);
    if (!framework) return;
    auto transcript = recordings_.End(req.matches[1]);
    if (!transcript) return SendError(res, 400, transcript.error().message);
    SendSpoken(res, std::move(*transcript), *framework);
  }

  // A whole recording at once (a WAV file, up to max_upload).
  void TranscribeUpload(const Request& req, Response& res) {
    const Framework* framework = SpeechFramework(req, res);
    if (!framework) return;
    auto audio = ReadWav(req.body, "upload");
    if (!audio) return SendError(res, 400, audio.error().message);
    SpeechModel model = SpeechModelFor(req);
    auto id = BeginRecording(&model);
    if (!id) return SendError(res, 429, id.error().message);
    if (auto fed = recordings_.Feed(*id, audio->samples); !fed) {
      recordings_.Cancel(*id);
      return SendError(res, 400, fed.error().message);
    }
    auto transcript = recordings_.End(*id);
    if (!transcript) return SendError(res, 500, transcript.error().message);
    SendSpoken(res, std::move(*transcript), *framework, model.name);
  }

  void PracticeDrill(const Request& req, Response& res) {
    if (TooBig(req, res)) return;
    auto d = ParseDrillRequest(req.body);
    if (!d) return SendError(res, 400, d.error().message);
    WithCoach(res, [&](Coach& coach) {
      auto r = coach.Drill(d->story, d->typed, d->session);
      if (!r) return SendError(res, 400, r.error().message);
      SendJson(res, 200, WithStoryReadiness(DrillJson(*r), r->story_key));
    });
  }

  void Stories(Response& res) {
    std::lock_guard lock(mu_);
    auto stories = bank_->Stories();
    auto themes = bank_->Themes();
    if (!stories || !themes) return SendError(res, 500, (!stories ? stories.error() : themes.error()).message);
    auto readiness = ReadinessOf(*stories);
    if (!readiness) return SendError(res, 500, readiness.error().message);
    std::vector<const Story*> all;
    for (const auto& s : *stories) all.push_back(&s);
    SendJson(res, 200, StoriesJson(all, *themes, catalog_, &*readiness));
  }

  void Show(const Request& req, Response& res) {
    std::string key = req.matches[1];
    std::lock_guard lock(mu_);
    auto story = bank_->Find(key);
    if (!story) return SendError(res, 500, story.error().message);
    if (!*story) return SendError(res, 404, fmt::format("no story \"{}\"", key));
    auto rev = bank_->CurrentRev(key);
    auto themes = bank_->Themes();
    if (!rev || !themes) return SendError(res, 500, "could not read the bank");
    auto readiness = ReadinessOf({**story});
    if (!readiness) return SendError(res, 500, readiness.error().message);
    SendJson(res, 200, StoryJson(**story, *rev, *themes, catalog_, &readiness->at((*story)->key)));
  }

  void SaveStory(const Request& req, Response& res) {
    if (TooBig(req, res)) return;
    std::string key = req.matches[1];
    auto edit = ParseStoryEdit(req.body, key);
    if (!edit) return SendError(res, 400, edit.error().message);
    if (!catalog_.FindFramework(edit->story.framework)) {
      return SendError(res, 400, fmt::format("unknown framework \"{}\"", edit->story.framework));
    }
    std::lock_guard lock(mu_);
    auto existing = bank_->Find(key);
    if (!existing) return SendError(res, 500, existing.error().message);
    Story story = edit->story;
    if (*existing) {  // What the editor does not show stays as it was.
      story.values = (*existing)->values;
      story.kind = (*existing)->kind;
      story.category = (*existing)->category;
      story.topic = (*existing)->topic;
    }
    auto saved = bank_->Save(story, edit->rev, "edit in the web app");
    if (!saved) return SendError(res, 500, saved.error().message);
    if (saved->changed) BankChangedLocked();
    JsonWriter w;
    w.BeginObject().Field("key", key).Field("rev", saved->rev).Field("changed", saved->changed);
    if (saved->conflict) {
      w.Field("error", fmt::format("story \"{}\" changed since you opened it (now revision {}); reload to see it, "
                                   "your text is still in the editor", key, saved->rev));
      w.EndObject();
      return SendJson(res, 409, w.str());
    }
    w.EndObject();
    SendJson(res, 200, w.str());
  }

  void History(const Request& req, Response& res) {
    std::string key = req.matches[1];
    std::lock_guard lock(mu_);
    auto history = bank_->History(key);
    if (!history) return SendError(res, 500, history.error().message);
    if (history->empty()) return SendError(res, 404, fmt::format("no story \"{}\"", key));
    SendJson(res, 200, HistoryJson(key, *history));
  }

  void Restore(const Request& req, Response& res) {
    if (TooBig(req, res)) return;
    std::string key = req.matches[1];
    auto rev = ParseRevRequest(req.body);
    if (!rev) return SendError(res, 400, rev.error().message);
    std::lock_guard lock(mu_);
    auto restored = bank_->Restore(key, *rev);
    if (!restored) return SendError(res, 404, restored.error().message);
    BankChangedLocked();
    JsonWriter w;
    w.BeginObject().Field("key", key).Field("restored", *rev).Field("rev", *restored).EndObject();
    SendJson(res, 200, w.str());
  }

  // POST /api/import?name=FILE[&dry_run=1][&skip=LINE,LINE][&use=LINE:FRAMEWORK,...]: the
  // file's bytes as the body (Markdown, text, .docx, .odt, .html, .rtf). The preview
  // (dry_run=1) writes nothing; skip and use apply what the user changed in it.
  void Import(const Request& req, Response& res) {
    bool demo = req.has_param("demo") && req.get_param_value("demo") == "1";
    std::string name = demo ? "demo/guide.md" : req.has_param("name") ? req.get_param_value("name") : "upload.md";
    // The name is the user's file name, shown in messages: no folders.
    if (size_t slash = name.find_last_of("/\\"); slash != std::string::npos && !demo) name = name.substr(slash + 1);
    bool dry = req.has_param("dry_run") && req.get_param_value("dry_run") == "1";
    GuideFile file;
    if (demo) {
      file.text = std::string(*BuiltinFile("demo/guide.md"));
      file.label = name;
    } else {
      auto read = GuideFromBytes(req.body, name);
      if (!read) return SendError(res, 400, read.error().message);
      file = std::move(*read);
    }
    ImportChoices choices;
    if (req.has_param("skip")) {
      for (std::string_view part : Split(req.get_param_value("skip"), ',')) {
        if (int line = std::atoi(std::string(part).c_str()); line > 0) choices.skip.insert(line);
      }
    }
    if (req.has_param("use")) {
      for (std::string_view part : Split(req.get_param_value("use"), ',')) {
        size_t colon = part.find(':');
        int line = colon == std::string_view::npos ? 0 : std::atoi(std::string(part.substr(0, colon)).c_str());
        std::string id(colon == std::string_view::npos ? "" : part.substr(colon + 1));
        if (line <= 0 || !catalog_.FindFramework(id)) {
          return SendError(res, 400, fmt::format("use: expected LINE:FRAMEWORK, not \"{}\"", part));
        }
        choices.frameworks[line] = id;
      }
    }
    auto guide = ParseGuide(file.text, file.label, catalog_, choices);
    if (!guide) return SendError(res, 400, guide.error().message);
    std::lock_guard lock(mu_);
    auto summary = bank_->Import(*guide, name, "import " + name, dry ? DryRun::kYes : DryRun::kNo);
    if (!summary) return SendError(res, 500, summary.error().message);
    if (!dry) BankChangedLocked();
    SendJson(res, 200, ImportJson(*summary, file.label));
  }

  void Export(const Request& req, Response& res) {
    std::string format = req.has_param("format") ? req.get_param_value("format") : "md";
    std::lock_guard lock(mu_);
    auto stories = bank_->Stories();
    auto themes = bank_->Themes();
    if (!stories || !themes) return SendError(res, 500, "could not read the bank");
    if (format == "json") {
      std::vector<const Story*> all;
      for (const auto& s : *stories) all.push_back(&s);
      res.set_header("Content-Disposition", "attachment; filename=\"rehearse-bank.json\"");
      return SendJson(res, 200, StoriesJson(all, *themes, catalog_));
    }
    if (format == "html" || format == "anki") return PrintableExport(req, format, *stories, *themes, res);
    if (format != "md") return SendError(res, 400, "format must be md, json, html or anki");
    res.set_header("Content-Disposition", "attachment; filename=\"rehearse-bank.md\"");
    auto questions = bank_->Questions();
    if (!questions) return SendError(res, 500, questions.error().message);
    res.set_content(WriteNative(*stories, *themes, catalog_, *questions) + "\n", "text/markdown; charset=utf-8");
  }

  // The cheat sheet (html) or the Anki deck, as a download. REQUIRES: mu_ is held.
  void PrintableExport(const Request& req, const std::string& format, const std::vector<Story>& stories,
                       const std::vector<ThemeRow>& themes, Response& res) {
    std::string company = req.has_param("company") ? req.get_param_value("company") : "";
    auto paper = ParsePaper(req.has_param("paper") ? req.get_param_value("paper") : "a4");
    if (!paper) return SendError(res, 400, paper.error().message);
    auto text = rehearse::PrintableExport(stories, themes, catalog_, *classifier_, linter_, {format, company, *paper});
    if (!text) return SendError(res, 400, text.error().message);
    if (format == "html") {
      // Inline styles only: the page runs nothing and fetches nothing.
      res.set_header("Content-Security-Policy", "default-src 'none'; style-src 'unsafe-inline'");
      res.set_header("Content-Disposition", "attachment; filename=\"rehearse-cheatsheet.html\"");
      return res.set_content(*text, "text/html; charset=utf-8");
    }
    res.set_header("Content-Disposition", "attachment; filename=\"rehearse-anki.txt\"");
    res.set_content(*text, "text/plain; charset=utf-8");
  }

  void ChecklistFor(const Request& req, Response& res) {
    std::string company = req.has_param("company") ? req.get_param_value("company") : "amazon";
    std::lock_guard lock(mu_);
    auto checklist = ChecklistForBank(*bank_, catalog_, *classifier_, linter_, company);
    if (!checklist) return SendError(res, catalog_.FindCompany(company) ? 500 : 400, checklist.error().message);
    SendJson(res, 200, ChecklistJson(*checklist));
  }

  // The company and note kind a notes request names; answers 400 itself and returns
  // false when either is unknown. An absent kind is "" (all kinds).
  bool NoteTarget(const Request& req, Response& res, std::string* company, std::string* kind) {
    const Company* c = catalog_.FindCompany(req.has_param("company") ? req.get_param_value("company") : "");
    if (!c) {
      SendError(res, 400, fmt::format("unknown company \"{}\" (see GET /api/companies)", req.get_param_value("company")));
      return false;
    }
    *company = c->id;
    *kind = req.has_param("kind") ? req.get_param_value("kind") : "";
    if (!kind->empty() && !IsNoteKind(*kind)) {
      SendError(res, 400, fmt::format("unknown note kind \"{}\" (questions, news or notes)", *kind));
      return false;
    }
    return true;
  }

  void Notes(const Request& req, Response& res) {
    std::string company, kind;
    if (!NoteTarget(req, res, &company, &kind)) return;
    std::lock_guard lock(mu_);
    CompanyNotes notes(bank_->db());
    if (!kind.empty()) {
      auto note = notes.Current(company, kind);
      if (!note) return SendError(res, 500, note.error().message);
      return SendJson(res, 200, NoteJson(*note));
    }
    auto all = notes.All(company);
    if (!all) return SendError(res, 500, all.error().message);
    SendJson(res, 200, NotesJson(company, *all));
  }

  void SaveNote(const Request& req, Response& res) {
    if (TooBig(req, res)) return;
    std::string company, kind;
    if (!NoteTarget(req, res, &company, &kind)) return;
    if (kind.empty()) return SendError(res, 400, "kind is required: questions, news or notes");
    auto text = ParseNoteRequest(req.body);
    if (!text) return SendError(res, 400, text.error().message);
    std::lock_guard lock(mu_);
    auto saved = CompanyNotes(bank_->db()).Set(company, kind, *text);
    if (!saved) return SendError(res, 400, saved.error().message);
    SendJson(res, 200, NoteJson(*saved));
  }

 public:
  void set_port(int port) { port_ = port; }

 private:
  const ServerOptions& options_;
  const Catalog& catalog_;
  std::mutex mu_;  // The bank is one SQLite connection: one request at a time uses it.
  std::unique_ptr<Bank> bank_;
  std::unique_ptr<QuestionClassifier> classifier_;
  Linter linter_;
  const std::vector<std::string> labels_;  // Every framework's section names.
  Recordings recordings_;  // Thread-safe on its own: not under mu_.
  SpeechModels speech_models_;  // Thread-safe on its own; builds in the background.
  int port_ = 0;
};

}  // namespace

std::string NewToken() {
  std::random_device rd;
  std::string out;
  for (int i = 0; i < 4; ++i) out += fmt::format("{:08x}", rd());
  return out;
}

Status Serve(const ServerOptions& options, const Catalog& catalog, const std::function<void(int port)>& on_ready,
             const std::atomic<bool>& stop) {
  REHEARSE_TRY_ASSIGN(bank, Bank::Open(options.db));
  REHEARSE_TRY_ASSIGN(classifier, QuestionClassifier::Build(catalog));
  REHEARSE_TRY_ASSIGN(rules, LoadRules({}, {}, AllSectionNames(catalog)));
  App app(options, catalog, std::move(bank), std::move(classifier), Linter(std::move(rules), catalog));
  httplib::Server server;
  server.set_tcp_nodelay(true);  // Without it every response waits ~40 ms for Nagle.
  server.set_payload_max_length(options.max_upload);
  server.set_read_timeout(10, 0);
  app.Install(server);
  int port = options.port;
  if (port == 0) {
    port = server.bind_to_any_port(options.host);
  } else if (!server.bind_to_port(options.host, port)) {
    port = -1;
  }
  if (port < 0) return Error{fmt::format("cannot listen on {}:{} (is another rehearse serving there?)", options.host, options.port)};
  app.set_port(port);
  std::thread watcher([&] {
    while (!stop && server.is_running() == false) std::this_thread::sleep_for(std::chrono::milliseconds(5));
    if (on_ready) on_ready(port);
    while (!stop) std::this_thread::sleep_for(std::chrono::milliseconds(50));
    server.stop();
  });
  server.listen_after_bind();
  watcher.join();
  return {};
}

}  // namespace rehearse
