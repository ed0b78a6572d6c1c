/* placeholder until video.c lands */
#include "cli.h"
const char *const video_help = "";
int cli_video(const opts *o) { (void)o; return 1; }
