/*
 * fuzz/fuzz_http.c - the HTTP request handler of `lakehouse serve` (server/http.c,
 * libmicrohttpd underneath): each input is sent as raw bytes on a new connection to a
 * server on 127.0.0.1 over a real lake ("@TOKEN@" in the input becomes a valid token,
 * so inputs reach the endpoints behind the token check), and the answer is read.
 *
 * Promises checked: whatever arrives, the answer is nothing (the server closed) or an
 * HTTP/1.x response; the server keeps answering /healthz; the lake gets no snapshot
 * from a read-only server.
 */
#include "fuzz_lake.h"
#include "server/http.h"

#include <arpa/inet.h>
#include <netinet/in.h>
#include <sys/socket.h>
#include <sys/time.h>

static http_server *server;

static void stop(void)
{
	http_stop(&server);
}

/* Sends `len` bytes on a new connection and reads the answer into buf (NUL-ended). */
static size_t exchange(const char *data, size_t len, char *buf, size_t cap)
{
	int fd = socket(AF_INET, SOCK_STREAM, 0);
	FUZZ_CHECK(fd >= 0);
	struct sockaddr_in sa = {.sin_family = AF_INET, .sin_port = htons((uint16_t)http_port(server))};
	inet_pton(AF_INET, "127.0.0.1", &sa.sin_addr);
	struct timeval tv = {.tv_sec = 20};
	setsockopt(fd, SOL_SOCKET, SO_RCVTIMEO, &tv, sizeof tv);
	FUZZ_CHECK(connect(fd, (struct sockaddr *)&sa, sizeof sa) == 0);
	size_t sent = 0;
	while (sent < len) {
		ssize_t n = send(fd, data + sent, len - sent, MSG_NOSIGNAL);
		if (n <= 0)
			break; /* the server answered early and closed */
		sent += (size_t)n;
	}
	shutdown(fd, SHUT_WR);
	/* until the server closes, or one whole response came (keep-alive connections stay
	 * open after it) */
	size_t got = 0;
	ssize_t n;
	while (got + 1 < cap && (n = recv(fd, buf + got, cap - 1 - got, 0)) > 0) {
		got += (size_t)n;
		buf[got] = '\0';
		const char *end = strstr(buf, "\r\n\r\n");
		const char *cl = strcasestr(buf, "\r\nContent-Length:");
		if (end && cl && cl < end && got >= (size_t)(end + 4 - buf) + strtoull(cl + 17, NULL, 10))
			break;
	}
	buf[got] = '\0';
	close(fd);
	return got;
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	static char *token;
	if (!server) {
		http_config cfg = {.lake = fuzz_lake(&token), .threads = 2, .idle_seconds = 1,
		                   .tool = {.struct_size = sizeof cfg.tool, .timeout_ms = 5000}};
		char err[256];
		FUZZ_CHECK(http_start(&cfg, &server, err, sizeof err) == 0);
		atexit(stop);
	}
	/* the input with @TOKEN@ replaced */
	size_t cap = size * 4 + 64, len = 0;
	char *req = malloc(cap);
	FUZZ_CHECK(req != NULL);
	for (size_t i = 0; i < size;) {
		if (size - i >= 7 && !memcmp(data + i, "@TOKEN@", 7)) {
			memcpy(req + len, token, strlen(token));
			len += strlen(token);
			i += 7;
		} else {
			req[len++] = (char)data[i++];
		}
	}
	static char buf[1 << 20];
	size_t got = exchange(req, len, buf, sizeof buf);
	FUZZ_CHECK(got == 0 || !strncmp(buf, "HTTP/1.", 7));
	free(req);
	const char *health = "GET /healthz HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close\r\n\r\n";
	got = exchange(health, strlen(health), buf, sizeof buf);
	FUZZ_CHECK(!strncmp(buf, "HTTP/1.1 200", 12));
	return 0;
}
