// SPDX-License-Identifier: GPL-2.0
/*
 * net: grants (Documentation/capabilities.md): examples/echo_server.c and
 * tests/apps/net_probe.c against clients in the guest.  TCP echo byte-exact
 * from 1 byte to 16 MiB, 256 concurrent clients on one poll_oneoff, UDP
 * echo, EAGAIN, half-close and reset (net_probe), no grant no socket, a
 * listener in another network namespace, load errors naming the grant,
 * stop in a blocked accept, 1000 connect/close cycles without a leak, the
 * errnos of sock_* on non-sockets as wasmtime's (tests/apps/sock_errno.c).
 */
#include <arpa/inet.h>
#include <net/if.h>
#include <netinet/in.h>
#include <netinet/tcp.h>
#include <poll.h>
#include <pthread.h>
#include <sched.h>
#include <sys/ioctl.h>
#include <sys/socket.h>
#include <sys/wait.h>

#include "wasmkm_test.h"
#include "kselftest_harness.h"

#define ECHO WK_APPS "/echo_server.wko"
#define PROBE WK_APPS "/net_probe.wko"
#define OUT_SIZE 8192
/* Sanity bound only: a lost wake-up is a hang, not a slow run. */
#define WAIT_MS 60000

/* Bring the loopback interface of the current network namespace up. */
static int lo_up(void)
{
	struct ifreq ifr = {};
	int s = socket(AF_INET, SOCK_DGRAM | SOCK_CLOEXEC, 0), ret;

	if (s < 0)
		return -errno;
	strcpy(ifr.ifr_name, "lo");
	ret = ioctl(s, SIOCGIFFLAGS, &ifr);
	if (!ret) {
		ifr.ifr_flags |= IFF_UP;
		ret = ioctl(s, SIOCSIFFLAGS, &ifr);
	}
	close(s);
	return ret ? -errno : 0;
}

static int tcp_connect(int port)
{
	struct sockaddr_in a = { .sin_family = AF_INET, .sin_port = htons(port),
				 .sin_addr.s_addr = htonl(INADDR_LOOPBACK) };
	int s = socket(AF_INET, SOCK_STREAM | SOCK_CLOEXEC, 0);

	if (s < 0)
		return -errno;
	if (connect(s, (struct sockaddr *)&a, sizeof(a))) {
		int err = -errno;

		close(s);
		return err;
	}
	return s;
}

/* Close with a reset (SO_LINGER 0): no TIME_WAIT left behind. */
static void close_reset(int s)
{
	struct linger lg = { 1, 0 };

	setsockopt(s, SOL_SOCKET, SO_LINGER, &lg, sizeof(lg));
	close(s);
}

static bool read_all(int s, char *buf, size_t len)
{
	while (len) {
		ssize_t r = read(s, buf, len);

		if (r <= 0)
			return false;
		buf += r;
		len -= r;
	}
	return true;
}

struct sender {
	int s;
	const char *buf;
	size_t len;
};

static void *send_thread(void *arg)
{
	struct sender *sd = arg;
	size_t off = 0;

	while (off < sd->len) {
		ssize_t w = write(sd->s, sd->buf + off, sd->len - off);

		if (w <= 0)
			break;
		off += w;
	}
	return NULL;
}

FIXTURE(net)
{
	int dev;
	char out[OUT_SIZE];
};

FIXTURE_SETUP(net)
{
	self->dev = wk_open_dev();
	ASSERT_LE(0, self->dev);
	ASSERT_EQ(0, lo_up());
}

FIXTURE_TEARDOWN(net)
{
	wk_cleanup(self->dev);
	close(self->dev);
}

/* wasmctl load ... (started, not waited for); the instance id. */
static unsigned int load(struct __test_metadata *_metadata, FIXTURE_DATA(net) *self,
			 const char *args)
{
	unsigned int app = 0, inst = 0;

	EXPECT_EQ(0, wk_sh(self->out, sizeof(self->out), "wasmctl load %s", args))
		TH_LOG("%s", self->out);
	EXPECT_EQ(2, sscanf(self->out, "app %u (%*[^)]) loaded, instance %u", &app, &inst))
		TH_LOG("%s", self->out);
	return inst;
}

static void wait_log(struct __test_metadata *_metadata, FIXTURE_DATA(net) *self,
		     unsigned int inst, const char *text)
{
	uint64_t t0 = wk_now_ms();

	do {
		wk_sh(self->out, sizeof(self->out), "wasmctl logs %u", inst);
		if (strstr(self->out, text))
			return;
		wk_sleep_ms(20);
	} while (wk_now_ms() - t0 < WAIT_MS);
	ASSERT_NE(NULL, strstr(self->out, text)) TH_LOG("%s", self->out);
}

TEST_F_TIMEOUT(net, tcp_echo_is_byte_exact_from_1_byte_to_16_mib, 300)
{
	static const size_t sizes[] = { 1, 1000, 65536 + 7, 16 << 20 };
	size_t i, k, max = 16 << 20;
	char *in = malloc(max), *back = malloc(max);
	unsigned int inst = load(_metadata, self, ECHO " --cap net:tcp-listen:127.0.0.1:17001");

	ASSERT_NE(NULL, in);
	ASSERT_NE(NULL, back);
	for (k = 0; k < max; k++)
		in[k] = (char)(k * 131 + (k >> 11));
	wait_log(_metadata, self, inst, "serving on fd 3");
	for (i = 0; i < ARRAY_SIZE(sizes); i++) {
		int s = tcp_connect(17001);
		struct sender sd = { s, in, sizes[i] };
		pthread_t t;

		ASSERT_LE(0, s) TH_LOG("connect: %d", s);
		ASSERT_EQ(0, pthread_create(&t, NULL, send_thread, &sd));
		EXPECT_TRUE(read_all(s, back, sizes[i])) TH_LOG("size %zu", sizes[i]);
		pthread_join(t, NULL);
		EXPECT_EQ(0, memcmp(in, back, sizes[i])) TH_LOG("size %zu", sizes[i]);
		close(s);
	}
	free(in);
	free(back);
}

TEST_F_TIMEOUT(net, many_clients_on_one_poll, 300)
{
	enum { N = 256 };
	int s[N], i;
	char msg[32], got[32];

	load(_metadata, self, ECHO " --cap net:tcp-listen:127.0.0.1:17002");
	for (i = 0; i < N; i++) {
		int tries = 0;

		/* the listener is bound at load: connect works even before the app polls */
		do
			s[i] = tcp_connect(17002);
		while (s[i] < 0 && ++tries < 100 && (wk_sleep_ms(10), 1));
		ASSERT_LE(0, s[i]) TH_LOG("client %d: %d", i, s[i]);
	}
	for (i = 0; i < N; i++) {
		snprintf(msg, sizeof(msg), "client %03d", i);
		ASSERT_EQ(10, write(s[i], msg, 10));
	}
	for (i = N; i-- > 0;) {
		snprintf(msg, sizeof(msg), "client %03d", i);
		ASSERT_TRUE(read_all(s[i], got, 10)) TH_LOG("client %d", i);
		EXPECT_EQ(0, memcmp(msg, got, 10)) TH_LOG("client %d", i);
	}
	for (i = 0; i < N; i++)
		close(s[i]);
}

TEST_F(net, udp_echo_to_the_granted_peer)
{
	static const size_t sizes[] = { 1, 1000, 65507 };
	struct sockaddr_in me = { .sin_family = AF_INET, .sin_port = htons(17004),
				  .sin_addr.s_addr = htonl(INADDR_LOOPBACK) };
	struct sockaddr_in app = me;
	static char in[65507], back[65536];
	struct timeval tv = { 10, 0 };
	int s = socket(AF_INET, SOCK_DGRAM | SOCK_CLOEXEC, 0);
	unsigned int inst;
	size_t i, k;

	ASSERT_LE(0, s);
	ASSERT_EQ(0, bind(s, (struct sockaddr *)&me, sizeof(me)));
	ASSERT_EQ(0, setsockopt(s, SOL_SOCKET, SO_RCVTIMEO, &tv, sizeof(tv)));
	inst = load(_metadata, self,
		    ECHO " --cap net:udp:127.0.0.1:17003:127.0.0.1:17004");
	wait_log(_metadata, self, inst, "serving on fd 3");
	app.sin_port = htons(17003);
	for (k = 0; k < sizeof(in); k++)
		in[k] = (char)(k * 7 + 3);
	for (i = 0; i < ARRAY_SIZE(sizes); i++) {
		ASSERT_EQ((ssize_t)sizes[i], sendto(s, in, sizes[i], 0, (struct sockaddr *)&app,
						    sizeof(app)));
		EXPECT_EQ((ssize_t)sizes[i], recv(s, back, sizeof(back), 0)) TH_LOG("%zu", sizes[i]);
		EXPECT_EQ(0, memcmp(in, back, sizes[i]));
	}
	close(s);
}

TEST_F(net, eagain_half_close_and_reset)
{
	unsigned int inst = load(_metadata, self,
				 PROBE " --cap net:tcp-listen:127.0.0.1:17005 --arg listener");
	char b[8] = {};
	int s;

	wait_log(_metadata, self, inst, "ready");
	s = tcp_connect(17005);
	ASSERT_LE(0, s);
	ASSERT_TRUE(read_all(s, b, 2));
	EXPECT_EQ(0, memcmp(b, "go", 2));
	ASSERT_EQ(5, write(s, "hello", 5));
	ASSERT_EQ(0, shutdown(s, SHUT_WR));
	ASSERT_TRUE(read_all(s, b, 3));
	EXPECT_EQ(0, memcmp(b, "bye", 3));
	EXPECT_EQ(0, read(s, b, 1));	/* the app's shutdown(WR) */
	close(s);
	s = tcp_connect(17005);
	ASSERT_LE(0, s);
	ASSERT_EQ(1, write(s, "x", 1));
	wait_log(_metadata, self, inst, "got x");
	close_reset(s);
	wait_log(_metadata, self, inst, "checks,");
	EXPECT_TRUE(wk_line_with(self->out, "checks, 0 failed", "")) TH_LOG("%s", self->out);
}

TEST_F(net, tcp_connect_connects_at_start_and_sees_the_close)
{
	struct sockaddr_in a = { .sin_family = AF_INET, .sin_port = htons(17014),
				 .sin_addr.s_addr = htonl(INADDR_LOOPBACK) };
	int l = socket(AF_INET, SOCK_STREAM | SOCK_CLOEXEC, 0), c, one = 1;
	unsigned int inst;
	char b[8] = {};

	ASSERT_LE(0, l);
	setsockopt(l, SOL_SOCKET, SO_REUSEADDR, &one, sizeof(one));
	ASSERT_EQ(0, bind(l, (struct sockaddr *)&a, sizeof(a)));
	ASSERT_EQ(0, listen(l, 4));
	inst = load(_metadata, self, PROBE " --cap net:tcp-connect:127.0.0.1:17014 --arg connect");
	c = accept(l, NULL, NULL);
	ASSERT_LE(0, c);
	ASSERT_TRUE(read_all(c, b, 5));
	EXPECT_EQ(0, memcmp(b, "hello", 5));
	ASSERT_EQ(4, write(c, "pong", 4));
	close(c);
	wait_log(_metadata, self, inst, "checks,");
	EXPECT_TRUE(wk_line_with(self->out, "checks, 0 failed", "")) TH_LOG("%s", self->out);
	close(l);
	/* nobody listens now: the start fails, naming the grant */
	EXPECT_NE(0, wk_sh(self->out, sizeof(self->out), "wasmctl load " PROBE
			   " --cap net:tcp-connect:127.0.0.1:17014 --arg connect --wait"));
	EXPECT_TRUE(wk_line_with(self->out, "127.0.0.1:17014", "connection refused"))
		TH_LOG("%s", self->out);
}

TEST_F(net, no_grant_no_socket)
{
	EXPECT_EQ(0, wk_sh(self->out, sizeof(self->out),
			   "mkdir -p /tmp/wknet && wasmctl load " PROBE
			   " --cap fs:/tmp/wknet:/d --wait"))
		TH_LOG("%s", self->out);
	EXPECT_TRUE(wk_line_with(self->out, "checks, 0 failed", "")) TH_LOG("%s", self->out);
	EXPECT_NE(NULL, strstr(self->out, "ok 13 directory: ENOTSOCK")) TH_LOG("%s", self->out);
	EXPECT_EQ(0, wk_sh(self->out, sizeof(self->out),
			   "wasmctl inspect " PROBE));
	EXPECT_TRUE(wk_line_with(self->out, "capabilities to grant:", "net")) TH_LOG("%s",
										  self->out);
}

/*
 * tests/apps/sock_errno.c under wasmkm answers as under wasmtime: each line
 * of sock_errno.expected (made by the build with wasmtime) is in its output.
 */
TEST_F(net, sock_errnos_match_wasmtime)
{
	FILE *f = fopen(WK_APPS "/sock_errno.expected", "r");
	char line[128];
	int lines = 0, missing = 0;

	ASSERT_NE(NULL, f);
	EXPECT_EQ(0, wk_sh(self->out, sizeof(self->out),
			   "mkdir -p /tmp/wkerrno && wasmctl load " WK_APPS "/sock_errno.wko"
			   " --cap fs:/tmp/wkerrno:/d --wait"))
		TH_LOG("%s", self->out);
	while (fgets(line, sizeof(line), f)) {
		lines++;
		if (!strstr(self->out, line)) {
			missing++;
			TH_LOG("wasmtime says %s", line);
		}
	}
	fclose(f);
	EXPECT_LT(50, lines);
	EXPECT_EQ(0, missing) TH_LOG("wasmkm says:\n%s", self->out);
}

TEST_F(net, load_errors_name_the_grant)
{
	pid_t pid;
	int st;

	load(_metadata, self, ECHO " --cap net:tcp-listen:127.0.0.1:17006");
	EXPECT_EQ(1, wk_sh(self->out, sizeof(self->out),
			   "wasmctl load " ECHO " --cap net:tcp-listen:127.0.0.1:17006"));
	EXPECT_TRUE(wk_line_with(self->out, "net:tcp-listen:127.0.0.1:17006", "address in use"))
		TH_LOG("%s", self->out);
	EXPECT_EQ(1, wk_sh(self->out, sizeof(self->out),
			   "wasmctl load " ECHO " --cap net:tcp-listen:192.0.2.1:17006"));
	EXPECT_TRUE(wk_line_with(self->out, "192.0.2.1:17006", "not available"))
		TH_LOG("%s", self->out);
	EXPECT_NE(0, wk_sh(self->out, sizeof(self->out),
			   "wasmctl load " ECHO " --cap net:tcp-listen:1.2.3:80"));
	EXPECT_TRUE(wk_line_with(self->out, "1.2.3:80", "bad address")) TH_LOG("%s", self->out);
	/* A port below 1024 needs what it needs for the loader's own process. */
	ASSERT_EQ(0, chmod(WASMKM_DEVICE, 0666));
	pid = fork();
	ASSERT_LE(0, pid);
	if (!pid) {
		char out[4096];
		int rc;

		if (setgid(65534) || setuid(65534))
			_exit(90);
		rc = wk_sh(out, sizeof(out),
			   "wasmctl load " ECHO " --cap net:tcp-listen:127.0.0.1:80");
		if (rc != 1 || !wk_line_with(out, "127.0.0.1:80", "permission denied")) {
			fprintf(stderr, "binding port 80 as nobody: %d %s", rc, out);
			_exit(91);
		}
		_exit(0);
	}
	ASSERT_EQ(pid, waitpid(pid, &st, 0));
	chmod(WASMKM_DEVICE, 0600);
	EXPECT_EQ(0, st);
}

TEST_F(net, a_listener_in_another_netns_is_not_reachable)
{
	pid_t pid;
	int st, s;

	pid = fork();
	ASSERT_LE(0, pid);
	if (!pid) {
		char out[4096], b[2];
		int c;

		if (unshare(CLONE_NEWNET) || lo_up())
			_exit(90);
		if (wk_sh(out, sizeof(out), "wasmctl load " ECHO
			  " --cap net:tcp-listen:127.0.0.1:17007")) {
			fprintf(stderr, "%s", out);
			_exit(91);
		}
		/* reachable in its own namespace */
		c = tcp_connect(17007);
		if (c < 0 || write(c, "n", 1) != 1 || !read_all(c, b, 1))
			_exit(92);
		close(c);
		_exit(0);
	}
	ASSERT_EQ(pid, waitpid(pid, &st, 0));
	ASSERT_EQ(0, st);
	s = tcp_connect(17007);
	EXPECT_EQ(-ECONNREFUSED, s);
	if (s >= 0)
		close(s);
}

TEST_F(net, stop_ends_a_blocked_accept_and_closes_the_sockets)
{
	unsigned int inst = load(_metadata, self,
				 ECHO " --cap net:tcp-listen:127.0.0.1:17008 --arg accept-one");
	uint64_t t0;
	char b[2];
	int s;

	wait_log(_metadata, self, inst, "accepting");
	s = tcp_connect(17008);
	ASSERT_LE(0, s);
	ASSERT_EQ(1, write(s, "a", 1));
	ASSERT_TRUE(read_all(s, b, 1));
	/* the app blocks in sock_recv on this client: a stop ends it, the socket closes */
	t0 = wk_now_ms();
	EXPECT_EQ(0, wk_sh(self->out, sizeof(self->out), "wasmctl stop %u", inst))
		TH_LOG("%s", self->out);
	EXPECT_GT(WAIT_MS, wk_now_ms() - t0);
	EXPECT_EQ(0, read(s, b, 1));
	close(s);
	inst = load(_metadata, self,
		    ECHO " --cap net:tcp-listen:127.0.0.1:17010 --arg accept-one");
	wait_log(_metadata, self, inst, "accepting");
	wk_sleep_ms(100);	/* in sock_accept */
	t0 = wk_now_ms();
	EXPECT_EQ(0, wk_sh(self->out, sizeof(self->out), "wasmctl stop %u", inst))
		TH_LOG("%s", self->out);
	EXPECT_GT(WAIT_MS, wk_now_ms() - t0);
	{
		struct wasmkm_inst_info info;

		ASSERT_EQ(0, wk_inst_info(self->dev, inst, &info));
		EXPECT_EQ(WASMKM_INST_STOPPED, info.state);
	}
}

/* An HTTP request to 127.0.0.1:@port; the whole answer in @buf. */
static ssize_t http(int port, const char *req, char *buf, size_t size)
{
	size_t have = 0;
	ssize_t r;
	int s = tcp_connect(port);

	if (s < 0)
		return s;
	if (write(s, req, strlen(req)) != (ssize_t)strlen(req)) {
		close(s);
		return -EIO;
	}
	while (have < size - 1 && (r = read(s, buf + have, size - 1 - have)) > 0)
		have += r;
	buf[have] = 0;
	close(s);
	return have;
}

TEST_F(net, httpd_serves_the_granted_directory)
{
	unsigned int inst;

	ASSERT_EQ(0, wk_sh(NULL, 0, "rm -rf /tmp/wkhttp && mkdir -p /tmp/wkhttp && "
			   "printf 't=1 v=20.5\\n' >/tmp/wkhttp/sensor.log && "
			   "echo secret >/tmp/wkhttp.secret"));
	/* net before fs on the command line: wasmctl still preopens /data first */
	inst = load(_metadata, self, WK_APPS "/httpd.wko --cap net:tcp-listen:127.0.0.1:17012"
		    " --cap fs:/tmp/wkhttp:/data");
	wait_log(_metadata, self, inst, "serving /data on fd 4");
	ASSERT_LT(0, http(17012, "GET /sensor.log HTTP/1.1\r\nHost: x\r\n\r\n", self->out,
			  sizeof(self->out)));
	EXPECT_EQ(0, strncmp(self->out, "HTTP/1.1 200 OK\r\n", 17)) TH_LOG("%s", self->out);
	EXPECT_NE(NULL, strstr(self->out, "Content-Length: 11\r\n")) TH_LOG("%s", self->out);
	EXPECT_NE(NULL, strstr(self->out, "\r\n\r\nt=1 v=20.5\n")) TH_LOG("%s", self->out);
	ASSERT_LT(0, http(17012, "GET /nothing HTTP/1.1\r\n\r\n", self->out, sizeof(self->out)));
	EXPECT_EQ(0, strncmp(self->out, "HTTP/1.1 404", 12)) TH_LOG("%s", self->out);
	ASSERT_LT(0, http(17012, "GET /../wkhttp.secret HTTP/1.1\r\n\r\n", self->out,
			  sizeof(self->out)));
	EXPECT_EQ(0, strncmp(self->out, "HTTP/1.1 400", 12)) TH_LOG("%s", self->out);
	EXPECT_EQ(NULL, strstr(self->out, "secret")) TH_LOG("%s", self->out);
}

/* Clients that keep a fuzzed listener's blocking calls short. */
static volatile int fuzz_done;

static void *fuzz_clients(void *arg)
{
	while (!fuzz_done) {
		int s = tcp_connect(17013);

		if (s >= 0) {
			(void)!write(s, "x", 1);
			wk_sleep_ms(2);
			close_reset(s);
		} else {
			wk_sleep_ms(2);
		}
	}
	return NULL;
}

/*
 * tests/apps/wasi_fuzz.c with a listener at fd 4 (after the fs grant):
 * random arguments to every sock_* call on a real socket and on the
 * connections it accepts give errnos only.
 */
TEST_F_TIMEOUT(net, random_arguments_to_sock_calls_on_a_listener, 300)
{
	pthread_t t;

	ASSERT_EQ(0, wk_sh(NULL, 0, "rm -rf /tmp/wkfuzz && mkdir -p /tmp/wkfuzz"));
	fuzz_done = 0;
	ASSERT_EQ(0, pthread_create(&t, NULL, fuzz_clients, NULL));
	EXPECT_EQ(0, wk_sh(self->out, sizeof(self->out),
			   "wasmctl load " WK_APPS "/wasi_fuzz.wko --cap fs:/tmp/wkfuzz"
			   " --cap net:tcp-listen:127.0.0.1:17013 --arg 5000 --arg 0x5eed --wait"))
		TH_LOG("%s", self->out);
	fuzz_done = 1;
	pthread_join(t, NULL);
	EXPECT_TRUE(wk_line_with(self->out, "fuzz: 5000 calls, seed", "0x5eed"))
		TH_LOG("%s", self->out);
}

/* Unreclaimable slab plus vmalloc, in KiB. */
static long kernel_kib(void)
{
	char buf[8192], *p;
	long slab = -1, vm = -1;

	if (wk_read_file("/proc/meminfo", buf, sizeof(buf)) <= 0)
		return -1;
	p = strstr(buf, "SUnreclaim:");
	if (p)
		sscanf(p, "SUnreclaim: %ld", &slab);
	p = strstr(buf, "VmallocUsed:");
	if (p)
		sscanf(p, "VmallocUsed: %ld", &vm);
	return slab < 0 || vm < 0 ? -1 : slab + vm;
}

TEST_F_TIMEOUT(net, connect_close_cycles_do_not_leak, 300)
{
	long before = -1, after;
	char b[2];
	int i, s;

	load(_metadata, self, ECHO " --cap net:tcp-listen:127.0.0.1:17011");
	/* one round first: the app's and the socket caches' first allocations */
	for (i = 0; i < 1100; i++) {
		s = tcp_connect(17011);
		ASSERT_LE(0, s) TH_LOG("cycle %d: %d", i, s);
		if (i % 100 == 0) {	/* and the app still echoes */
			ASSERT_EQ(1, write(s, "c", 1));
			ASSERT_TRUE(read_all(s, b, 1));
		}
		close_reset(s);
		if (i == 99) {
			wk_sleep_ms(200);
			before = kernel_kib();
		}
	}
	s = tcp_connect(17011);
	ASSERT_LE(0, s);
	ASSERT_EQ(1, write(s, "c", 1));
	ASSERT_TRUE(read_all(s, b, 1));	/* every reset seen by now */
	close_reset(s);
	wk_sleep_ms(200);
	after = kernel_kib();
	ASSERT_LT(0, before);
	/* A socket and its file leaked per cycle would be over 1.5 MiB for 1000. */
	EXPECT_GT(1024, after - before) TH_LOG("before %ld KiB, after %ld KiB", before, after);
}

TEST_HARNESS_MAIN
