// SPDX-License-Identifier: GPL-2.0
/*
 * netload: the network benchmark's guest-side tool (bench/net.py), static.
 *
 *   netload listen PORT PROG [ARG...]   a listener on 127.0.0.1:PORT at fd 3,
 *                                       then exec PROG (a native server built
 *                                       with bench/net/shim: what a net: grant
 *                                       gives an app)
 *   netload echo PORT CLIENTS REQS SIZE each of CLIENTS connections sends REQS
 *                                       messages of SIZE bytes, one at a time,
 *                                       and reads each echo back whole
 *   netload http PORT CLIENTS REQS PATH LEN   REQS GETs per client, a new
 *                                       connection each; the body must be LEN
 *                                       bytes of the file
 *
 * One result line: "net KIND REQS_TOTAL BYTES NS P50_NS P99_NS OK" (BYTES:
 * payload sent; NS: wall time of the whole run; P50/P99 of one request).
 * OK is 1 when every byte came back as sent (echo: a pattern that differs
 * per client and request; http: status 200 and LEN bytes) and no call
 * failed; the exit status is 0 then.
 */
#include <arpa/inet.h>
#include <netinet/in.h>
#include <netinet/tcp.h>
#include <pthread.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/socket.h>
#include <time.h>
#include <unistd.h>

struct client {
  pthread_t t;
  int id;
  uint64_t* lat; /* one per request, ns */
  int ok;
};

static int port, nreq, size, http_mode;
static const char* path;
static long want_len;

static uint64_t now_ns(void) {
  struct timespec ts;

  clock_gettime(CLOCK_MONOTONIC, &ts);
  return (uint64_t)ts.tv_sec * 1000000000ull + ts.tv_nsec;
}

static int dial(void) {
  struct sockaddr_in a = {
      .sin_family = AF_INET, .sin_port = htons(port), .sin_addr.s_addr = htonl(INADDR_LOOPBACK)};
  int s = socket(AF_INET, SOCK_STREAM, 0), one = 1;

  if (s < 0) return -1;
  setsockopt(s, IPPROTO_TCP, TCP_NODELAY, &one, sizeof(one));
  if (connect(s, (struct sockaddr*)&a, sizeof(a))) {
    close(s);
    return -1;
  }
  return s;
}

static int write_all(int s, const char* p, size_t len) {
  while (len) {
    ssize_t w = write(s, p, len);

    if (w <= 0) return -1;
    p += w;
    len -= w;
  }
  return 0;
}

static int read_all(int s, char* p, size_t len) {
  while (len) {
    ssize_t r = read(s, p, len);

    if (r <= 0) return -1;
    p += r;
    len -= r;
  }
  return 0;
}

static void fill(char* p, int len, int client, int req) {
  int i;

  for (i = 0; i < len; i++) p[i] = (char)(client * 31 + req * 7 + i);
}

static void* echo_client(void* arg) {
  struct client* c = arg;
  char *out = malloc(size), *in = malloc(size);
  int s = dial(), r;

  c->ok = s >= 0 && out && in;
  for (r = 0; c->ok && r < nreq; r++) {
    uint64_t t0 = now_ns();

    fill(out, size, c->id, r);
    if (write_all(s, out, size) || read_all(s, in, size) || memcmp(in, out, size)) c->ok = 0;
    c->lat[r] = now_ns() - t0;
  }
  if (s >= 0) close(s);
  free(out);
  free(in);
  return NULL;
}

/* One GET on a new connection: 200 with a body of want_len bytes, to EOF. */
static int http_get(char* buf, size_t cap) {
  char req[512];
  size_t have = 0;
  ssize_t n;
  char* body;
  int s = dial();

  if (s < 0) return 0;
  n = snprintf(req, sizeof(req), "GET %s HTTP/1.1\r\nHost: bench\r\n\r\n", path);
  if (write_all(s, req, n)) {
    close(s);
    return 0;
  }
  while (have < cap && (n = read(s, buf + have, cap - have)) > 0) have += n;
  close(s);
  if (n < 0 || have >= cap) return 0;
  buf[have] = 0;
  body = strstr(buf, "\r\n\r\n");
  return !strncmp(buf, "HTTP/1.1 200 ", 13) && body && (long)(have - (body + 4 - buf)) == want_len;
}

static void* http_client(void* arg) {
  struct client* c = arg;
  size_t cap = want_len + 4096;
  char* buf = malloc(cap);
  int r;

  c->ok = buf != NULL;
  for (r = 0; c->ok && r < nreq; r++) {
    uint64_t t0 = now_ns();

    c->ok = http_get(buf, cap);
    c->lat[r] = now_ns() - t0;
  }
  free(buf);
  return NULL;
}

static int cmp_u64(const void* a, const void* b) {
  uint64_t x = *(const uint64_t*)a, y = *(const uint64_t*)b;

  return x < y ? -1 : x > y;
}

static int run(const char* kind, int nclients) {
  struct client* c = calloc(nclients, sizeof(*c));
  uint64_t *all = calloc((size_t)nclients * nreq, sizeof(*all)), t0, ns;
  size_t total = (size_t)nclients * nreq;
  int i, ok = c && all;

  for (i = 0; ok && i < nclients; i++) {
    c[i].id = i;
    c[i].lat = all + (size_t)i * nreq;
    if (pthread_create(&c[i].t, NULL, http_mode ? http_client : echo_client, &c[i])) return 1;
  }
  t0 = now_ns();
  for (i = 0; ok && i < nclients; i++) {
    pthread_join(c[i].t, NULL);
    ok &= c[i].ok;
  }
  ns = now_ns() - t0;
  if (!c || !all) return 1;
  qsort(all, total, sizeof(*all), cmp_u64);
  printf("net %s %zu %llu %llu %llu %llu %d\n", kind, total,
         (unsigned long long)total * (http_mode ? want_len : size), (unsigned long long)ns,
         (unsigned long long)all[total / 2], (unsigned long long)all[total * 99 / 100], ok);
  return !ok;
}

static int listen_exec(char** argv) {
  struct sockaddr_in a = {
      .sin_family = AF_INET, .sin_port = htons(port), .sin_addr.s_addr = htonl(INADDR_LOOPBACK)};
  int s = socket(AF_INET, SOCK_STREAM, 0), one = 1;

  setsockopt(s, SOL_SOCKET, SO_REUSEADDR, &one, sizeof(one));
  if (s < 0 || bind(s, (struct sockaddr*)&a, sizeof(a)) || listen(s, 1024) ||
      (s != 3 && dup2(s, 3) != 3)) {
    perror("netload listen");
    return 1;
  }
  if (s != 3) close(s);
  execv(argv[0], argv);
  perror(argv[0]);
  return 1;
}

int main(int argc, char** argv) {
  if (argc > 3 && !strcmp(argv[1], "listen")) {
    port = atoi(argv[2]);
    return listen_exec(argv + 3);
  }
  if (argc == 6 && !strcmp(argv[1], "echo")) {
    port = atoi(argv[2]);
    nreq = atoi(argv[4]);
    size = atoi(argv[5]);
    return run(size >= 65536 ? "bulk" : "echo", atoi(argv[3]));
  }
  if (argc == 7 && !strcmp(argv[1], "http")) {
    port = atoi(argv[2]);
    nreq = atoi(argv[4]);
    path = argv[5];
    want_len = atol(argv[6]);
    http_mode = 1;
    return run("http", atoi(argv[3]));
  }
  fprintf(stderr,
          "usage: netload listen PORT PROG [ARG...] | echo PORT CLIENTS REQS SIZE |"
          " http PORT CLIENTS REQS PATH LEN\n");
  return 2;
}
