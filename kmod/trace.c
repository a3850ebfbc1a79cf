// SPDX-License-Identifier: GPL-2.0
/* wasmkm: the one translation unit that instantiates the tracepoints. */
#include "wasmkm.h"

#define CREATE_TRACE_POINTS
#include "trace.h"
