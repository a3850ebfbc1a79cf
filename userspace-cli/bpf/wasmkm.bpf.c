// SPDX-License-Identifier: GPL-2.0
/*
 * wasmctl top / trace: count the host calls of every instance (top) and,
 * for the instances in "targets", time them per WASI function into log2
 * histograms (trace).  Reads only the wasmkm tracepoint records.
 */
#include <linux/types.h>
#include <linux/bpf.h>
#include <bpf/bpf_helpers.h>

#include "wasmkm_events.h"

char LICENSE[] SEC("license") = "GPL";

/* trace APP: instances of this app that start while tracing (0: none). */
const volatile __u32 target_app;

/*
 * The maps keyed by instance are LRU: instance ids are never reused, so over
 * a long top the oldest (ended) instances make room for new ones.
 */

/* inst_id -> 1: the instances trace times (filled by userspace too). */
struct {
	__uint(type, BPF_MAP_TYPE_LRU_HASH);
	__uint(max_entries, 4096);
	__type(key, __u32);
	__type(value, __u8);
} targets SEC(".maps");

/* inst_id -> host calls since attached (top). */
struct {
	__uint(type, BPF_MAP_TYPE_LRU_HASH);
	__uint(max_entries, 4096);
	__type(key, __u32);
	__type(value, __u64);
} inst_calls SEC(".maps");

/* inst_id -> entry time of its current host call (one thread each). */
struct {
	__uint(type, BPF_MAP_TYPE_LRU_HASH);
	__uint(max_entries, 4096);
	__type(key, __u32);
	__type(value, __u64);
} call_start SEC(".maps");

/* fn -> stats over the targets (trace). */
struct {
	__uint(type, BPF_MAP_TYPE_ARRAY);
	__uint(max_entries, WASMKM_BPF_FN_MAX);
	__type(key, __u32);
	__type(value, struct wasmkm_fn_stats);
} fn_stats SEC(".maps");

static __always_inline __u32 log2_bucket(__u64 v)
{
	__u32 b = 0;

	/* bounded for the verifier: 64 steps at most */
	for (int i = 0; i < 64 && v > 1; i++) {
		v >>= 1;
		b++;
	}
	return b < WASMKM_BPF_BUCKETS ? b : WASMKM_BPF_BUCKETS - 1;
}

SEC("tracepoint/wasmkm/wasmkm_inst_start")
int on_inst_start(struct wasmkm_tp_inst_start *ctx)
{
	__u32 id = ctx->inst_id;
	__u8 one = 1;

	if (target_app && ctx->app_id == target_app)
		bpf_map_update_elem(&targets, &id, &one, BPF_ANY);
	return 0;
}

SEC("tracepoint/wasmkm/wasmkm_hostcall_enter")
int on_hostcall_enter(struct wasmkm_tp_hostcall_enter *ctx)
{
	__u32 id = ctx->inst_id, fn = ctx->fn;
	struct wasmkm_fn_stats *st;
	__u64 one = 1, *n, now;

	n = bpf_map_lookup_elem(&inst_calls, &id);
	if (n)
		__sync_fetch_and_add(n, 1);
	else
		bpf_map_update_elem(&inst_calls, &id, &one, BPF_NOEXIST);
	if (!bpf_map_lookup_elem(&targets, &id))
		return 0;
	/* counted here, so that a call that ends the instance counts too */
	st = bpf_map_lookup_elem(&fn_stats, &fn);
	if (st)
		__sync_fetch_and_add(&st->calls, 1);
	now = bpf_ktime_get_ns();
	bpf_map_update_elem(&call_start, &id, &now, BPF_ANY);
	return 0;
}

SEC("tracepoint/wasmkm/wasmkm_hostcall_exit")
int on_hostcall_exit(struct wasmkm_tp_hostcall_exit *ctx)
{
	__u32 id = ctx->inst_id, fn = ctx->fn;
	struct wasmkm_fn_stats *st;
	__u64 *t, ns;

	t = bpf_map_lookup_elem(&call_start, &id);
	if (!t)
		return 0;
	ns = bpf_ktime_get_ns() - *t;
	bpf_map_delete_elem(&call_start, &id);
	st = bpf_map_lookup_elem(&fn_stats, &fn);
	if (!st)
		return 0;
	if (ctx->err)
		__sync_fetch_and_add(&st->errors, 1);
	__sync_fetch_and_add(&st->total_ns, ns);
	__sync_fetch_and_add(&st->hist[log2_bucket(ns)], 1);
	return 0;
}
