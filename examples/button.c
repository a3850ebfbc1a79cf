// SPDX-License-Identifier: GPL-2.0
/*
 * button: sleeps in poll_oneoff until a GPIO edge, counts presses
 * (rising edges) and reports each with its kernel timestamp
 * (Documentation/devices.md).  No polling loop: between presses the
 * instance sleeps on the line's wait queue.
 *
 *   clang-16 --target=wasm32-wasi -O2 button.c -o button.wasm
 *   sudo wasmctl load button.wasm --cap gpio:gpiochip0:27:in,edge=both --arg 10 --wait
 *
 * The argument is the number of presses to wait for (default 5).  The line
 * is the first grant, so its descriptor is 3.
 */
#include <poll.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <unistd.h>

/* struct wasmkm_gpio_event of <linux/wasmkm.h> */
struct gpio_event {
	uint64_t timestamp_ns;
	uint32_t seq;
	uint8_t rising;
	uint8_t pad[3];
};

#define LINE_FD 3

int main(int argc, char **argv)
{
	long want = argc > 1 ? atol(argv[1]) : 5;
	struct pollfd p = { .fd = LINE_FD, .events = POLLIN };
	struct gpio_event ev[8];
	uint32_t last = 0;
	long presses = 0;

	while (presses < want) {
		ssize_t n;
		int i;

		if (poll(&p, 1, -1) < 0) {
			perror("poll on the GPIO line (is it granted with edge=...?)");
			return 1;
		}
		n = read(LINE_FD, ev, sizeof(ev));
		if (n < 0) {
			perror("read of the GPIO line");
			return 1;
		}
		for (i = 0; i < n / (ssize_t)sizeof(ev[0]); i++) {
			if (last && ev[i].seq != last + 1)
				printf("missed %u edges\n", ev[i].seq - last - 1);
			last = ev[i].seq;
			if (!ev[i].rising)
				continue;
			presses++;
			printf("press %ld at %llu.%06llu s\n", presses,
			       (unsigned long long)(ev[i].timestamp_ns / 1000000000),
			       (unsigned long long)(ev[i].timestamp_ns % 1000000000 / 1000));
		}
		fflush(stdout);
	}
	return 0;
}
