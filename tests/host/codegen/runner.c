// SPDX-License-Identifier: GPL-2.0
/*
 * wasm-host-run: runs generated app code on the host through the shim.
 *
 *   wasm-host-run [--env K=V]... [-- ARG...]        run _start (WASI command)
 *   wasm-host-run --invoke NAME [TYPE:VALUE]...     call an export, print results
 *   wasm-host-run --check FILE                      run the ";; ASSERT" lines of FILE
 *   wasm-host-run --calls FILE [MEMOUT]             call "name arg..." lines of FILE in
 *                                                   one instance, print each result and
 *                                                   then a hash of linear memory (and
 *                                                   write the memory to MEMOUT): the fuzzer
 *
 * Values as in tests/include/wat_values.h.  Results print as i32:N i64:N
 * (signed decimal), f32:bits:0x.. f64:bits:0x.. and v128:i32x4:0x..,..; a
 * trap prints "trap: <spec text> in $<function name>" (or "in function N").
 * An expected "trap: <text>" matches that kind in any function.
 * An ASSERT line reads:  ;; ASSERT name arg... => result...   (or => trap: text)
 * An expected f32:nan / f64:nan matches any NaN.
 */
#include <inttypes.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "shim.h"
#include "wat_values.h"
#include APP_CODE

static struct wasmkm_ctx ctx;

static int run_trapping(void (*fn)(struct wasmkm_ctx *, u64 *), u64 *slots, int *how)
{
	/* volatile: live across setjmp */
	volatile int r = setjmp(shim.jb);

	if (r == 0) {
		ctx.stack_limit = (unsigned long)__builtin_frame_address(0) - 4 * 1024 * 1024;
		ctx.yield = 1;
		if (fn)
			fn(&ctx, slots);
		else
			wasmkm_app_ops.run(&ctx);
	}
	*how = r;
	return r;
}

static void instantiate_thunk(struct wasmkm_ctx *c, u64 *slots)
{
	(void)slots;
	wasmkm_app_ops.instantiate(c);
}

static int setup(void)
{
	u64 slots[1];
	int how;

	ctx.mem_size = (u64)WASMKM_APP_MEM_PAGES << 16;
	ctx.mem = calloc(1, ctx.mem_size ? ctx.mem_size : 1);
	shim.mem_max_pages = WASMKM_APP_MEM_MAX_PAGES;
	if (shim.mem_max_pages > 16384)
		shim.mem_max_pages = 16384;	/* 1 GiB is plenty for tests */
	ctx.state = calloc(1, wasmkm_app_ops.state_size ? wasmkm_app_ops.state_size : 1);
	if (run_trapping(instantiate_thunk, slots, &how) == SHIM_TRAPPED) {
		printf("trap: %s (instantiate)\n", shim_trap_text(shim.trap_kind));
		return -1;
	}
	return 0;
}

static const struct wasmkm_export_func *find_export(const char *name)
{
	u32 i;

	for (i = 0; i < wasmkm_app_ops.nexports; i++)
		if (!strcmp(wasmkm_app_ops.exports[i].name, name))
			return &wasmkm_app_ops.exports[i];
	return NULL;
}

/* Invoke; writes the result text into res.  Returns -1 on usage error. */
static int invoke(const char *name, int nargs, char **args, char *res, size_t n)
{
	const struct wasmkm_export_func *ex = find_export(name);
	u64 slots[64] = { 0 };
	const char *sig, *colon;
	int np, i, k, how;

	if (!ex) {
		snprintf(res, n, "no export %s", name);
		return -1;
	}
	sig = ex->signature;
	colon = strchr(sig, ':');
	np = (int)(colon - sig);
	if (np != nargs) {
		snprintf(res, n, "%s takes %d arguments", name, np);
		return -1;
	}
	for (i = 0, k = 0; i < np; i++) {
		const struct wv_shape *sh;
		uint32_t nan;

		if (wv_parse(args[i], sig[i], &slots[k], &nan, &sh)) {
			snprintf(res, n, "bad argument %s", args[i]);
			return -1;
		}
		k += wv_slots(sig[i]);
	}
	if (run_trapping(ex->thunk, slots, &how)) {
		if (how == SHIM_TRAPPED && shim.trap_func < wasmkm_app_ops.nfuncs &&
		    wasmkm_app_ops.func_names[shim.trap_func])
			snprintf(res, n, "trap: %s in $%s", shim_trap_text(shim.trap_kind),
				 wasmkm_app_ops.func_names[shim.trap_func]);
		else if (how == SHIM_TRAPPED)
			snprintf(res, n, "trap: %s in function %u", shim_trap_text(shim.trap_kind),
				 shim.trap_func);
		else
			snprintf(res, n, "exit: %d", shim.exit_code);
		return 0;
	}
	res[0] = 0;
	for (i = 0, k = 0; colon[1 + i]; i++) {
		char buf[128];

		wv_format(colon[1 + i], &slots[k], buf, sizeof(buf));
		k += wv_slots(colon[1 + i]);
		if (i)
			strncat(res, " ", n - strlen(res) - 1);
		strncat(res, buf, n - strlen(res) - 1);
	}
	return 0;
}

/*
 * Does the actual result text match the expected tokens?  Results are
 * re-parsed from their printed form (exact bits) and compared lane by lane
 * with the expected shape, NaN-aware.
 */
static int matches(const char *name, char *expected, const char *actual)
{
	const struct wasmkm_export_func *ex = find_export(name);
	char exp_buf[1024], act_buf[1024];
	char *e, *a, *se, *sa;
	const char *rsig;
	int k = 0;

	/* "trap: TEXT" matches a trap of that kind in any function */
	if (!strncmp(expected, "trap:", 5) && !strstr(expected, " in "))
		return !strncmp(expected, actual, strlen(expected)) &&
		       !strncmp(actual + strlen(expected), " in ", 4);
	if (!strncmp(expected, "trap:", 5) || !strncmp(expected, "exit:", 5) || !ex)
		return !strcmp(expected, actual);
	rsig = strchr(ex->signature, ':') + 1;
	snprintf(exp_buf, sizeof(exp_buf), "%s", expected);
	snprintf(act_buf, sizeof(act_buf), "%s", actual);
	e = strtok_r(exp_buf, " ", &se);
	a = strtok_r(act_buf, " ", &sa);
	while (e && a) {
		const struct wv_shape *sh;
		uint64_t av[2] = { 0, 0 };
		uint32_t anan;

		if (!rsig[k] || wv_parse(a, rsig[k], av, &anan, &sh) || !wv_match(e, rsig[k], av))
			return 0;
		k++;
		e = strtok_r(NULL, " ", &se);
		a = strtok_r(NULL, " ", &sa);
	}
	return !e && !a && !rsig[k];
}

static int check_file(const char *path)
{
	FILE *f = fopen(path, "r");
	char line[2048];
	int pass = 0, fail = 0, lineno = 0;

	if (!f) {
		perror(path);
		return 2;
	}
	while (fgets(line, sizeof(line), f)) {
		char *p = strstr(line, ";; ASSERT ");
		char *arrow, *args[32], *tok, *save, *name, res[1024];
		int nargs = 0;

		lineno++;
		if (!p)
			continue;
		p += 10;
		arrow = strstr(p, "=>");
		if (!arrow) {
			printf("%s:%d: malformed ASSERT\n", path, lineno);
			fail++;
			continue;
		}
		*arrow = 0;
		arrow += 2;
		while (*arrow == ' ')
			arrow++;
		arrow[strcspn(arrow, "\r\n")] = 0;
		while (strlen(arrow) && arrow[strlen(arrow) - 1] == ' ')
			arrow[strlen(arrow) - 1] = 0;
		name = strtok_r(p, " ", &save);
		while ((tok = strtok_r(NULL, " ", &save)) && nargs < 32)
			args[nargs++] = tok;
		if (invoke(name, nargs, args, res, sizeof(res)) == 0 && matches(name, arrow, res)) {
			pass++;
		} else {
			printf("%s:%d: %s: expected '%s', got '%s'\n", path, lineno, name, arrow, res);
			fail++;
		}
	}
	fclose(f);
	printf("checks: %d passed, %d failed\n", pass, fail);
	return fail || !pass ? 1 : 0;
}

/* FNV-1a over the linear memory: the fuzzer compares it with the reference. */
static unsigned long long mem_hash(void)
{
	unsigned long long h = 0xcbf29ce484222325ull;
	u64 i;

	for (i = 0; i < ctx.mem_size; i++)
		h = (h ^ ctx.mem[i]) * 0x100000001b3ull;
	return h;
}

static int calls_file(const char *path, const char *mem_out)
{
	FILE *f = fopen(path, "r");
	char line[2048], res[1024];

	if (!f) {
		perror(path);
		return 2;
	}
	while (fgets(line, sizeof(line), f)) {
		char *args[32], *tok, *save, *name, label[2048];
		int nargs = 0;

		line[strcspn(line, "\r\n")] = 0;
		snprintf(label, sizeof(label), "%s", line);
		label[strcspn(label, " ")] = 0;
		name = strtok_r(line, " ", &save);
		if (!name)
			continue;
		/* "x:HEX": an export name of any bytes (the fuzzer's are random) */
		if (!strncmp(name, "x:", 2)) {
			size_t k, n = strlen(name + 2) / 2;

			for (k = 0; k < n; k++) {
				unsigned int c;

				sscanf(name + 2 + 2 * k, "%2x", &c);
				name[k] = (char)c;
			}
			name[n] = 0;
		}
		while ((tok = strtok_r(NULL, " ", &save)) && nargs < 32)
			args[nargs++] = tok;
		if (invoke(name, nargs, args, res, sizeof(res)))
			printf("%s => error: %s\n", label, res);
		else
			printf("%s => %s\n", label, res);
	}
	fclose(f);
	printf("memory %llu %016llx\n", (unsigned long long)ctx.mem_size, mem_hash());
	f = mem_out ? fopen(mem_out, "w") : NULL;
	if (f) {
		fwrite(ctx.mem, 1, ctx.mem_size, f);
		fclose(f);
	}
	return 0;
}

int main(int argc, char **argv)
{
	static char *envs[64];
	char res[1024];
	int i = 1, how;

	while (i < argc && !strcmp(argv[i], "--env") && i + 1 < argc && shim.envc < 64) {
		envs[shim.envc++] = argv[i + 1];
		i += 2;
	}
	shim.envp = envs;
	shim.yield_stays = getenv("SHIM_TICKS") != NULL;
	if (setup())
		return 100;
	if (i < argc && !strcmp(argv[i], "--check") && i + 1 < argc)
		return check_file(argv[i + 1]);
	if (i < argc && !strcmp(argv[i], "--calls") && i + 1 < argc)
		return calls_file(argv[i + 1], i + 2 < argc ? argv[i + 2] : NULL);
	if (i < argc && !strcmp(argv[i], "--invoke") && i + 1 < argc) {
		if (invoke(argv[i + 1], argc - i - 2, argv + i + 2, res, sizeof(res))) {
			fprintf(stderr, "%s\n", res);
			return 2;
		}
		printf("%s\n", res);
		if (getenv("SHIM_TICKS"))	/* yield-point slow paths taken */
			fprintf(stderr, "ticks %llu\n", (unsigned long long)shim.ticks);
		return 0;
	}
	if (i < argc && !strcmp(argv[i], "--"))
		i++;
	/* WASI argv: a program name, then the rest */
	argv[i - 1] = "app";
	shim.argc = argc - i + 1;
	shim.argv = argv + i - 1;
	if (!wasmkm_app_ops.run) {
		fprintf(stderr, "no _start export\n");
		return 2;
	}
	if (run_trapping(NULL, NULL, &how) == SHIM_TRAPPED) {
		fprintf(stderr, "trap: %s (function %u)\n", shim_trap_text(shim.trap_kind),
			shim.trap_func);
		return 100;
	}
	return how == SHIM_EXITED ? shim.exit_code : 0;
}
