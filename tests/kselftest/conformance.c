// SPDX-License-Identifier: GPL-2.0
/*
 * The WAT conformance suite (tests/host/codegen/wat) in the kernel: each
 * module is an app object /apps/conf-NAME.wko next to its source
 * /apps/conf-NAME.wat, whose ";; ASSERT" lines say what its exports return.
 *
 * The module has no _start, so wasmkm.ko calls the exports its arguments
 * name, in order, in one instance, and logs each call's result slots
 * (kmod/invoke.c).  A trap ends the instance, so every expected trap gets a
 * run of its own: the calls that return, up to it, then the trapping call,
 * whose kind and function (by name, when the ASSERT gives one) must be the
 * ones the instance reports.  A final run makes every call that returns.
 * Calls that trap have no effects (the suite is written so), so leaving
 * earlier traps out of a run does not change what later calls see.
 */
#include <dirent.h>

#include "wasmkm_test.h"
#include "wat_values.h"
#include "kselftest_harness.h"

#define MAX_ASSERTS	1024
#define MAX_ARGS	16

struct assertion {
	int line;
	char *name;
	char *args[MAX_ARGS];
	int nargs;
	char *expect;
	bool trap;
	uint32_t trap_kind;
	const char *trap_func;	/* NULL: any function */
	char call[512];		/* "NAME SLOT..." for kmod/invoke.c */
};

struct suite {
	char *text;
	struct assertion a[MAX_ASSERTS];
	int n;
};

/* The texts the spec's assert_trap lines use: uapi's list. */
#define TRAP_TEXT(name, number, text)	[WASMKM_TRAP_##name] = text,
static const char *const trap_texts[] = { WASMKM_TRAPS(TRAP_TEXT) };
#undef TRAP_TEXT

static char letter_of(const char *tok)
{
	if (!strncmp(tok, "i32:", 4))
		return 'i';
	if (!strncmp(tok, "i64:", 4))
		return 'I';
	if (!strncmp(tok, "f32:", 4))
		return 'f';
	if (!strncmp(tok, "f64:", 4))
		return 'F';
	if (!strncmp(tok, "v128:", 5))
		return 'V';
	return 'r';
}

/* Parse one ASSERT line into *a; -1 if it cannot be run here. */
static int parse_assert(char *p, int line, struct assertion *a)
{
	char *arrow = strstr(p, "=>"), *tok, *save;
	size_t len;
	int i, k;

	memset(a, 0, sizeof(*a));
	a->line = line;
	if (!arrow)
		return -1;
	*arrow = 0;
	a->expect = arrow + 2;
	while (*a->expect == ' ')
		a->expect++;
	a->expect[strcspn(a->expect, "\r\n")] = 0;
	len = strlen(a->expect);
	while (len && a->expect[len - 1] == ' ')
		a->expect[--len] = 0;
	a->name = strtok_r(p, " ", &save);
	while ((tok = strtok_r(NULL, " \r\n", &save)) && a->nargs < MAX_ARGS)
		a->args[a->nargs++] = tok;
	if (!a->name || !strncmp(a->expect, "exit:", 5))
		return -1;
	if (!strncmp(a->expect, "trap: ", 6)) {
		char *in = strstr(a->expect, " in $");
		size_t tl = in ? (size_t)(in - a->expect - 6) : strlen(a->expect + 6);

		a->trap = true;
		a->trap_func = in ? in + 5 : NULL;
		for (k = 1; k < (int)(sizeof(trap_texts) / sizeof(trap_texts[0])); k++)
			if (strlen(trap_texts[k]) == tl && !strncmp(a->expect + 6, trap_texts[k], tl))
				a->trap_kind = k;
		if (!a->trap_kind)
			return -1;
	}
	len = snprintf(a->call, sizeof(a->call), "%s", a->name);
	for (i = 0; i < a->nargs; i++) {
		const struct wv_shape *sh;
		uint64_t v[2] = { 0, 0 };
		uint32_t nan;
		char t = letter_of(a->args[i]);

		if (wv_parse(a->args[i], t, v, &nan, &sh))
			return -1;
		for (k = 0; k < wv_slots(t); k++)
			len += snprintf(a->call + len, sizeof(a->call) - len, " %" PRIx64, v[k]);
		if (len >= sizeof(a->call))
			return -1;
	}
	return 0;
}

static int load_suite(const char *path, struct suite *s)
{
	char *p, *line;
	int lineno = 0;

	s->n = 0;
	s->text = malloc(1 << 20);
	if (!s->text)
		return -ENOMEM;
	if (wk_read_file(path, s->text, 1 << 20) < 0)
		return -EIO;
	for (line = s->text; line && *line; line = p) {
		p = strchr(line, '\n');
		if (p)
			*p++ = 0;
		lineno++;
		if (strncmp(line, ";; ASSERT ", 10) || s->n >= MAX_ASSERTS)
			continue;
		if (!parse_assert(line + 10, lineno, &s->a[s->n]))
			s->n++;
	}
	return 0;
}

/* Does log line @got ("NAME => SLOT...") match assertion @a's results? */
static bool results_match(const struct assertion *a, const char *got)
{
	char exp[1024], *tok, *save;
	const char *p;
	size_t nl = strlen(a->name);

	if (strncmp(got, a->name, nl) || strncmp(got + nl, " =>", 3))
		return false;
	p = got + nl + 3;
	snprintf(exp, sizeof(exp), "%s", a->expect);
	for (tok = strtok_r(exp, " ", &save); tok; tok = strtok_r(NULL, " ", &save)) {
		char t = letter_of(tok);
		uint64_t v[2] = { 0, 0 };
		int k;

		for (k = 0; k < wv_slots(t); k++) {
			char *end;

			v[k] = strtoull(p, &end, 16);
			if (end == p)
				return false;
			p = end;
		}
		if (!wv_match(tok, t, v))
			return false;
	}
	while (*p == ' ')
		p++;
	return !*p;
}

/*
 * One instance: the returning assertions before index @upto (all of them if
 * @upto is -1), then assertion @upto.  Returns the number of mismatches.
 */
static int run_once(struct __test_metadata *_metadata, int dev, const char *app,
		    const struct suite *s, int upto)
{
	static char log[WASMKM_LOG_SIZE + 1];
	static const char *argv[MAX_ASSERTS + 2];
	static int idx[MAX_ASSERTS + 1];
	struct wasmkm_inst_info info;
	int argc = 0, n = 0, i, bad = 0, ret;
	char *line, *next;

	argv[argc++] = app;
	for (i = 0; i < s->n && (upto < 0 || i <= upto); i++) {
		if (s->a[i].trap && i != upto)
			continue;
		idx[n++] = i;
		argv[argc++] = s->a[i].call;
	}
	argv[argc] = NULL;
	memset(log, 0, sizeof(log));
	ret = wk_run(dev, app, argv, NULL, 120000, &info, log, sizeof(log) - 1);
	if (ret) {
		TH_LOG("%s: run up to line %d: %s", app, upto < 0 ? 0 : s->a[upto].line,
		       strerror(-ret));
		return 1;
	}
	/* one log line per call that returned */
	line = log;
	for (i = 0; i < n; i++) {
		const struct assertion *a = &s->a[idx[i]];

		if (a->trap)
			break;
		next = line ? strchr(line, '\n') : NULL;
		if (next)
			*next++ = 0;
		if (!line || !results_match(a, line)) {
			TH_LOG("%s.wat:%d: %s: expected '%s', got '%s'", app, a->line, a->name,
			       a->expect, line ? line : "(nothing)");
			bad++;
		}
		line = next;
	}
	if (upto >= 0) {
		const struct assertion *a = &s->a[upto];

		if (info.state != WASMKM_INST_TRAPPED || info.trap_kind != a->trap_kind ||
		    info.trap_func == ~0u ||
		    (a->trap_func && strcmp(info.trap_func_name, a->trap_func))) {
			TH_LOG("%s.wat:%d: %s: expected '%s', got state %u trap %u in function %u $%s",
			       app, a->line, a->name, a->expect, info.state, info.trap_kind,
			       info.trap_func, info.trap_func_name);
			bad++;
		}
	} else if (info.state != WASMKM_INST_EXITED || info.exit_code != 0) {
		TH_LOG("%s: ended in state %u, code %d, trap %u in function %u: %s", app,
		       info.state, info.exit_code, info.trap_kind, info.trap_func, log);
		bad++;
	}
	return bad;
}

FIXTURE(conformance)
{
	int dev;
};

FIXTURE_SETUP(conformance)
{
	self->dev = wk_open_dev();
	ASSERT_LE(0, self->dev) TH_LOG("open %s: %s", WASMKM_DEVICE, strerror(-self->dev));
}

FIXTURE_TEARDOWN(conformance)
{
	if (self->dev >= 0)
		EXPECT_EQ(0, wk_cleanup(self->dev));
	close(self->dev);
}

/* Every /apps/conf-*.wat: its returning calls, then each expected trap. */
TEST_F_TIMEOUT(conformance, wat_suite, 1800)
{
	static struct suite s;
	struct dirent *de;
	int files = 0, checks = 0, bad = 0, traps = 0;
	DIR *d = opendir(WK_APPS);

	ASSERT_NE(NULL, d);
	while ((de = readdir(d))) {
		char path[600], app[256];
		size_t len = strlen(de->d_name);
		int i, file_bad;

		if (strncmp(de->d_name, "conf-", 5) || len < 9 ||
		    strcmp(de->d_name + len - 4, ".wat"))
			continue;
		snprintf(app, sizeof(app), "%.*s", (int)(len - 4), de->d_name);
		snprintf(path, sizeof(path), WK_APPS "/%s", de->d_name);
		ASSERT_EQ(0, load_suite(path, &s));
		EXPECT_LT(0, s.n) TH_LOG("%s: no assertions", path);
		file_bad = run_once(_metadata, self->dev, app, &s, -1);
		for (i = 0; i < s.n; i++) {
			if (!s.a[i].trap)
				continue;
			traps++;
			file_bad += run_once(_metadata, self->dev, app, &s, i);
		}
		TH_LOG("%s: %d assertions, %d mismatches", app, s.n, file_bad);
		files++;
		checks += s.n;
		bad += file_bad;
		free(s.text);
	}
	closedir(d);
	TH_LOG("conformance: %d files, %d assertions (%d traps), %d mismatches", files,
	       checks, traps, bad);
	EXPECT_LT(6, files);
	EXPECT_EQ(0, bad);
}

TEST_HARNESS_MAIN
