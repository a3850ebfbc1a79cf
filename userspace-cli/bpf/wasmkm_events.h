/* SPDX-License-Identifier: GPL-2.0 */
/*
 * The records of the wasmkm tracepoints that the BPF program reads, as
 * Documentation/observability.md fixes them (kmod/trace.h defines them):
 * the 8 bytes of common fields, then the event's own fields in order.
 * Being a documented contract of our own module, no CO-RE relocation is
 * needed for them, so the program loads on a kernel without BTF too.
 */
#ifndef WASMKM_BPF_EVENTS_H_
#define WASMKM_BPF_EVENTS_H_

struct wasmkm_tp_common {
  unsigned short type;
  unsigned char flags;
  unsigned char preempt_count;
  int pid;
};

struct wasmkm_tp_hostcall_enter {
  struct wasmkm_tp_common common;
  unsigned int inst_id;
  unsigned int fn;
};

struct wasmkm_tp_hostcall_exit {
  struct wasmkm_tp_common common;
  unsigned int inst_id;
  unsigned int fn;
  int err;
};

struct wasmkm_tp_inst_start {
  struct wasmkm_tp_common common;
  unsigned int inst_id;
  unsigned int app_id;
  int pid;
};

/* Shared with userspace: the maps' keys and values. */
#define WASMKM_BPF_FN_MAX 64  /* > WASMKM_FN_COUNT */
#define WASMKM_BPF_BUCKETS 32 /* log2(ns) buckets */

struct wasmkm_fn_stats {
  unsigned long long calls;
  unsigned long long errors; /* returned a nonzero errno */
  unsigned long long total_ns;
  unsigned long long hist[WASMKM_BPF_BUCKETS];
};

#endif /* WASMKM_BPF_EVENTS_H_ */
