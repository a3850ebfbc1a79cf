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
     "usage: wasmctl load FILE [--name NAME] [-m MANIFEST] [--cap fs:HOST[:GUEST][:ro]]...\n"
     "                    [--arg A]... [--env K=V]... [--mem-max SIZE]\n"
     "                    [--no-start] [--wait [--rm] [--detach]] [-v]\n"
     "                    [--sign-key KEY --sign-cert CERT]\n"
     "  Loads an app object (.wko) or a .wasm (compiled with aotc for the running\n"
     "  kernel, cached in $WASMKM_CACHE, /var/cache/wasmkm for root, else\n"
     "  $XDG_CACHE_HOME/wasmkm or ~/.cache/wasmkm; a cache directory another user\n"
     "  could write is refused) and starts an instance.\n"
     "  The app's argv[0] is the file name without extension.\n"
     "  --name NAME   the app's name in listings and for other commands (default:\n"
     "                the file name without extension); names need not be unique\n"
     "  --cap fs:HOST[:GUEST][:ro]\n"
     "                let the app reach directory HOST, seen as GUEST (default\n"
     "                HOST), read-only with :ro (repeatable, each GUEST once);\n"
     "                without a grant the app reaches no file at all.  Files are\n"
     "                accessed with the loading user's credentials.\n"
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
     "  --wait        copy the app's stdout to stdout and its stderr to stderr\n"
     "                until it ends; exit with its code.  Ctrl-C or SIGTERM stop\n"
     "                the instance (a second one: wasmctl does not wait for it)\n"
     "  --rm          with --wait: unload the app once its instance has ended\n"
     "  --detach      with --wait: Ctrl-C leaves the instance running\n"
     "  -v            show the aotc run\n"
     "  --sign-key KEY --sign-cert CERT\n"
     "                sign the object compiled from a .wasm (aotc --sign-key): for\n"
     "                a kernel that enforces module signatures (Secure Boot);\n"
     "                manifest keys sign-key, sign-cert (Documentation/secure-boot.md)\n"
     "  The app's stdin is empty (reads return end of file): wasmctl does not pass\n"
     "  its own stdin.  An app importing functions wasmkm.ko does not provide is\n"
     "  refused; one that opens files without a grant gets a warning (see wasmctl\n"
     "  inspect).  If the same object is already loaded, the new app shares its\n"
     "  code: only loading new code needs root (CAP_SYS_MODULE); the app runs as\n"
     "  the user who loaded it.  Without aotc on this machine, compile on a build\n"
     "  host (aotc --kdir <this kernel's headers> [--arch arm64]) and load the .wko.\n"},
    {"inspect",
     "usage: wasmctl inspect FILE [-m MANIFEST]\n"
     "  Shows the imports of an app (.wasm or .wko), the capability each needs, and\n"
     "  for a .wko the architecture and kernel release it was built for; nothing is\n"
     "  loaded.  Exits 1 if the app imports what wasmkm.ko does not provide.\n"
     "  -m, --manifest MANIFEST  also the manifest's grants (fs, net, i2c, gpio), each\n"
     "                           with the descriptor the app sees it as\n"},
    {"start",
     "usage: wasmctl start APP [--arg A]... [--env K=V]... [--wait [--rm] [--detach]]\n"
     "                     [--restart no|on-failure|always [--restart-delay MS]\n"
     "                      [--restart-max-delay MS] [--restart-burst N]\n"
     "                      [--restart-interval MS]]\n"
     "  Starts a new instance of loaded app APP (an id or a name, see wasmctl\n"
     "  list), with the arguments and environment it was loaded with.\n"
     "  --arg A    argument (repeatable): this instance's arguments instead of\n"
     "             the app's; argv[0] is the app's name\n"
     "  --env K=V  variable (repeatable): this instance's environment instead of\n"
     "             the app's\n"
     "  --wait    its stdout to stdout, its stderr to stderr until it ends; exit\n"
     "            with its code; Ctrl-C or SIGTERM stop it\n"
     "  --rm      with --wait: unload the app once the instance has ended\n"
     "  --detach  with --wait: Ctrl-C leaves the instance running\n"
     "  --restart POLICY  wasmkm.ko starts a new instance when this one traps or\n"
     "            exits non-zero (on-failure) or ends in any way but a stop\n"
     "            (always), after --restart-delay ms (default 100), doubled each\n"
     "            time up to --restart-max-delay (default 30000), at most\n"
     "            --restart-burst times (default 5) within --restart-interval ms\n"
     "            (default 10000); wasmctl stop or unload ends the restarts\n"},
    {"stop",
     "usage: wasmctl stop INST\n"
     "  Stops running instance INST (an id, or an app name: its running instance)\n"
     "  and returns when it has ended.  An instance that has already ended is an\n"
     "  error (exit 1), unless it was or is to be restarted (--restart): then the\n"
     "  stop ends its restarts for good, and stops the instance that replaced it.\n"},
    {"list",
     "usage: wasmctl list [--running] [--app APP]\n"
     "  Lists apps (id, name, module, state, instances, memory limit) and instances\n"
     "  (id, app, state, exit code or trap, memory, uptime).\n"
     "  --running  only running instances and their apps\n"
     "  --app APP  only app APP and its instances\n"},
    {"logs",
     "usage: wasmctl logs INST [--follow]\n"
     "  Prints what instance INST wrote: its stdout to stdout, its stderr to stderr\n"
     "  (the newest 64 KiB; after a gap, from the next whole line); if it trapped,\n"
     "  then the trap and the wasm function (index, name) on stderr.\n"
     "  --follow, -f  keep printing until the instance ends\n"},
    {"unload",
     "usage: wasmctl unload APP... | --all\n"
     "  Stops every instance of each APP, forgets it and removes its kernel module\n"
     "  (removing the module needs root).  --all: every app (yours, or all for root).\n"},
    {"rm",
     "usage: wasmctl rm [-f] APP...\n"
     "  Unloads apps that have no running instance (-f: stops them first).\n"},
    {"prune",
     "usage: wasmctl prune\n"
     "  Unloads every app of yours (all for root) that has no running instance.\n"},
    {"compile",
     "usage: wasmctl compile FILE.wasm -o FILE.wko [aotc options]\n"
     "  Runs aotc (see aotc --help for the options: --kdir, --arch, --name, ...),\n"
     "  with relative paths resolved first.\n"},
    {"version", "usage: wasmctl version\n  wasmctl's version and the wasmkm ABI it speaks.\n"},
    {"top",
     "usage: wasmctl top [-d SECONDS] [-n COUNT] [--json]\n"
     "  A refreshing table of instances: app, state, CPU % (of one CPU, the\n"
     "  scheduler's accounting of the instance's thread), linear memory, host\n"
     "  calls per second, last trap.  Until Ctrl-C, or COUNT refreshes.\n"
     "  -d SECONDS  between refreshes (default 1, fractions allowed)\n"
     "  --json      one JSON object per refresh, one per line\n"
     "  Needs CAP_BPF and CAP_PERFMON (or root) and tracefs mounted.\n"},
    {"trace",
     "usage: wasmctl trace INST|APP [--app] [-d SECONDS] [--json]\n"
     "  Counts the WASI host calls of an instance, or of every instance of an app\n"
     "  (those running and those started meanwhile), per function, with errors\n"
     "  and a log2 latency histogram, for SECONDS or until Ctrl-C.  A number is\n"
     "  an instance id, a name an app (--app: the number is an app id).\n"
     "  Needs CAP_BPF and CAP_PERFMON (or root) and tracefs mounted.\n"},
    {"apply",
     "usage: wasmctl [--json] apply DIR [--prune] [--dry-run]\n"
     "  Makes the loaded apps what DIR/*.toml declare.  Each manifest is the\n"
     "  load -m format plus file = \"OBJECT\" (a .wasm or .wko, from DIR) and\n"
     "  name (default: the manifest's file name without .toml).  All are read\n"
     "  and checked first: one bad manifest (named with its line and key) and\n"
     "  nothing changes.  Then, by name, one line per app:\n"
     "    start NAME                 loaded and started (not loaded by apply before)\n"
     "    restart NAME (WHAT changed) stopped, unloaded, loaded and started again\n"
     "                               (code, args, env, grants, restart policy,\n"
     "                               memory limit)\n"
     "    keep NAME                  runs as declared: left alone\n"
     "    start NAME (not running)   as declared, but no instance: started\n"
     "    prune NAME                 --prune: apply loaded it, DIR no longer\n"
     "                               declares it: stopped and unloaded\n"
     "  Apps loaded otherwise (wasmctl load) are never touched.  --dry-run\n"
     "  prints the same lines and changes nothing; --json prints an array of\n"
     "  {action, name, reason, manifest, app_id, inst_id, error}.  An action\n"
     "  that fails is reported and the others still run; exit status 1 then.\n"
     "  Documentation/service.md: the wasmkm.service unit applies\n"
     "  /etc/wasmkm/apps.d at boot.\n"},
};

}  // namespace

const char* CommandUsage(const std::string& cmd) {
  for (const Usage& u : kUsages)
    if (cmd == u.cmd) return u.text;
  return nullptr;
}

}  // namespace wasmctl
