// SPDX-License-Identifier: GPL-2.0
/*
 * Bad arguments to /dev/wasm return errors, never an oops: bad file
 * descriptors, wrong sizes, garbage pointers, unknown commands, non-zero
 * reserved fields, unknown ids, missing privileges, and random garbage.
 * Nothing may stay loaded afterwards.
 */
#include <sys/mman.h>

#include "wasmkm_test.h"
#include "kselftest_harness.h"

#define GOOD		WK_APPS "/ret.wko"
#define BAD_PTR		((void *)1)
#define KERNEL_PTR	((void *)0xffffffff81000000UL)
#define NO_ID		999999u

static const unsigned long cmds[] = {
	WASMKM_IOC_LOAD, WASMKM_IOC_START, WASMKM_IOC_STOP,
	WASMKM_IOC_UNLOAD, WASMKM_IOC_LIST_APPS, WASMKM_IOC_LIST_INSTS,
	WASMKM_IOC_LOGS, WASMKM_IOC_APP_INFO,
};
#define NCMDS (sizeof(cmds) / sizeof(cmds[0]))

FIXTURE(ioctl)
{
	int dev;
	int obj;
	char mods_before[16384];
	char mods_after[16384];
	/* room for any argument struct, and more */
	union {
		struct wasmkm_load load;
		struct wasmkm_start start;
		struct wasmkm_stop stop;
		struct wasmkm_unload unload;
		struct wasmkm_list list;
		struct wasmkm_logs logs;
		struct wasmkm_app_query query;
		unsigned char bytes[8192];
	} u;
};

FIXTURE_SETUP(ioctl)
{
	self->dev = wk_open_dev();
	ASSERT_LE(0, self->dev) TH_LOG("open %s: %s", WASMKM_DEVICE,
				      strerror(-self->dev));
	self->obj = open(GOOD, O_RDONLY);
	ASSERT_LE(0, self->obj);
	ASSERT_EQ(0, wk_modules(self->mods_before, sizeof(self->mods_before)));
	memset(&self->u, 0, sizeof(self->u));
}

FIXTURE_TEARDOWN(ioctl)
{
	if (self->dev >= 0)
		EXPECT_EQ(0, wk_cleanup(self->dev));
	close(self->obj);
	close(self->dev);
	/* Whatever happened, nothing may have stayed loaded. */
	EXPECT_EQ(0, wk_modules(self->mods_after, sizeof(self->mods_after)));
	EXPECT_STREQ(self->mods_before, self->mods_after);
}

static void init_load(struct wasmkm_load *l, int obj_fd)
{
	memset(l, 0, sizeof(*l));
	l->size = sizeof(*l);
	l->obj_fd = obj_fd;
}

TEST_F(ioctl, not_our_device)
{
	int fd = open("/dev/null", O_RDWR);

	ASSERT_LE(0, fd);
	EXPECT_EQ(-ENOTTY, wk_ioctl(fd, WASMKM_IOC_LIST_APPS, &self->u));
	close(fd);
	EXPECT_EQ(-EBADF, wk_ioctl(-1, WASMKM_IOC_LIST_APPS, &self->u));
}

TEST_F(ioctl, load_bad_object_fd)
{
	int fds[] = { -1, 4096, self->dev, -2, 0 };
	int pipefd[2], dir, wr;
	unsigned int i;
	int ret;

	ASSERT_EQ(0, pipe(pipefd));
	dir = open("/apps", O_RDONLY | O_DIRECTORY);
	ASSERT_LE(0, dir);
	wr = open("/tmp/wronly.wko", O_WRONLY | O_CREAT | O_TRUNC, 0600);
	ASSERT_LE(0, wr);
	fds[3] = pipefd[0];
	fds[4] = dir;
	for (i = 0; i < sizeof(fds) / sizeof(fds[0]); i++) {
		init_load(&self->u.load, fds[i]);
		ret = wk_ioctl(self->dev, WASMKM_IOC_LOAD, &self->u.load);
		EXPECT_NE(0, ret) TH_LOG("LOAD with obj_fd %d accepted", fds[i]);
		TH_LOG("obj_fd %d: %s", fds[i], strerror(-ret));
	}
	init_load(&self->u.load, -1);
	EXPECT_EQ(-EBADF, wk_ioctl(self->dev, WASMKM_IOC_LOAD, &self->u.load));
	init_load(&self->u.load, wr);
	EXPECT_NE(0, wk_ioctl(self->dev, WASMKM_IOC_LOAD, &self->u.load));
	close(pipefd[0]);
	close(pipefd[1]);
	close(dir);
	close(wr);
	unlink("/tmp/wronly.wko");
}

TEST_F(ioctl, zero_and_tiny_size)
{
	unsigned int i, size;

	for (i = 0; i < NCMDS; i++) {
		for (size = 0; size < 4; size++) {
			memset(&self->u, 0, sizeof(self->u));
			self->u.load.size = size;
			EXPECT_NE(0, wk_ioctl(self->dev, cmds[i], &self->u))
				TH_LOG("cmd %#lx size %u", cmds[i], size);
		}
	}
}

TEST_F(ioctl, larger_size_with_nonzero_tail)
{
	unsigned int i;

	for (i = 0; i < NCMDS; i++) {
		memset(&self->u, 0, sizeof(self->u));
		self->u.load.size = 4096;
		self->u.bytes[4000] = 1;
		EXPECT_EQ(-E2BIG, wk_ioctl(self->dev, cmds[i], &self->u))
			TH_LOG("cmd %#lx", cmds[i]);
	}
}

TEST_F(ioctl, huge_size)
{
	size_t len = 0x10000, page = sysconf(_SC_PAGESIZE);
	unsigned int sizes[] = { 0x10000, 0x7fffffff, 0xffffffff };
	unsigned char *buf;
	unsigned int i, j;
	int ret;

	/* 64 KiB of zeroes, then an inaccessible page. */
	buf = mmap(NULL, len + page, PROT_READ | PROT_WRITE,
		   MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
	ASSERT_NE(MAP_FAILED, buf);
	ASSERT_EQ(0, mprotect(buf + len, page, PROT_NONE));
	for (i = 0; i < NCMDS; i++) {
		for (j = 0; j < sizeof(sizes) / sizeof(sizes[0]); j++) {
			unsigned int size = sizes[j];

			memset(buf, 0, len);
			memcpy(buf, &size, sizeof(size));
			/* a non-zero byte the kernel does not know */
			buf[len - 1] = 1;
			ret = wk_ioctl(self->dev, cmds[i], buf);
			EXPECT_TRUE(ret == -E2BIG || ret == -EFAULT ||
				    ret == -EINVAL)
				TH_LOG("cmd %#lx size %#x: %s", cmds[i], size,
				       strerror(-ret));
		}
	}
	munmap(buf, len + page);
}

/* A newer caller's larger struct with a zero tail is fine. */
TEST_F(ioctl, larger_size_zero_tail)
{
	static struct wasmkm_app_info apps[4];

	memset(&self->u, 0, sizeof(self->u));
	self->u.list.size = sizeof(self->u.list) + 64;
	self->u.list.entry_size = sizeof(apps[0]);
	self->u.list.capacity = 4;
	self->u.list.entries = wk_ptr(apps);
	EXPECT_EQ(0, wk_ioctl(self->dev, WASMKM_IOC_LIST_APPS, &self->u));
}

TEST_F(ioctl, garbage_argument_pointer)
{
	void *ptrs[] = { NULL, BAD_PTR, KERNEL_PTR, (void *)-1L };
	unsigned int i, j;

	for (i = 0; i < NCMDS; i++) {
		for (j = 0; j < sizeof(ptrs) / sizeof(ptrs[0]); j++) {
			void *p = ptrs[j];

			EXPECT_EQ(-EFAULT, wk_ioctl(self->dev, cmds[i], p))
				TH_LOG("cmd %#lx arg %p", cmds[i], p);
		}
	}
}

TEST_F(ioctl, load_garbage_embedded_pointers)
{
	struct wasmkm_load *l = &self->u.load;
	static struct wasmkm_app_info apps[WK_MAX_APPS];
	int before = wk_list_apps(self->dev, apps, WK_MAX_APPS);
	void *ptrs[] = { NULL, BAD_PTR, KERNEL_PTR };
	unsigned int j;

	for (j = 0; j < sizeof(ptrs) / sizeof(ptrs[0]); j++) {
		init_load(l, self->obj);
		l->argv = wk_ptr(ptrs[j]);
		l->argv_len = 16;
		EXPECT_EQ(-EFAULT, wk_ioctl(self->dev, WASMKM_IOC_LOAD, l));
		init_load(l, self->obj);
		l->env = wk_ptr(ptrs[j]);
		l->env_len = 16;
		EXPECT_EQ(-EFAULT, wk_ioctl(self->dev, WASMKM_IOC_LOAD, l));
	}
	init_load(l, self->obj);
	l->argv = wk_ptr(self->u.bytes + 4096);
	l->argv_len = WASMKM_ARGS_MAX + 1;
	EXPECT_NE(0, wk_ioctl(self->dev, WASMKM_IOC_LOAD, l));
	init_load(l, self->obj);
	l->env = wk_ptr(self->u.bytes + 4096);
	l->env_len = 0xffffffff;
	EXPECT_NE(0, wk_ioctl(self->dev, WASMKM_IOC_LOAD, l));
	/* None of these may have left a record. */
	EXPECT_EQ(before, wk_list_apps(self->dev, apps, WK_MAX_APPS));
}

TEST_F(ioctl, list_and_logs_garbage_pointers)
{
	const char *argv[] = { "echo", "x", NULL };
	struct wk_app app;
	uint32_t inst;
	struct wasmkm_inst_info info;
	struct wasmkm_app_info ainfo;

	/* Something to list and a log to read. */
	ASSERT_EQ(0, wk_load(self->dev, "echo", argv, NULL, &app));
	ASSERT_EQ(0, wk_start(self->dev, app.app_id, &inst));
	ASSERT_EQ(0, wk_wait_end(self->dev, inst, 30000, &info));

	memset(&self->u, 0, sizeof(self->u));
	self->u.list.size = sizeof(self->u.list);
	self->u.list.entry_size = sizeof(struct wasmkm_inst_info);
	self->u.list.capacity = 16;
	self->u.list.entries = wk_ptr(BAD_PTR);
	EXPECT_EQ(-EFAULT, wk_ioctl(self->dev, WASMKM_IOC_LIST_INSTS, &self->u));
	self->u.list.entries = wk_ptr(KERNEL_PTR);
	EXPECT_EQ(-EFAULT, wk_ioctl(self->dev, WASMKM_IOC_LIST_INSTS, &self->u));
	self->u.list.entry_size = sizeof(struct wasmkm_app_info);
	EXPECT_EQ(-EFAULT, wk_ioctl(self->dev, WASMKM_IOC_LIST_APPS, &self->u));
	/* huge capacity with a small buffer at the end of a mapping */
	self->u.list.entries = wk_ptr(KERNEL_PTR);
	self->u.list.capacity = 0xffffffff;
	EXPECT_NE(0, wk_ioctl(self->dev, WASMKM_IOC_LIST_APPS, &self->u));
	/* absurd entry sizes: an error, or only what fits, never an oops */
	self->u.list.entries = wk_ptr(self->u.bytes + 4096);
	self->u.list.capacity = 1;
	self->u.list.entry_size = 0xffffffff;
	wk_ioctl(self->dev, WASMKM_IOC_LIST_APPS, &self->u);
	self->u.list.entry_size = 1;
	wk_ioctl(self->dev, WASMKM_IOC_LIST_APPS, &self->u);

	memset(&self->u, 0, sizeof(self->u));
	self->u.logs.size = sizeof(self->u.logs);
	self->u.logs.inst_id = inst;
	self->u.logs.buf = wk_ptr(BAD_PTR);
	self->u.logs.buf_len = 64;
	EXPECT_EQ(-EFAULT, wk_ioctl(self->dev, WASMKM_IOC_LOGS, &self->u));
	self->u.logs.buf = wk_ptr(KERNEL_PTR);
	EXPECT_EQ(-EFAULT, wk_ioctl(self->dev, WASMKM_IOC_LOGS, &self->u));
	/* past the end: nothing to read, or an error */
	self->u.logs.pos = ~0ULL;
	self->u.logs.buf = wk_ptr(self->u.bytes + 4096);
	self->u.logs.buf_len = 64;
	if (!wk_ioctl(self->dev, WASMKM_IOC_LOGS, &self->u))
		EXPECT_EQ(0, self->u.logs.len);

	memset(&self->u, 0, sizeof(self->u));
	self->u.query.size = sizeof(self->u.query);
	self->u.query.app_id = app.app_id;
	self->u.query.info = wk_ptr(KERNEL_PTR);
	self->u.query.info_size = sizeof(ainfo);
	EXPECT_EQ(-EFAULT, wk_ioctl(self->dev, WASMKM_IOC_APP_INFO, &self->u));
	/* a huge info_size: an error, or only what the kernel knows */
	self->u.query.info = wk_ptr(&ainfo);
	self->u.query.info_size = 0xffffffff;
	wk_ioctl(self->dev, WASMKM_IOC_APP_INFO, &self->u);

	EXPECT_EQ(0, wk_unload(self->dev, &app));
}

TEST_F(ioctl, unknown_commands)
{
	unsigned long bad[] = {
		_IO(WASMKM_IOC_MAGIC, 0),
		_IOWR(WASMKM_IOC_MAGIC, 9, struct wasmkm_load),
		_IOWR(WASMKM_IOC_MAGIC, 0xff, __u64),
		_IOWR('x', 1, struct wasmkm_load),
		0,
		~0UL,
	};
	unsigned int i;

	for (i = 0; i < sizeof(bad) / sizeof(bad[0]); i++) {
		unsigned long cmd = bad[i];

		EXPECT_EQ(-ENOTTY, wk_ioctl(self->dev, cmd, &self->u))
			TH_LOG("cmd %#lx", cmd);
	}
}

TEST_F(ioctl, nonzero_reserved_fields)
{
	struct wasmkm_load *l = &self->u.load;

	init_load(l, self->obj);
	l->flags = 1;
	EXPECT_EQ(-EINVAL, wk_ioctl(self->dev, WASMKM_IOC_LOAD, l));
	init_load(l, self->obj);
	l->flags = 0x80000000;
	EXPECT_EQ(-EINVAL, wk_ioctl(self->dev, WASMKM_IOC_LOAD, l));
	init_load(l, self->obj);
	l->caps = 1;
	EXPECT_EQ(-EINVAL, wk_ioctl(self->dev, WASMKM_IOC_LOAD, l));
	init_load(l, self->obj);
	l->ncaps = 1;
	EXPECT_EQ(-EFAULT, wk_ioctl(self->dev, WASMKM_IOC_LOAD, l));

	memset(&self->u, 0, sizeof(self->u));
	self->u.start.size = sizeof(self->u.start);
	self->u.start.flags = 4;	/* 1, 2: WASMKM_START_ARGV, WASMKM_START_ENV */
	EXPECT_EQ(-EINVAL, wk_ioctl(self->dev, WASMKM_IOC_START, &self->u));

	memset(&self->u, 0, sizeof(self->u));
	self->u.logs.size = sizeof(self->u.logs);
	self->u.logs.flags = 0x100;
	EXPECT_EQ(-EINVAL, wk_ioctl(self->dev, WASMKM_IOC_LOGS, &self->u));

	memset(&self->u, 0, sizeof(self->u));
	self->u.query.size = sizeof(self->u.query);
	self->u.query.pad = 1;
	EXPECT_EQ(-EINVAL, wk_ioctl(self->dev, WASMKM_IOC_APP_INFO, &self->u));
}

/* Capabilities: each field checked, a reason given, nothing kept. */
TEST_F(ioctl, bad_capabilities)
{
	struct wasmkm_load *l = &self->u.load;
	struct wasmkm_cap caps[WASMKM_CAPS_MAX + 1];
	int file = open("/init", O_RDONLY);
	int dir = open("/tmp", O_PATH | O_DIRECTORY);
	int apps = wk_list_apps(self->dev, NULL, 0);
	struct {
		const char *what;
		unsigned int kind, flags, reserved, ncaps;
		int fd;
		const char *guest;
		int err;
	} cases[] = {
		{ "unknown kind", 7, 0, 0, 1, dir, "/tmp", -EINVAL },
		{ "unknown flag", WASMKM_CAP_FS, 2, 0, 1, dir, "/tmp", -EINVAL },
		{ "reserved set", WASMKM_CAP_FS, 0, 1, 1, dir, "/tmp", -EINVAL },
		{ "empty guest path", WASMKM_CAP_FS, 0, 0, 1, dir, "", -EINVAL },
		{ "bad fd", WASMKM_CAP_FS, 0, 0, 1, -1, "/tmp", -EBADF },
		{ "a file", WASMKM_CAP_FS, 0, 0, 1, file, "/tmp", -ENOTDIR },
		{ "too many", WASMKM_CAP_FS, 0, 0, WASMKM_CAPS_MAX + 1, dir, "/tmp", -E2BIG },
	};
	unsigned int i, k;

	ASSERT_LE(0, file);
	ASSERT_LE(0, dir);
	for (i = 0; i < sizeof(cases) / sizeof(cases[0]); i++) {
		memset(caps, 0, sizeof(caps));
		for (k = 0; k < cases[i].ncaps; k++) {
			caps[k].kind = cases[i].kind;
			caps[k].flags = cases[i].flags;
			caps[k].reserved = cases[i].reserved;
			caps[k].dir_fd = cases[i].fd;
			strcpy(caps[k].guest_path, cases[i].guest);
		}
		init_load(l, self->obj);
		l->caps = wk_ptr(caps);
		l->ncaps = cases[i].ncaps;
		EXPECT_EQ(cases[i].err, wk_ioctl(self->dev, WASMKM_IOC_LOAD, l))
			TH_LOG("%s", cases[i].what);
		EXPECT_NE(0, l->error[0]) TH_LOG("%s: no reason given", cases[i].what);
	}
	/* unterminated guest path */
	memset(caps, 0, sizeof(caps));
	caps[0].kind = WASMKM_CAP_FS;
	caps[0].dir_fd = dir;
	memset(caps[0].guest_path, 'a', sizeof(caps[0].guest_path));
	init_load(l, self->obj);
	l->caps = wk_ptr(caps);
	l->ncaps = 1;
	EXPECT_EQ(-EINVAL, wk_ioctl(self->dev, WASMKM_IOC_LOAD, l));
	EXPECT_EQ(apps, wk_list_apps(self->dev, NULL, 0));
	close(file);
	close(dir);
}

TEST_F(ioctl, unknown_ids)
{
	struct wasmkm_app_info info;
	char buf[64];
	uint32_t inst;

	EXPECT_EQ(-ENOENT, wk_start(self->dev, NO_ID, &inst));
	EXPECT_EQ(-ENOENT, wk_stop(self->dev, NO_ID));
	memset(&self->u, 0, sizeof(self->u));
	self->u.unload.size = sizeof(self->u.unload);
	self->u.unload.app_id = NO_ID;
	EXPECT_EQ(-ENOENT, wk_ioctl(self->dev, WASMKM_IOC_UNLOAD, &self->u));
	EXPECT_EQ(-ENOENT, wk_logs(self->dev, NO_ID, buf, sizeof(buf)));
	EXPECT_EQ(-ENOENT, wk_app_info(self->dev, NO_ID, &info));
}

/* Verified but not attached: no instance can start yet. */
TEST_F(ioctl, start_before_attach)
{
	struct wk_app app;
	uint32_t inst;

	ASSERT_EQ(0, wk_verify(self->dev, GOOD, NULL, NULL, &app));
	EXPECT_EQ(-EAGAIN, wk_start(self->dev, app.app_id, &inst));
	app.module_name[0] = 0;
	EXPECT_EQ(0, wk_unload(self->dev, &app));
}

/* The device is root's only (mode 0600). */
TEST_F(ioctl, unprivileged_open)
{
	pid_t pid = fork();
	int st;

	ASSERT_LE(0, pid);
	if (!pid) {
		int fd;

		if (setgid(65534) || setuid(65534))
			_exit(10);
		fd = open(WASMKM_DEVICE, O_RDWR);
		if (fd >= 0 || errno != EACCES)
			_exit(11);
		_exit(0);
	}
	ASSERT_EQ(pid, waitpid(pid, &st, 0));
	EXPECT_TRUE(WIFEXITED(st));
	EXPECT_EQ(0, WEXITSTATUS(st))
		TH_LOG("10: setuid failed, 11: nobody could open %s",
		       WASMKM_DEVICE);
}

/* Random garbage into every command (fixed seed: reproducible). */
TEST_F(ioctl, random_garbage)
{
	static struct wasmkm_app_info apps[WK_MAX_APPS];
	unsigned int i, j, n;
	uint32_t *w;

	srand(0x5eed);
	for (i = 0; i < 20000; i++) {
		n = rand() % 96;
		w = (uint32_t *)self->u.bytes;
		for (j = 0; j < n / 4 + 1; j++)
			w[j] = rand() * 2654435761u;
		/* a plausible size most of the time */
		if (rand() % 4)
			w[0] = rand() % 256;
		/* and never a real file descriptor for LOAD */
		self->u.load.obj_fd = 1000 + rand() % 1000;
		ioctl(self->dev, cmds[rand() % NCMDS], self->u.bytes);
	}
	/* Still working. */
	EXPECT_LE(0, wk_list_apps(self->dev, apps, WK_MAX_APPS));
}

TEST_HARNESS_MAIN
