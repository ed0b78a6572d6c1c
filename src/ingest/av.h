/*
 * ingest/av.h - the libav (FFmpeg) functions video ingest and image thumbnails call,
 * loaded on first use.
 *
 * Layer: services (ingest). libavformat and libavcodec bring about 120 shared libraries
 * with them (codecs, X11, cairo, ...); linked normally they are loaded and relocated at
 * the start of every lakehouse process and every program using liblakehouse, video or
 * not (about 65 ms a start here, twice that under ASan). Only video ingest (video.c) and
 * thumbnails (thumb.c) need them, so they load them with dlopen when they start, by the
 * sonames of the headers this was built against. Calls go through the table:
 * lh_av.avformat_open_input(...).
 */
#ifndef LH_INGEST_AV_H
#define LH_INGEST_AV_H

#include "util/err.h"

#include <libavcodec/avcodec.h>
#include <libavformat/avformat.h>
#include <libavutil/avutil.h>
#include <libswscale/swscale.h>

/* X(return type, name, parameters) for every libav function we call */
#define LH_AV_FUNCTIONS(X)                                                                     \
	X(int, avformat_open_input, (AVFormatContext **, const char *, const AVInputFormat *,     \
	                             AVDictionary **))                                            \
	X(int, avformat_find_stream_info, (AVFormatContext *, AVDictionary **))                   \
	X(void, avformat_close_input, (AVFormatContext **))                                       \
	X(int, avformat_alloc_output_context2, (AVFormatContext **, const AVOutputFormat *,       \
	                                        const char *, const char *))                      \
	X(AVStream *, avformat_new_stream, (AVFormatContext *, const AVCodec *))                  \
	X(int, avformat_write_header, (AVFormatContext *, AVDictionary **))                       \
	X(void, avformat_free_context, (AVFormatContext *))                                       \
	X(int, av_find_best_stream, (AVFormatContext *, enum AVMediaType, int, int,               \
	                             const AVCodec **, int))                                      \
	X(int, av_read_frame, (AVFormatContext *, AVPacket *))                                    \
	X(int, av_write_frame, (AVFormatContext *, AVPacket *))                                   \
	X(int, av_write_trailer, (AVFormatContext *))                                             \
	X(int, avio_open, (AVIOContext **, const char *, int))                                    \
	X(int, avio_closep, (AVIOContext **))                                                     \
	X(int64_t, avio_size, (AVIOContext *))                                                    \
	X(int, avcodec_parameters_copy, (AVCodecParameters *, const AVCodecParameters *))         \
	X(int, avcodec_parameters_to_context, (AVCodecContext *, const AVCodecParameters *))      \
	X(const AVCodec *, avcodec_find_decoder, (enum AVCodecID))                                \
	X(AVCodecContext *, avcodec_alloc_context3, (const AVCodec *))                            \
	X(int, avcodec_open2, (AVCodecContext *, const AVCodec *, AVDictionary **))               \
	X(int, avcodec_send_packet, (AVCodecContext *, const AVPacket *))                         \
	X(int, avcodec_receive_frame, (AVCodecContext *, AVFrame *))                              \
	X(const AVCodec *, avcodec_find_decoder_by_name, (const char *))                          \
	X(const AVCodec *, avcodec_find_encoder_by_name, (const char *))                          \
	X(int, avcodec_send_frame, (AVCodecContext *, const AVFrame *))                           \
	X(int, avcodec_receive_packet, (AVCodecContext *, AVPacket *))                            \
	X(void, avcodec_free_context, (AVCodecContext **))                                        \
	X(AVPacket *, av_packet_alloc, (void))                                                    \
	X(void, av_packet_unref, (AVPacket *))                                                    \
	X(void, av_packet_free, (AVPacket **))                                                    \
	X(void, av_packet_rescale_ts, (AVPacket *, AVRational, AVRational))                       \
	X(AVFrame *, av_frame_alloc, (void))                                                      \
	X(void, av_frame_unref, (AVFrame *))                                                      \
	X(void, av_frame_free, (AVFrame **))                                                      \
	X(int, av_frame_get_buffer, (AVFrame *, int))                                             \
	X(int, av_dict_set, (AVDictionary **, const char *, const char *, int))                   \
	X(void, av_dict_free, (AVDictionary **))                                                  \
	X(int, av_strerror, (int, char *, size_t))                                                \
	X(void, av_log_set_level, (int))                                                          \
	X(struct SwsContext *, sws_getContext, (int, int, enum AVPixelFormat, int, int,           \
	                                        enum AVPixelFormat, int, SwsFilter *,             \
	                                        SwsFilter *, const double *))                     \
	X(int, sws_scale, (struct SwsContext *, const uint8_t *const *, const int *, int, int,    \
	                   uint8_t *const *, const int *))                                        \
	X(void, sws_freeContext, (struct SwsContext *))

typedef struct lh_av_api {
#define LH_AV_POINTER(ret, name, params) ret(*name) params;
	LH_AV_FUNCTIONS(LH_AV_POINTER)
#undef LH_AV_POINTER
} lh_av_api;

/* Filled by lh_av_load; read only after it returned LH_OK. */
extern lh_av_api lh_av;

/* Loads the libraries once per process (thread-safe). LH_ERR_UNSUPPORTED, naming the
 * library and the Debian package that has it, when one is missing. */
lh_status lh_av_load(lh_err *err);

#endif
