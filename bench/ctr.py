# SPDX-License-Identifier: GPL-2.0
"""OCI bundles for the container row of the guest benchmark.

Each program (hello, pb) gets a bundle: a minimal rootfs holding only its
static binary, and a config.json as "runc spec" writes it (runc 1.1), with
what "docker run" adds that applies here: no terminal, its own cgroup
(cgroupsPath) and a cgroup namespace.  Namespaces: pid, mount, ipc, uts,
network (loopback only, not even brought up), cgroup.  What differs from
Docker is listed in bench/README.md ("The container row").

bench/guest.sh fills in the process arguments: config.tmpl holds the
placeholder "@ARGS@" and the guest writes config.json from it per launch
(Docker also writes a config.json per container).
"""

import json
import os
import shutil

# The container's cgroup, below the group bench/micro/launch.c makes (-p).
CGROUPS_PATH = "/bench-launch/ctr"
CAPS = ["CAP_AUDIT_WRITE", "CAP_KILL", "CAP_NET_BIND_SERVICE"]


def config():
    """The config.json of "runc spec" (runc 1.1.5), terminal off, args to fill in."""
    return {
        "ociVersion": "1.0.2-dev",
        "process": {
            "terminal": False,
            "user": {"uid": 0, "gid": 0},
            "args": ["@ARGS@"],
            "env": ["PATH=/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin"],
            "cwd": "/",
            "capabilities": {k: CAPS for k in ("bounding", "effective", "permitted", "ambient")},
            "rlimits": [{"type": "RLIMIT_NOFILE", "hard": 1024, "soft": 1024}],
            "noNewPrivileges": True,
        },
        "root": {"path": "rootfs", "readonly": True},
        "hostname": "bench",
        "mounts": [
            {"destination": "/proc", "type": "proc", "source": "proc"},
            {"destination": "/dev", "type": "tmpfs", "source": "tmpfs",
             "options": ["nosuid", "strictatime", "mode=755", "size=65536k"]},
            {"destination": "/dev/pts", "type": "devpts", "source": "devpts",
             "options": ["nosuid", "noexec", "newinstance", "ptmxmode=0666", "mode=0620",
                         "gid=5"]},
            {"destination": "/dev/shm", "type": "tmpfs", "source": "shm",
             "options": ["nosuid", "noexec", "nodev", "mode=1777", "size=65536k"]},
            {"destination": "/dev/mqueue", "type": "mqueue", "source": "mqueue",
             "options": ["nosuid", "noexec", "nodev"]},
            {"destination": "/sys", "type": "sysfs", "source": "sysfs",
             "options": ["nosuid", "noexec", "nodev", "ro"]},
            {"destination": "/sys/fs/cgroup", "type": "cgroup", "source": "cgroup",
             "options": ["nosuid", "noexec", "nodev", "relatime", "ro"]},
        ],
        "linux": {
            "cgroupsPath": CGROUPS_PATH,
            "resources": {"devices": [{"allow": False, "access": "rwm"}]},
            "namespaces": [{"type": t} for t in
                           ("pid", "network", "ipc", "uts", "mount", "cgroup")],
            "maskedPaths": ["/proc/acpi", "/proc/asound", "/proc/kcore", "/proc/keys",
                            "/proc/latency_stats", "/proc/timer_list", "/proc/timer_stats",
                            "/proc/sched_debug", "/sys/firmware", "/proc/scsi"],
            "readonlyPaths": ["/proc/bus", "/proc/fs", "/proc/irq", "/proc/sys",
                              "/proc/sysrq-trigger"],
        },
    }


def make_bundle(parent, name, binary):
    """PARENT/NAME/{config.tmpl, rootfs/NAME}: BINARY as /NAME in the rootfs."""
    d = os.path.join(parent, name)
    rootfs = os.path.join(d, "rootfs")
    os.makedirs(rootfs)
    shutil.copy(binary, os.path.join(rootfs, name))
    with open(os.path.join(d, "config.tmpl"), "w", encoding="utf-8") as f:
        json.dump(config(), f, indent=1)
    return d


def bundle_size(d):
    """Bytes of the bundle: every file of the rootfs and the config."""
    total = 0
    for dirpath, _, files in os.walk(d):
        for f in files:
            total += os.path.getsize(os.path.join(dirpath, f))
    return total
