// SPDX-License-Identifier: GPL-2.0
// wasmctl's command line: global options, the command table, and the one
// place where an unexpected exception becomes a one-line error.
#include "userspace-cli/cli.h"

#include <linux/wasmkm.h>

#include <cstdio>
#include <exception>
#include <new>

#include "userspace-cli/commands.h"
#include "userspace-cli/output.h"

#ifndef WASMKM_VERSION
#define WASMKM_VERSION "unknown"
#endif

namespace wasmctl {
namespace {

const char kUsage[] =
    "usage: wasmctl [-j|--json] [-p|--pretty] [-q|--quiet] COMMAND [args]\n"
    "       (wasmctl COMMAND --help for details)\n"
    "\n"
    "  load FILE [--name NAME] [--cap fs:HOST[:GUEST][:ro]]... [-m MANIFEST]\n"
    "            [--cap net:tcp-listen:ADDR:PORT | net:tcp-connect:ADDR:PORT |\n"
    "             net:udp:ADDR:PORT[:PEERADDR:PEERPORT]]...\n"
    "            [--arg A]... [--env K=V]... [--mem-max SIZE] [--no-start]\n"
    "            [--wait [--rm] [--detach]]\n"
    "                          load a .wko or .wasm (compiled and cached) and start it\n"
    "  inspect FILE            an app's imports, the capabilities they need; a .wko's\n"
    "                          architecture and kernel release\n"
    "  start APP [--wait [--rm] [--detach]]\n"
    "                          start a new instance of a loaded app\n"
    "  stop INST               stop a running instance\n"
    "  list [--running] [--app APP]\n"
    "                          apps and instances\n"
    "  logs INST [--follow]    an instance's stdout (to stdout) and stderr (to stderr)\n"
    "  unload APP... | --all   stop their instances and remove their kernel modules\n"
    "  rm [-f] APP...          unload apps that have no running instance (-f: stop them)\n"
    "  prune                   unload every app of yours that has no running instance\n"
    "  compile FILE.wasm -o FILE.wko [aotc options]\n"
    "  version                 wasmctl's version and ABI (also --version)\n"
    "  top [-d S] [-n N]       a live table of instances: CPU %, memory, host calls/s\n"
    "  trace INST|APP [-d S]   host calls per WASI function with latency histograms\n"
    "  apply DIR [--prune] [--dry-run]\n"
    "                          make the loaded apps what DIR/*.toml declare\n"
    "\n"
    "APP and INST are ids or names (see wasmctl list).  Results go to stdout,\n"
    "wasmctl's own messages and errors to stderr (-q: errors only); -j prints\n"
    "results and errors as JSON on stdout, -p indents it.\n"
    "Needs /dev/wasm (wasmkm.ko); loading code not yet loaded needs CAP_SYS_MODULE.\n"
    "exit status: 0 ok, 1 error, 2 bad command line; with --wait the app's exit\n"
    "code, 128+N if it trapped (N: trap kind, 129 unreachable ... 139 out of kernel\n"
    "memory), 143 if stopped, 125 if it could not be instantiated, 130 if wasmctl\n"
    "was interrupted (Ctrl-C: the instance is stopped unless --detach).\n";

struct Command {
  const char* name;
  int (*fn)(const Args&);
};

const Command kCommands[] = {
    {"load", CmdLoad},       {"start", CmdStart},     {"stop", CmdStop},       {"list", CmdList},
    {"logs", CmdLogs},       {"unload", CmdUnload},   {"rm", CmdRm},           {"prune", CmdPrune},
    {"compile", CmdCompile}, {"inspect", CmdInspect}, {"version", CmdVersion}, {"top", CmdTop},
    {"trace", CmdTrace},     {"apply", CmdApply},
};

int Dispatch(const std::vector<std::string>& argv) {
  size_t i = 0;
  for (; i < argv.size(); i++) {
    const std::string& a = argv[i];
    if (a == "-j" || a == "--json") {
      g_opts.json = true;
    } else if (a == "-p" || a == "--pretty") {
      g_opts.json = g_opts.pretty = true;
    } else if (a == "-q" || a == "--quiet") {
      g_opts.quiet = true;
    } else if (a == "--version" || a == "-V") {
      return CmdVersion({});
    } else if (a == "-h" || a == "--help" || a == "help") {
      if (i + 1 < argv.size() && CommandUsage(argv[i + 1])) {
        fputs(CommandUsage(argv[i + 1]), stdout);
        return 0;
      }
      fputs(kUsage, stdout);
      return 0;
    } else {
      break;
    }
  }
  if (i == argv.size()) return Fail("", "no command given (wasmctl --help lists them)", kExitUsage);
  std::string cmd = argv[i];
  Args args(argv.begin() + long(i) + 1, argv.end());
  for (const Command& c : kCommands)
    if (cmd == c.name) return c.fn(args);
  if (cmd[0] == '-')
    return Fail("", "unknown option " + cmd.substr(0, 80) + " (wasmctl --help lists them)",
                kExitUsage);
  return Fail("", "unknown command '" + cmd.substr(0, 80) + "' (wasmctl --help lists them)",
              kExitUsage);
}

}  // namespace

int CmdVersion(const Args& args) {
  if (!args.empty()) return UsageError("version", "takes no arguments");
  if (g_opts.json) {
    JsonWriter w = NewJson();
    w.BeginObject().Field("version", WASMKM_VERSION).Field("abi", uint32_t(WASMKM_ABI_VERSION));
    PrintJson(w.EndObject());
  } else {
    printf("wasmctl %s (wasmkm ABI %d)\n", WASMKM_VERSION, WASMKM_ABI_VERSION);
  }
  return 0;
}

int Run(const std::vector<std::string>& argv) {
  g_opts = GlobalOptions{};
  try {
    return Dispatch(argv);
  } catch (const std::bad_alloc&) {
    return Fail("", "out of memory (an argument or file too large?)");
  } catch (const std::exception& e) {
    // A bug: say so in one line rather than abort.
    return Fail("", std::string("internal error: ") + e.what() + " (please report it)");
  }
}

}  // namespace wasmctl
