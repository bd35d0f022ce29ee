#include "json/json_writer.h"

#include <cmath>

#include <fmt/format.h>

#include "util/text.h"

namespace rehearse {

void JsonWriter::Separate() {
  if (after_key_) {
    after_key_ = false;
    return;
  }
  if (!first_.empty()) {
    if (!first_.back()) out_ += ',';
    first_.back() = false;
  }
}

JsonWriter& JsonWriter::Open(char c) {
  Separate();
  out_ += c;
  first_.push_back(true);
  return *this;
}

JsonWriter& JsonWriter::Close(char c) {
  out_ += c;
  first_.pop_back();
  return *this;
}

JsonWriter& JsonWriter::Key(std::string_view key) {
  Separate();
  Escaped(key);
  out_ += ':';
  after_key_ = true;
  return *this;
}

JsonWriter& JsonWriter::String(std::string_view s) {
  Separate();
  Escaped(s);
  return *this;
}

JsonWriter& JsonWriter::Int(int64_t n) {
  Separate();
  out_ += std::to_string(n);
  return *this;
}

JsonWriter& JsonWriter::Bool(bool b) {
  Separate();
  out_ += b ? "true" : "false";
  return *this;
}

JsonWriter& JsonWriter::Number(double d) {
  Separate();
  double r = std::round(d * 1000) / 1000;
  out_ += std::isfinite(r) ? fmt::format("{}", r == 0 ? 0.0 : r) : "null";
  return *this;
}

JsonWriter& JsonWriter::Raw(std::string_view json) {
  Separate();
  out_ += json;
  return *this;
}

JsonWriter& JsonWriter::Strings(const std::vector<std::string>& list) {
  BeginArray();
  for (const auto& s : list) String(s);
  return EndArray();
}

void JsonWriter::Escaped(std::string_view s) {
  out_ += '"';
  size_t run = 0;  // Start of the bytes not yet copied.
  size_t i = 0;
  while (i < s.size()) {
    auto c = static_cast<unsigned char>(s[i]);
    if (c >= 0x20 && c < 0x80 && c != '"' && c != '\\') {
      ++i;
      continue;
    }
    if (c >= 0x80) {
      // Validate just this sequence; FindInvalidUtf8 returns 0 if it is ill-formed.
      size_t len = c >= 0xF0 ? 4 : c >= 0xE0 ? 3 : 2;
      if (!FindInvalidUtf8(s.substr(i, len)) && i + len <= s.size()) {
        i += len;
        continue;
      }
      out_.append(s.substr(run, i - run));
      out_ += "\uFFFD";
      run = ++i;
      continue;
    }
    out_.append(s.substr(run, i - run));
    run = ++i;
    switch (c) {
      case '"': out_ += "\\\""; break;
      case '\\': out_ += "\\\\"; break;
      case '\n': out_ += "\\n"; break;
      case '\r': out_ += "\\r"; break;
      case '\t': out_ += "\\t"; break;
      default: out_ += fmt::format("\\u{:04x}", c);
    }
  }
  out_.append(s.substr(run));
  out_ += '"';
}

}  // namespace rehearse
