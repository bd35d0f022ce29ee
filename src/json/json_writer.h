#pragma once
// A streaming JSON writer: what rehearse prints for other programs. Separators are
// placed for the caller; strings are escaped per RFC 8259, and bytes that are not
// UTF-8 become U+FFFD, so the output is always valid JSON.

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

namespace rehearse {

class JsonWriter {
 public:
  JsonWriter& BeginObject() { return Open('{'); }
  JsonWriter& EndObject() { return Close('}'); }
  JsonWriter& BeginArray() { return Open('['); }
  JsonWriter& EndArray() { return Close(']'); }
  // REQUIRES: inside an object, before each value.
  JsonWriter& Key(std::string_view key);
  JsonWriter& String(std::string_view s);
  JsonWriter& Int(int64_t n);
  JsonWriter& Bool(bool b);
  // A number rounded to three decimals, in its shortest form (0.15, 2, 187.5).
  JsonWriter& Number(double d);
  // Already-serialised JSON, written as is. REQUIRES: `json` is one valid value.
  JsonWriter& Raw(std::string_view json);
  JsonWriter& Strings(const std::vector<std::string>& list);

  // Shorthands for a key and its value.
  JsonWriter& Field(std::string_view key, std::string_view s) { return Key(key).String(s); }
  JsonWriter& Field(std::string_view key, const char* s) { return Key(key).String(s); }
  JsonWriter& Field(std::string_view key, int64_t n) { return Key(key).Int(n); }
  JsonWriter& Field(std::string_view key, int n) { return Key(key).Int(n); }
  JsonWriter& Field(std::string_view key, bool b) { return Key(key).Bool(b); }
  JsonWriter& Field(std::string_view key, double d) { return Key(key).Number(d); }
  JsonWriter& Field(std::string_view key, const std::vector<std::string>& list) { return Key(key).Strings(list); }

  void Reserve(size_t bytes) { out_.reserve(bytes); }
  const std::string& str() const { return out_; }

 private:
  JsonWriter& Open(char c);
  JsonWriter& Close(char c);
  void Separate();
  void Escaped(std::string_view s);

  std::string out_;
  std::vector<bool> first_;  // Per open container: no element written yet.
  bool after_key_ = false;
};

}  // namespace rehearse
