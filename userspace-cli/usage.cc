// SPDX-License-Identifier: GPL-2.0
// wasmctl help texts.
#include <cstdio>
#include <cstring>

#include "userspace-cli/commands.h"

namespace wasmctl {
namespace {

struct Usage {
  const char* cmd;
  const char* text;
};

const Usage kUsages[] = {
    {"load",
     "usage: wasmctl load FILE [-m MANIFEST] [--cap fs:HOST[:GUEST][:ro]]...\n"
     "                    [--arg A]... [--env K=V]... [--mem-max SIZE]\n"
     "                    [--no-start] [--wait] [--json] [-v]\n"
     "  Loads an app object (.wko) or a .wasm (compiled with aotc for the running\n"
     "  kernel, cached in $WASMKM_CACHE, /var/cache/wasmkm for root, else\n"
     "  $XDG_CACHE_HOME/wasmkm or ~/.cache/wasmkm) and starts an instance.\n"
     "  The app's argv[0] is its name (the file name without extension).\n"
     "  --cap fs:HOST[:GUEST][:ro]\n"
     "                let the app reach directory HOST, seen as GUEST (default\n"
     "                HOST), read-only with :ro (repeatable); without a grant the\n"
     "                app reaches no file at all.  Files are accessed with the\n"
     "                loading user's credentials.\n"
     "  -m, --manifest FILE\n"
     "                read args, env, caps and mem-max from a TOML file, e.g.\n"
     "                  args = [\"-v\"]\n"
     "                  env = [\"MODE=fast\"]\n"
     "                  caps = [\"fs:/data\", \"fs:/etc/app:/config:ro\"]\n"
     "                  mem-max = \"16M\"\n"
     "                flags override it: --arg replaces args, --env and --cap\n"
     "                replace the entry with the same name or guest path\n"
     "  --arg A       append A to the app's arguments (repeatable)\n"
     "  --env K=V     add K=V to the app's environment (repeatable)\n"
     "  --mem-max SZ  linear memory limit: bytes, K, M, G, or P (64 KiB pages),\n"
     "                rounded up to whole 64 KiB pages, e.g. 64M\n"
     "  --no-start    load only (start later with wasmctl start APP)\n"
     "  --wait        show the instance's output until it ends; exit with its code\n"
     "  --json        print the result as JSON\n"
     "  -v            show the aotc run\n"
     "  Before anything reaches the kernel, an app whose imports the grants cannot\n"
     "  satisfy is refused (see wasmctl inspect).  If the same object is already\n"
     "  loaded, the new app shares its code: only loading new code needs root\n"
     "  (CAP_SYS_MODULE); the app runs as the user who loaded it.\n"},
    {"inspect",
     "usage: wasmctl inspect FILE [--json]\n"
     "  Shows the imports of an app (.wasm or .wko) and the capability each\n"
     "  needs; nothing is loaded.\n"},
    {"start",
     "usage: wasmctl start APP [--wait]\n"
     "  Starts a new instance of loaded app APP (an id from wasmctl list).\n"
     "  --wait  show its output until it ends; exit with its code\n"},
    {"stop",
     "usage: wasmctl stop INST\n"
     "  Stops instance INST and returns when it has ended.\n"},
    {"list",
     "usage: wasmctl list [--json]\n"
     "  Lists apps (id, name, module, state, instances, memory limit) and instances\n"
     "  (id, app, state, exit code or trap, memory, uptime).\n"},
    {"logs",
     "usage: wasmctl logs INST [--follow]\n"
     "  Prints what instance INST wrote to stdout and stderr (the newest 64 KiB);\n"
     "  if it trapped, then the trap and the wasm function (index, name) on stderr.\n"
     "  --follow, -f  keep printing until the instance ends\n"},
    {"unload",
     "usage: wasmctl unload APP\n"
     "  Stops every instance of APP, forgets it and removes its kernel module.\n"},
    {"compile",
     "usage: wasmctl compile FILE.wasm -o FILE.wko [aotc options]\n"
     "  Runs aotc (see aotc --help for the options: --kdir, --arch, --name, ...).\n"},
};

}  // namespace

const char* CommandUsage(const std::string& cmd) {
  for (const Usage& u : kUsages)
    if (cmd == u.cmd) return u.text;
  return nullptr;
}

int UsageError(const char* cmd, const std::string& error) {
  fprintf(stderr, "wasmctl %s: %s\n", cmd, error.c_str());
  if (const char* u = CommandUsage(cmd)) fputs(u, stderr);
  return kExitUsage;
}

}  // namespace wasmctl
