#pragma once
// The boundary between the `rehearse` program and its web server, which is built as a
// module (rehearse-serve.so, next to the program) and loaded only by `rehearse serve`:
// the HTTP library pulls in OpenSSL, brotli and zlib, and loading them cost every
// other command about 8 ms at start-up (hyperfine, README "Speed"). Plain C types
// only, so that nothing but this struct crosses between the two copies of the core.

extern "C" {

struct RehearseServeArgs {
  const char* host;      // "127.0.0.1"
  int port;              // 0: any free port.
  const char* db;        // The bank file, resolved.
  const char* data_dir;  // The user's data folder (may not exist).
};

// Serves until SIGINT or SIGTERM. Prints the address with the launch token on stdout
// and errors on stderr ("rehearse: error: ..."). Returns the process exit status:
// 0 when stopped, 1 when the catalog, the bank or the address failed.
using RehearseServeMain = int (*)(const RehearseServeArgs*);
inline constexpr const char* kRehearseServeSymbol = "rehearse_serve_main";
inline constexpr const char* kRehearseServeModule = "rehearse-serve.so";

}  // extern "C"
