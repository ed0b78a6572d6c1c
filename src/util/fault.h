/*
 * util/fault.h - fault injection for the torture tests.
 *
 * Layer: util (bottom). In a build configured with LH_FAULT=ON (the sanitizer build of
 * `make test`, and `make torture`), each place below asks lh_fault() before it does its
 * work and fails as if the operation had failed when the answer is true. Which call
 * fails comes from the environment, read once:
 *
 *   LH_FAULT=<point>:<n>[+]   fail the n-th call at <point> (1-based); with '+', that call
 *                             and every later one (a full disk stays full)
 *   LH_FAULT_REPORT=<file>    at exit, write "<point> <calls> <fired>" lines to <file>,
 *                             so a harness knows whether the fault was reached
 *   LH_FAULT_TRACE=1          print the stack where the fault fired, on stderr
 *
 * The points: alloc (our own malloc/calloc/realloc/strdup, through link-time wrapping),
 * write, fsync, rename (util/fsutil.c, store/store_fs.c), store_put (every object put,
 * any backend), catalog_commit (the catalog transaction's COMMIT), after_commit (the
 * work a lake does after its catalog commit succeeded: refreshing its state),
 * catalog_checkpoint (a DuckDB-file catalog's checkpointed copy renamed over the file,
 * past the point of no return: the next opener must finish it).
 * Outside such a build lh_fault() is a constant false and costs nothing.
 *
 * The counters are the one piece of global state this project has beyond one-time
 * initialisation; they exist only in the fault build.
 */
#ifndef LH_UTIL_FAULT_H
#define LH_UTIL_FAULT_H

#include <stdbool.h>

typedef enum lh_fault_point {
	LH_FAULT_ALLOC,
	LH_FAULT_WRITE,
	LH_FAULT_FSYNC,
	LH_FAULT_RENAME,
	LH_FAULT_STORE_PUT,
	LH_FAULT_CATALOG_COMMIT,
	LH_FAULT_AFTER_COMMIT,
	LH_FAULT_CATALOG_CHECKPOINT,
	LH_FAULT_POINTS
} lh_fault_point;

#ifdef LH_FAULT_INJECTION
/* True when this call at `point` must fail (and errno is set to a fitting value). */
bool lh_fault(lh_fault_point point);
#else
static inline bool lh_fault(lh_fault_point point)
{
	(void)point;
	return false;
}
#endif

#endif
