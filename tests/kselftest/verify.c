// SPDX-License-Identifier: GPL-2.0
/*
 * Only the object that was verified gets in: a corrupted, truncated or
 * wrong-ABI object is refused at WASMKM_IOC_LOAD with a reason, an object
 * other than the verified one is refused at finit_module, and in every case
 * nothing stays loaded.
 */
#include <elf.h>

#include "wasmkm_test.h"
#include "kselftest_harness.h"

#define GOOD	WK_APPS "/ret.wko"
#define OTHER	WK_APPS "/exit.wko"
#define BAD	"/tmp/bad.wko"

FIXTURE(verify)
{
	int dev;
	char mods_before[16384];
	char mods_after[16384];
	int apps_before;
	unsigned char *obj;
	size_t obj_len;
	struct wk_app app;
};

static int count_apps(int dev)
{
	static struct wasmkm_app_info apps[WK_MAX_APPS];

	return wk_list_apps(dev, apps, WK_MAX_APPS);
}

static unsigned char *slurp(const char *path, size_t *len)
{
	struct stat st;
	unsigned char *buf;
	int fd = open(path, O_RDONLY);

	if (fd < 0 || fstat(fd, &st))
		return NULL;
	buf = malloc(st.st_size + 1);
	if (!buf || read(fd, buf, st.st_size) != st.st_size) {
		close(fd);
		free(buf);
		return NULL;
	}
	close(fd);
	*len = st.st_size;
	return buf;
}

static int write_file(const char *path, const void *buf, size_t len)
{
	int fd = open(path, O_WRONLY | O_CREAT | O_TRUNC, 0600);
	ssize_t n;

	if (fd < 0)
		return -errno;
	n = write(fd, buf, len);
	close(fd);
	return n == (ssize_t)len ? 0 : -EIO;
}

/* File offset of the app descriptor section, or 0. */
static size_t desc_offset(const unsigned char *obj, size_t len)
{
	const Elf64_Ehdr *eh = (const void *)obj;
	const Elf64_Shdr *sh, *strs;
	unsigned int i;

	if (len < sizeof(*eh) || memcmp(eh->e_ident, ELFMAG, SELFMAG) ||
	    eh->e_ident[EI_CLASS] != ELFCLASS64 ||
	    eh->e_shoff + (size_t)eh->e_shnum * sizeof(*sh) > len ||
	    eh->e_shstrndx >= eh->e_shnum)
		return 0;
	sh = (const void *)(obj + eh->e_shoff);
	strs = &sh[eh->e_shstrndx];
	for (i = 0; i < eh->e_shnum; i++) {
		const char *name = (const char *)obj + strs->sh_offset +
				   sh[i].sh_name;

		if (strs->sh_offset + sh[i].sh_name >= len)
			continue;
		if (!strcmp(name, WASMKM_DESC_SECTION) &&
		    sh[i].sh_offset + sizeof(struct wasmkm_desc) <= len)
			return sh[i].sh_offset;
	}
	return 0;
}

FIXTURE_SETUP(verify)
{
	self->dev = wk_open_dev();
	ASSERT_LE(0, self->dev) TH_LOG("open %s: %s", WASMKM_DEVICE,
				      strerror(-self->dev));
	self->obj = slurp(GOOD, &self->obj_len);
	ASSERT_NE(NULL, self->obj);
	ASSERT_EQ(0, wk_modules(self->mods_before, sizeof(self->mods_before)));
	self->apps_before = count_apps(self->dev);
	ASSERT_LE(0, self->apps_before);
}

FIXTURE_TEARDOWN(verify)
{
	if (self->dev >= 0)
		EXPECT_EQ(0, wk_cleanup(self->dev));
	close(self->dev);
	free(self->obj);
	unlink(BAD);
}

/*
 * LOAD of @path must fail with one of the expected errors and give a
 * reason, and leave no app record and no module behind.
 */
static void expect_refused(struct __test_metadata *_metadata,
			   FIXTURE_DATA(verify) *self, const char *path,
			   int err1, int err2)
{
	int ret = wk_verify(self->dev, path, NULL, NULL, &self->app);

	if (!ret) {
		/* Wrongly accepted: it must at least not attach. */
		TH_LOG("LOAD accepted a bad object (app %u)", self->app.app_id);
		EXPECT_NE(0, wk_attach_fd(self->app.obj_fd, self->app.app_id));
		wk_unload(self->dev, &self->app);
	}
	EXPECT_TRUE(ret == -err1 || ret == -err2)
		TH_LOG("LOAD: %s (want %s)", strerror(-ret), strerror(err1));
	EXPECT_NE(0, self->app.error[0]) TH_LOG("no reason given");
	TH_LOG("refused: %s: %s", strerror(-ret), self->app.error);
	EXPECT_EQ(self->apps_before, count_apps(self->dev));
	ASSERT_EQ(0, wk_modules(self->mods_after, sizeof(self->mods_after)));
	EXPECT_STREQ(self->mods_before, self->mods_after);
}

TEST_F(verify, good_object_loads)
{
	char name[WASMKM_NAME_LEN];

	ASSERT_EQ(0, wk_load(self->dev, GOOD, NULL, NULL, &self->app));
	EXPECT_TRUE(wk_module_loaded(self->app.module_name));
	memcpy(name, self->app.module_name, sizeof(name));
	EXPECT_EQ(0, wk_unload(self->dev, &self->app));
	EXPECT_FALSE(wk_module_loaded(name));
}

TEST_F(verify, flipped_bytes)
{
	size_t pos[] = { 0x5, 0x28, self->obj_len / 3, self->obj_len / 2,
			 self->obj_len - 1, 0 };
	size_t d = desc_offset(self->obj, self->obj_len);
	unsigned int i;

	ASSERT_NE(0, d);
	/* a byte inside the descriptor's app name */
	pos[5] = d + offsetof(struct wasmkm_desc, app_name);
	for (i = 0; i < sizeof(pos) / sizeof(pos[0]); i++) {
		TH_LOG("flipping byte 0x%zx of %zu", pos[i], self->obj_len);
		self->obj[pos[i]] ^= 0x5a;
		ASSERT_EQ(0, write_file(BAD, self->obj, self->obj_len));
		self->obj[pos[i]] ^= 0x5a;
		expect_refused(_metadata, self, BAD, ENOEXEC, EPROTO);
	}
}

TEST_F(verify, truncated)
{
	size_t lens[] = { 0, 16, 64, self->obj_len / 2, self->obj_len - 1 };
	unsigned int i;

	for (i = 0; i < sizeof(lens) / sizeof(lens[0]); i++) {
		TH_LOG("truncated to %zu of %zu bytes", lens[i], self->obj_len);
		ASSERT_EQ(0, write_file(BAD, self->obj, lens[i]));
		expect_refused(_metadata, self, BAD, ENOEXEC, EINVAL);
	}
}

TEST_F(verify, wrong_abi_version)
{
	size_t d = desc_offset(self->obj, self->obj_len);
	struct wasmkm_desc *desc;

	ASSERT_NE(0, d);
	desc = (struct wasmkm_desc *)(self->obj + d);
	ASSERT_EQ(WASMKM_DESC_MAGIC, desc->magic);
	ASSERT_EQ(WASMKM_DESC_VERSION, desc->version);
	/* Patch the version and recompute nothing. */
	desc->version = WASMKM_DESC_VERSION + 1;
	ASSERT_EQ(0, write_file(BAD, self->obj, self->obj_len));
	expect_refused(_metadata, self, BAD, EPROTO, ENOEXEC);
}

TEST_F(verify, bad_magic)
{
	size_t d = desc_offset(self->obj, self->obj_len);

	ASSERT_NE(0, d);
	self->obj[d] ^= 0xff;
	ASSERT_EQ(0, write_file(BAD, self->obj, self->obj_len));
	expect_refused(_metadata, self, BAD, ENOEXEC, EPROTO);
}

TEST_F(verify, not_an_object)
{
	expect_refused(_metadata, self, "/init", ENOEXEC, EINVAL);
	expect_refused(_metadata, self, "/lib/wasmkm/wasmkm.ko", ENOEXEC,
		       EINVAL);
}

/* Verify object A, then hand the kernel object B under A's id. */
TEST_F(verify, other_object_than_verified)
{
	struct wasmkm_app_info info;
	int fd, ret;

	ASSERT_EQ(0, wk_verify(self->dev, GOOD, NULL, NULL, &self->app));
	fd = open(OTHER, O_RDONLY);
	ASSERT_LE(0, fd);
	ret = wk_attach_fd(fd, self->app.app_id);
	close(fd);
	EXPECT_NE(0, ret);
	TH_LOG("finit_module of another object: %s", strerror(-ret));
	ASSERT_EQ(0, wk_app_info(self->dev, self->app.app_id, &info));
	EXPECT_NE(WASMKM_APP_ATTACHED, info.state);
	if (info.state == WASMKM_APP_REFUSED)
		EXPECT_NE(0, info.error[0]);
	TH_LOG("app state %u: %s", info.state, info.error);
	ASSERT_EQ(0, wk_modules(self->mods_after, sizeof(self->mods_after)));
	EXPECT_STREQ(self->mods_before, self->mods_after);
	self->app.module_name[0] = 0;
	EXPECT_EQ(0, wk_unload(self->dev, &self->app));
	EXPECT_EQ(self->apps_before, count_apps(self->dev));
}

/* An app object loaded without (or with a made-up) app id is refused. */
TEST_F(verify, attach_without_verification)
{
	int fd = open(GOOD, O_RDONLY);

	ASSERT_LE(0, fd);
	EXPECT_NE(0, wk_finit_module(fd, ""));
	EXPECT_NE(0, wk_finit_module(fd, "wasmkm_app=999999"));
	close(fd);
	ASSERT_EQ(0, wk_modules(self->mods_after, sizeof(self->mods_after)));
	EXPECT_STREQ(self->mods_before, self->mods_after);
	EXPECT_EQ(self->apps_before, count_apps(self->dev));
}

/* The verified object with another app's id: also refused. */
TEST_F(verify, attach_to_other_app_id)
{
	struct wk_app other;
	int fd;

	ASSERT_EQ(0, wk_verify(self->dev, OTHER, NULL, NULL, &other));
	ASSERT_EQ(0, wk_verify(self->dev, GOOD, NULL, NULL, &self->app));
	/* GOOD's bytes, OTHER's id */
	fd = open(GOOD, O_RDONLY);
	ASSERT_LE(0, fd);
	EXPECT_NE(0, wk_attach_fd(fd, other.app_id));
	close(fd);
	ASSERT_EQ(0, wk_modules(self->mods_after, sizeof(self->mods_after)));
	EXPECT_STREQ(self->mods_before, self->mods_after);
	/* and the right pairing still works afterwards */
	EXPECT_EQ(0, wk_attach_fd(self->app.obj_fd, self->app.app_id));
	EXPECT_TRUE(wk_module_loaded(self->app.module_name));
	EXPECT_EQ(0, wk_unload(self->dev, &self->app));
	other.module_name[0] = 0;
	EXPECT_EQ(0, wk_unload(self->dev, &other));
}

TEST_HARNESS_MAIN
