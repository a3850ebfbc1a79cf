// SPDX-License-Identifier: GPL-2.0
// wasmctl output: JSON writer, errors, messages.
#include "userspace-cli/output.h"

#include <cstdio>

#include "userspace-cli/format.h"

namespace wasmctl {

GlobalOptions g_opts;

void JsonWriter::Newline() {
  if (!pretty_) return;
  out_ += '\n';
  out_.append(2 * empty_.size(), ' ');
}

void JsonWriter::Value(const std::string& text) {
  if (!after_key_ && !empty_.empty()) {
    if (!empty_.back()) out_ += ',';
    if (!pretty_ && !empty_.back()) out_ += ' ';
    empty_.back() = false;
    Newline();
  }
  after_key_ = false;
  out_ += text;
}

JsonWriter& JsonWriter::Open(char c) {
  Value(std::string(1, c));
  empty_.push_back(true);
  return *this;
}

JsonWriter& JsonWriter::Close(char c) {
  bool was_empty = empty_.empty() || empty_.back();
  if (!empty_.empty()) empty_.pop_back();
  if (!was_empty) Newline();
  out_ += c;
  return *this;
}

JsonWriter& JsonWriter::Key(const std::string& k) {
  Value(JsonString(k) + (pretty_ ? ": " : ": "));
  after_key_ = true;
  return *this;
}

JsonWriter& JsonWriter::String(const std::string& s) {
  Value(JsonString(s));
  return *this;
}

JsonWriter& JsonWriter::Int(int64_t v) {
  Value(std::to_string(v));
  return *this;
}

JsonWriter& JsonWriter::Uint(uint64_t v) {
  Value(std::to_string(v));
  return *this;
}

JsonWriter& JsonWriter::Bool(bool v) {
  Value(v ? "true" : "false");
  return *this;
}

JsonWriter& JsonWriter::Null() {
  Value("null");
  return *this;
}

void PrintJson(const JsonWriter& w) {
  fputs(w.str().c_str(), stdout);
  fputc('\n', stdout);
  fflush(stdout);
}

JsonWriter NewJson() { return JsonWriter(g_opts.pretty); }

namespace {
FailCapture* g_capture = nullptr;
}  // namespace

FailCapture::FailCapture() : saved_(g_opts), outer_(g_capture) {
  g_capture = this;
  g_opts.json = false;
  g_opts.quiet = true;
}

FailCapture::~FailCapture() {
  g_capture = outer_;
  g_opts = saved_;
}

int Fail(const std::string& cmd, const std::string& msg, int status) {
  if (g_capture) {
    g_capture->Set(msg);
    return status;
  }
  std::string line = "wasmctl" + (cmd.empty() ? "" : " " + cmd) + ": " + msg;
  if (g_opts.json) {
    JsonWriter w = NewJson();
    w.BeginObject().Field("error", line).EndObject();
    PrintJson(w);
  } else {
    fflush(stdout);
    fprintf(stderr, "%s\n", line.c_str());
  }
  return status;
}

int UsageError(const char* cmd, const std::string& error) {
  return Fail(cmd, error + " (see wasmctl " + cmd + " --help)", 2);
}

void Note(const std::string& msg) {
  if (g_opts.quiet) return;
  fflush(stdout);
  fprintf(stderr, "%s\n", msg.c_str());
}

void Warn(const std::string& cmd, const std::string& msg) {
  fflush(stdout);
  fprintf(stderr, "wasmctl %s: warning: %s\n", cmd.c_str(), msg.c_str());
}

}  // namespace wasmctl
