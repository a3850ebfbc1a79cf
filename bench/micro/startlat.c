// SPDX-License-Identifier: GPL-2.0
/*
 * Start latency and idle memory, measured in the guest through /dev/wasm
 * (the ioctl ABI, as wasmctl uses it) and fork+exec:
 *
 *   startlat native N PROG   fork+exec of a static native PROG (start-native)
 *   startlat warm N OBJ      object loaded once, then N new instances
 *   startlat cold N OBJ      N times: verify + finit_module + start + unload
 *   startlat idle K OBJ      K idle instances of OBJ (start.c built -DIDLE):
 *                            kernel memory per instance from /proc/meminfo
 *                            (Slab + VmallocUsed, which holds the stacks)
 *
 * For start, the app prints "first NS" (CLOCK_MONOTONIC) as its first
 * action; the latency is that minus the time taken just before the start
 * was asked for.  Prints "micro start_NAME_first NS" (median, min, max) and
 * "micro start_NAME_done NS" (until the instance or process ended).
 */
#include <errno.h>
#include <fcntl.h>
#include <linux/wasmkm.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/ioctl.h>
#include <sys/syscall.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

#define MAX_RUNS 1000

static int dev = -1;

static uint64_t now(void) {
  struct timespec ts;

  clock_gettime(CLOCK_MONOTONIC, &ts);
  return (uint64_t)ts.tv_sec * 1000000000u + (uint64_t)ts.tv_nsec;
}

static void die(const char* what) {
  fprintf(stderr, "startlat: %s: %s\n", what, strerror(errno));
  exit(1);
}

static int cmp_u64(const void* a, const void* b) {
  uint64_t x = *(const uint64_t*)a, y = *(const uint64_t*)b;

  return x < y ? -1 : x > y;
}

static void report(const char* name, uint64_t* v, int n) {
  qsort(v, n, sizeof(*v), cmp_u64);
  printf("micro %s %llu %llu %llu\n", name, (unsigned long long)v[n / 2], (unsigned long long)v[0],
         (unsigned long long)v[n - 1]);
}

static uint64_t parse_first(const char* buf) {
  const char* p = strstr(buf, "first ");

  return p ? strtoull(p + 6, NULL, 10) : 0;
}

/* Load OBJ: verify, then finit_module; returns the app id, module name in @module. */
static unsigned int load(const char* obj, char* module) {
  struct wasmkm_load l;
  char params[64];
  int fd = open(obj, O_RDONLY | O_CLOEXEC);

  if (fd < 0) die(obj);
  memset(&l, 0, sizeof(l));
  l.size = sizeof(l);
  l.obj_fd = fd;
  l.argv = (uintptr_t) "app";
  l.argv_len = 4;
  if (ioctl(dev, WASMKM_IOC_LOAD, &l)) die("WASMKM_IOC_LOAD");
  snprintf(params, sizeof(params), "wasmkm_app=%u", l.app_id);
  if (syscall(SYS_finit_module, fd, params, 0)) die("finit_module");
  close(fd);
  memcpy(module, l.module_name, WASMKM_NAME_LEN);
  return l.app_id;
}

static void unload(unsigned int app, const char* module) {
  struct wasmkm_unload u = {sizeof(u), app};
  int i;

  if (ioctl(dev, WASMKM_IOC_UNLOAD, &u)) die("WASMKM_IOC_UNLOAD");
  for (i = 0; i < 1000; i++) {
    if (!syscall(SYS_delete_module, module, O_NONBLOCK) || errno == ENOENT) return;
    if (errno != EBUSY && errno != EAGAIN) die("delete_module");
    usleep(1000);
  }
  die("delete_module (busy)");
}

static unsigned int start(unsigned int app) {
  struct wasmkm_start s;

  memset(&s, 0, sizeof(s));
  s.size = sizeof(s);
  s.app_id = app;
  if (ioctl(dev, WASMKM_IOC_START, &s)) die("WASMKM_IOC_START");
  return s.inst_id;
}

/* Read the log until "first NS\n" is in it; with @to_end, until the instance ended. */
static uint64_t wait_first(unsigned int inst, int to_end) {
  char buf[256];
  uint64_t pos = 0;
  size_t have = 0;
  struct wasmkm_logs lg;

  for (;;) {
    memset(&lg, 0, sizeof(lg));
    lg.size = sizeof(lg);
    lg.inst_id = inst;
    lg.pos = pos;
    lg.buf = (uintptr_t)(buf + have);
    lg.buf_len = sizeof(buf) - 1 - have;
    lg.flags = WASMKM_LOGS_WAIT;
    if (ioctl(dev, WASMKM_IOC_LOGS, &lg)) die("WASMKM_IOC_LOGS");
    have += lg.len;
    pos = lg.next;
    buf[have] = 0;
    if (strchr(buf, '\n') && !to_end) break;
    if (lg.state != WASMKM_INST_RUNNING && !lg.len) break;
    if (have >= sizeof(buf) - 1) break;
  }
  return parse_first(buf);
}

static unsigned int inst_state(unsigned int inst) {
  struct wasmkm_logs lg;
  char c;

  memset(&lg, 0, sizeof(lg));
  lg.size = sizeof(lg);
  lg.inst_id = inst;
  lg.pos = ~0ull >> 1; /* past the end: no data, just the state */
  lg.buf = (uintptr_t)&c;
  lg.buf_len = 1;
  if (ioctl(dev, WASMKM_IOC_LOGS, &lg)) die("WASMKM_IOC_LOGS");
  return lg.state;
}

/*
 * Linear memory of the running instances of @app, from LIST_INSTS: its
 * pages are mapped with vmap(), which VmallocUsed does not count.
 */
static long linear_bytes(unsigned int app) {
  static struct wasmkm_inst_info infos[MAX_RUNS + 16];
  struct wasmkm_list l = {sizeof(l), sizeof(infos[0]), MAX_RUNS + 16, 0, (uintptr_t)infos};
  long sum = 0;
  unsigned int i;

  if (ioctl(dev, WASMKM_IOC_LIST_INSTS, &l)) die("WASMKM_IOC_LIST_INSTS");
  for (i = 0; i < l.count && i < l.capacity; i++)
    if (infos[i].app_id == app && infos[i].state == WASMKM_INST_RUNNING)
      sum += (long)infos[i].mem_bytes;
  return sum;
}

static void run_native(int n, const char* prog) {
  static uint64_t first[MAX_RUNS], done[MAX_RUNS];
  int i;

  for (i = 0; i < n; i++) {
    char buf[128];
    ssize_t got, have = 0;
    int pfd[2], st;
    uint64_t t0;
    pid_t pid;

    if (pipe(pfd)) die("pipe");
    t0 = now();
    pid = fork();
    if (pid < 0) die("fork");
    if (pid == 0) {
      dup2(pfd[1], 1);
      execl(prog, prog, (char*)NULL);
      _exit(127);
    }
    close(pfd[1]);
    while ((got = read(pfd[0], buf + have, sizeof(buf) - 1 - have)) > 0) have += got;
    close(pfd[0]);
    waitpid(pid, &st, 0);
    done[i] = now() - t0;
    buf[have] = 0;
    first[i] = parse_first(buf) - t0;
  }
  report("start_native_first", first, n);
  report("start_native_done", done, n);
}

static void run_wasm(int n, const char* obj, int cold) {
  static uint64_t first[MAX_RUNS], done[MAX_RUNS];
  char module[WASMKM_NAME_LEN];
  unsigned int app = 0;
  int i;

  if (!cold) app = load(obj, module);
  for (i = 0; i < n; i++) {
    uint64_t t0 = now(), f;

    if (cold) app = load(obj, module);
    f = wait_first(start(app), 1);
    done[i] = now() - t0;
    first[i] = f - t0;
    if (cold) unload(app, module);
  }
  if (!cold) unload(app, module);
  report(cold ? "start_cold_first" : "start_warm_first", first, n);
  report(cold ? "start_cold_done" : "start_warm_done", done, n);
}

/* Slab, KernelStack and VmallocUsed from /proc/meminfo, in kB: v[3]. */
static void meminfo(long* v) {
  static const char* const keys[] = {"Slab:", "KernelStack:", "VmallocUsed:"};
  char line[256];
  FILE* f = fopen("/proc/meminfo", "r");
  size_t k;

  if (!f) die("/proc/meminfo");
  while (fgets(line, sizeof(line), f))
    for (k = 0; k < sizeof(keys) / sizeof(keys[0]); k++)
      if (!strncmp(line, keys[k], strlen(keys[k]))) v[k] = atol(line + strlen(keys[k]));
  fclose(f);
}

static void run_idle(int k, const char* obj) {
  static const char* const names[] = {"slab", "kernel_stack", "vmalloc"};
  static unsigned int insts[MAX_RUNS];
  long before[3] = {0}, after[3] = {0}, total, linear;
  int running = 0;
  char module[WASMKM_NAME_LEN];
  unsigned int app = load(obj, module);
  int i;

  /* let deferred frees of earlier instances and objects settle */
  sync();
  sleep(2);
  meminfo(before);
  for (i = 0; i < k; i++) {
    insts[i] = start(app);
    wait_first(insts[i], 0);
  }
  sleep(1);
  meminfo(after);
  linear = linear_bytes(app);
  for (i = 0; i < k; i++) running += inst_state(insts[i]) == WASMKM_INST_RUNNING;
  printf("micro idle_running %d\n", running);
  for (i = 0; i < 3; i++)
    printf("micro idle_%s_bytes %ld\n", names[i], (after[i] - before[i]) * 1024 / k);
  /* kernel stacks are vmalloc'ed (CONFIG_VMAP_STACK): VmallocUsed has them */
  printf("micro idle_linear_bytes %ld\n", linear / k);
  total = (after[0] - before[0] + after[2] - before[2]) * 1024 + linear;
  printf("micro idle_total_bytes %ld\n", total / k);
  for (i = 0; i < k; i++) {
    struct wasmkm_stop s = {sizeof(s), insts[i]};

    if (ioctl(dev, WASMKM_IOC_STOP, &s)) die("WASMKM_IOC_STOP");
  }
  unload(app, module);
  if (running != k) {
    fprintf(stderr, "startlat: %d of %d idle instances were not running\n", k - running, k);
    exit(1);
  }
}

int main(int argc, char** argv) {
  int n;

  if (argc != 4) {
    fprintf(stderr, "usage: startlat native|warm|cold|idle N FILE\n");
    return 2;
  }
  n = atoi(argv[2]);
  if (n < 1 || n > MAX_RUNS) n = 10;
  if (strcmp(argv[1], "native")) {
    dev = open(WASMKM_DEVICE, O_RDWR | O_CLOEXEC);
    if (dev < 0) die(WASMKM_DEVICE);
  }
  if (!strcmp(argv[1], "native"))
    run_native(n, argv[3]);
  else if (!strcmp(argv[1], "warm") || !strcmp(argv[1], "cold"))
    run_wasm(n, argv[3], !strcmp(argv[1], "cold"));
  else if (!strcmp(argv[1], "idle"))
    run_idle(n, argv[3]);
  else
    return 2;
  return 0;
}
