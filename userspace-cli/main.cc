// SPDX-License-Identifier: GPL-2.0
// wasmctl: load, start, stop, inspect and unload wasmkm apps.
#include <cstdio>
#include <cstring>
#include <string>

#include "userspace-cli/commands.h"

namespace {

const char kUsage[] =
    "usage: wasmctl COMMAND [args]   (wasmctl COMMAND --help for details)\n"
    "\n"
    "  load FILE [--cap fs:HOST[:GUEST][:ro]]... [-m MANIFEST] [--arg A]... [--env K=V]...\n"
    "            [--mem-max SIZE] [--no-start] [--wait] [--json]\n"
    "                          load a .wko or .wasm (compiled and cached) and start it\n"
    "  inspect FILE [--json]   an app's imports and the capabilities they need\n"
    "  start APP [--wait]      start a new instance of a loaded app\n"
    "  stop INST               stop an instance\n"
    "  list [--json]           apps and instances\n"
    "  logs INST [--follow]    an instance's stdout/stderr\n"
    "  unload APP              stop its instances and remove its kernel module\n"
    "  compile FILE.wasm -o FILE.wko [aotc options]\n"
    "\n"
    "Needs /dev/wasm (wasmkm.ko); loading code not yet loaded needs CAP_SYS_MODULE.\n"
    "exit status: 0 ok, 1 error, 2 bad command line; with --wait the app's exit\n"
    "code, 128+N if it trapped (N: trap kind, 129 unreachable ... 139 out of kernel\n"
    "memory), 143 if stopped, 125 if it could not be instantiated.\n";

struct Command {
  const char* name;
  int (*fn)(const wasmctl::Args&);
};

const Command kCommands[] = {
    {"load", wasmctl::CmdLoad},       {"start", wasmctl::CmdStart},
    {"stop", wasmctl::CmdStop},       {"list", wasmctl::CmdList},
    {"logs", wasmctl::CmdLogs},       {"unload", wasmctl::CmdUnload},
    {"compile", wasmctl::CmdCompile}, {"inspect", wasmctl::CmdInspect},
};

}  // namespace

int main(int argc, char** argv) {
  if (argc < 2) {
    fputs(kUsage, stderr);
    return wasmctl::kExitUsage;
  }
  std::string cmd = argv[1];
  if (cmd == "-h" || cmd == "--help" || cmd == "help") {
    if (argc > 2 && wasmctl::CommandUsage(argv[2])) {
      fputs(wasmctl::CommandUsage(argv[2]), stdout);
      return 0;
    }
    fputs(kUsage, stdout);
    return 0;
  }
  wasmctl::Args args(argv + 2, argv + argc);
  for (const Command& c : kCommands)
    if (cmd == c.name) return c.fn(args);
  fprintf(stderr, "wasmctl: unknown command '%s'\n%s", cmd.c_str(), kUsage);
  return wasmctl::kExitUsage;
}
