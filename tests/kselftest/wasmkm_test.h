/* SPDX-License-Identifier: GPL-2.0 */
/*
 * Helpers shared by the wasmkm kselftests: the /dev/wasm ioctls, the module
 * syscalls and a few file utilities.  They run inside the QEMU guest as
 * root, with wasmkm.ko loaded and the test app objects in WK_APPS.
 *
 * Every function returns 0 or a negative errno, so that a test can
 * ASSERT_EQ(0, ...) and print what went wrong.
 */
#ifndef _WASMKM_TEST_H
#define _WASMKM_TEST_H

#include <errno.h>
#include <fcntl.h>
#include <signal.h>
#include <stdarg.h>
#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>
#include <sys/ioctl.h>
#include <sys/stat.h>
#include <sys/syscall.h>
#include <sys/wait.h>

#include <linux/wasmkm.h>
#include <linux/wasmkm_object.h>

#define WK_APPS		"/apps"
#define WK_MAX_INSTS	256
#define WK_MAX_APPS	256
/* A module parameter of wasmkm.ko. */
#define WK_PARAM(name)	"/sys/module/wasmkm/parameters/" name

static inline uint64_t wk_ptr(const void *p)
{
	return (uint64_t)(uintptr_t)p;
}

static inline uint64_t wk_now_ms(void)
{
	struct timespec ts;

	clock_gettime(CLOCK_MONOTONIC, &ts);
	return (uint64_t)ts.tv_sec * 1000 + ts.tv_nsec / 1000000;
}

static inline void wk_sleep_ms(unsigned int ms)
{
	struct timespec ts = { ms / 1000, (long)(ms % 1000) * 1000000 };

	while (nanosleep(&ts, &ts) && errno == EINTR)
		;
}

static inline int wk_open_dev(void)
{
	int fd = open(WASMKM_DEVICE, O_RDWR | O_CLOEXEC);

	return fd < 0 ? -errno : fd;
}

static inline int wk_ioctl(int dev, unsigned long cmd, void *arg)
{
	return ioctl(dev, cmd, arg) < 0 ? -errno : 0;
}

static inline int wk_finit_module(int fd, const char *params)
{
	return syscall(__NR_finit_module, fd, params, 0) < 0 ? -errno : 0;
}

static inline int wk_delete_module(const char *name, unsigned int flags)
{
	return syscall(__NR_delete_module, name, flags) < 0 ? -errno : 0;
}

/* Pack a NULL-terminated list of strings as NUL-separated bytes. */
static inline size_t wk_pack(char *buf, size_t size, const char *const *list)
{
	size_t len = 0, n;

	for (; list && *list; list++) {
		n = strlen(*list) + 1;
		if (len + n > size)
			abort();
		memcpy(buf + len, *list, n);
		len += n;
	}
	return len;
}

/* An app as a test sees it. */
struct wk_app {
	uint32_t app_id;
	int obj_fd;
	char module_name[WASMKM_NAME_LEN];
	char error[WASMKM_ERROR_LEN];
};

/*
 * WASMKM_IOC_LOAD of an object file (a path, or WK_APPS/<name>.wko when
 * @name has no '/'), with argv (argv[0] first), env and @ncaps grants.
 * Keeps the object fd open for wk_attach().
 */
static inline int wk_verify_caps(int dev, const char *name, const char *const *argv,
				 const char *const *env, const struct wasmkm_cap *caps,
				 uint32_t ncaps, struct wk_app *app)
{
	static char abuf[WASMKM_ARGS_MAX], ebuf[WASMKM_ARGS_MAX];
	struct wasmkm_load load;
	char path[512];
	int ret;

	memset(app, 0, sizeof(*app));
	app->obj_fd = -1;
	if (strchr(name, '/'))
		snprintf(path, sizeof(path), "%s", name);
	else
		snprintf(path, sizeof(path), WK_APPS "/%s.wko", name);
	app->obj_fd = open(path, O_RDONLY | O_CLOEXEC);
	if (app->obj_fd < 0)
		return -errno;

	memset(&load, 0, sizeof(load));
	load.size = sizeof(load);
	load.obj_fd = app->obj_fd;
	load.argv = wk_ptr(abuf);
	load.argv_len = wk_pack(abuf, sizeof(abuf), argv);
	load.env = wk_ptr(ebuf);
	load.env_len = wk_pack(ebuf, sizeof(ebuf), env);
	load.caps = wk_ptr(caps);
	load.ncaps = ncaps;
	ret = wk_ioctl(dev, WASMKM_IOC_LOAD, &load);
	memcpy(app->error, load.error, sizeof(app->error));
	app->error[sizeof(app->error) - 1] = 0;
	if (ret) {
		close(app->obj_fd);
		app->obj_fd = -1;
		return ret;
	}
	app->app_id = load.app_id;
	memcpy(app->module_name, load.module_name, sizeof(app->module_name));
	app->module_name[sizeof(app->module_name) - 1] = 0;
	return 0;
}

static inline int wk_verify(int dev, const char *name, const char *const *argv,
			    const char *const *env, struct wk_app *app)
{
	return wk_verify_caps(dev, name, argv, env, NULL, 0, app);
}

/* finit_module(@fd, "wasmkm_app=<app_id>"). */
static inline int wk_attach_fd(int fd, uint32_t app_id)
{
	char params[64];

	snprintf(params, sizeof(params), "wasmkm_app=%u", app_id);
	return wk_finit_module(fd, params);
}

/* Verify and attach: what "wasmctl load" does before starting. */
static inline int wk_load_caps(int dev, const char *name, const char *const *argv,
			       const char *const *env, const struct wasmkm_cap *caps,
			       uint32_t ncaps, struct wk_app *app)
{
	int ret = wk_verify_caps(dev, name, argv, env, caps, ncaps, app);

	if (ret)
		return ret;
	ret = wk_attach_fd(app->obj_fd, app->app_id);
	if (ret) {
		struct wasmkm_unload u = { sizeof(u), app->app_id };

		wk_ioctl(dev, WASMKM_IOC_UNLOAD, &u);
	}
	close(app->obj_fd);
	app->obj_fd = -1;
	return ret;
}

static inline int wk_load(int dev, const char *name, const char *const *argv,
			  const char *const *env, struct wk_app *app)
{
	return wk_load_caps(dev, name, argv, env, NULL, 0, app);
}

/* Forget the app and remove its object module (what "wasmctl unload" does). */
static inline int wk_unload(int dev, struct wk_app *app)
{
	struct wasmkm_unload u = { sizeof(u), app->app_id };
	int ret, i;

	if (app->obj_fd >= 0) {
		close(app->obj_fd);
		app->obj_fd = -1;
	}
	ret = wk_ioctl(dev, WASMKM_IOC_UNLOAD, &u);
	if (ret)
		return ret;
	if (!app->module_name[0])
		return 0;
	/* The last instance reference may drop just after UNLOAD returns. */
	for (i = 0; i < 100; i++) {
		ret = wk_delete_module(app->module_name, O_NONBLOCK);
		if (ret != -EWOULDBLOCK && ret != -EBUSY)
			break;
		wk_sleep_ms(20);
	}
	return ret;
}

static inline int wk_start(int dev, uint32_t app_id, uint32_t *inst_id)
{
	struct wasmkm_start s = { .size = sizeof(s), .app_id = app_id };
	int ret = wk_ioctl(dev, WASMKM_IOC_START, &s);

	if (!ret)
		*inst_id = s.inst_id;
	return ret;
}

static inline int wk_stop(int dev, uint32_t inst_id)
{
	struct wasmkm_stop s = { sizeof(s), inst_id };

	return wk_ioctl(dev, WASMKM_IOC_STOP, &s);
}

/* All instances; returns the count or a negative errno. */
static inline int wk_list_insts(int dev, struct wasmkm_inst_info *infos,
				unsigned int capacity)
{
	struct wasmkm_list l = {
		.size = sizeof(l),
		.entry_size = sizeof(*infos),
		.capacity = capacity,
		.entries = wk_ptr(infos),
	};
	int ret = wk_ioctl(dev, WASMKM_IOC_LIST_INSTS, &l);

	return ret ? ret : (int)l.count;
}

static inline int wk_list_apps(int dev, struct wasmkm_app_info *infos,
			       unsigned int capacity)
{
	struct wasmkm_list l = {
		.size = sizeof(l),
		.entry_size = sizeof(*infos),
		.capacity = capacity,
		.entries = wk_ptr(infos),
	};
	int ret = wk_ioctl(dev, WASMKM_IOC_LIST_APPS, &l);

	return ret ? ret : (int)l.count;
}

static inline int wk_inst_info(int dev, uint32_t inst_id,
			       struct wasmkm_inst_info *info)
{
	static struct wasmkm_inst_info all[WK_MAX_INSTS];
	int n, i;

	n = wk_list_insts(dev, all, WK_MAX_INSTS);
	if (n < 0)
		return n;
	if (n > WK_MAX_INSTS)
		n = WK_MAX_INSTS;
	for (i = 0; i < n; i++) {
		if (all[i].inst_id == inst_id) {
			*info = all[i];
			return 0;
		}
	}
	return -ENOENT;
}

static inline int wk_app_info(int dev, uint32_t app_id,
			      struct wasmkm_app_info *info)
{
	struct wasmkm_app_query q = {
		.size = sizeof(q),
		.app_id = app_id,
		.info = wk_ptr(info),
		.info_size = sizeof(*info),
	};

	memset(info, 0, sizeof(*info));
	return wk_ioctl(dev, WASMKM_IOC_APP_INFO, &q);
}

/* Wait until the instance is no longer running; -ETIMEDOUT after @ms. */
static inline int wk_wait_end(int dev, uint32_t inst_id, unsigned int ms,
			      struct wasmkm_inst_info *info)
{
	uint64_t end = wk_now_ms() + ms;
	int ret;

	for (;;) {
		ret = wk_inst_info(dev, inst_id, info);
		if (ret)
			return ret;
		if (info->state != WASMKM_INST_RUNNING)
			return 0;
		if (wk_now_ms() > end)
			return -ETIMEDOUT;
		wk_sleep_ms(10);
	}
}

/* Read an instance's whole log (from byte 0) into @buf, NUL-terminated. */
static inline int wk_logs(int dev, uint32_t inst_id, char *buf, size_t size)
{
	struct wasmkm_logs l;
	size_t len = 0;
	int ret;

	for (;;) {
		memset(&l, 0, sizeof(l));
		l.size = sizeof(l);
		l.inst_id = inst_id;
		l.pos = len;
		l.buf = wk_ptr(buf + len);
		l.buf_len = size - 1 - len;
		ret = wk_ioctl(dev, WASMKM_IOC_LOGS, &l);
		if (ret)
			return ret;
		if (l.dropped)
			return -EOVERFLOW;
		len += l.len;
		if (!l.len || len >= size - 1)
			break;
	}
	buf[len] = 0;
	return (int)len;
}

/* Load, start one instance, wait for its end, read its log. */
static inline int wk_run(int dev, const char *name, const char *const *argv,
			 const char *const *env, unsigned int ms,
			 struct wasmkm_inst_info *info, char *log, size_t size)
{
	struct wk_app app;
	uint32_t inst = 0;
	int ret;

	ret = wk_load(dev, name, argv, env, &app);
	if (ret)
		return ret;
	ret = wk_start(dev, app.app_id, &inst);
	if (!ret)
		ret = wk_wait_end(dev, inst, ms, info);
	if (!ret && log)
		ret = wk_logs(dev, inst, log, size) < 0 ? -EIO : 0;
	if (ret == -ETIMEDOUT)
		wk_stop(dev, inst);
	if (wk_unload(dev, &app) && !ret)
		ret = -EBUSY;
	return ret;
}

/*
 * Forget every app and remove its object: a test that failed half-way must
 * not leave state behind for the next one.  Returns how many were left.
 */
static inline int wk_cleanup(int dev)
{
	static struct wasmkm_app_info apps[WK_MAX_APPS];
	struct wasmkm_unload u;
	int n, i;

	n = wk_list_apps(dev, apps, WK_MAX_APPS);
	if (n <= 0)
		return n;
	if (n > WK_MAX_APPS)
		n = WK_MAX_APPS;
	/* Apps may share one object: forget them all, then remove the objects. */
	for (i = 0; i < n; i++) {
		memset(&u, 0, sizeof(u));
		u.size = sizeof(u);
		u.app_id = apps[i].app_id;
		wk_ioctl(dev, WASMKM_IOC_UNLOAD, &u);
	}
	for (i = 0; i < n; i++)
		if (apps[i].state == WASMKM_APP_ATTACHED && apps[i].module_name[0])
			wk_delete_module(apps[i].module_name, O_NONBLOCK);
	return n;
}

/* Names of the loaded modules, one per line, as /proc/modules lists them. */
static inline int wk_modules(char *buf, size_t size)
{
	char line[512];
	size_t len = 0;
	FILE *f = fopen("/proc/modules", "r");

	if (!f)
		return -errno;
	buf[0] = 0;
	while (fgets(line, sizeof(line), f)) {
		char *sp = strchr(line, ' ');

		if (sp)
			*sp = 0;
		len += snprintf(buf + len, size - len, "%s\n", line);
		if (len >= size)
			abort();
	}
	fclose(f);
	return 0;
}

static inline bool wk_module_loaded(const char *name)
{
	char mods[16384], pat[WASMKM_NAME_LEN + 2];
	size_t n = strlen(name);

	if (wk_modules(mods, sizeof(mods)))
		return false;
	snprintf(pat, sizeof(pat), "%s\n", name);
	if (!strncmp(mods, pat, n + 1))
		return true;
	snprintf(pat, sizeof(pat), "\n%s", name);
	for (char *p = strstr(mods, pat); p; p = strstr(p + 1, pat))
		if (p[n + 1] == '\n')
			return true;
	return false;
}

/* Read a whole file; returns its length or a negative errno. */
static inline ssize_t wk_read_file(const char *path, char *buf, size_t size)
{
	ssize_t len = 0, n;
	int fd = open(path, O_RDONLY | O_CLOEXEC);

	if (fd < 0)
		return -errno;
	while ((size_t)len < size - 1) {
		n = read(fd, buf + len, size - 1 - len);
		if (n < 0) {
			n = -errno;
			close(fd);
			return n;
		}
		if (!n)
			break;
		len += n;
	}
	close(fd);
	buf[len] = 0;
	return len;
}

/* Write @s to @path (a sysfs or tracefs file), truncating it; 0 or -errno. */
static inline int wk_write_str(const char *path, const char *s)
{
	int fd = open(path, O_WRONLY | O_TRUNC | O_CLOEXEC);
	ssize_t n;

	if (fd < 0)
		return -errno;
	n = write(fd, s, strlen(s));
	close(fd);
	return n == (ssize_t)strlen(s) ? 0 : -EIO;
}

/*
 * wasmctl @args... in the background (as @uid and its gid when nonzero),
 * its stdout to @out and stderr to @err; wk_reap() waits for it.
 */
static inline pid_t wk_spawn_wasmctl(const char *const *args, uid_t uid, const char *out,
				     const char *err)
{
	const char *argv[16] = { "wasmctl" };
	pid_t pid;
	int i;

	for (i = 0; args[i] && i < 14; i++)
		argv[i + 1] = args[i];
	pid = fork();
	if (pid == 0) {
		int o = open(out, O_WRONLY | O_CREAT | O_TRUNC, 0666);
		int e = open(err, O_WRONLY | O_CREAT | O_TRUNC, 0666);

		dup2(o, 1);
		dup2(e, 2);
		if (uid && (setgid(uid) || setuid(uid)))
			_exit(126);
		execvp("wasmctl", (char *const *)argv);
		_exit(127);
	}
	return pid;
}

/* Waits up to @ms for @pid (killed after); its exit status, 128+N for signal N, -1. */
static inline int wk_reap(pid_t pid, unsigned int ms)
{
	uint64_t end = wk_now_ms() + ms;
	int st;

	while (wk_now_ms() < end) {
		if (waitpid(pid, &st, WNOHANG) == pid)
			return WIFEXITED(st) ? WEXITSTATUS(st) : 128 + WTERMSIG(st);
		wk_sleep_ms(20);
	}
	kill(pid, SIGKILL);
	waitpid(pid, &st, 0);
	return -1;
}

/* The newest instance of app @name in @state (0: any); 0 if none.  Its info in @info. */
static inline uint32_t wk_find_inst(int dev, const char *name, uint32_t state,
				    struct wasmkm_inst_info *info)
{
	static struct wasmkm_inst_info all[WK_MAX_INSTS];
	uint32_t best = 0;
	int n, i;

	if (info)
		memset(info, 0, sizeof(*info));
	n = wk_list_insts(dev, all, WK_MAX_INSTS);
	for (i = 0; i < n && i < WK_MAX_INSTS; i++) {
		if (strcmp(all[i].app_name, name) || (state && all[i].state != state))
			continue;
		if (!best || all[i].inst_id > best) {
			best = all[i].inst_id;
			if (info)
				*info = all[i];
		}
	}
	return best;
}

/* Waits up to @ms for the newest instance of @name to be in @state; its id or 0. */
static inline uint32_t wk_wait_inst_state(int dev, const char *name, uint32_t state,
					  unsigned int ms)
{
	struct wasmkm_inst_info info;
	uint64_t end = wk_now_ms() + ms;
	uint32_t id;

	while (wk_now_ms() < end) {
		id = wk_find_inst(dev, name, 0, &info);
		if (id && info.state == state)
			return id;
		wk_sleep_ms(20);
	}
	return 0;
}

/* Run a shell command, capturing its stdout and stderr; returns status. */
static inline int wk_sh(char *out, size_t size, const char *fmt, ...)
{
	char cmd[1024];
	size_t len = 0;
	va_list ap;
	FILE *p;
	int st;

	va_start(ap, fmt);
	vsnprintf(cmd, sizeof(cmd), fmt, ap);
	va_end(ap);
	strncat(cmd, " 2>&1", sizeof(cmd) - strlen(cmd) - 1);
	p = popen(cmd, "r");
	if (!p)
		return -errno;
	if (out && size) {
		len = fread(out, 1, size - 1, p);
		out[len] = 0;
	}
	while (fgetc(p) != EOF)
		;
	st = pclose(p);
	return WIFEXITED(st) ? WEXITSTATUS(st) : 128 + WTERMSIG(st);
}

/* Is there a line in @text that contains both @a and @b? */
/* The first line of @text that starts with @prefix (wasmctl may print
 * warnings before its result line), or @text itself if none does.
 */
static inline const char *wk_line_from(const char *text, const char *prefix)
{
	const char *p = text;

	while (p && *p) {
		if (!strncmp(p, prefix, strlen(prefix)))
			return p;
		p = strchr(p, '\n');
		if (p)
			p++;
	}
	return text;
}

static inline bool wk_line_with(const char *text, const char *a, const char *b)
{
	const char *line = text, *end;
	char buf[1024];
	size_t n;

	while (*line) {
		end = strchr(line, '\n');
		n = end ? (size_t)(end - line) : strlen(line);
		if (n >= sizeof(buf))
			n = sizeof(buf) - 1;
		memcpy(buf, line, n);
		buf[n] = 0;
		if (strstr(buf, a) && strstr(buf, b))
			return true;
		if (!end)
			break;
		line = end + 1;
	}
	return false;
}

#endif /* _WASMKM_TEST_H */
