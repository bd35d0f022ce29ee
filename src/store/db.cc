#include "store/db.h"

#include <sqlite3.h>

#include <fmt/format.h>

namespace rehearse {

Stmt::Stmt(Stmt&& o) noexcept : db_(o.db_), stmt_(o.stmt_) { o.stmt_ = nullptr; }
Stmt& Stmt::operator=(Stmt&& o) noexcept {
  if (this != &o) {
    if (stmt_) db_->Release(stmt_);
    db_ = o.db_;
    stmt_ = o.stmt_;
    o.stmt_ = nullptr;
  }
  return *this;
}
Stmt::~Stmt() {
  if (stmt_) db_->Release(stmt_);
}

Stmt& Stmt::Bind(int index, std::string_view text) {
  sqlite3_bind_text(stmt_, index, text.data(), static_cast<int>(text.size()), SQLITE_TRANSIENT);
  return *this;
}

Stmt& Stmt::Bind(int index, int64_t value) {
  sqlite3_bind_int64(stmt_, index, value);
  return *this;
}

Stmt& Stmt::Bind(int index, double value) {
  sqlite3_bind_double(stmt_, index, value);
  return *this;
}

Result<bool> Stmt::Step() {
  int rc = sqlite3_step(stmt_);
  if (rc == SQLITE_ROW) return true;
  if (rc == SQLITE_DONE) return false;
  return db_->LastError("step");
}

Status Stmt::Run() {
  while (true) {
    auto row = Step();
    if (!row) return row.error();
    if (!*row) break;
  }
  sqlite3_reset(stmt_);
  return {};
}

std::string Stmt::Text(int column) const {
  const unsigned char* t = sqlite3_column_text(stmt_, column);
  int n = sqlite3_column_bytes(stmt_, column);
  return t ? std::string(reinterpret_cast<const char*>(t), static_cast<size_t>(n)) : std::string();
}

int64_t Stmt::Int(int column) const { return sqlite3_column_int64(stmt_, column); }
double Stmt::Double(int column) const { return sqlite3_column_double(stmt_, column); }
bool Stmt::IsNull(int column) const { return sqlite3_column_type(stmt_, column) == SQLITE_NULL; }

Result<std::unique_ptr<Db>> Db::Open(const std::string& path, int busy_timeout_ms) {
  sqlite3* raw = nullptr;
  int rc = sqlite3_open_v2(path.c_str(), &raw, SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE | SQLITE_OPEN_NOMUTEX,
                           nullptr);
  std::unique_ptr<Db> db(new Db(raw, path));
  if (rc != SQLITE_OK) return db->LastError("open");
  sqlite3_busy_timeout(raw, busy_timeout_ms);
  sqlite3_extended_result_codes(raw, 1);
  // WAL: readers never block the writer and a crash mid-write cannot corrupt the bank.
  // synchronous=NORMAL is durable across application crashes in WAL mode.
  auto mode = db->Prepare("PRAGMA journal_mode=WAL");
  if (!mode) return mode.error();
  auto row = mode->Step();
  if (!row) return row.error();
  // mmap: a command reads the bank straight from the page cache instead of copying it.
  if (auto st = db->Exec("PRAGMA synchronous=NORMAL; PRAGMA foreign_keys=ON; PRAGMA mmap_size=268435456;"); !st)
    return st.error();
  return db;
}

void Db::Release(sqlite3_stmt* stmt) const {
  sqlite3_reset(stmt);
  sqlite3_clear_bindings(stmt);
  // sqlite3_sql is the text as prepared, the key Prepare looks it up by.
  const char* sql = sqlite3_sql(stmt);
  if (sql == nullptr || cached_.size() >= kMaxCached || !cached_.emplace(sql, stmt).second) sqlite3_finalize(stmt);
}

Db::~Db() {
  for (auto& [sql, stmt] : cached_) sqlite3_finalize(stmt);
  sqlite3_close_v2(db_);
}

Result<Stmt> Db::Prepare(std::string_view sql) const {
  if (auto it = cached_.find(std::string(sql)); it != cached_.end()) {
    sqlite3_stmt* stmt = it->second;
    cached_.erase(it);
    return Stmt(this, stmt);
  }
  sqlite3_stmt* stmt = nullptr;
  if (sqlite3_prepare_v3(db_, sql.data(), static_cast<int>(sql.size()), SQLITE_PREPARE_PERSISTENT, &stmt, nullptr) !=
      SQLITE_OK) {
    return LastError("prepare");
  }
  return Stmt(this, stmt);
}

Status Db::Exec(std::string_view sql) const {
  std::string s(sql);
  if (sqlite3_exec(db_, s.c_str(), nullptr, nullptr, nullptr) != SQLITE_OK) return LastError("exec");
  return {};
}

int64_t Db::Changes() const { return sqlite3_changes64(db_); }

Error Db::LastError(std::string_view doing) const {
  int code = db_ ? sqlite3_errcode(db_) : SQLITE_CANTOPEN;
  const char* msg = db_ ? sqlite3_errmsg(db_) : "out of memory";
  switch (code & 0xff) {
    case SQLITE_BUSY:
    case SQLITE_LOCKED:
      return Error{fmt::format("{}: the bank is locked by another rehearse process; try again when it has finished",
                               path_)};
    case SQLITE_NOTADB:
      return Error{fmt::format("{}: not a rehearse bank (not an SQLite database)", path_)};
    case SQLITE_CANTOPEN:
      return Error{fmt::format("{}: cannot open the bank ({})", path_, msg)};
    case SQLITE_READONLY:
      return Error{fmt::format("{}: the bank is read-only ({})", path_, msg)};
    case SQLITE_FULL:
      return Error{fmt::format("{}: the disk is full; nothing was changed", path_)};
    default:
      return Error{fmt::format("{}: database error during {}: {}", path_, doing, msg)};
  }
}

Result<std::unique_ptr<Transaction>> Transaction::Begin(const Db& db) {
  if (auto st = db.Exec("BEGIN IMMEDIATE"); !st) return st.error();
  return std::unique_ptr<Transaction>(new Transaction(db));
}

Transaction::~Transaction() {
  if (!done_) (void)db_.Exec("ROLLBACK");
}

Status Transaction::Commit() {
  REHEARSE_TRY(db_.Exec("COMMIT"));
  done_ = true;
  return {};
}

}  // namespace rehearse
