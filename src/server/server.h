#pragma once
// `rehearse serve`: the local web app. An HTTP server on 127.0.0.1 that serves the
// browser UI (compiled into the binary) and a JSON API under /api/ with every CLI
// capability. The only module that sees the HTTP library.
//
// Security: every /api/ call needs the per-launch token (Authorization: Bearer);
// Host must name this machine and Origin, when sent, this server, so another site in
// the same browser can neither read nor change the bank (DNS rebinding, cross-site
// POST); bodies are size-limited; every response carries a Content-Security-Policy.

#include <atomic>
#include <cstddef>
#include <functional>
#include <string>

#include "catalog/catalog.h"
#include "speech/recognizer.h"
#include "util/result.h"

namespace rehearse {

struct ServerOptions {
  std::string host = "127.0.0.1";
  int port = 7878;  // 0: any free port.
  std::string db;   // The bank file.
  std::string token;
  size_t max_body = 1 << 20;    // JSON requests.
  size_t max_upload = 8 << 20;  // A guide to import, a recording to transcribe.
  std::string speech_model = DefaultSpeechModel();
};

// Serves until `stop` becomes true or the process ends. `on_ready` gets the port
// bound (useful with port 0) once the server listens. Fails when the address cannot
// be bound or the bank cannot be opened.
Status Serve(const ServerOptions& options, const Catalog& catalog, const std::function<void(int port)>& on_ready,
             const std::atomic<bool>& stop);

// A fresh random token for one launch (32 hex digits from the system's randomness).
std::string NewToken();

}  // namespace rehearse
