// The entry point of rehearse-serve.so (see serve_module.h): what `rehearse serve`
// runs once the module is loaded.
#include "server/serve_module.h"

#include <atomic>
#include <csignal>
#include <cstdio>

#include <fmt/format.h>

#include "catalog/catalog.h"
#include "server/server.h"

namespace {

std::atomic<bool> g_stop{false};

int Fail(const rehearse::Error& e) {
  std::fflush(stdout);
  fmt::print(stderr, "rehearse: error: {}\n", e.message);
  return 1;
}

}  // namespace

extern "C" __attribute__((visibility("default"))) int rehearse_serve_main(const RehearseServeArgs* args) {
  using namespace rehearse;
  auto catalog = LoadCatalog(args->data_dir);
  if (!catalog) return Fail(catalog.error());
  ServerOptions options;
  options.host = args->host;
  options.port = args->port;
  options.db = args->db;
  options.token = NewToken();
  std::signal(SIGINT, [](int) { g_stop = true; });
  std::signal(SIGTERM, [](int) { g_stop = true; });
  auto served = Serve(options, *catalog, [&](int port) {
    fmt::print("rehearse is serving your bank ({}).\nOpen this address in your browser (it holds this launch's token):\n\n"
               "    http://{}:{}/#token={}\n\nPress Ctrl-C to stop.\n",
               options.db, options.host == "0.0.0.0" ? "127.0.0.1" : options.host, port, options.token);
    std::fflush(stdout);
  }, g_stop);
  if (!served) return Fail(served.error());
  fmt::print("\nStopped.\n");
  return 0;
}
