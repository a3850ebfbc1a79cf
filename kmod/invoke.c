// SPDX-License-Identifier: GPL-2.0
/*
 * wasmkm: calling exported functions of an app without _start (a library
 * or "reactor" module).  Each argument after argv[0] is one call:
 *
 *	"NAME SLOT..."		SLOT: a 64-bit value in hex, one per i32/i64/
 *				f32/f64 parameter (bit patterns), two per v128
 *
 * The calls run in order in one instance (state carries over), and each
 * writes one line to the instance log: "NAME => SLOT..." with the result
 * slots in hex (a reference as 1 or 0: non-null or null).  A trap ends the instance like in any app; a malformed call
 * (unknown export, wrong number of slots, a non-null reference argument)
 * writes "NAME: error ..." and ends it with exit code 2.
 */
#include <linux/kernel.h>
#include <linux/sched.h>
#include <linux/string.h>

#include "wasmkm.h"

#define WASMKM_INVOKE_SLOTS	64

static __printf(2, 3) void wasmkm_invoke_log(struct wasmkm_inst *inst, const char *fmt, ...)
{
	char line[128];
	va_list ap;
	int n;

	va_start(ap, fmt);
	n = vscnprintf(line, sizeof(line), fmt, ap);
	va_end(ap);
	wasmkm_log_append(inst, line, n);
}

static const struct wasmkm_export_func *wasmkm_find_export(const struct wasmkm_app_ops *ops,
							    const char *name, size_t len)
{
	u32 i;

	for (i = 0; i < ops->nexports; i++)
		if (strlen(ops->exports[i].name) == len &&
		    !memcmp(ops->exports[i].name, name, len))
			return &ops->exports[i];
	return NULL;
}

/* Slots a signature part (params or results) takes; -1 on a bad letter. */
static int wasmkm_sig_slots(const char *s, const char *end)
{
	int n = 0;

	for (; s < end; s++) {
		if (!strchr("iIfFre", *s) && *s != 'V')
			return -1;
		n += *s == 'V' ? 2 : 1;
	}
	return n;
}

/* One call; 0 or -EINVAL (reported in the log). */
static int wasmkm_invoke_one(struct wasmkm_inst *inst, const char *call, u64 *slots)
{
	const struct wasmkm_export_func *ex;
	const char *p = call, *colon;
	size_t len = strcspn(call, " ");
	int np, nr, i, n;
	char tok[24];

	ex = wasmkm_find_export(inst->ops, call, len);
	if (!ex) {
		wasmkm_invoke_log(inst, "%.*s: error: no such export\n", (int)len, call);
		return -EINVAL;
	}
	colon = strchr(ex->signature, ':');
	np = colon ? wasmkm_sig_slots(ex->signature, colon) : -1;
	nr = colon ? wasmkm_sig_slots(colon + 1, colon + 1 + strlen(colon + 1)) : -1;
	if (np < 0 || nr < 0 || np > WASMKM_INVOKE_SLOTS || nr > WASMKM_INVOKE_SLOTS) {
		wasmkm_invoke_log(inst, "%s: error: unsupported signature\n", ex->name);
		return -EINVAL;
	}
	memset(slots, 0, WASMKM_INVOKE_SLOTS * sizeof(*slots));
	p += len;
	for (i = 0; i < np; i++) {
		while (*p == ' ')
			p++;
		n = strcspn(p, " ");
		if (!n || n >= sizeof(tok))
			break;
		memcpy(tok, p, n);
		tok[n] = 0;
		if (kstrtou64(tok, 16, &slots[i]))
			break;
		p += n;
	}
	while (*p == ' ')
		p++;
	if (i != np || *p) {
		wasmkm_invoke_log(inst, "%s: error: expected %d argument slots\n", ex->name, np);
		return -EINVAL;
	}
	/* A reference argument would be a kernel pointer: only null is accepted. */
	for (i = 0, n = 0; ex->signature + i < colon; i++) {
		if (strchr("re", ex->signature[i]) && slots[n]) {
			wasmkm_invoke_log(inst, "%s: error: reference arguments must be null\n",
					  ex->name);
			return -EINVAL;
		}
		n += ex->signature[i] == 'V' ? 2 : 1;
	}

	wasmkm_fpu_enter(&inst->ctx);
	ex->thunk(&inst->ctx, slots);	/* a trap does not come back */
	wasmkm_fpu_leave(&inst->ctx);

	/* References print as 1 (non-null) or 0: no kernel addresses in logs. */
	wasmkm_invoke_log(inst, "%s =>", ex->name);
	for (p = colon + 1, i = 0; *p; i += *p++ == 'V' ? 2 : 1) {
		if (strchr("re", *p))
			wasmkm_invoke_log(inst, " %x", slots[i] != 0);
		else if (*p == 'V')
			wasmkm_invoke_log(inst, " %llx %llx", slots[i], slots[i + 1]);
		else
			wasmkm_invoke_log(inst, " %llx", slots[i]);
	}
	wasmkm_invoke_log(inst, "\n");
	return 0;
}

/* Runs outside the FPU section; called by the runner after instantiate. */
void wasmkm_invoke(struct wasmkm_inst *inst)
{
	u64 slots[WASMKM_INVOKE_SLOTS];
	const char *arg = inst->argv;	/* the instance's or the app's */
	u32 i;

	if (!arg || inst->argc < 2)
		return;
	arg += strlen(arg) + 1;	/* argv[0] */
	for (i = 1; i < inst->argc; i++) {
		if (wasmkm_invoke_one(inst, arg, slots))
			wasmkm_end(inst, WASMKM_INST_EXITED, 2, 0, ~0U);
		arg += strlen(arg) + 1;
		cond_resched();
	}
}
