// SPDX-License-Identifier: GPL-2.0
/*
 * Signed app objects (aotc --sign-key, Documentation/secure-boot.md).
 *
 * On every kernel: a signed object passes wasmkm's verifier (the signature
 * trailer is not part of the verified payload) and runs, and a signed
 * object whose ELF was changed is refused by that verifier (its digest).
 * On a kernel that enforces module signatures (module.sig_enforce=1, the
 * debug lane's second boot, whose keyring trusts the key signed.wko was
 * signed with): an unsigned object is refused and wasmctl says that signing
 * is required and how; a changed object whose digest was made to match
 * again but whose signature is another object's, and one whose signature
 * bytes were changed, are refused by the kernel at finit_module().
 *
 * Objects: signed.wko (ret.wat compiled by aotc --sign-key) and ret.wko
 * (unsigned), both from make apps / check-debug.
 */
#include <elf.h>

#include "wasmkm_test.h"
#include "kselftest_harness.h"

#define SIGNED		WK_APPS "/signed.wko"
#define UNSIGNED	WK_APPS "/ret.wko"
#define TMP_OBJ		"/tmp/sign-test.wko"
#define SIG_MAGIC	"~Module signature appended~\n"
#define SIG_INFO_LEN	12	/* struct module_signature */

struct obj {
	unsigned char *buf;
	size_t len;
	size_t payload;		/* bytes before the trailer */
};

static int obj_read(const char *path, struct obj *o)
{
	const size_t mlen = sizeof(SIG_MAGIC) - 1;
	ssize_t n;
	size_t sig_len;
	unsigned char *info;

	memset(o, 0, sizeof(*o));
	o->buf = malloc(16 << 20);
	if (!o->buf)
		return -ENOMEM;
	n = wk_read_file(path, (char *)o->buf, 16 << 20);
	if (n < 0)
		return (int)n;
	o->len = n;
	o->payload = n;
	if (o->len < mlen + SIG_INFO_LEN || memcmp(o->buf + o->len - mlen, SIG_MAGIC, mlen))
		return 0;
	info = o->buf + o->len - mlen - SIG_INFO_LEN;
	sig_len = (size_t)info[8] << 24 | info[9] << 16 | info[10] << 8 | info[11];
	if (info[2] != 2 || sig_len > o->len - mlen - SIG_INFO_LEN)
		return -EBADMSG;
	o->payload = o->len - mlen - SIG_INFO_LEN - sig_len;
	return 0;
}

static int write_parts(const char *path, const void *a, size_t alen, const void *b, size_t blen)
{
	int fd = open(path, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0600);
	int ret = 0;

	if (fd < 0)
		return -errno;
	if (write(fd, a, alen) != (ssize_t)alen || write(fd, b, blen) != (ssize_t)blen)
		ret = -EIO;
	close(fd);
	return ret;
}

static bool sig_enforced(void)
{
	char v[8] = "";

	return wk_read_file("/sys/module/module/parameters/sig_enforce", v, sizeof(v)) > 0 &&
	       v[0] == 'Y';
}

FIXTURE(signing)
{
	int dev;
	struct obj sig;
	struct wk_app app;
	char out[4096];
};

FIXTURE_SETUP(signing)
{
	self->dev = wk_open_dev();
	ASSERT_LE(0, self->dev);
	ASSERT_EQ(0, obj_read(SIGNED, &self->sig));
	ASSERT_LT(self->sig.payload, self->sig.len) TH_LOG("%s is not signed", SIGNED);
}

FIXTURE_TEARDOWN(signing)
{
	free(self->sig.buf);
	wk_cleanup(self->dev);
	unlink(TMP_OBJ);
	close(self->dev);
}

/* The trailer is no part of what wasmkm verifies: a signed object runs. */
TEST_F(signing, signed_runs)
{
	const char *argv[] = { "signed", NULL };
	struct wasmkm_inst_info info;

	ASSERT_EQ(0, wk_run(self->dev, SIGNED, argv, NULL, 30000, &info, NULL, 0));
	EXPECT_EQ(WASMKM_INST_EXITED, info.state);
	EXPECT_EQ(0, info.exit_code);
}

/* A byte of the ELF changed after signing: wasmkm's digest check refuses it. */
TEST_F(signing, changed_elf_refused_by_verifier)
{
	const char *argv[] = { "signed", NULL };

	/* The first section's bytes, right after the ELF header. */
	self->sig.buf[sizeof(Elf64_Ehdr)] ^= 0x20;
	ASSERT_EQ(0, write_parts(TMP_OBJ, self->sig.buf, self->sig.len, "", 0));
	EXPECT_EQ(-ENOEXEC, wk_verify(self->dev, TMP_OBJ, argv, NULL, &self->app));
	EXPECT_NE(NULL, strstr(self->app.error, "digest mismatch")) TH_LOG("%s", self->app.error);
}

/* Enforcing: an unsigned object is refused, and wasmctl says how to sign. */
TEST_F(signing, unsigned_refused_with_advice)
{
	if (!sig_enforced())
		SKIP(return, "the kernel does not enforce module signatures (sig_enforce=N): "
		     "the debug lane's module.sig_enforce=1 boot runs this");
	EXPECT_NE(0, wk_sh(self->out, sizeof(self->out), "wasmctl load %s --no-start", UNSIGNED));
	TH_LOG("%s", self->out);
	EXPECT_NE(NULL, strstr(self->out, "requires signed modules"));
	EXPECT_NE(NULL, strstr(self->out, "--sign-key"));
	EXPECT_NE(NULL, strstr(self->out, "secure-boot.md"));
	/* wasmctl forgot the refused app: no app is left. */
	EXPECT_EQ(0, wk_cleanup(self->dev));
}

/*
 * Enforcing: the unsigned object's ELF (its own digest is right, so wasmkm's
 * verifier passes it) with signed.wko's signature: the kernel refuses it.
 */
TEST_F(signing, changed_elf_with_digest_refused_by_kernel)
{
	const char *argv[] = { "ret", NULL };
	struct obj uns;
	int ret;

	if (!sig_enforced())
		SKIP(return, "the kernel does not enforce module signatures (sig_enforce=N)");
	ASSERT_EQ(0, obj_read(UNSIGNED, &uns));
	ASSERT_EQ(uns.len, uns.payload);
	ASSERT_EQ(0, write_parts(TMP_OBJ, uns.buf, uns.len, self->sig.buf + self->sig.payload,
				 self->sig.len - self->sig.payload));
	free(uns.buf);
	ASSERT_EQ(0, wk_verify(self->dev, TMP_OBJ, argv, NULL, &self->app)) TH_LOG("%s",
										self->app.error);
	ret = wk_attach_fd(self->app.obj_fd, self->app.app_id);
	EXPECT_TRUE(ret == -EKEYREJECTED || ret == -EBADMSG) TH_LOG("finit_module: %s",
								  strerror(-ret));
	EXPECT_FALSE(wk_module_loaded(self->app.module_name));
}

/* Enforcing: a changed byte of the signature itself: the kernel refuses it. */
TEST_F(signing, changed_signature_refused_by_kernel)
{
	const char *argv[] = { "signed", NULL };
	size_t last = self->sig.len - (sizeof(SIG_MAGIC) - 1) - SIG_INFO_LEN - 1;
	int ret;

	if (!sig_enforced())
		SKIP(return, "the kernel does not enforce module signatures (sig_enforce=N)");
	self->sig.buf[last] ^= 0x01;	/* the last byte of the RSA signature value */
	ASSERT_EQ(0, write_parts(TMP_OBJ, self->sig.buf, self->sig.len, "", 0));
	ASSERT_EQ(0, wk_verify(self->dev, TMP_OBJ, argv, NULL, &self->app)) TH_LOG("%s",
										self->app.error);
	ret = wk_attach_fd(self->app.obj_fd, self->app.app_id);
	EXPECT_TRUE(ret == -EKEYREJECTED || ret == -EBADMSG) TH_LOG("finit_module: %s",
								  strerror(-ret));
	EXPECT_FALSE(wk_module_loaded(self->app.module_name));
}

TEST_HARNESS_MAIN
