#pragma once
// Result<T>: the value of an operation that can fail in an expected way (bad input,
// not found, a database error), or the Error that says where and what. It has
// std::expected's method names so that it can become an alias for it once the
// toolchain (clang-tidy/clangd 14) can parse C++23.

#include <string>
#include <utility>
#include <variant>

namespace rehearse {

struct Error {
  std::string message;  // "guide.md:412: expected ..." — location first, then what.
};

template <typename T>
class [[nodiscard]] Result {
 public:
  Result(T value) : v_(std::move(value)) {}         // NOLINT: implicit by design
  Result(Error error) : v_(std::move(error)) {}     // NOLINT: implicit by design

  bool has_value() const { return v_.index() == 0; }
  explicit operator bool() const { return has_value(); }

  // REQUIRES: has_value().
  T& value() & { return std::get<0>(v_); }
  const T& value() const& { return std::get<0>(v_); }
  T&& value() && { return std::get<0>(std::move(v_)); }
  T& operator*() & { return value(); }
  const T& operator*() const& { return value(); }
  T&& operator*() && { return std::move(*this).value(); }
  T* operator->() { return &value(); }
  const T* operator->() const { return &value(); }

  // REQUIRES: !has_value().
  const Error& error() const { return std::get<1>(v_); }

 private:
  std::variant<T, Error> v_;
};

// Result<void>: success or an Error.
template <>
class [[nodiscard]] Result<void> {
 public:
  Result() = default;
  Result(Error error) : error_(std::move(error)), ok_(false) {}  // NOLINT: implicit
  bool has_value() const { return ok_; }
  explicit operator bool() const { return ok_; }
  const Error& error() const { return error_; }

 private:
  Error error_;
  bool ok_ = true;
};

using Status = Result<void>;

// Passes an error up: REHEARSE_TRY(status_expr); REHEARSE_TRY_ASSIGN(x, result_expr).
#define REHEARSE_TRY(expr)                        \
  do {                                            \
    auto try_status_ = (expr);                    \
    if (!try_status_) return try_status_.error(); \
  } while (0)

#define REHEARSE_TRY_ASSIGN(var, expr)              \
  auto var##_result_ = (expr);                      \
  if (!var##_result_) return var##_result_.error(); \
  auto var = std::move(*var##_result_)

}  // namespace rehearse
