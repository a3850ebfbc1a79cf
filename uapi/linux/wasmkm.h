/* SPDX-License-Identifier: GPL-2.0 WITH Linux-syscall-note */
/*
 * wasmkm: ioctl ABI of /dev/wasm, shared by wasmkm.ko and userspace.
 *
 * Every argument struct starts with __u32 size = sizeof(struct) as the
 * caller knows it.  The kernel accepts a smaller size from an older caller
 * (missing fields read as zero) and a larger one only if the extra bytes are
 * zero (copy_struct_from_user()).  User pointers are __u64.  Strings in
 * structs are NUL-terminated within their arrays.
 */
#ifndef _UAPI_LINUX_WASMKM_H
#define _UAPI_LINUX_WASMKM_H

#include <linux/ioctl.h>
#include <linux/types.h>

#define WASMKM_ABI_VERSION	1
#define WASMKM_DEVICE		"/dev/wasm"
#define WASMKM_IOC_MAGIC	0xB8

#define WASMKM_NAME_LEN		64	/* app and module names, with NUL */
#define WASMKM_ERROR_LEN	160	/* reason text, with NUL */
#define WASMKM_ARGS_MAX		(64 * 1024)	/* argv or env blob, bytes */
#define WASMKM_CAPS_MAX		32	/* capabilities per app */
#define WASMKM_PATH_LEN		256	/* guest path of a grant, with NUL */
#define WASMKM_SPEC_DIGEST_LEN	32	/* wasmkm_load.spec_digest */

/* Instance states (wasmkm_inst_info.state). */
enum wasmkm_inst_state {
	WASMKM_INST_RUNNING	= 1,
	WASMKM_INST_EXITED	= 2,	/* proc_exit or return from _start */
	WASMKM_INST_TRAPPED	= 3,	/* see trap_kind */
	WASMKM_INST_STOPPED	= 4,	/* WASMKM_IOC_STOP or unload */
	WASMKM_INST_FAILED	= 5,	/* could not instantiate (error text) */
};

/* App states (wasmkm_app_info.state). */
enum wasmkm_app_state {
	WASMKM_APP_VERIFIED	= 1,	/* object checked, waiting for finit_module */
	WASMKM_APP_ATTACHED	= 2,	/* object module loaded and attached */
	WASMKM_APP_REFUSED	= 3,	/* attach refused (error text) */
};

/*
 * Trap kinds, one list: X(NAME, number, text), the text the one the Wasm
 * spec tests use (wasmkm.ko reports it, wasmctl prints it, the tests and the
 * differential fuzzer compare with it).  Expand the list; never copy it.
 */
#define WASMKM_TRAPS(X)							\
	X(UNREACHABLE,		1,	"unreachable")			\
	X(MEM_OOB,		2,	"out of bounds memory access")	\
	X(DIV_ZERO,		3,	"integer divide by zero")	\
	X(INT_OVERFLOW,		4,	"integer overflow")		\
	X(INVALID_CONV,		5,	"invalid conversion to integer") \
	X(UNINIT_ELEM,		6,	"uninitialized element")	\
	X(INDIRECT_TYPE,	7,	"indirect call type mismatch")	\
	X(UNDEF_ELEM,		8,	"undefined element")		\
	X(TABLE_OOB,		9,	"out of bounds table access")	\
	X(STACK,		10,	"call stack exhausted")		\
	X(NO_MEMORY,		11,	"out of kernel memory")

#define WASMKM_TRAP_ENUM_(name, number, text)	WASMKM_TRAP_##name = number,
enum wasmkm_trap_kind {
	WASMKM_TRAP_NONE		= 0,
	WASMKM_TRAPS(WASMKM_TRAP_ENUM_)
	WASMKM_TRAP_KIND_MAX		= 11,
};
#undef WASMKM_TRAP_ENUM_

/* Capability kinds (wasmkm_cap.kind). */
enum wasmkm_cap_kind {
	WASMKM_CAP_FS		= 1,	/* a directory tree, preopened for WASI */
	WASMKM_CAP_NET		= 2,	/* a socket, preopened (struct wasmkm_cap_net) */
	WASMKM_CAP_I2C		= 3,	/* one device on an I2C bus */
	WASMKM_CAP_GPIO		= 4,	/* one GPIO line */
};
#define WASMKM_CAP_RO		1	/* wasmkm_cap.flags: read-only grant */

/* wasmkm_cap_net.type */
enum wasmkm_net_type {
	WASMKM_NET_TCP_LISTEN	= 1,	/* a listener bound to addr */
	WASMKM_NET_TCP_CONNECT	= 2,	/* a connection to addr, made at instance start */
	WASMKM_NET_UDP		= 3,	/* bound to addr; connected to peer if peer.family */
};

/* An IPv4 or IPv6 socket address; port in host byte order. */
struct wasmkm_net_addr {
	__u16 family;			/* AF_INET, AF_INET6 (0: none, for udp's peer) */
	__u16 port;
	__u32 scope_id;			/* IPv6 link-local: interface index */
	__u8 addr[16];			/* AF_INET: the first 4 bytes, network order */
};

/*
 * WASMKM_CAP_NET (Documentation/capabilities.md, "net: grants").  LOAD
 * creates the socket in the caller's network namespace with the caller's
 * credentials: a listener (or UDP socket) is bound then, so a port in use
 * or one the caller may not bind fails the load; a TCP connection is made
 * when each instance starts.  The app sees the socket as descriptor 3 +
 * the grant's index, like a directory grant; fd_prestat_get answers EBADF
 * for it (as wasmtime does), which ends wasi-libc's scan of preopens, so
 * net grants go after the fs grants (wasmctl orders them so).
 */
struct wasmkm_cap_net {
	__u32 type;			/* enum wasmkm_net_type */
	__u32 backlog;			/* TCP_LISTEN: 0 for 128 */
	struct wasmkm_net_addr addr;	/* local (LISTEN, UDP) or remote (CONNECT) */
	struct wasmkm_net_addr peer;	/* UDP only */
};

/*
 * A grant.  WASMKM_CAP_FS: dir_fd is an open directory of the caller (an
 * O_PATH descriptor will do); the app sees it as a WASI preopen named
 * guest_path and reaches nothing outside it.  With WASMKM_CAP_RO every
 * operation that would change the tree is refused.
 *
 * Other kinds put their own struct in the union (a member named after the
 * kind); the struct keeps its size (16 + WASMKM_PATH_LEN bytes) and the
 * offsets of the fs fields, so that older binaries keep working.  Bytes a
 * kind does not use must be 0.
 */
/*
 * WASMKM_CAP_I2C and WASMKM_CAP_GPIO (Documentation/devices.md): only a
 * caller with CAP_SYS_ADMIN in the initial user namespace may grant them
 * (EPERM otherwise); flags, dir_fd and reserved must be 0.  LOAD takes the
 * device (EBUSY: in use; ENODEV: no such adapter or chip) and the app keeps
 * it until it is unloaded.
 */
struct wasmkm_cap_i2c {
	__u32 bus;			/* adapter number: /dev/i2c-<bus> */
	__u16 addr;			/* 7-bit address, 0x08..0x77 */
	__u16 reserved;			/* must be 0 */
};

#define WASMKM_GPIO_CHIP_LEN	32
#define WASMKM_GPIO_OUT		1	/* an output (else an input) */
#define WASMKM_GPIO_EDGE_RISING	2	/* input: events on rising edges */
#define WASMKM_GPIO_EDGE_FALLING 4	/* input: events on falling edges */

struct wasmkm_cap_gpio {
	char chip[WASMKM_GPIO_CHIP_LEN];	/* the chip's label, NUL-terminated */
	__u32 line;			/* offset on the chip */
	__u32 flags;			/* WASMKM_GPIO_* */
};

/* What fd_read gives on an edge grant's descriptor: one event after another. */
struct wasmkm_gpio_event {
	__u64 timestamp_ns;		/* CLOCK_MONOTONIC at the interrupt */
	__u32 seq;			/* 1, 2, ...: a gap counts lost events */
	__u8 rising;			/* 1: rising edge, 0: falling */
	__u8 pad[3];
};

struct wasmkm_cap {
	__u32 kind;			/* enum wasmkm_cap_kind */
	__u32 flags;			/* WASMKM_CAP_RO (fs only) */
	__s32 dir_fd;			/* fs: the directory */
	__u32 reserved;			/* must be 0 */
	union {
		char guest_path[WASMKM_PATH_LEN];	/* fs */
		struct wasmkm_cap_net net;		/* net */
		struct wasmkm_cap_i2c i2c;
		struct wasmkm_cap_gpio gpio;
	};
};
#define WASMKM_CAP_SIZE		(16 + WASMKM_PATH_LEN)

/*
 * WASMKM_IOC_LOAD: verify an app object (.wko) read through obj_fd and
 * record it with its manifest (argv, env, memory limit, capabilities) and
 * the caller's credentials, which the app's file access runs with.
 *
 * If an identical object is already loaded (same descriptor digest), the
 * new app shares its code: it is attached at once and attached is set to
 * 1.  Otherwise the caller loads the same object with
 * finit_module(obj_fd, "wasmkm_app=<app_id>", 0) (which needs
 * CAP_SYS_MODULE); its init attaches to this record only if its descriptor
 * is the one verified here.
 * Errors: EBADF (obj_fd or a capability's dir_fd), ENOEXEC (not an app
 * object: reason in error[]), EPROTO (ABI version), ENOTDIR (a capability
 * is not a directory), EINVAL, E2BIG, EFBIG, EFAULT, ENOMEM.
 */
struct wasmkm_load {
	__u32 size;
	__u32 flags;			/* must be 0 */
	__s32 obj_fd;
	__u32 mem_max_pages;		/* 0: the object's own limit */
	__u64 argv;			/* NUL-separated strings, argv[0] first */
	__u32 argv_len;			/* bytes, <= WASMKM_ARGS_MAX */
	__u32 env_len;			/* bytes, <= WASMKM_ARGS_MAX */
	__u64 env;			/* NUL-separated "KEY=VALUE" strings */
	__u64 caps;			/* user pointer to ncaps struct wasmkm_cap */
	__u32 ncaps;			/* <= WASMKM_CAPS_MAX */
	__u32 app_id;			/* out */
	char module_name[WASMKM_NAME_LEN];	/* out: name for delete_module */
	char error[WASMKM_ERROR_LEN];	/* out: why it was refused */
	__u32 attached;			/* out: 1 if the code was already loaded */
	__u32 pad;
	/*
	 * The app's name (in listings, for wasmctl NAME arguments): letters,
	 * digits, '.', '_', '-'; "" (or an older caller) for the name the
	 * object was compiled with.  Names need not be unique.
	 */
	char name[WASMKM_NAME_LEN];
	/*
	 * A digest of the declaration the app was loaded from, opaque to
	 * wasmkm.ko, reported back in wasmkm_app_info.spec_digest: `wasmctl
	 * apply` sets it to tell the apps it manages (and what they were
	 * declared as) from apps loaded by hand; all zeros (or an older
	 * caller) for none.
	 */
	__u8 spec_digest[WASMKM_SPEC_DIGEST_LEN];
};

/*
 * WASMKM_IOC_START: start a new instance of an attached app.
 *
 * With WASMKM_START_ARGV the instance gets argv instead of the app's, with
 * WASMKM_START_ENV env instead of the app's (each replaces the whole blob).
 * The blobs are as in WASMKM_IOC_LOAD: NUL-separated, argv[0] first (the
 * caller supplies it; wasmctl passes the app's name), at most
 * WASMKM_ARGS_MAX bytes each, length 0 for none.  Without a flag its
 * pointer and length must be 0; an older caller's shorter struct starts the
 * app's argv and env.
 * Errors: ENOENT, EPERM, EAGAIN (not attached), EDQUOT, E2BIG (a blob over
 * WASMKM_ARGS_MAX), EINVAL (unknown flag, a blob not NUL-terminated),
 * EFAULT, ENOMEM.
 */
struct wasmkm_start {
	__u32 size;
	__u32 flags;			/* WASMKM_START_ARGV, WASMKM_START_ENV */
	__u32 app_id;
	__u32 inst_id;			/* out */
	__u64 argv;			/* NUL-separated strings, argv[0] first */
	__u32 argv_len;			/* bytes, <= WASMKM_ARGS_MAX */
	__u32 env_len;			/* bytes, <= WASMKM_ARGS_MAX */
	__u64 env;			/* NUL-separated "KEY=VALUE" strings */
	/*
	 * Restart policy (an older caller's shorter struct: no restarts).
	 * When the instance ends as the policy says, wasmkm.ko starts a new
	 * instance of the app with the same argv and env after a delay:
	 * restart_delay_ms, doubled for each further restart up to
	 * restart_delay_max_ms (back to restart_delay_ms after an instance ran
	 * a whole interval), and at most restart_burst restarts within
	 * restart_interval_ms (then it stops restarting: restart_state
	 * WASMKM_RESTART_LIMIT).  A stop or an unload ends the chain for good.
	 * 0 picks the default of each number; with WASMKM_RESTART_NO all must
	 * be 0.  Errors: EINVAL (unknown policy, a number out of range).
	 */
	__u32 restart;			/* enum wasmkm_restart_policy */
	__u32 restart_burst;		/* 1..1000; 0: 5 */
	__u32 restart_interval_ms;	/* 1..86400000; 0: 10000 */
	__u32 restart_delay_ms;		/* 1..3600000; 0: 100 */
	__u32 restart_delay_max_ms;	/* delay..3600000; 0: 30000 (or delay) */
	__u32 restart_pad;		/* must be 0 */
};
#define WASMKM_START_ARGV	1	/* the instance's own argv */
#define WASMKM_START_ENV	2	/* the instance's own env */

/* Restart policies (wasmkm_start.restart), as systemd's Restart=. */
enum wasmkm_restart_policy {
	WASMKM_RESTART_NO		= 0,
	WASMKM_RESTART_ON_FAILURE	= 1,	/* after a trap, FAILED, exit code != 0 */
	WASMKM_RESTART_ALWAYS		= 2,	/* after any end but a stop */
};

/* What became of an ended instance's restart (wasmkm_inst_info). */
enum wasmkm_restart_state {
	WASMKM_RESTART_NONE		= 0,	/* no policy, or it does not apply */
	WASMKM_RESTART_PENDING		= 1,	/* a restart waits restart_delay_ms */
	WASMKM_RESTART_DONE		= 2,	/* restarted as next_inst_id */
	WASMKM_RESTART_LIMIT		= 3,	/* restart_burst reached: not restarted */
	WASMKM_RESTART_FAILED		= 4,	/* the new instance could not start */
	WASMKM_RESTART_CANCELLED	= 5,	/* a stop or unload ended the chain */
};

/* WASMKM_IOC_STOP: stop an instance; returns when its thread has ended. */
struct wasmkm_stop {
	__u32 size;
	__u32 inst_id;
};

/*
 * WASMKM_IOC_UNLOAD: stop and forget every instance of an app and forget
 * the app.  An attached object stays loaded until delete_module(module_name)
 * (wasmctl unload does both).
 */
struct wasmkm_unload {
	__u32 size;
	__u32 app_id;
};

struct wasmkm_app_info {
	__u32 app_id;
	__u32 state;			/* enum wasmkm_app_state */
	__u32 ninstances;
	__u32 mem_max_pages;
	__u32 uid;			/* the loader's, in the caller's namespace */
	__u32 ncaps;
	__u8 wasm_sha256[32];
	char name[WASMKM_NAME_LEN];
	char module_name[WASMKM_NAME_LEN];
	char error[WASMKM_ERROR_LEN];
	/* wasmkm_load.spec_digest; an older caller's entry ends above */
	__u8 spec_digest[WASMKM_SPEC_DIGEST_LEN];
};

struct wasmkm_inst_info {
	__u32 inst_id;
	__u32 app_id;
	__u32 state;			/* enum wasmkm_inst_state */
	__s32 exit_code;		/* WASMKM_INST_EXITED */
	__u32 trap_kind;		/* WASMKM_INST_TRAPPED */
	__u32 trap_func;		/* wasm function index, ~0 if none */
	__u64 start_ns;			/* CLOCK_MONOTONIC */
	__u64 end_ns;			/* 0 while running */
	__u64 mem_bytes;		/* linear memory size */
	__u64 log_bytes;		/* bytes written to the log so far */
	char app_name[WASMKM_NAME_LEN];
	char trap_func_name[WASMKM_NAME_LEN];
	char error[WASMKM_ERROR_LEN];
	/* CPU time of the instance's thread, as the scheduler accounts it */
	__u64 cpu_ns;
	/* restarts (WASMKM_IOC_START); an older caller's entry ends above */
	__u32 restart;			/* enum wasmkm_restart_policy */
	__u32 restarts;			/* restarts of its chain before it */
	__u32 prev_inst_id;		/* the instance it restarted, 0 if none */
	__u32 prev_state;		/* that one's end: its state, */
	__s32 prev_exit_code;		/* exit code */
	__u32 prev_trap_kind;		/* and trap kind */
	__u32 restart_state;		/* once ended: enum wasmkm_restart_state */
	__u32 restart_delay_ms;		/* PENDING, DONE: the delay before it */
	__u32 next_inst_id;		/* DONE (PENDING: reserved): the new instance */
	__u32 restart_pad;
};

/*
 * WASMKM_IOC_LIST_APPS / WASMKM_IOC_LIST_INSTS: fill up to capacity entries
 * of entry_size bytes each (entry_size may be smaller than the kernel's
 * struct for an older caller); count is set to the number that exist.
 */
struct wasmkm_list {
	__u32 size;
	__u32 entry_size;
	__u32 capacity;
	__u32 count;			/* out */
	__u64 entries;			/* user pointer */
};

/*
 * WASMKM_IOC_LOGS: read an instance's log (stdout and stderr, in order).
 * Bytes are numbered from 0 since the start of the instance; the ring keeps
 * the newest WASMKM_LOG_SIZE bytes.  Reads from pos; returns len bytes and
 * sets next; if pos is older than the ring keeps, reading starts at the
 * oldest byte kept and dropped says how many were skipped.
 *
 * With WASMKM_LOGS_STREAMS a read returns bytes of one stream only (it stops
 * where the app switched between stdout and stderr) and sets stream to the
 * file descriptor they were written to (1 or 2); the kernel remembers the
 * newest WASMKM_LOG_RUNS switches, and bytes before the oldest of them count
 * as dropped.  An older caller (without the flag) reads both streams mixed.
 */
struct wasmkm_logs {
	__u32 size;
	__u32 inst_id;
	__u64 pos;
	__u64 buf;			/* user pointer */
	__u32 buf_len;
	__u32 len;			/* out */
	__u64 next;			/* out */
	__u64 dropped;			/* out */
	__u32 state;			/* out: instance state, to stop following */
	__u32 flags;			/* WASMKM_LOGS_WAIT: block until data or end */
	__u32 stream;			/* out, with WASMKM_LOGS_STREAMS: 1 or 2 */
	__u32 pad;
};
#define WASMKM_LOGS_WAIT	1
#define WASMKM_LOGS_STREAMS	2
#define WASMKM_LOG_SIZE		(64 * 1024)
#define WASMKM_LOG_RUNS		1024	/* stdout/stderr switches remembered */

struct wasmkm_app_query {
	__u32 size;
	__u32 app_id;
	__u64 info;			/* user pointer to struct wasmkm_app_info */
	__u32 info_size;
	__u32 pad;
};

#define WASMKM_IOC_LOAD		_IOWR(WASMKM_IOC_MAGIC, 1, struct wasmkm_load)
#define WASMKM_IOC_START	_IOWR(WASMKM_IOC_MAGIC, 2, struct wasmkm_start)
#define WASMKM_IOC_STOP		_IOW(WASMKM_IOC_MAGIC, 3, struct wasmkm_stop)
#define WASMKM_IOC_UNLOAD	_IOW(WASMKM_IOC_MAGIC, 4, struct wasmkm_unload)
#define WASMKM_IOC_LIST_APPS	_IOWR(WASMKM_IOC_MAGIC, 5, struct wasmkm_list)
#define WASMKM_IOC_LIST_INSTS	_IOWR(WASMKM_IOC_MAGIC, 6, struct wasmkm_list)
#define WASMKM_IOC_LOGS		_IOWR(WASMKM_IOC_MAGIC, 7, struct wasmkm_logs)
#define WASMKM_IOC_APP_INFO	_IOW(WASMKM_IOC_MAGIC, 8, struct wasmkm_app_query)

#endif /* _UAPI_LINUX_WASMKM_H */
