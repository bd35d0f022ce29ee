#include "speech/tool_process.h"

#include <fcntl.h>
#include <poll.h>
#include <pthread.h>
#include <signal.h>
#include <spawn.h>
#include <sys/wait.h>
#include <unistd.h>

#include <cerrno>
#include <cstring>

#include <fmt/format.h>

extern char** environ;

namespace rehearse {
namespace {

// write(2) to a child that may have stopped reading: EPIPE, never the SIGPIPE that
// would end a program that does not ignore it (the CLI and the tests do not; the
// server does). SIGPIPE is blocked on this thread for the call and the one the write
// raised is taken back, the pattern git and curl use.
ssize_t WriteToChild(int fd, const char* data, size_t size) {
  sigset_t pipe_signal, old;
  sigemptyset(&pipe_signal);
  sigaddset(&pipe_signal, SIGPIPE);
  pthread_sigmask(SIG_BLOCK, &pipe_signal, &old);
  const ssize_t w = ::write(fd, data, size);
  const int saved = errno;
  if (w < 0 && saved == EPIPE) {
    const timespec zero{0, 0};
    while (sigtimedwait(&pipe_signal, nullptr, &zero) < 0 && errno == EINTR) {
    }
  }
  pthread_sigmask(SIG_SETMASK, &old, nullptr);
  errno = saved;
  return w;
}

constexpr size_t kErrKept = 4096;

struct Pipe {
  int read = -1, write = -1;
  ~Pipe() { CloseBoth(); }
  void CloseBoth() {
    Close(read);
    Close(write);
  }
  static void Close(int& fd) {
    if (fd >= 0) ::close(fd);
    fd = -1;
  }
};

bool MakePipe(Pipe& p) {
  int fds[2];
  if (::pipe2(fds, O_CLOEXEC) != 0) return false;
  p.read = fds[0];
  p.write = fds[1];
  return true;
}

std::string Tail(const std::string& s) {
  std::string t = s.size() > 300 ? s.substr(s.size() - 300) : s;
  while (!t.empty() && (t.back() == '\n' || t.back() == ' ')) t.pop_back();
  for (char& c : t) {
    if (c == '\n') c = ' ';
  }
  return t;
}

}  // namespace

Result<ToolOutput> RunTool(const ToolCommand& command) {
  if (command.argv.empty()) return Error{"no program to run"};
  const std::string& program = command.argv[0];
  Pipe in, out, err;
  if (!MakePipe(in) || !MakePipe(out) || !MakePipe(err)) return Error{fmt::format("{}: could not make pipes", program)};

  posix_spawn_file_actions_t actions;
  posix_spawn_file_actions_init(&actions);
  posix_spawn_file_actions_adddup2(&actions, in.read, 0);
  posix_spawn_file_actions_adddup2(&actions, out.write, 1);
  posix_spawn_file_actions_adddup2(&actions, err.write, 2);
  if (!command.workdir.empty()) posix_spawn_file_actions_addchdir_np(&actions, command.workdir.c_str());
  posix_spawnattr_t attr;
  posix_spawnattr_init(&attr);
  // Its own process group, so that a timeout kills the helpers it starts too; signals
  // a server ignores (SIGPIPE) are back to their defaults in the child.
  sigset_t defaults;
  sigemptyset(&defaults);
  sigaddset(&defaults, SIGPIPE);
  sigset_t none;
  sigemptyset(&none);
  posix_spawnattr_setsigdefault(&attr, &defaults);
  posix_spawnattr_setsigmask(&attr, &none);
  posix_spawnattr_setpgroup(&attr, 0);
  posix_spawnattr_setflags(&attr, POSIX_SPAWN_SETPGROUP | POSIX_SPAWN_SETSIGDEF | POSIX_SPAWN_SETSIGMASK);

  std::vector<char*> argv;
  for (const std::string& a : command.argv) argv.push_back(const_cast<char*>(a.c_str()));
  argv.push_back(nullptr);
  // The C locale: tools that print numbers print them the same everywhere.
  std::vector<std::string> env_strings;
  for (char** e = environ; e && *e; ++e) {
    if (std::strncmp(*e, "LC_ALL=", 7) != 0) env_strings.emplace_back(*e);
  }
  env_strings.emplace_back("LC_ALL=C");
  std::vector<char*> envp;
  for (std::string& e : env_strings) envp.push_back(e.data());
  envp.push_back(nullptr);

  pid_t pid = -1;
  const int spawned = posix_spawnp(&pid, program.c_str(), &actions, &attr, argv.data(), envp.data());
  posix_spawn_file_actions_destroy(&actions);
  posix_spawnattr_destroy(&attr);
  if (spawned != 0) {
    if (spawned == ENOENT) {
      return Error{fmt::format("{}: program not found (install Debian's {}: sudo apt install {})", program,
                               command.package, command.package)};
    }
    return Error{fmt::format("{}: could not start it: {}", program, std::strerror(spawned))};
  }
  Pipe::Close(in.read);
  Pipe::Close(out.write);
  Pipe::Close(err.write);
  ::fcntl(in.write, F_SETFL, O_NONBLOCK);

  ToolOutput result;
  size_t written = 0;
  if (command.input.empty()) Pipe::Close(in.write);
  const auto deadline = std::chrono::steady_clock::now() + command.limit;
  bool timed_out = false, cancelled = false;
  char buf[65536];
  while (out.read >= 0 || err.read >= 0) {
    const auto left = std::chrono::duration_cast<std::chrono::milliseconds>(deadline - std::chrono::steady_clock::now());
    if (left.count() <= 0) {
      timed_out = true;
      break;
    }
    if (command.cancel && command.cancel->load()) {
      cancelled = true;
      break;
    }
    pollfd fds[3];
    nfds_t n = 0;
    if (out.read >= 0) fds[n++] = {out.read, POLLIN, 0};
    if (err.read >= 0) fds[n++] = {err.read, POLLIN, 0};
    if (in.write >= 0) fds[n++] = {in.write, POLLOUT, 0};
    const int ready = ::poll(fds, n, static_cast<int>(std::min<long long>(left.count(), 100)));
    if (ready < 0 && errno != EINTR) break;
    for (nfds_t k = 0; k < n; ++k) {
      if (!fds[k].revents) continue;
      if (fds[k].fd == in.write) {
        const ssize_t w = WriteToChild(in.write, command.input.data() + written, command.input.size() - written);
        if (w > 0) written += static_cast<size_t>(w);
        if (w < 0 && errno != EAGAIN && errno != EINTR) Pipe::Close(in.write);  // It stopped reading.
        if (written == command.input.size()) Pipe::Close(in.write);
        continue;
      }
      const ssize_t r = ::read(fds[k].fd, buf, sizeof buf);
      if (r > 0) {
        std::string& to = fds[k].fd == out.read ? result.out : result.err;
        to.append(buf, static_cast<size_t>(r));
        if (&to == &result.err && to.size() > 2 * kErrKept) to.erase(0, to.size() - kErrKept);
      } else if (r == 0 || (errno != EAGAIN && errno != EINTR)) {
        Pipe::Close(fds[k].fd == out.read ? out.read : err.read);
      }
    }
  }
  if (timed_out || cancelled) ::kill(-pid, SIGKILL);
  int status = 0;
  while (::waitpid(pid, &status, 0) < 0 && errno == EINTR) {
  }
  if (cancelled) return Error{fmt::format("{}: cancelled", program)};
  if (timed_out) {
    return Error{fmt::format("{}: stopped after {:g} s (time limit)", program,
                             std::chrono::duration<double>(command.limit).count())};
  }
  if (result.err.size() > kErrKept) result.err.erase(0, result.err.size() - kErrKept);
  if (WIFSIGNALED(status)) {
    return Error{fmt::format("{}: died of signal {} ({})", program, WTERMSIG(status), Tail(result.err))};
  }
  if (WEXITSTATUS(status) != 0) {
    return Error{fmt::format("{}: exited with status {}: {}", program, WEXITSTATUS(status), Tail(result.err))};
  }
  return result;
}

}  // namespace rehearse
