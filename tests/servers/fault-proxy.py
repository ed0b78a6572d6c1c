#!/usr/bin/env python3
"""A fault-injecting HTTP proxy for S3 tests, on 127.0.0.1.

Usage: fault-proxy.py UPSTREAM_PORT PORTFILE [SEED]

Listens on a free port (written to PORTFILE once listening) and forwards each request
to http://127.0.0.1:UPSTREAM_PORT, one request per connection. A fraction of requests
(default 0) meets a fault instead, chosen at random among:
  drop      the connection closes before the request is forwarded
  lost      the request is forwarded and done, then the connection closes without an
            answer (the client cannot know it succeeded)
  500, 503  an error answer; the request is not forwarded
  truncate  the answer's body is cut short and the connection closed
The fault rate is set at run time with `GET /__faults?rate=R` (answered by the proxy
itself), and `GET /__faults` returns counts of what happened as JSON.
"""
import json
import random
import socket
import socketserver
import sys
import threading
import urllib.parse

UPSTREAM = ("127.0.0.1", int(sys.argv[1]))
RNG = random.Random(int(sys.argv[3]) if len(sys.argv) > 3 else 1)
LOCK = threading.Lock()
STATE = {"rate": 0.0}
COUNTS = {"requests": 0, "forwarded": 0, "drop": 0, "lost": 0, "500": 0, "503": 0,
          "truncate": 0}
FAULTS = ["drop", "lost", "500", "503", "truncate"]


def read_message(rfile):
    """Reads an HTTP/1.1 message head and body (Content-Length framing): (head, body)."""
    head = b""
    while not head.endswith(b"\r\n\r\n"):
        line = rfile.readline(65536)
        if not line:
            return None, None
        head += line
    length = 0
    for line in head.split(b"\r\n")[1:]:
        if line.lower().startswith(b"content-length:"):
            length = int(line.split(b":", 1)[1])
    body = rfile.read(length) if length else b""
    return head, body


def with_close(head):
    """The same head with `Connection: close`."""
    lines = [ln for ln in head.split(b"\r\n")[:-2] if not ln.lower().startswith(b"connection:")]
    return b"\r\n".join(lines + [b"Connection: close", b"", b""])


def forward(head, body):
    """Sends a request upstream; returns the raw answer (head, body)."""
    with socket.create_connection(UPSTREAM, timeout=60) as up:
        up.sendall(with_close(head) + body)
        f = up.makefile("rb")
        status_head = b""
        while not status_head.endswith(b"\r\n\r\n"):
            line = f.readline(65536)
            if not line:
                break
            status_head += line
        rest = f.read()  # the upstream closes after one answer
        return status_head, rest


class Handler(socketserver.StreamRequestHandler):
    def handle(self):
        head, body = read_message(self.rfile)
        if head is None:
            return
        target = head.split(b" ", 2)[1].decode()
        if target.startswith("/__faults"):
            q = urllib.parse.parse_qs(urllib.parse.urlparse(target).query)
            with LOCK:
                if "rate" in q:
                    STATE["rate"] = float(q["rate"][0])
                answer = json.dumps(dict(COUNTS, rate=STATE["rate"])).encode()
            self.wfile.write(b"HTTP/1.1 200 OK\r\nContent-Type: application/json\r\n"
                             b"Content-Length: %d\r\nConnection: close\r\n\r\n" % len(answer)
                             + answer)
            return
        with LOCK:
            COUNTS["requests"] += 1
            fault = RNG.choice(FAULTS) if RNG.random() < STATE["rate"] else None
            if fault:
                COUNTS[fault] += 1
        if fault == "drop":
            return
        if fault in ("500", "503"):
            msg = b"<Error><Code>InjectedFault</Code><Message>injected by the test proxy</Message></Error>"
            reason = b"Internal Server Error" if fault == "500" else b"Service Unavailable"
            self.wfile.write(b"HTTP/1.1 " + fault.encode() + b" " + reason +
                             b"\r\nContent-Length: %d\r\nConnection: close\r\n\r\n" % len(msg) + msg)
            return
        status_head, rest = forward(head, body)
        with LOCK:
            COUNTS["forwarded"] += 1
        if fault == "lost":
            return
        if fault == "truncate" and len(rest) > 1:
            self.wfile.write(with_close(status_head) + rest[: len(rest) // 2])
            return
        self.wfile.write(with_close(status_head) + rest)


class Server(socketserver.ThreadingTCPServer):
    daemon_threads = True
    allow_reuse_address = True


def main():
    srv = Server(("127.0.0.1", 0), Handler)
    with open(sys.argv[2] + ".tmp", "w") as f:
        f.write(str(srv.server_address[1]))
    import os
    os.rename(sys.argv[2] + ".tmp", sys.argv[2])
    srv.serve_forever()


if __name__ == "__main__":
    main()
