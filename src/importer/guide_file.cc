#include "importer/guide_file.h"

#include <fcntl.h>
#include <poll.h>
#include <signal.h>
#include <spawn.h>
#include <sys/wait.h>
#include <unistd.h>

#include <cerrno>
#include <chrono>
#include <cstring>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <vector>

#include <fmt/format.h>

#include "util/text.h"

extern char** environ;

namespace rehearse {
namespace {

namespace fs = std::filesystem;

std::string Extension(std::string_view name) {
  size_t slash = name.find_last_of('/');
  std::string_view base = slash == std::string_view::npos ? name : name.substr(slash + 1);
  size_t dot = base.find_last_of('.');
  return dot == std::string_view::npos ? "" : ToLower(base.substr(dot + 1));
}

// A temporary file that is removed when the object dies.
class TempFile {
 public:
  Status Create(std::string_view bytes, std::string_view suffix) {
    std::string tmpl = (fs::temp_directory_path() / fmt::format("rehearse-guide-XXXXXX{}", suffix)).string();
    int fd = mkstemps(tmpl.data(), static_cast<int>(suffix.size()));
    if (fd < 0) return Error{fmt::format("cannot create a temporary file: {}", std::strerror(errno))};
    path_ = tmpl;
    size_t done = 0;
    while (done < bytes.size()) {
      ssize_t n = write(fd, bytes.data() + done, bytes.size() - done);
      if (n < 0) {
        if (errno == EINTR) continue;
        close(fd);
        return Error{fmt::format("cannot write a temporary file: {}", std::strerror(errno))};
      }
      done += static_cast<size_t>(n);
    }
    close(fd);
    return {};
  }
  ~TempFile() {
    if (!path_.empty()) unlink(path_.c_str());
  }
  const std::string& path() const { return path_; }

 private:
  std::string path_;
};

// Runs `argv` (no shell) and returns its standard output; fails when it cannot start,
// exits non-zero (with its standard error) or runs longer than `seconds`.
Result<std::string> Run(const std::vector<std::string>& argv, int seconds) {
  int out[2], err[2];
  if (pipe2(out, O_CLOEXEC) != 0 || pipe2(err, O_CLOEXEC) != 0) {
    return Error{fmt::format("cannot start {}: {}", argv[0], std::strerror(errno))};
  }
  posix_spawn_file_actions_t actions;
  posix_spawn_file_actions_init(&actions);
  posix_spawn_file_actions_adddup2(&actions, out[1], STDOUT_FILENO);
  posix_spawn_file_actions_adddup2(&actions, err[1], STDERR_FILENO);
  posix_spawn_file_actions_addopen(&actions, STDIN_FILENO, "/dev/null", O_RDONLY, 0);
  std::vector<char*> args;
  for (const auto& a : argv) args.push_back(const_cast<char*>(a.c_str()));
  args.push_back(nullptr);
  pid_t pid = 0;
  int rc = posix_spawnp(&pid, argv[0].c_str(), &actions, nullptr, args.data(), environ);
  posix_spawn_file_actions_destroy(&actions);
  close(out[1]);
  close(err[1]);
  if (rc != 0) {
    close(out[0]);
    close(err[0]);
    if (rc == ENOENT) return Error{"ENOENT"};
    return Error{fmt::format("cannot start {}: {}", argv[0], std::strerror(rc))};
  }
  std::string stdout_text, stderr_text;
  auto deadline = std::chrono::steady_clock::now() + std::chrono::seconds(seconds);
  bool timed_out = false;
  pollfd fds[2] = {{out[0], POLLIN, 0}, {err[0], POLLIN, 0}};
  int open_fds = 2;
  char buf[65536];
  while (open_fds > 0) {
    auto left = std::chrono::duration_cast<std::chrono::milliseconds>(deadline - std::chrono::steady_clock::now());
    if (left.count() <= 0) {
      timed_out = true;
      break;
    }
    int n = poll(fds, 2, static_cast<int>(left.count()));
    if (n < 0 && errno == EINTR) continue;
    if (n <= 0) continue;
    for (int i = 0; i < 2; ++i) {
      if (fds[i].fd < 0 || !(fds[i].revents & (POLLIN | POLLHUP | POLLERR))) continue;
      ssize_t got = read(fds[i].fd, buf, sizeof buf);
      if (got > 0) {
        (i == 0 ? stdout_text : stderr_text).append(buf, static_cast<size_t>(got));
        if (stdout_text.size() > 4 * kMaxGuideBytes) {
          timed_out = true;  // Runaway output: treat as a failure.
          open_fds = 0;
          break;
        }
      } else if (got == 0 || errno != EINTR) {
        close(fds[i].fd);
        fds[i].fd = -1;
        --open_fds;
      }
    }
  }
  for (auto& f : fds) {
    if (f.fd >= 0) close(f.fd);
  }
  if (timed_out) kill(pid, SIGKILL);
  int status = 0;
  while (waitpid(pid, &status, 0) < 0 && errno == EINTR) {
  }
  if (timed_out) return Error{fmt::format("{} took longer than {} s; gave up", argv[0], seconds)};
  if (!WIFEXITED(status) || WEXITSTATUS(status) != 0) {
    std::string why(Trim(stderr_text));
    if (why.size() > 300) why = why.substr(0, 300) + "...";
    return Error{fmt::format("{} failed{}{}", argv[0], why.empty() ? "" : ": ", why)};
  }
  return stdout_text;
}

bool StartsWith(std::string_view s, std::string_view prefix) { return s.substr(0, prefix.size()) == prefix; }

// What the bytes are, whatever the name says: "zip", "rtf", "png", "jpeg", "gif",
// "pdf", "html" or "" (text, as far as can be told).
std::string Sniff(std::string_view bytes) {
  if (StartsWith(bytes, "PK\x03\x04")) return "zip";
  if (StartsWith(bytes, "{\\rtf")) return "rtf";
  if (StartsWith(bytes, "\x89PNG")) return "png";
  if (StartsWith(bytes, "\xFF\xD8\xFF")) return "jpeg";
  if (StartsWith(bytes, "GIF8")) return "gif";
  if (StartsWith(bytes, "%PDF")) return "pdf";
  if (StartsWith(bytes, "RIFF") && bytes.size() > 12 && bytes.substr(8, 4) == "WEBP") return "webp";
  std::string head = ToLower(Trim(bytes.substr(0, 512)));
  if (StartsWith(head, "<!doctype html") || StartsWith(head, "<html")) return "html";
  return "";
}

Result<std::string> Convert(std::string_view bytes, const std::string& format, std::string_view name) {
  TempFile tmp;
  REHEARSE_TRY(tmp.Create(bytes, "." + format));
  auto md = Run({"pandoc", "--from", format, "--to", "gfm", "--wrap=none", tmp.path()}, kPandocSeconds);
  if (!md) {
    if (md.error().message == "ENOENT") {
      return Error{fmt::format("{}: reading .{} files needs pandoc, which is not installed (Debian package "
                               "\"pandoc\": sudo apt install pandoc); or save the guide as Markdown (.md)",
                               name, format)};
    }
    return Error{fmt::format("{}: could not convert it to Markdown: {}", name, md.error().message)};
  }
  return md;
}

}  // namespace

Result<GuideFile> GuideFromBytes(std::string bytes, std::string_view name) {
  if (bytes.size() > kMaxGuideBytes) {
    return Error{fmt::format("{}: {:.1f} MB; a guide can be at most {} MB", name,
                             static_cast<double>(bytes.size()) / (1 << 20), kMaxGuideBytes >> 20)};
  }
  std::string ext = Extension(name);
  std::string kind = Sniff(bytes);
  if (kind == "png" || kind == "jpeg" || kind == "gif" || kind == "webp") {
    return Error{fmt::format("{}: an image ({}), not a guide; rehearse reads text: .md, .txt, .docx, .odt, .html or "
                             ".rtf",
                             name, kind)};
  }
  if (kind == "pdf") {
    return Error{fmt::format("{}: a PDF, which rehearse cannot read; save the guide as .docx, .md or .txt and "
                             "import that",
                             name)};
  }
  GuideFile out;
  out.label = std::string(name);
  if (ext == "docx" || ext == "odt") {
    if (kind != "zip") {
      return Error{fmt::format("{}: not a {} document (a .{} file is a zip archive; this one is not); save it "
                               "again from your editor, or as Markdown",
                               name, ext == "docx" ? "Word" : "OpenDocument", ext)};
    }
    out.format = ext;
  } else if (kind == "zip") {
    // A .docx saved under another name.
    bool odt = bytes.find("application/vnd.oasis.opendocument.text") != std::string::npos;
    bool docx = bytes.find("word/document.xml") != std::string::npos;
    if (!odt && !docx) {
      return Error{fmt::format("{}: a zip archive, not a guide; rehearse reads .md, .txt, .docx, .odt, .html or .rtf",
                               name)};
    }
    out.format = odt ? "odt" : "docx";
  } else if (ext == "rtf" || kind == "rtf") {
    if (kind != "rtf") return Error{fmt::format("{}: not an RTF document (it does not start with {{\\rtf)", name)};
    out.format = "rtf";
  } else if (ext == "html" || ext == "htm" || kind == "html") {
    out.format = "html";
  } else {
    out.format = "markdown";
    out.text = std::move(bytes);
    return out;
  }
  REHEARSE_TRY_ASSIGN(md, Convert(bytes, out.format, name));
  out.text = std::move(md);
  out.label = fmt::format("{} (as Markdown)", name);
  return out;
}

Result<GuideFile> ReadGuideFile(const std::string& path) {
  std::error_code ec;
  if (fs::is_directory(path, ec)) return Error{fmt::format("{}: is a folder; expected a guide file", path)};
  auto size = fs::file_size(path, ec);
  if (!ec && size > kMaxGuideBytes) {
    return Error{fmt::format("{}: {:.1f} MB; a guide can be at most {} MB", path,
                             static_cast<double>(size) / (1 << 20), kMaxGuideBytes >> 20)};
  }
  std::ifstream in(path, std::ios::binary);
  if (!in) return Error{fmt::format("{}: cannot open: {}", path, std::strerror(errno))};
  std::ostringstream ss;
  ss << in.rdbuf();
  if (in.bad()) return Error{fmt::format("{}: read error", path)};
  return GuideFromBytes(ss.str(), path);
}

}  // namespace rehearse
