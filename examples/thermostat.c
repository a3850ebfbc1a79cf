// SPDX-License-Identifier: GPL-2.0
/*
 * thermostat: reads an LM75-style temperature register over I2C, switches
 * a heater on a GPIO output with hysteresis, and logs each reading to the
 * directory it is granted (Documentation/devices.md).
 *
 *   clang-16 --target=wasm32-wasi -O2 thermostat.c -o thermostat.wasm
 *   sudo wasmctl load thermostat.wasm --cap fs:/var/log/thermo:/log \
 *       --cap i2c:1:0x48 --cap gpio:gpiochip0:17:out --arg 21.0 --arg 20 --wait
 *
 * Arguments: the set point in degrees C (default 21.0) and the number of
 * readings, one every 100 ms (default 10; 0 runs until stopped).
 * Descriptors: 3 the log directory, 4 the sensor, 5 the heater.
 */
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <time.h>
#include <unistd.h>

#define SENSOR_FD 4
#define HEATER_FD 5
#define HYSTERESIS 0.5

/* Register 0, two bytes, big-endian, in 1/256 degrees C. */
static int read_temp(double *t)
{
	uint8_t b[2];

	if (pread(SENSOR_FD, b, 2, 0) != 2)
		return -1;
	*t = (int16_t)(b[0] << 8 | b[1]) / 256.0;
	return 0;
}

int main(int argc, char **argv)
{
	double set = argc > 1 ? atof(argv[1]) : 21.0;
	long n = argc > 2 ? atol(argv[2]) : 10;
	struct timespec gap = { 0, 100 * 1000000 };
	FILE *log = fopen("/log/thermostat.log", "a");
	int heater = 0;
	long i;

	if (!log) {
		perror("/log/thermostat.log (grant a directory as /log)");
		return 1;
	}
	for (i = 0; !n || i < n; i++) {
		double t;
		int want = heater;

		if (read_temp(&t)) {
			perror("reading the sensor (register 0)");
			return 1;
		}
		if (t < set - HYSTERESIS)
			want = 1;
		else if (t > set + HYSTERESIS)
			want = 0;
		if (want != heater) {
			uint8_t v = want;

			if (write(HEATER_FD, &v, 1) != 1) {
				perror("switching the heater");
				return 1;
			}
			heater = want;
		}
		fprintf(log, "%ld %.2f C heater %s\n", i, t, heater ? "on" : "off");
		fflush(log);
		printf("%.2f C heater %s\n", t, heater ? "on" : "off");
		nanosleep(&gap, NULL);
	}
	fclose(log);
	return 0;
}
