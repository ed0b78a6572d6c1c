/*
 * ingest/av.c - loads libavformat, libavcodec, libavutil and libswscale on first use (see
 * av.h).
 */
#include "ingest/av.h"

#include <dlfcn.h>
#include <pthread.h>
#include <stdio.h>

#define LH_AV_STR(x) #x
#define LH_AV_XSTR(x) LH_AV_STR(x)

lh_av_api lh_av;

static pthread_once_t once = PTHREAD_ONCE_INIT;
static char failure[512]; /* empty once loaded */

static void load(void)
{
	/* the sonames of the headers we were compiled against, and their Debian packages */
	static const struct {
		const char *soname, *package;
	} libs[] = {
	    {"libavformat.so." LH_AV_XSTR(LIBAVFORMAT_VERSION_MAJOR),
	     "libavformat" LH_AV_XSTR(LIBAVFORMAT_VERSION_MAJOR)},
	    {"libavcodec.so." LH_AV_XSTR(LIBAVCODEC_VERSION_MAJOR),
	     "libavcodec" LH_AV_XSTR(LIBAVCODEC_VERSION_MAJOR)},
	    {"libavutil.so." LH_AV_XSTR(LIBAVUTIL_VERSION_MAJOR),
	     "libavutil" LH_AV_XSTR(LIBAVUTIL_VERSION_MAJOR)},
	    {"libswscale.so." LH_AV_XSTR(LIBSWSCALE_VERSION_MAJOR),
	     "libswscale" LH_AV_XSTR(LIBSWSCALE_VERSION_MAJOR)},
	};
	void *handles[sizeof libs / sizeof libs[0]];
	for (size_t i = 0; i < sizeof libs / sizeof libs[0]; i++) {
		if (!(handles[i] = dlopen(libs[i].soname, RTLD_NOW | RTLD_LOCAL))) {
			const char *why = dlerror();
			snprintf(failure, sizeof failure,
			         "video and image thumbnails need %s, which cannot be loaded "
			         "(%s); install Debian's package %s",
			         libs[i].soname, why ? why : "not found", libs[i].package);
			return;
		}
	}
	/* each function from whichever library defines it; the handles stay open */
#define LH_AV_RESOLVE(ret, name, params)                                                       \
	for (size_t i = 0; !lh_av.name && i < sizeof handles / sizeof handles[0]; i++)         \
		*(void **)&lh_av.name = dlsym(handles[i], #name);                              \
	if (!lh_av.name) {                                                                     \
		snprintf(failure, sizeof failure,                                              \
		         "video and image thumbnails need the function %s, which the "         \
		         "installed libav libraries lack; install the libav versions this "    \
		         "lakehouse was built with (%s)",                                      \
		         #name, libs[0].package);                                              \
		return;                                                                        \
	}
	LH_AV_FUNCTIONS(LH_AV_RESOLVE)
#undef LH_AV_RESOLVE
}

lh_status lh_av_load(lh_err *err)
{
	pthread_once(&once, load);
	if (failure[0])
		return lh_err_set(err, LH_ERR_UNSUPPORTED, "%s", failure);
	return LH_OK;
}
