/*
 * util/fault.c - the fault injection counters (see fault.h). Compiled to nothing
 * unless LH_FAULT_INJECTION is defined.
 */
#include "util/fault.h"

#ifdef LH_FAULT_INJECTION

#include <errno.h>
#include <execinfo.h>
#include <pthread.h>
#include <stdatomic.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static const char *const point_names[LH_FAULT_POINTS] = {
    "alloc", "write", "fsync", "rename", "store_put", "catalog_commit", "after_commit",
    "catalog_checkpoint"};

static pthread_once_t once = PTHREAD_ONCE_INIT;
static int armed_point = -1;
static long armed_n;
static bool armed_sticky;
static atomic_long calls[LH_FAULT_POINTS];
static atomic_long fired[LH_FAULT_POINTS];
static char report_path[4096];
static bool trace;
/* set while configuring or reporting, so the wrapped allocator does not count us */
static _Thread_local bool inside;

static void write_report(void)
{
	inside = true;
	FILE *f = fopen(report_path, "w");
	if (f) {
		for (int i = 0; i < LH_FAULT_POINTS; i++)
			fprintf(f, "%s %ld %ld\n", point_names[i], atomic_load(&calls[i]),
			        atomic_load(&fired[i]));
		fclose(f);
	}
	inside = false;
}

static void configure(void)
{
	inside = true;
	const char *spec = getenv("LH_FAULT");
	if (spec && *spec) {
		const char *colon = strchr(spec, ':');
		for (int i = 0; colon && i < LH_FAULT_POINTS; i++)
			if (strlen(point_names[i]) == (size_t)(colon - spec) &&
			    strncmp(spec, point_names[i], (size_t)(colon - spec)) == 0) {
				char *end = NULL;
				long n = strtol(colon + 1, &end, 10);
				if (n > 0) {
					armed_point = i;
					armed_n = n;
					armed_sticky = end && *end == '+';
				}
			}
	}
	trace = getenv("LH_FAULT_TRACE") != NULL;
	const char *rep = getenv("LH_FAULT_REPORT");
	if (rep && *rep && strlen(rep) < sizeof report_path) {
		strcpy(report_path, rep);
		atexit(write_report);
	}
	inside = false;
}

/* The sanitizer's symbolised stack when there is one, else glibc's. */
void __sanitizer_print_stack_trace(void) __attribute__((weak));

static void print_trace(lh_fault_point point)
{
	fprintf(stderr, "LH_FAULT: %s fired here:\n", point_names[point]);
	if (__sanitizer_print_stack_trace) {
		__sanitizer_print_stack_trace();
	} else {
		void *frames[64];
		backtrace_symbols_fd(frames, backtrace(frames, 64), 2);
	}
}

bool lh_fault(lh_fault_point point)
{
	if (inside)
		return false;
	pthread_once(&once, configure);
	long n = atomic_fetch_add(&calls[point], 1) + 1;
	if ((int)point != armed_point || n < armed_n || (n > armed_n && !armed_sticky))
		return false;
	atomic_fetch_add(&fired[point], 1);
	if (trace) /* where the fault fired, for a torture run's failure */
		print_trace(point);
	errno = point == LH_FAULT_ALLOC ? ENOMEM : point == LH_FAULT_WRITE ? ENOSPC : EIO;
	return true;
}

/* Our own allocations, wrapped at link time (-Wl,--wrap=malloc,...) in the fault build:
 * allocations inside DuckDB, libc and the other shared libraries are not counted. */
void *__real_malloc(size_t n);
void *__real_calloc(size_t n, size_t size);
void *__real_realloc(void *p, size_t n);
char *__real_strdup(const char *s);
char *__real_strndup(const char *s, size_t n);

void *__wrap_malloc(size_t n)
{
	return lh_fault(LH_FAULT_ALLOC) ? NULL : __real_malloc(n);
}
void *__wrap_calloc(size_t n, size_t size)
{
	return lh_fault(LH_FAULT_ALLOC) ? NULL : __real_calloc(n, size);
}
void *__wrap_realloc(void *p, size_t n)
{
	return lh_fault(LH_FAULT_ALLOC) ? NULL : __real_realloc(p, n);
}
char *__wrap_strdup(const char *s)
{
	return lh_fault(LH_FAULT_ALLOC) ? NULL : __real_strdup(s);
}
char *__wrap_strndup(const char *s, size_t n)
{
	return lh_fault(LH_FAULT_ALLOC) ? NULL : __real_strndup(s, n);
}

#else
typedef int lh_fault_translation_unit_not_empty;
#endif
