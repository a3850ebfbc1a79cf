// SPDX-License-Identifier: GPL-2.0
/*
 * Path resolution stays beneath the grant while directories on the path
 * are renamed.  The app (tests/apps/fs_race.c) walks a balanced path,
 * m/a/b/(x/../)^150../../../secret, beneath its grant; a racer keeps
 * moving m/a out of the grant and back.  A walk that follows ".." into the
 * moved directory would climb to TOP/secret, outside every grant: the app
 * reports each time it opens anything.  The racer is a process outside the
 * grant, or a second instance with two grants (the app racing itself).
 */
#include <signal.h>
#include <stdio.h>
#include <sys/mman.h>
#include <sys/stat.h>
#include <sys/wait.h>

#include "wasmkm_test.h"
#include "kselftest_harness.h"

#define TOP "/tmp/wkrace"
#define GA TOP "/ga"
#define GB TOP "/gb"
#define APP WK_APPS "/fs_race.wko"
#define SECONDS "20"
#define OUT_SIZE 16384

FIXTURE(race)
{
	int dev;
	char out[OUT_SIZE];
};

FIXTURE_SETUP(race)
{
	self->dev = wk_open_dev();
	ASSERT_LE(0, self->dev);
	ASSERT_EQ(0, wk_sh(NULL, 0, "rm -rf " TOP " && mkdir -p " GA "/m/a/b/x " GB
			   " && echo outside secret > " TOP "/secret"));
}

FIXTURE_TEARDOWN(race)
{
	wk_cleanup(self->dev);
	if (self->dev >= 0)
		EXPECT_EQ(0, wk_cleanup(self->dev));
	close(self->dev);
	wk_sh(NULL, 0, "rm -rf " TOP);
}

/* The walk ran, and never opened anything. */
static void never_escaped(struct __test_metadata *_metadata, const char *out)
{
	unsigned long tries = 0, escaped = 1;
	const char *w = strstr(out, "walk: ");

	ASSERT_NE(NULL, w) TH_LOG("%s", out);
	ASSERT_EQ(2, sscanf(w, "walk: %lu tries, %lu escaped", &tries, &escaped));
	TH_LOG("%.120s", w);
	EXPECT_LT(0, tries);
	EXPECT_EQ(0, escaped) TH_LOG("%s", out);
	EXPECT_EQ(NULL, strstr(out, "ESCAPED")) TH_LOG("%s", out);
}

TEST_F_TIMEOUT(race, rename_by_an_outside_process, 300)
{
	unsigned long *renames;
	pid_t pid;
	int rc;

	renames = mmap(NULL, sizeof(*renames), PROT_READ | PROT_WRITE,
		       MAP_SHARED | MAP_ANONYMOUS, -1, 0);
	ASSERT_NE(MAP_FAILED, renames);
	*renames = 0;
	pid = fork();
	ASSERT_LE(0, pid);
	if (!pid) {
		for (;;) {
			if (!rename(GA "/m/a", GB "/a") && !rename(GB "/a", GA "/m/a"))
				__atomic_add_fetch(renames, 1, __ATOMIC_RELAXED);
		}
	}
	rc = wk_sh(self->out, sizeof(self->out), "wasmctl load " APP " --cap fs:" GA
		   ":/g --arg walk --arg " SECONDS " --wait");
	kill(pid, SIGKILL);
	waitpid(pid, NULL, 0);
	TH_LOG("%lu renames by the racer", *renames);
	EXPECT_LT(0, *renames);
	EXPECT_EQ(0, rc) TH_LOG("%s", self->out);
	never_escaped(_metadata, self->out);
	munmap(renames, sizeof(*renames));
}

TEST_F_TIMEOUT(race, rename_by_an_app_with_two_grants, 300)
{
	unsigned int app, inst;
	int rc;

	ASSERT_EQ(0, wk_sh(self->out, sizeof(self->out), "wasmctl load " APP " --cap fs:" GA
			   ":/a --cap fs:" GB ":/b --arg rename"))
		TH_LOG("%s", self->out);
	ASSERT_EQ(2, sscanf(self->out, "app %u (%*[^)]) loaded, instance %u", &app, &inst))
		TH_LOG("%s", self->out);
	rc = wk_sh(self->out, sizeof(self->out), "wasmctl load " APP " --cap fs:" GA
		   ":/g --arg walk --arg " SECONDS " --wait");
	EXPECT_EQ(0, rc) TH_LOG("%s", self->out);
	never_escaped(_metadata, self->out);
	/* the renamer was still running (it never exits by itself) and renaming */
	EXPECT_EQ(0, wk_sh(self->out, sizeof(self->out), "wasmctl stop %u", inst))
		TH_LOG("%s", self->out);
	EXPECT_EQ(0, wk_sh(self->out, sizeof(self->out), "wasmctl logs %u | grep renames: | tail -n 1", inst));
	EXPECT_TRUE(wk_line_with(self->out, "renames: ", "")) TH_LOG("%s", self->out);
	TH_LOG("renamer: %.60s", self->out);
}

TEST_HARNESS_MAIN
