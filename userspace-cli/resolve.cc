// SPDX-License-Identifier: GPL-2.0
// Resolving APP and INST arguments.
#include "userspace-cli/resolve.h"

#include "userspace-cli/args.h"
#include "userspace-cli/device.h"
#include "userspace-cli/format.h"

namespace wasmctl {
namespace {

bool AllDigits(const std::string& s) {
  if (s.empty()) return false;
  for (char c : s)
    if (c < '0' || c > '9') return false;
  return true;
}

std::string IdList(const std::vector<uint32_t>& ids) {
  std::string s;
  for (uint32_t id : ids) s += (s.empty() ? "" : ", ") + std::to_string(id);
  return s;
}

}  // namespace

bool ValidAppName(const std::string& s) {
  if (s.empty() || s.size() >= WASMKM_NAME_LEN || AllDigits(s)) return false;
  for (char c : s)
    if (!isalnum(static_cast<unsigned char>(c)) && c != '.' && c != '_' && c != '-') return false;
  return true;
}

bool FindApp(const std::vector<wasmkm_app_info>& apps, const std::string& arg, uint32_t* id,
             std::string* error) {
  if (AllDigits(arg)) return ParseId(arg, "app", id, error);
  std::vector<uint32_t> ids;
  for (const wasmkm_app_info& a : apps)
    if (FieldString(a.name, sizeof(a.name)) == arg) ids.push_back(a.app_id);
  if (ids.size() == 1) {
    *id = ids[0];
    return true;
  }
  if (ids.empty())
    *error = "no app named '" + arg.substr(0, 80) + "' (see wasmctl list)";
  else
    *error = "the name '" + arg + "' matches apps " + IdList(ids) + ": give one id";
  return false;
}

bool FindInst(const std::vector<wasmkm_inst_info>& insts, const std::string& arg, uint32_t* id,
              std::string* error) {
  if (AllDigits(arg)) return ParseId(arg, "instance", id, error);
  std::vector<uint32_t> running;
  const wasmkm_inst_info* newest = nullptr;
  for (const wasmkm_inst_info& i : insts) {
    if (FieldString(i.app_name, sizeof(i.app_name)) != arg) continue;
    if (i.state == WASMKM_INST_RUNNING) running.push_back(i.inst_id);
    if (!newest || i.start_ns > newest->start_ns) newest = &i;
  }
  if (running.size() == 1) {
    *id = running[0];
    return true;
  }
  if (running.size() > 1) {
    *error =
        "the name '" + arg + "' matches running instances " + IdList(running) + ": give one id";
    return false;
  }
  if (!newest) {
    *error = "no instance of an app named '" + arg.substr(0, 80) + "' (see wasmctl list)";
    return false;
  }
  *id = newest->inst_id;
  return true;
}

bool ResolveApp(Device* dev, const std::string& arg, uint32_t* id, std::string* error) {
  std::vector<wasmkm_app_info> apps;
  if (!AllDigits(arg)) {
    if (int err = dev->ListApps(&apps)) {
      *error = ErrnoText("listing apps", err);
      return false;
    }
  }
  return FindApp(apps, arg, id, error);
}

bool ResolveInst(Device* dev, const std::string& arg, uint32_t* id, std::string* error) {
  std::vector<wasmkm_inst_info> insts;
  if (!AllDigits(arg)) {
    if (int err = dev->ListInsts(&insts)) {
      *error = ErrnoText("listing instances", err);
      return false;
    }
  }
  return FindInst(insts, arg, id, error);
}

}  // namespace wasmctl
