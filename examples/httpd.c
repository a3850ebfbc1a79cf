// SPDX-License-Identifier: GPL-2.0
/*
 * httpd: a small HTTP/1.1 server for a fog node: GET (and HEAD) of the
 * files in a granted directory, e.g. the log examples/sensor.c writes.
 *
 *   wasmctl load sensor.wasm --cap fs:/data --wait
 *   wasmctl load httpd.wasm --cap fs:/data --cap net:tcp-listen:0.0.0.0:8080
 *   wget -O - http://127.0.0.1:8080/sensor.log
 *
 * Argument: the directory to serve [/data].  One request per connection
 * (it answers "Connection: close"), one connection at a time; "/" serves
 * sensor.log.  Paths with ".." or a second '/' are refused (400): the
 * grant confines the app anyway, this keeps it to the one directory.
 */
#include <stdio.h>
#include <string.h>
#include <wasi/api.h>

#define REQ_MAX 4096

static char req[REQ_MAX + 1];
static char body[64 * 1024];

static int find_listener(void)
{
	__wasi_fdstat_t st;
	int fd;

	for (fd = 3; fd < 64; fd++)
		if (__wasi_fd_fdstat_get(fd, &st) == 0 &&
		    st.fs_filetype == __WASI_FILETYPE_SOCKET_STREAM)
			return fd;
	return -1;
}

static int send_all(__wasi_fd_t fd, const void *p, size_t len)
{
	const char *c = p;

	while (len) {
		__wasi_ciovec_t iov = { (const uint8_t *)c, len };
		__wasi_size_t sent;

		if (__wasi_sock_send(fd, &iov, 1, 0, &sent) != 0)
			return -1;
		c += sent;
		len -= sent;
	}
	return 0;
}

static void reply(__wasi_fd_t c, const char *status, long len, const char *text)
{
	char head[256];
	int n = snprintf(head, sizeof(head),
			 "HTTP/1.1 %s\r\nContent-Length: %ld\r\nContent-Type: text/plain\r\n"
			 "Connection: close\r\n\r\n", status, len);

	if (send_all(c, head, n) == 0 && text)
		send_all(c, text, strlen(text));
}

/* Read the request head (up to the blank line); its length, or -1. */
static int read_request(__wasi_fd_t c)
{
	size_t have = 0;

	while (have < REQ_MAX) {
		__wasi_iovec_t iov = { (uint8_t *)req + have, REQ_MAX - have };
		__wasi_roflags_t rof;
		__wasi_size_t got;

		if (__wasi_sock_recv(c, &iov, 1, 0, &got, &rof) != 0 || !got)
			return -1;
		have += got;
		req[have] = 0;
		if (strstr(req, "\r\n\r\n") || strstr(req, "\n\n"))
			return have;
	}
	return -1;
}

static void serve(__wasi_fd_t c, const char *root)
{
	char method[8], target[256], path[512];
	int head;
	FILE *f;
	long len;

	if (read_request(c) < 0 ||
	    sscanf(req, "%7s %255s HTTP/1.%*c", method, target) != 2) {
		reply(c, "400 Bad Request", 12, "bad request\n");
		return;
	}
	head = !strcmp(method, "HEAD");
	if (!head && strcmp(method, "GET")) {
		reply(c, "405 Method Not Allowed", 19, "only GET and HEAD\n");
		return;
	}
	if (!strcmp(target, "/"))
		strcpy(target, "/sensor.log");
	if (target[0] != '/' || strstr(target, "..") || strchr(target + 1, '/')) {
		reply(c, "400 Bad Request", 12, "bad request\n");
		return;
	}
	snprintf(path, sizeof(path), "%s%s", root, target);
	f = fopen(path, "rb");
	if (!f || fseek(f, 0, SEEK_END) || (len = ftell(f)) < 0 || fseek(f, 0, SEEK_SET)) {
		if (f)
			fclose(f);
		reply(c, "404 Not Found", 10, "not found\n");
		return;
	}
	reply(c, "200 OK", len, NULL);
	while (!head && len > 0) {
		size_t n = fread(body, 1, sizeof(body), f);

		if (!n || send_all(c, body, n))
			break;
		len -= n;
	}
	fclose(f);
}

int main(int argc, char **argv)
{
	const char *root = argc > 1 ? argv[1] : "/data";
	int l = find_listener();

	if (l < 0) {
		fprintf(stderr, "httpd: no listener granted (--cap net:tcp-listen:ADDR:PORT)\n");
		return 1;
	}
	printf("httpd: serving %s on fd %d\n", root, l);
	fflush(stdout);
	for (;;) {
		__wasi_fd_t c;

		if (__wasi_sock_accept(l, 0, &c) != 0)
			continue;
		serve(c, root);
		/* the client's close ends it; no lingering half-open connection */
		(void)!__wasi_sock_shutdown(c, __WASI_SDFLAGS_WR);
		(void)!__wasi_fd_close(c);
	}
}
