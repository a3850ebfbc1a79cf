// SPDX-License-Identifier: GPL-2.0
/*
 * wasmkm: net: grants (Documentation/capabilities.md, "net: grants").
 *
 * LOAD runs as the loader, so everything here that LOAD does happens in the
 * loader's network namespace with the loader's credentials, exactly as its
 * own socket(2), bind(2) and listen(2) would: a port below 1024 needs
 * CAP_NET_BIND_SERVICE in that namespace, a port in use fails, LSMs see a
 * user socket (kern = 0).  A tcp-listen or udp grant keeps its bound socket
 * for the app's life and every instance gets it as a preopen; a
 * tcp-connect grant keeps the namespace and the address, and each instance
 * connects when it starts, with the loader's credentials (the instance's
 * thread runs with them).
 */
#include <linux/file.h>
#include <linux/in.h>
#include <linux/in6.h>
#include <linux/net.h>
#include <linux/nsproxy.h>
#include <linux/slab.h>
#include <linux/socket.h>
#include <net/net_namespace.h>
#include <net/sock.h>

#include "caps.h"
#include "wasi/sock.h"
#include "wasmkm.h"

#define WASMKM_NET_BACKLOG	128

struct wasmkm_net_grant {
	u32 type;			/* enum wasmkm_net_type */
	struct file *file;		/* LISTEN, UDP: the bound socket */
	struct net *net;		/* CONNECT: the loader's namespace */
	struct sockaddr_storage addr;	/* CONNECT: whom to connect to */
	int addrlen;
	char what[96];			/* "net:tcp-listen:127.0.0.1:8080", for errors */
};

static const char *const wasmkm_net_type_names[] = {
	[WASMKM_NET_TCP_LISTEN] = "tcp-listen",
	[WASMKM_NET_TCP_CONNECT] = "tcp-connect",
	[WASMKM_NET_UDP] = "udp",
};

/* The uapi address as a sockaddr; its length, or 0 if it is not valid. */
static int wasmkm_net_sockaddr(const struct wasmkm_net_addr *a, struct sockaddr_storage *ss)
{
	memset(ss, 0, sizeof(*ss));
	if (a->family == AF_INET) {
		struct sockaddr_in *sin = (struct sockaddr_in *)ss;

		if (a->scope_id || memchr_inv(a->addr + 4, 0, sizeof(a->addr) - 4))
			return 0;
		sin->sin_family = AF_INET;
		sin->sin_port = htons(a->port);
		memcpy(&sin->sin_addr, a->addr, 4);
		return sizeof(*sin);
	}
	if (a->family == AF_INET6) {
		struct sockaddr_in6 *sin6 = (struct sockaddr_in6 *)ss;

		sin6->sin6_family = AF_INET6;
		sin6->sin6_port = htons(a->port);
		sin6->sin6_scope_id = a->scope_id;
		memcpy(&sin6->sin6_addr, a->addr, 16);
		return sizeof(*sin6);
	}
	return 0;
}

static const char *wasmkm_net_why(int err)
{
	switch (err) {
	case -EADDRINUSE:
		return "address in use";
	case -EACCES:
	case -EPERM:
		return "permission denied (a port below 1024 needs CAP_NET_BIND_SERVICE)";
	case -EADDRNOTAVAIL:
		return "address not available on this host";
	case -EAFNOSUPPORT:
		return "address family not supported";
	case -ENETUNREACH:
		return "network unreachable";
	case -ECONNREFUSED:
		return "connection refused";
	case -ETIMEDOUT:
		return "timed out";
	}
	return "failed";
}

/* Create a socket in @net as the current task (a user socket, for LSMs). */
static int wasmkm_net_socket(struct net *net, int family, int type, struct socket **sock)
{
	return __sock_create(net, family, type, type == SOCK_STREAM ? IPPROTO_TCP : IPPROTO_UDP,
			     sock, 0);
}

/* LOAD: bind (and listen on, or connect) the socket of a listen or udp grant. */
static int wasmkm_net_bind(struct wasmkm_net_grant *ng, const struct wasmkm_cap_net *cn,
			   const struct sockaddr_storage *addr, int addrlen, char *error)
{
	struct net *net = current->nsproxy->net_ns;
	bool udp = cn->type == WASMKM_NET_UDP;
	struct sockaddr_storage peer;
	struct socket *sock;
	const char *step;
	int ret, peerlen = 0;

	if (udp && cn->peer.family) {
		peerlen = wasmkm_net_sockaddr(&cn->peer, &peer);
		if (!peerlen || !cn->peer.port) {
			snprintf(error, WASMKM_ERROR_LEN, "%s: bad peer address", ng->what);
			return -EINVAL;
		}
	}
	step = "socket";
	ret = wasmkm_net_socket(net, addr->ss_family, udp ? SOCK_DGRAM : SOCK_STREAM, &sock);
	if (ret)
		goto fail;
	if (!udp)
		sock_set_reuseaddr(sock->sk);	/* as wasmtime's and Rust's listeners */
	step = "bind";
	ret = kernel_bind(sock, (struct sockaddr *)addr, addrlen);
	if (!ret && !udp) {
		u32 backlog = cn->backlog ? cn->backlog : WASMKM_NET_BACKLOG;

		step = "listen";
		backlog = min_t(u32, backlog, READ_ONCE(net->core.sysctl_somaxconn));
		ret = kernel_listen(sock, backlog);
	}
	if (!ret && peerlen) {
		step = "connect to the peer";
		ret = kernel_connect(sock, (struct sockaddr *)&peer, peerlen, 0);
	}
	if (ret) {
		sock_release(sock);
		goto fail;
	}
	ng->file = sock_alloc_file(sock, 0, NULL);	/* releases sock on error */
	if (IS_ERR(ng->file)) {
		ret = PTR_ERR(ng->file);
		ng->file = NULL;
		step = "socket file";
		goto fail;
	}
	return 0;
fail:
	snprintf(error, WASMKM_ERROR_LEN, "%s: %s: %s (error %d)", ng->what, step,
		 wasmkm_net_why(ret), ret);
	return ret;
}

static int wasmkm_net_get(struct wasmkm_app *app, struct wasmkm_grant *g,
			  const struct wasmkm_cap *cap, char *error)
{
	const struct wasmkm_cap_net *cn = &cap->net;
	struct wasmkm_net_grant *ng;
	struct sockaddr_storage addr;
	int addrlen, ret;

	if (cap->flags || cap->reserved || cap->dir_fd) {
		snprintf(error, WASMKM_ERROR_LEN, "flags, dir_fd and reserved must be 0");
		return -EINVAL;
	}
	if (cn->type < WASMKM_NET_TCP_LISTEN || cn->type > WASMKM_NET_UDP) {
		snprintf(error, WASMKM_ERROR_LEN, "unknown net type %u", cn->type);
		return -EINVAL;
	}
	ng = kzalloc(sizeof(*ng), GFP_KERNEL_ACCOUNT);
	if (!ng)
		return -ENOMEM;
	ng->type = cn->type;
	addrlen = wasmkm_net_sockaddr(&cn->addr, &addr);
	if (addrlen)
		snprintf(ng->what, sizeof(ng->what), "net:%s:%pISpc",
			 wasmkm_net_type_names[cn->type], &addr);
	else
		snprintf(ng->what, sizeof(ng->what), "net:%s", wasmkm_net_type_names[cn->type]);
	if (!addrlen || (cn->type == WASMKM_NET_TCP_CONNECT && !cn->addr.port) ||
	    (cn->type != WASMKM_NET_UDP && cn->peer.family)) {
		snprintf(error, WASMKM_ERROR_LEN, "%s: bad address (IPv4 or IPv6, a port)",
			 ng->what);
		ret = -EINVAL;
		goto err;
	}
	if (cn->type == WASMKM_NET_TCP_CONNECT) {
		ng->net = get_net(current->nsproxy->net_ns);
		ng->addr = addr;
		ng->addrlen = addrlen;
	} else {
		ret = wasmkm_net_bind(ng, cn, &addr, addrlen, error);
		if (ret)
			goto err;
	}
	g->priv = ng;
	return 0;
err:
	kfree(ng);
	return ret;
}

static void wasmkm_net_put(struct wasmkm_grant *g)
{
	struct wasmkm_net_grant *ng = g->priv;

	if (!ng)
		return;
	if (ng->file)
		fput(ng->file);
	if (ng->net)
		put_net(ng->net);
	kfree(ng);
	g->priv = NULL;
}

/*
 * At instance start, in the instance's thread (the loader's credentials):
 * the grant's socket as descriptor @f.  A tcp-connect grant connects now;
 * the wait ends on a stop.  On failure inst->error names the grant.
 */
static int wasmkm_net_preopen(struct wasmkm_inst *inst, struct wasmkm_grant *g,
			      struct wasmkm_fd *f)
{
	struct wasmkm_net_grant *ng = g->priv;
	struct socket *sock;
	struct file *file;
	int ret;

	if (ng->file) {
		/* Instances of one app share the listener, as forked processes do. */
		file = get_file(ng->file);
	} else {
		ret = wasmkm_net_socket(ng->net, ng->addr.ss_family, SOCK_STREAM, &sock);
		if (!ret) {
			ret = kernel_connect(sock, (struct sockaddr *)&ng->addr, ng->addrlen, 0);
			if (ret)
				sock_release(sock);
		}
		if (ret) {
			snprintf(inst->error, sizeof(inst->error), "%s: connect: %s (error %d)",
				 ng->what, wasmkm_net_why(ret), ret);
			return ret;
		}
		file = sock_alloc_file(sock, 0, NULL);
		if (IS_ERR(file)) {
			snprintf(inst->error, sizeof(inst->error), "%s: no socket file (error %ld)",
				 ng->what, PTR_ERR(file));
			return PTR_ERR(file);
		}
	}
	/* fd_prestat_get is EBADF: only fs grants are preopened directories */
	f->ops = ng->type == WASMKM_NET_UDP ? &wasmkm_fd_sock_dgram_ops :
		 &wasmkm_fd_sock_stream_ops;
	f->file = file;
	f->rights = WASMKM_RIGHTS_SOCK;
	f->rights_inh = WASMKM_RIGHTS_SOCK;
	return 0;
}

const struct wasmkm_cap_type wasmkm_cap_net = {
	.kind = WASMKM_CAP_NET,
	.name = "net",
	.get = wasmkm_net_get,
	.put = wasmkm_net_put,
	.preopen = wasmkm_net_preopen,
};
