# SPDX-License-Identifier: GPL-2.0
# shellcheck shell=sh
#
# The network benchmark in the guest (bench/net.py), sourced by guest.sh
# (its run() and APPS).  The same servers, examples/echo_server.c and
# examples/httpd.c, as wasmkm apps and as native programs built over
# bench/net/shim, are started once and stay up; /bench/netload (one load
# generator in guest userspace) drives them in turns, native then kernel,
# NET_REPS times.  Lines: "ENGINE net KIND REQS BYTES NS P50 P99 OK".
# shellcheck source=/dev/null
. /bench/net.conf
ifconfig lo 127.0.0.1 up
mkdir -p /tmp/www
head -c "$NET_HTTP_LEN" /bench/netload >/tmp/www/file.bin

# Native servers: a listener at fd 3, as the grant gives the apps.
/bench/netload listen 18101 /bench/echo-native >/dev/null &
NET_PIDS=$!
/bench/netload listen 18103 /bench/httpd-native /tmp/www >/dev/null &
NET_PIDS="$NET_PIDS $!"
run kernel wasmctl load /bench/echo_server.wko --cap net:tcp-listen:127.0.0.1:18102
run kernel wasmctl load /bench/httpd.wko --cap fs:/tmp/www --cap net:tcp-listen:127.0.0.1:18104 \
	--arg /tmp/www
# the native ones are listening once netload has exec'ed; give them a moment
sleep 1

i=0
while [ "$i" -lt "$NET_REPS" ]; do
	for e in native:18101:18103 kernel:18102:18104; do
		engine=${e%%:*}
		ports=${e#*:}
		echo_port=${ports%:*}
		http_port=${ports#*:}
		run "$engine" /bench/netload echo "$echo_port" "$NET_CLIENTS" "$NET_ECHO_REQS" 64
		run "$engine" /bench/netload echo "$echo_port" 1 "$NET_BULK_REQS" 65536
		run "$engine" /bench/netload http "$http_port" "$NET_CLIENTS" "$NET_HTTP_REQS" \
			/file.bin "$NET_HTTP_LEN"
	done
	i=$((i + 1))
done

# shellcheck disable=SC2086  # one pid per word
kill $NET_PIDS
# the two apps (and their instances) go with guest.sh's unload_all
