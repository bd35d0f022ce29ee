#pragma once
// A rehearse server on a free port of 127.0.0.1, over a fresh bank, for the tests
// that talk to the API through a real socket.

#include <gtest/gtest.h>
#include <httplib.h>

#include <atomic>
#include <condition_variable>
#include <mutex>
#include <thread>

#include "server/server.h"
#include "test_util.h"

namespace rehearse {

using testing::BuiltinCatalog;
using testing::TempDir;

class ServerTest : public ::testing::Test {
 protected:
  void SetUp() override {
    options_.port = 0;
    options_.db = dir_.Path("bank.db");
    options_.token = "test-token-0123456789";
    thread_ = std::thread([this] {
      auto st = Serve(options_, BuiltinCatalog(), [this](int port) {
        std::lock_guard lock(mu_);
        port_ = port;
        cv_.notify_all();
      }, stop_);
      if (!st) ADD_FAILURE() << st.error().message;
    });
    std::unique_lock lock(mu_);
    cv_.wait(lock, [this] { return port_ != 0; });
  }
  void TearDown() override {
    stop_ = true;
    thread_.join();
  }

  httplib::Client Client() {
    httplib::Client c("127.0.0.1", port_);
    c.set_bearer_token_auth(options_.token.c_str());
    return c;
  }

  TempDir dir_;
  ServerOptions options_;
  std::atomic<bool> stop_{false};
  std::thread thread_;
  std::mutex mu_;
  std::condition_variable cv_;
  int port_ = 0;
};

}  // namespace rehearse
