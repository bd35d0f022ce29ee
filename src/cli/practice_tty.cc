// The interactive mock interview in a terminal: a question, a pause to pick the
// story, a live clock on the top line while the answer is typed, feedback, and a
// follow-up. Ctrl-C stops at once; an answer is saved only when it is complete.

#include <signal.h>
#include <sys/ioctl.h>
#include <unistd.h>

#include <atomic>
#include <cerrno>
#include <chrono>
#include <condition_variable>
#include <mutex>
#include <random>
#include <thread>

#include <fmt/format.h>

#include "cli/practice.h"
#include "util/text.h"

namespace rehearse::cli {
namespace {

std::atomic<bool> g_interrupted{false};

void OnInterrupt(int) { g_interrupted = true; }

// Ctrl-C interrupts a blocked read (no SA_RESTART) instead of killing the process, so
// the terminal is restored and nothing half-done is written.
void CatchInterrupt() {
  struct sigaction sa {};
  sa.sa_handler = OnInterrupt;
  sigemptyset(&sa.sa_mask);
  sa.sa_flags = 0;
  sigaction(SIGINT, &sa, nullptr);
}

void Out(std::string_view s) {
  while (!s.empty()) {
    ssize_t n = ::write(STDOUT_FILENO, s.data(), s.size());
    if (n <= 0) {
      if (n < 0 && errno == EINTR) continue;
      return;
    }
    s.remove_prefix(static_cast<size_t>(n));
  }
}

enum class Read { kLine, kEof, kInterrupted };

// One line from the terminal (without its newline).
Read ReadLine(std::string* line) {
  line->clear();
  char c;
  while (true) {
    if (g_interrupted) return Read::kInterrupted;
    ssize_t n = ::read(STDIN_FILENO, &c, 1);
    if (n < 0 && errno == EINTR) return Read::kInterrupted;
    if (n < 0) return Read::kEof;
    if (n == 0) return line->empty() ? Read::kEof : Read::kLine;
    if (c == '\n') return Read::kLine;
    *line += c;
  }
}

int Rows() {
  winsize ws{};
  if (ioctl(STDOUT_FILENO, TIOCGWINSZ, &ws) == 0 && ws.ws_row > 4) return ws.ws_row;
  return 24;
}

std::string Clock(double s) { return fmt::format("{}:{:02d}", static_cast<int>(s) / 60, static_cast<int>(s) % 60); }

// The section the speaker should be in after `elapsed` seconds, by the budget's
// middle of the range.
std::string SectionAt(const std::vector<SectionBudget>& budget, double elapsed) {
  double t = 0;
  for (const auto& b : budget) {
    t += (b.low + b.high) / 2;
    if (elapsed < t) return fmt::format("{} ({:.0f}-{:.0f} s)", b.name, b.low, b.high);
  }
  return "Wrap up with the result";
}

// The clock on the top line of the screen, redrawn every second while the answer is
// typed below it (the rest of the screen scrolls under a fixed status line).
class LiveClock {
 public:
  LiveClock(std::vector<SectionBudget> budget, double limit) : budget_(std::move(budget)), limit_(limit) {
    rows_ = Rows();
    start_ = std::chrono::steady_clock::now();
    // Scroll region below line 1; setting it homes the cursor, so save and restore it.
    Out(fmt::format("\0337\033[2;{}r\0338", rows_));
    Draw();
    thread_ = std::thread([this] {
      std::unique_lock lock(mu_);
      while (!cv_.wait_for(lock, std::chrono::seconds(1), [this] { return stop_; })) Draw();
    });
  }
  ~LiveClock() { Stop(); }

  double Stop() {
    {
      std::lock_guard lock(mu_);
      if (stopped_) return elapsed_;
      stop_ = true;
    }
    cv_.notify_all();
    thread_.join();
    elapsed_ = Elapsed();
    stopped_ = true;
    // Status line cleared, back to a whole-screen scroll region, cursor where it was.
    Out("\0337\033[1;1H\033[2K\033[r\0338");
    return elapsed_;
  }

 private:
  double Elapsed() const {
    return std::chrono::duration<double>(std::chrono::steady_clock::now() - start_).count();
  }
  void Draw() {
    double e = Elapsed();
    std::string status = e > limit_ ? fmt::format("\033[7m {} / {}  PAST 3 MINUTES: land the result now \033[0m",
                                                  Clock(e), Clock(limit_))
                                    : fmt::format("\033[7m {} / {}  now: {}  · end with a line holding only . \033[0m",
                                                  Clock(e), Clock(limit_), SectionAt(budget_, e));
    Out("\0337\033[1;1H\033[2K" + status + "\0338");
  }

  std::vector<SectionBudget> budget_;
  double limit_;
  int rows_ = 24;
  std::chrono::steady_clock::time_point start_;
  std::mutex mu_;
  std::condition_variable cv_;
  bool stop_ = false, stopped_ = false;
  double elapsed_ = 0;
  std::thread thread_;
};

// Reads an answer up to a line holding only "." (or Ctrl-D).
Read ReadAnswer(std::string* text) {
  text->clear();
  std::string line;
  while (true) {
    Read r = ReadLine(&line);
    if (r == Read::kInterrupted) return r;
    if (r == Read::kEof || Trim(line) == ".") return Read::kLine;
    *text += line;
    *text += '\n';
  }
}

int Interrupted(int saved) {
  Out(fmt::format("\033[r\n\nStopped. {} saved this session; the one in progress was not saved.\n",
                  Plural(saved, "answer", "answers")));
  return 130;
}

}  // namespace

int RunInteractivePractice(const Options& o, PracticeKit& kit) {
  if (!isatty(STDIN_FILENO) || !isatty(STDOUT_FILENO)) {
    return Fail(Error{"practice: the interactive session needs a terminal; from scripts use `rehearse practice next` "
                      "and `rehearse practice answer`"});
  }
  if (kit.indexed->view.stories.empty()) {
    fmt::print("{}", kEmptyBank);
    return 1;
  }
  CatchInterrupt();
  const std::string company = o.company.empty() ? "amazon" : o.company;
  const Company* profile = kit.indexed->catalog.FindCompany(company);
  if (!profile) return Fail(Error{fmt::format("unknown company \"{}\" (see: rehearse companies)", company)});
  const std::string session = NewSessionId();
  Out(fmt::format("Mock interview for {}.\nCtrl-C stops at any time; an answer is saved only once it "
                  "is complete.\n",
                  profile->name));
  NextOptions options;
  options.kind = o.kind.empty() ? "mix" : o.kind;
  options.allow_repeat = o.allow_repeat;
  uint64_t seed = o.seed >= 0 ? static_cast<uint64_t>(o.seed) : std::random_device{}();
  int saved = 0;
  std::string line;

  for (int turn = 1;; ++turn) {
    options.seed = seed + static_cast<uint64_t>(turn);
    auto next = kit.coach->Next(company, session, options);
    if (!next) {
      Out(fmt::format("\n{}. Session over: {} saved.\n", next.error().message, Plural(saved, "answer", "answers")));
      return 0;
    }
    Out(fmt::format("\n── Question {} ({}) ──\n{}\n\n[Enter] start · h hint · s skip · q quit\n> ", turn,
                    next->question.kind == QuestionKind::kGrilling ? "grilling" : "normal", next->question.text));
    bool skip = false;
    while (true) {
      Read r = ReadLine(&line);
      if (r == Read::kInterrupted) return Interrupted(saved);
      std::string choice = ToLower(Trim(line));
      if (r == Read::kEof || choice == "q") {
        Out(fmt::format("Session over: {} saved.\n", Plural(saved, "answer", "answers")));
        return 0;
      }
      if (choice == "s") {
        skip = true;
        break;
      }
      if (choice == "h") {
        std::string hint = fmt::format("Framework: {}", next->framework);
        if (!next->suggestions.empty()) {
          hint += fmt::format(" · story: {} — {}", next->suggestions[0].key, next->suggestions[0].title);
        }
        if (!next->values.empty()) hint += " · probes: " + Join(next->values, "; ");
        Out(hint + "\n> ");
        continue;
      }
      break;
    }
    if (skip) {
      options.asked.push_back(next->question.id);
      continue;
    }

    // The method: pause to pick the story, then signpost the structure.
    for (int s = static_cast<int>(o.think); s > 0; --s) {
      Out(fmt::format("\rPause and pick your story: {} s ", s));
      std::this_thread::sleep_for(std::chrono::seconds(1));
      if (g_interrupted) return Interrupted(saved);
    }
    Out(fmt::format("\rSignpost first: \"Let me share an example; I'll walk you through it with {}.\"\n"
                    "Clock started. Type or paste your answer; finish with a line holding only a dot.\n",
                    next->framework));
    std::string answer;
    double elapsed = 0;
    {
      LiveClock clock(next->budget, kOverTimeSeconds);
      Read r = ReadAnswer(&answer);
      elapsed = clock.Stop();
      if (r == Read::kInterrupted) return Interrupted(saved);
    }
    if (Trim(answer).empty()) {
      Out("No answer given; skipping this question.\n");
      options.asked.push_back(next->question.id);
      continue;
    }
    AnswerInput input;
    input.question_id = next->question.id;
    input.company = company;
    input.session = session;
    input.text = answer;
    input.seconds = elapsed;
    auto feedback = kit.coach->Answer(input);
    if (!feedback) {
      Out(fmt::format("Could not assess this answer: {}\n", feedback.error().message));
      options.asked.push_back(next->question.id);
      continue;
    }
    ++saved;
    std::fflush(stdout);
    Out("\n");
    PrintFeedback(*feedback, FollowUpCommands::kHide);
    if (auto r = ReadinessOf(kit, feedback->attempt.story_key); r && *r) {
      fmt::print("Readiness of {}: {}\n", feedback->attempt.story_key, ReadinessText(**r));
    }
    std::fflush(stdout);

    if (!feedback->followups.empty()) {
      Out(fmt::format("\nThe interviewer follows up: {}\nAnswer briefly (CAR), finish with a lone dot; a lone dot "
                      "skips.\n",
                      feedback->followups.front().question));
      std::string reply;
      if (ReadAnswer(&reply) == Read::kInterrupted) return Interrupted(saved);
      if (!Trim(reply).empty()) {
        AnswerInput up;
        up.question_id = fmt::format("{}.1", feedback->attempt.id);
        up.company = company;
        up.text = reply;
        auto f2 = kit.coach->Answer(up);
        if (!f2) {
          Out(fmt::format("Could not assess the follow-up: {}\n", f2.error().message));
        } else {
          ++saved;
          fmt::print("Follow-up score {}/100 ({}).\n", f2->report.score, Plural(f2->report.words, "word", "words"));
          for (const auto& x : f2->report.findings) fmt::print("  {} [{}]\n", x.message, x.rule);
          std::fflush(stdout);
        }
      }
    }
    Out("\n[Enter] next question · q quit\n> ");
    Read r = ReadLine(&line);
    if (r == Read::kInterrupted) return Interrupted(saved);
    if (r == Read::kEof || ToLower(Trim(line)) == "q") {
      Out(fmt::format("Session over: {} saved.\n", Plural(saved, "answer", "answers")));
      return 0;
    }
  }
}

}  // namespace rehearse::cli
