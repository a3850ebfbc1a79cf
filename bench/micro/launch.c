// SPDX-License-Identifier: GPL-2.0
/*
 * One launch of a program, measured the same way for every engine of the
 * container comparison (bench/guest.sh):
 *
 *   launch [-p] TAG CGROUP PROG [ARG...]
 *
 * CGROUP (a fresh directory under /sys/fs/cgroup, made here and removed at
 * the end) is the memory cgroup the run is charged to:
 *   - without -p the child joins CGROUP before exec: native programs and
 *     "wasmctl load --wait" (wasmkm charges an instance to its loader's
 *     memory cgroup, Documentation/limits.md);
 *   - with -p the child stays where it is and CGROUP only gets the memory
 *     controller for its children: runc makes the container's own group
 *     below it (config.json cgroupsPath) and removes it when the container
 *     ends; CGROUP's memory.peak keeps the container's peak (runc's own
 *     process is not in it; its "runc init" stage, which becomes the
 *     container's process, is).
 *
 * The program prints "first NS" (CLOCK_MONOTONIC) as the first thing its
 * main does.  Prints the program's output, then
 *
 *   launch TAG FIRST_NS DONE_NS PEAK_BYTES
 *
 * FIRST_NS: launch (just before fork) to the marker; DONE_NS: to the exit
 * seen by wait; PEAK_BYTES: CGROUP's memory.peak.  Exits with the program's
 * status (1 if it died of a signal or printed no marker).
 */
#include <errno.h>
#include <fcntl.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

#define OUT_MAX (1 << 20)

static char out[OUT_MAX + 1];

static uint64_t now(void) {
  struct timespec ts;

  clock_gettime(CLOCK_MONOTONIC, &ts);
  return (uint64_t)ts.tv_sec * 1000000000u + (uint64_t)ts.tv_nsec;
}

static void die(const char* what) {
  fprintf(stderr, "launch: %s: %s\n", what, strerror(errno));
  exit(1);
}

static void write_file(const char* dir, const char* name, const char* val) {
  char path[512];
  int fd;

  snprintf(path, sizeof(path), "%s/%s", dir, name);
  fd = open(path, O_WRONLY | O_CLOEXEC);
  if (fd < 0 || write(fd, val, strlen(val)) < 0) die(path);
  close(fd);
}

static unsigned long long read_peak(const char* dir) {
  char path[512], buf[64] = "";
  FILE* f;

  snprintf(path, sizeof(path), "%s/memory.peak", dir);
  f = fopen(path, "r");
  if (!f) return 0; /* a kernel without memory.peak (before 5.19) */
  if (!fgets(buf, sizeof(buf), f)) buf[0] = 0;
  fclose(f);
  return strtoull(buf, NULL, 10);
}

/* The marker at the start of a line of the output, 0 if none. */
static uint64_t find_first(const char* buf) {
  const char* p = buf;

  while (p && *p) {
    if (!strncmp(p, "first ", 6)) return strtoull(p + 6, NULL, 10);
    p = strchr(p, '\n');
    if (p) p++;
  }
  return 0;
}

int main(int argc, char** argv) {
  int parent_mode = 0, pfd[2], st, i;
  uint64_t t0, done, first;
  size_t have = 0;
  ssize_t got;
  const char *tag, *cg;
  pid_t pid;

  if (argc > 1 && !strcmp(argv[1], "-p")) {
    parent_mode = 1;
    argv++;
    argc--;
  }
  if (argc < 4) {
    fprintf(stderr, "usage: launch [-p] TAG CGROUP PROG [ARG...]\n");
    return 2;
  }
  tag = argv[1];
  cg = argv[2];
  rmdir(cg); /* left over by an earlier run that died */
  if (mkdir(cg, 0755)) die(cg);
  if (parent_mode) write_file(cg, "cgroup.subtree_control", "+memory");
  if (pipe(pfd)) die("pipe");
  t0 = now();
  pid = fork();
  if (pid < 0) die("fork");
  if (pid == 0) {
    if (!parent_mode) write_file(cg, "cgroup.procs", "0");
    dup2(pfd[1], 1);
    dup2(pfd[1], 2);
    close(pfd[0]);
    close(pfd[1]);
    execvp(argv[3], argv + 3);
    _exit(127);
  }
  close(pfd[1]);
  while ((got = read(pfd[0], out + have, OUT_MAX - have)) > 0) have += (size_t)got;
  close(pfd[0]);
  if (waitpid(pid, &st, 0) != pid) die("waitpid");
  done = now() - t0;
  out[have] = 0;
  first = find_first(out);
  fwrite(out, 1, have, stdout);
  printf("launch %s %llu %llu %llu\n", tag, (unsigned long long)(first > t0 ? first - t0 : 0),
         (unsigned long long)done, read_peak(cg));
  fflush(stdout);
  /* the group is empty once the child is reaped; its removal may lag */
  for (i = 0; i < 100 && rmdir(cg) && errno == EBUSY; i++) usleep(10000);
  if (!WIFEXITED(st)) return 1;
  if (!first) {
    fprintf(stderr, "launch: %s printed no \"first NS\" marker\n", argv[3]);
    return 1;
  }
  return WEXITSTATUS(st);
}
