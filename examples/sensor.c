// SPDX-License-Identifier: GPL-2.0
/*
 * sensor: an event-driven app that may touch only the directory it is
 * granted.  It takes readings from readings.txt there (one number a line,
 * standing in for a sensor), and appends a timestamped line per reading,
 * with the running mean, to sensor.log in the same directory.
 *
 *   clang-16 --target=wasm32-wasi -O2 sensor.c -o sensor.wasm
 *   wasmctl load sensor.wasm --cap fs:/data --wait
 *   wasmctl load sensor.wasm --cap fs:/srv/sensor:/data --arg 250 --wait
 *
 * The argument is the sampling interval in milliseconds (default 100).
 */
#include <stdio.h>
#include <stdlib.h>
#include <time.h>

int main(int argc, char **argv)
{
	long interval_ms = argc > 1 ? atol(argv[1]) : 100;
	struct timespec gap = { interval_ms / 1000, (interval_ms % 1000) * 1000000 };
	FILE *in = fopen("/data/readings.txt", "r");
	FILE *log = fopen("/data/sensor.log", "a");
	double value, sum = 0;
	int n = 0;

	if (!in || !log) {
		perror(in ? "/data/sensor.log" : "/data/readings.txt");
		return 1;
	}
	while (fscanf(in, "%lf", &value) == 1) {
		struct timespec now;
		char stamp[32];

		clock_gettime(CLOCK_REALTIME, &now);
		strftime(stamp, sizeof(stamp), "%Y-%m-%dT%H:%M:%S", gmtime(&now.tv_sec));
		sum += value;
		n++;
		fprintf(log, "%s.%03ldZ reading=%.2f mean=%.2f\n", stamp, now.tv_nsec / 1000000,
			value, sum / n);
		fflush(log);
		nanosleep(&gap, NULL);
	}
	fclose(in);
	if (fclose(log)) {
		perror("/data/sensor.log");
		return 1;
	}
	printf("sensor: %d readings logged to /data/sensor.log, mean %.2f\n", n, n ? sum / n : 0);
	return 0;
}
