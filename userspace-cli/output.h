// SPDX-License-Identifier: GPL-2.0
// What wasmctl prints and where: results on stdout (text, or JSON with
// -j/--json, indented with -p/--pretty), its own messages and errors on
// stderr (none but errors with -q), and in JSON mode errors as
// {"error": "..."} on stdout, as bpftool does.  Every command prints through
// these, so that the rules hold everywhere.
#ifndef WASMCTL_OUTPUT_H_
#define WASMCTL_OUTPUT_H_

#include <cstdint>
#include <string>
#include <vector>

namespace wasmctl {

struct GlobalOptions {
  bool json = false;
  bool pretty = false;
  bool quiet = false;
};
extern GlobalOptions g_opts;

// A small streaming JSON writer: values, arrays and objects, with commas
// and (pretty) indentation placed for the caller.
class JsonWriter {
 public:
  explicit JsonWriter(bool pretty) : pretty_(pretty) {}
  JsonWriter& BeginObject() { return Open('{'); }
  JsonWriter& EndObject() { return Close('}'); }
  JsonWriter& BeginArray() { return Open('['); }
  JsonWriter& EndArray() { return Close(']'); }
  JsonWriter& Key(const std::string& k);
  JsonWriter& String(const std::string& s);
  JsonWriter& Int(int64_t v);
  JsonWriter& Uint(uint64_t v);
  JsonWriter& Bool(bool v);
  JsonWriter& Null();
  // Key and value at once.
  JsonWriter& Field(const std::string& k, const std::string& v) { return Key(k).String(v); }
  JsonWriter& Field(const std::string& k, const char* v) { return Key(k).String(v); }
  JsonWriter& Field(const std::string& k, uint32_t v) { return Key(k).Uint(v); }
  JsonWriter& Field(const std::string& k, uint64_t v) { return Key(k).Uint(v); }
  JsonWriter& Field(const std::string& k, int32_t v) { return Key(k).Int(v); }
  JsonWriter& Field(const std::string& k, bool v) { return Key(k).Bool(v); }
  const std::string& str() const { return out_; }

 private:
  JsonWriter& Open(char c);
  JsonWriter& Close(char c);
  void Value(const std::string& text);
  void Newline();
  bool pretty_;
  bool after_key_ = false;
  std::vector<bool> empty_;  // per open container: nothing in it yet
  std::string out_;
};

// Prints @w's document and a newline on stdout.
void PrintJson(const JsonWriter& w);
// A JsonWriter with the global --pretty setting.
JsonWriter NewJson();

// An error: "wasmctl CMD: MSG" on stderr, or {"error": ...} on stdout in
// JSON mode.  Returns @status.  One line: MSG must say what to do.
int Fail(const std::string& cmd, const std::string& msg, int status = 1);
// A bad command line: like Fail, pointing at the command's --help; status 2.
int UsageError(const char* cmd, const std::string& error);
// wasmctl's own message (progress, "app 3 (greet) loaded, instance 3
// started"), on stderr unless -q; without a prefix, as scripts parse it.
void Note(const std::string& msg);
// A warning: on stderr even with -q.
void Warn(const std::string& cmd, const std::string& msg);

// While one is alive, Fail() keeps its message here instead of printing it
// and Note() is silent: wasmctl apply runs load's and unload's code for
// each app and reports each outcome in its own way.  Warnings still print.
class FailCapture {
 public:
  FailCapture();
  ~FailCapture();
  FailCapture(const FailCapture&) = delete;
  FailCapture& operator=(const FailCapture&) = delete;
  const std::string& message() const { return message_; }
  void Set(const std::string& msg) { message_ = msg; }

 private:
  GlobalOptions saved_;
  FailCapture* outer_;
  std::string message_;
};

}  // namespace wasmctl

#endif  // WASMCTL_OUTPUT_H_
