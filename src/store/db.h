#pragma once
// A thin RAII layer over SQLite: a connection, prepared statements and transactions,
// with every failure returned as an Error naming the database file. The only module
// that includes sqlite3.h.

#include <cstdint>
#include <memory>
#include <string>
#include <string_view>
#include <unordered_map>

#include "util/result.h"

struct sqlite3;
struct sqlite3_stmt;

namespace rehearse {

class Db;

class Stmt {
 public:
  Stmt(Stmt&&) noexcept;
  Stmt& operator=(Stmt&&) noexcept;
  ~Stmt();

  // Binds are 1-based, as in SQLite. Text is copied.
  Stmt& Bind(int index, std::string_view text);
  Stmt& Bind(int index, int64_t value);
  Stmt& Bind(int index, int value) { return Bind(index, static_cast<int64_t>(value)); }
  Stmt& Bind(int index, double value);

  // Steps once. Returns true while a row is available, false when done.
  Result<bool> Step();
  // Steps to completion, for statements that return no rows.
  Status Run();

  std::string Text(int column) const;
  int64_t Int(int column) const;
  double Double(int column) const;
  bool IsNull(int column) const;

 private:
  friend class Db;
  Stmt(const Db* db, sqlite3_stmt* stmt) : db_(db), stmt_(stmt) {}
  const Db* db_;
  sqlite3_stmt* stmt_;
};

class Db {
 public:
  // Opens (creating if needed) the database at `path` (":memory:" for a private
  // in-memory one), in WAL mode with foreign keys on. A writer waits up to
  // `busy_timeout_ms` for another process's lock before failing with "locked".
  static Result<std::unique_ptr<Db>> Open(const std::string& path, int busy_timeout_ms);
  ~Db();

  // A statement for `sql`. Statements are kept once finalized by their Stmt (reset,
  // bindings cleared) and handed out again for the same text: an import runs the same
  // eight statements per story, and preparing them again cost a third of its time.
  Result<Stmt> Prepare(std::string_view sql) const;
  // Runs one or more statements that return no rows.
  Status Exec(std::string_view sql) const;
  const std::string& path() const { return path_; }
  int64_t Changes() const;

  // An error for the connection's last failure, in words a user can act on.
  Error LastError(std::string_view doing) const;

 private:
  friend class Stmt;
  Db(sqlite3* db, std::string path) : db_(db), path_(std::move(path)) {}
  // Takes back a statement a Stmt is done with: kept for its SQL text if none is kept
  // yet and the cache has room, else finalized.
  void Release(sqlite3_stmt* stmt) const;
  static constexpr size_t kMaxCached = 64;  // Texts built with values in them would grow it.
  sqlite3* db_;
  std::string path_;
  mutable std::unordered_map<std::string, sqlite3_stmt*> cached_;
};

// BEGIN IMMEDIATE on construction (so a second writer fails fast and clearly), ROLLBACK
// on destruction unless Commit() succeeded: an error anywhere leaves the bank as it was.
class Transaction {
 public:
  static Result<std::unique_ptr<Transaction>> Begin(const Db& db);
  ~Transaction();
  Status Commit();

 private:
  explicit Transaction(const Db& db) : db_(db) {}
  const Db& db_;
  bool done_ = false;
};

}  // namespace rehearse
