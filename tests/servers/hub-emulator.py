#!/usr/bin/env python3
"""A Hugging Face Hub emulator for tests and the demo, on 127.0.0.1 only.

No real Hub is reachable here, so this serves the part of the Hub's HTTP protocol the
lakehouse uses, and tests/hub/client-check.mjs checks it against the official client
(npm @huggingface/hub, `hubUrl` pointed here), so it follows the protocol rather than our
own reading of it:

  POST /api/repos/create                          create a repo (409 if it exists)
  GET  /api/{type}s/{repo}[/revision/{rev}]       repo info: sha, siblings
  GET  /api/{type}s/{repo}/tree/{rev}[/{path}]    tree listing, ?recursive=, Link paging
  GET|HEAD /{type}s/{repo}/resolve/{rev}/{path}   file bytes: Range, ETag, X-Repo-Commit;
                                                  LFS files redirect (302) to /lfs-cdn/
  POST /api/{type}s/{repo}/preupload/{rev}        uploadMode per file (regular or lfs)
  POST /{type}s/{repo}.git/info/lfs/objects/batch Git LFS batch, basic transfer
  PUT  /lfs-upload/{oid}                          the upload the batch points to
  POST /api/{type}s/{repo}/commit/{rev}           NDJSON commit: header, file, lfsFile,
                                                  deletedFile, deletedFolder

Model repos live at /{repo} instead of /models/{repo}. Revisions may be branch names
(URL-encoded, e.g. refs%2Fconvert%2Fparquet) or commit shas. With --token, every request
must carry `Authorization: Bearer <token>`.

Test hooks (not Hub endpoints): POST /_emulator/fail {"commit": n, "resolve_truncate": n}
makes the next n commits answer 409 (a concurrent commit) or the next n downloads stop
half way; GET /_emulator/log lists the requests seen.

Usage: hub-emulator.py --root DIR [--port P] [--token T] [--seed REPO=FOLDER[@BRANCH]]...
       [--envfile F]   writes HF_ENDPOINT and the PID to F once listening.
"""
import argparse
import base64
import hashlib
import json
import os
import re
import sys
import threading
import time
import urllib.parse
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

PAGE = 50  # tree entries per page, so clients must follow Link headers
LFS_EXT = (".parquet", ".arrow", ".mp4", ".png", ".jpg", ".jpeg", ".webp", ".gif", ".bin",
           ".safetensors", ".zip", ".tar", ".gz")


def git_blob_sha(data):
    return hashlib.sha1(b"blob %d\0" % len(data) + data).hexdigest()


def is_lfs(path, size, sample):
    return size >= 10 * 1024 * 1024 or path.lower().endswith(LFS_EXT) or b"\0" in sample


class Store:
    """Repos on disk: objects/<sha256> holds every file's bytes; a commit is a JSON
    manifest {path: {size, sha256, lfs}}; refs map branch names to commit ids."""

    def __init__(self, root):
        self.root = root
        self.lock = threading.Lock()
        os.makedirs(os.path.join(root, "objects"), exist_ok=True)
        self.state_path = os.path.join(root, "state.json")
        if os.path.exists(self.state_path):
            with open(self.state_path) as f:
                self.state = json.load(f)
        else:
            self.state = {"repos": {}, "commits": {}}
        self.fail_commits = 0
        self.truncate_resolves = 0
        self.log = []

    def save(self):
        tmp = self.state_path + ".tmp"
        with open(tmp, "w") as f:
            json.dump(self.state, f)
        os.replace(tmp, self.state_path)

    def obj_path(self, sha):
        return os.path.join(self.root, "objects", sha)

    def put_object(self, data):
        sha = hashlib.sha256(data).hexdigest()
        p = self.obj_path(sha)
        if not os.path.exists(p):
            with open(p + ".tmp", "wb") as f:
                f.write(data)
            os.replace(p + ".tmp", p)
        return sha

    def has_object(self, sha):
        return os.path.exists(self.obj_path(sha))

    def repo(self, key):
        return self.state["repos"].get(key)

    def create(self, key, private):
        with self.lock:
            if key in self.state["repos"]:
                return False
            cid = self.new_commit({}, None, "initial commit")
            self.state["repos"][key] = {"private": private, "refs": {"main": cid}}
            self.save()
            return True

    def new_commit(self, files, parent, title):
        body = json.dumps([files, parent, title, time.time()], sort_keys=True).encode()
        cid = hashlib.sha1(body).hexdigest()
        self.state["commits"][cid] = {"files": files, "parent": parent, "title": title}
        return cid

    def resolve_rev(self, repo, rev):
        if rev == "HEAD":  # the default branch
            rev = "main"
        if rev in repo["refs"]:
            return repo["refs"][rev]
        if rev in self.state["commits"]:
            return rev
        return None

    def files_at(self, cid):
        return self.state["commits"][cid]["files"]


def split_repo(parts):
    """['ns', 'name', ...] -> ('ns/name', rest); a bare name has no namespace on the Hub
    only for legacy repos, so two parts are required."""
    if len(parts) < 2:
        return None, parts
    return parts[0] + "/" + parts[1], parts[2:]


class Handler(BaseHTTPRequestHandler):
    protocol_version = "HTTP/1.1"
    server_version = "hub-emulator/1"

    def log_message(self, fmt, *args):
        if os.environ.get("HUB_EMULATOR_VERBOSE"):
            sys.stderr.write("hub-emulator: " + fmt % args + "\n")

    # ---------------------------------------------------------------- helpers
    @property
    def store(self):
        return self.server.store

    def base_url(self):
        return "http://%s:%d" % self.server.server_address[:2]

    def send(self, status, body=b"", ctype="application/json", headers=None):
        if isinstance(body, (dict, list)):
            body = json.dumps(body).encode()
        elif isinstance(body, str):
            body = body.encode()
        self.send_response(status)
        self.send_header("Content-Type", ctype)
        self.send_header("Content-Length", str(len(body)))
        for k, v in (headers or {}).items():
            self.send_header(k, v)
        self.end_headers()
        if self.command != "HEAD":
            self.wfile.write(body)

    def error(self, status, msg, code=None):
        h = {"X-Error-Message": msg}
        if code:
            h["X-Error-Code"] = code
        self.send(status, {"error": msg}, headers=h)

    def body(self):
        n = int(self.headers.get("Content-Length") or 0)
        if n > 2 * 1024 * 1024 * 1024:
            raise ValueError("body too large")
        return self.rfile.read(n) if n else b""

    def authorized(self):
        token = self.server.token
        if not token:
            return True
        return self.headers.get("Authorization", "") == "Bearer " + token

    def find_repo(self, rtype, key, write=False):
        repo = self.store.repo(rtype + "s/" + key)
        if repo is None or (repo["private"] and not self.authorized()):
            self.error(404, "Repository not found", "RepoNotFound")
            return None
        if write and not self.authorized():
            self.error(401, "Invalid credentials in Authorization header")
            return None
        return repo

    def route(self):
        url = urllib.parse.urlsplit(self.path)
        raw = [p for p in url.path.split("/") if p != ""]
        parts = [urllib.parse.unquote(p) for p in raw]
        query = urllib.parse.parse_qs(url.query)
        self.store.log.append({"method": self.command, "path": url.path,
                               "range": self.headers.get("Range")})
        return parts, query

    # ---------------------------------------------------------------- verbs
    def do_HEAD(self):
        self.do_GET()

    def do_GET(self):
        try:
            parts, query = self.route()
            if parts[:2] == ["_emulator", "log"]:
                return self.send(200, self.store.log)
            if parts and parts[0] == "lfs-cdn" and len(parts) == 2:
                return self.serve_bytes(parts[1], None, {})
            if parts and parts[0] == "api" and len(parts) >= 4 and parts[1] in ("datasets", "models", "spaces"):
                rtype = parts[1][:-1]
                key, rest = split_repo(parts[2:])
                if rest and rest[0] == "tree":
                    return self.tree(rtype, key, rest[1:], query)
                if not rest or rest[0] == "revision":
                    return self.info(rtype, key, rest[1] if len(rest) > 1 else "main")
            rtype, key, rest = self.repo_path(parts)
            if key and len(rest) >= 3 and rest[0] == "resolve":
                return self.resolve(rtype, key, rest[1], "/".join(rest[2:]))
            self.error(404, "no such endpoint: %s %s" % (self.command, self.path))
        except BrokenPipeError:
            pass

    def do_POST(self):
        parts, query = self.route()
        try:
            data = self.body()
        except ValueError as e:
            return self.error(413, str(e))
        if parts == ["_emulator", "fail"]:
            req = json.loads(data or b"{}")
            self.store.fail_commits = int(req.get("commit", 0))
            self.store.truncate_resolves = int(req.get("resolve_truncate", 0))
            return self.send(200, {"ok": True})
        if parts == ["api", "repos", "create"]:
            return self.create(data)
        if parts and parts[0] == "api" and len(parts) >= 5 and parts[1] in ("datasets", "models", "spaces"):
            rtype = parts[1][:-1]
            key, rest = split_repo(parts[2:])
            if len(rest) == 2 and rest[0] == "preupload":
                return self.preupload(rtype, key, rest[1], data)
            if len(rest) == 2 and rest[0] == "commit":
                return self.commit(rtype, key, rest[1], data)
        rtype, key, rest = self.repo_path(parts)
        if key and key.endswith(".git") and rest == ["info", "lfs", "objects", "batch"]:
            return self.lfs_batch(rtype, key[:-4], data)
        self.error(404, "no such endpoint: POST %s" % self.path)

    def do_PUT(self):
        parts, _ = self.route()
        if len(parts) == 2 and parts[0] == "lfs-upload":
            oid = parts[1]
            try:
                data = self.body()
            except ValueError as e:
                return self.error(413, str(e))
            if hashlib.sha256(data).hexdigest() != oid:
                return self.error(400, "uploaded bytes do not hash to %s" % oid)
            self.store.put_object(data)
            return self.send(200, b"", headers={"ETag": '"%s"' % oid})
        self.error(404, "no such endpoint: PUT %s" % self.path)

    def repo_path(self, parts):
        """/datasets/ns/name/..., /spaces/ns/name/... or /ns/name/... (models)."""
        if parts and parts[0] in ("datasets", "spaces"):
            key, rest = split_repo(parts[1:])
            return parts[0][:-1], key, rest
        key, rest = split_repo(parts)
        return "model", key, rest

    # ---------------------------------------------------------------- endpoints
    def create(self, data):
        if not self.authorized() or not self.headers.get("Authorization"):
            return self.error(401, "Invalid credentials in Authorization header")
        try:
            req = json.loads(data)
        except ValueError:
            return self.error(400, "body is not JSON")
        name, org = req.get("name"), req.get("organization")
        rtype = req.get("type", "model")
        if not name or not org or not re.fullmatch(r"[A-Za-z0-9][A-Za-z0-9._-]*", name + org):
            return self.error(400, "invalid repo name")
        key = "%s/%s" % (org, name)
        private = req.get("private") or req.get("visibility") == "private"
        url = "%s/%s%s" % (self.base_url(), "" if rtype == "model" else rtype + "s/", key)
        if not self.store.create(rtype + "s/" + key, bool(private)):
            return self.send(409, {"error": "You already created this %s repo" % rtype, "url": url})
        self.send(200, {"url": url, "name": key, "id": key})

    def info(self, rtype, key, rev):
        repo = self.find_repo(rtype, key)
        if repo is None:
            return
        cid = self.store.resolve_rev(repo, rev)
        if cid is None:
            return self.error(404, "Invalid rev id: %s" % rev, "RevisionNotFound")
        files = self.store.files_at(cid)
        self.send(200, {"_id": hashlib.sha1(key.encode()).hexdigest()[:24], "id": key, "sha": cid,
                        "private": repo["private"], "gated": False, "downloads": 0, "likes": 0,
                        "lastModified": "2026-01-01T00:00:00.000Z",
                        "siblings": [{"rfilename": p} for p in sorted(files)]})

    def entry(self, path, meta):
        e = {"type": "file", "path": path, "size": meta["size"], "oid": meta["git"]}
        if meta["lfs"]:
            e["lfs"] = {"oid": meta["sha256"], "size": meta["size"], "pointerSize": 134}
        return e

    def tree(self, rtype, key, rest, query):
        repo = self.find_repo(rtype, key)
        if repo is None:
            return
        if not rest:
            return self.error(400, "missing revision")
        cid = self.store.resolve_rev(repo, rest[0])
        if cid is None:
            return self.error(404, "Invalid rev id: %s" % rest[0], "RevisionNotFound")
        base = "/".join(rest[1:])
        recursive = query.get("recursive", ["false"])[0] == "true"
        files = self.store.files_at(cid)
        entries, dirs = [], set()
        prefix = base + "/" if base else ""
        for path in sorted(files):
            if not path.startswith(prefix):
                continue
            sub = path[len(prefix):]
            if "/" in sub:
                d = prefix + sub.split("/")[0]
                if d not in dirs:
                    dirs.add(d)
                    entries.append({"type": "directory", "path": d, "size": 0,
                                    "oid": hashlib.sha1(d.encode()).hexdigest()})
                if not recursive:
                    continue
                # in recursive listings deeper folders appear too
                segs = sub.split("/")[:-1]
                for i in range(2, len(segs) + 1):
                    d = prefix + "/".join(segs[:i])
                    if d not in dirs:
                        dirs.add(d)
                        entries.append({"type": "directory", "path": d, "size": 0,
                                        "oid": hashlib.sha1(d.encode()).hexdigest()})
            entries.append(self.entry(path, files[path]))
        if base and not entries:
            return self.error(404, "%s does not exist on %s" % (base, rest[0]), "EntryNotFound")
        cursor = int(query.get("cursor", ["0"])[0])
        page = entries[cursor:cursor + PAGE]
        headers = {}
        if cursor + PAGE < len(entries):
            q = dict((k, v[0]) for k, v in query.items())
            q["cursor"] = str(cursor + PAGE)
            nxt = "%s%s?%s" % (self.base_url(), urllib.parse.urlsplit(self.path).path,
                               urllib.parse.urlencode(q))
            headers["Link"] = '<%s>; rel="next"' % nxt
        self.send(200, page, headers=headers)

    def resolve(self, rtype, key, rev, path):
        repo = self.find_repo(rtype, key)
        if repo is None:
            return
        cid = self.store.resolve_rev(repo, rev)
        if cid is None:
            return self.error(404, "Invalid rev id: %s" % rev, "RevisionNotFound")
        meta = self.store.files_at(cid).get(path)
        if meta is None:
            return self.error(404, "Entry not found", "EntryNotFound")
        headers = {"X-Repo-Commit": cid}
        if meta["lfs"]:
            headers.update({"X-Linked-Size": str(meta["size"]),
                            "X-Linked-ETag": '"%s"' % meta["sha256"],
                            "Location": "%s/lfs-cdn/%s" % (self.base_url(), meta["sha256"])})
            return self.send(302, b"", ctype="text/plain", headers=headers)
        headers["ETag"] = '"%s"' % meta["git"]
        self.serve_bytes(meta["sha256"], None, headers)

    def serve_bytes(self, sha, _unused, headers):
        p = self.store.obj_path(sha)
        if not re.fullmatch(r"[0-9a-f]{64}", sha) or not os.path.exists(p):
            return self.error(404, "Entry not found", "EntryNotFound")
        size = os.path.getsize(p)
        headers = dict(headers)
        headers.setdefault("ETag", '"%s"' % sha)
        headers["Accept-Ranges"] = "bytes"
        start, end, status = 0, size - 1, 200
        rng = self.headers.get("Range")
        if rng:
            m = re.fullmatch(r"bytes=(\d*)-(\d*)", rng.strip())
            if not m or (m.group(1) == "" and m.group(2) == ""):
                return self.send(416, b"", headers={"Content-Range": "bytes */%d" % size})
            if m.group(1) == "":
                start, end = max(0, size - int(m.group(2))), size - 1
            else:
                start = int(m.group(1))
                end = min(int(m.group(2)), size - 1) if m.group(2) else size - 1
            if start >= size or start > end:
                return self.send(416, b"", headers={"Content-Range": "bytes */%d" % size})
            status = 206
            headers["Content-Range"] = "bytes %d-%d/%d" % (start, end, size)
        with open(p, "rb") as f:
            f.seek(start)
            data = f.read(end - start + 1)
        if self.command == "GET" and self.store.truncate_resolves > 0 and len(data) > 1:
            # promise the whole range, send half of it, drop the connection
            self.store.truncate_resolves -= 1
            self.send_response(status)
            self.send_header("Content-Type", "application/octet-stream")
            self.send_header("Content-Length", str(len(data)))
            for k, v in headers.items():
                self.send_header(k, v)
            self.end_headers()
            self.wfile.write(data[:len(data) // 2])
            self.wfile.flush()
            self.close_connection = True
            return
        self.send(status, data, ctype="application/octet-stream", headers=headers)

    def preupload(self, rtype, key, rev, data):
        repo = self.find_repo(rtype, key, write=True)
        if repo is None:
            return
        try:
            req = json.loads(data)
            files = req["files"]
        except (ValueError, KeyError, TypeError):
            return self.error(400, "body must be JSON with a files list")
        out = []
        for f in files:
            sample = base64.b64decode(f.get("sample", ""))
            mode = "lfs" if is_lfs(f["path"], int(f["size"]), sample) else "regular"
            out.append({"path": f["path"], "uploadMode": mode, "shouldIgnore": False})
        self.send(200, {"files": out, "commitOid": self.store.resolve_rev(repo, rev)})

    def lfs_batch(self, rtype, key, data):
        repo = self.find_repo(rtype, key, write=True)
        if repo is None:
            return
        try:
            req = json.loads(data)
            objects = req["objects"]
        except (ValueError, KeyError, TypeError):
            return self.error(400, "body must be a Git LFS batch request")
        if req.get("operation") != "upload":
            return self.error(400, "only upload batches are served")
        out = []
        for o in objects:
            oid, size = o["oid"], int(o["size"])
            if not re.fullmatch(r"[0-9a-f]{64}", oid):
                out.append({"oid": oid, "size": size, "error": {"code": 422, "message": "bad oid"}})
            elif self.store.has_object(oid):
                out.append({"oid": oid, "size": size})  # already there: no upload action
            else:
                out.append({"oid": oid, "size": size, "authenticated": True,
                            "actions": {"upload": {"href": "%s/lfs-upload/%s" % (self.base_url(), oid),
                                                   "expires_in": 3600}}})
        self.send(200, {"transfer": "basic", "objects": out}, ctype="application/vnd.git-lfs+json")

    def commit(self, rtype, key, rev, data):
        repo = self.find_repo(rtype, key, write=True)
        if repo is None:
            return
        if self.store.fail_commits > 0:
            self.store.fail_commits -= 1
            return self.error(409, "A commit has happened since. Please refresh and try again.")
        with self.store.lock:
            parent = self.store.resolve_rev(repo, rev)
            if parent is None:
                return self.error(404, "Invalid rev id: %s" % rev, "RevisionNotFound")
            files = dict(self.store.files_at(parent))
            header = None
            for line in data.split(b"\n"):
                if not line.strip():
                    continue
                try:
                    op = json.loads(line)
                    k, v = op["key"], op["value"]
                except (ValueError, KeyError, TypeError):
                    return self.error(400, "commit line is not {key, value} JSON")
                if k == "header":
                    header = v
                    pc = v.get("parentCommit")
                    if pc and pc != parent:
                        return self.error(412, "parentCommit %s is not the head %s" % (pc, parent))
                elif k == "file":
                    if v.get("encoding") != "base64":
                        return self.error(400, "file content must be base64")
                    content = base64.b64decode(v["content"])
                    sha = self.store.put_object(content)
                    files[v["path"]] = {"size": len(content), "sha256": sha,
                                        "git": git_blob_sha(content), "lfs": False}
                elif k == "lfsFile":
                    if v.get("algo") != "sha256" or not self.store.has_object(v["oid"]):
                        return self.error(422, "LFS object %s for %s was not uploaded" % (v.get("oid"), v.get("path")))
                    if os.path.getsize(self.store.obj_path(v["oid"])) != int(v["size"]):
                        return self.error(422, "LFS object %s has another size" % v["oid"])
                    files[v["path"]] = {"size": int(v["size"]), "sha256": v["oid"],
                                        "git": hashlib.sha1(v["oid"].encode()).hexdigest(), "lfs": True}
                elif k == "deletedFile":
                    files.pop(v["path"], None)
                elif k == "deletedFolder":
                    pre = v["path"].rstrip("/") + "/"
                    for p in [p for p in files if p.startswith(pre)]:
                        del files[p]
                else:
                    return self.error(400, "unknown commit operation %r" % k)
            if header is None or not header.get("summary"):
                return self.error(400, "the commit has no header with a summary")
            cid = self.store.new_commit(files, parent, header["summary"])
            repo["refs"][rev] = cid
            self.store.save()
        url = "%s/%s%s/commit/%s" % (self.base_url(), "" if rtype == "model" else rtype + "s/", key, cid)
        self.send(200, {"success": True, "commitOid": cid, "commitUrl": url})


def seed(store, spec):
    """REPO=FOLDER[@BRANCH]: commit every file under FOLDER to the dataset repo."""
    repo_id, _, folder = spec.partition("=")
    folder, _, branch = folder.partition("@")
    branch = branch or "main"
    key = "datasets/" + repo_id
    store.create(key, False)
    repo = store.repo(key)
    files = dict(store.files_at(repo["refs"].get(branch) or repo["refs"]["main"]))
    for dirpath, _, names in os.walk(folder):
        for n in sorted(names):
            full = os.path.join(dirpath, n)
            rel = os.path.relpath(full, folder).replace(os.sep, "/")
            if rel.startswith(".git/") or rel == ".git":
                continue
            with open(full, "rb") as f:
                data = f.read()
            sha = store.put_object(data)
            lfs = is_lfs(rel, len(data), data[:512])
            files[rel] = {"size": len(data), "sha256": sha, "lfs": lfs,
                          "git": hashlib.sha1(sha.encode()).hexdigest() if lfs else git_blob_sha(data)}
    with store.lock:
        cid = store.new_commit(files, repo["refs"].get(branch), "seed from " + folder)
        repo["refs"][branch] = cid
        store.save()


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--root", required=True)
    ap.add_argument("--port", type=int, default=0)
    ap.add_argument("--token")
    ap.add_argument("--seed", action="append", default=[])
    ap.add_argument("--envfile")
    a = ap.parse_args()
    store = Store(a.root)
    for s in a.seed:
        seed(store, s)
    srv = ThreadingHTTPServer(("127.0.0.1", a.port), Handler)
    srv.daemon_threads = True
    srv.store = store
    srv.token = a.token
    endpoint = "http://127.0.0.1:%d" % srv.server_address[1]
    if a.envfile:
        with open(a.envfile + ".tmp", "w") as f:
            f.write("HF_ENDPOINT=%s\nHUB_EMULATOR_PID=%d\n" % (endpoint, os.getpid()))
        os.replace(a.envfile + ".tmp", a.envfile)
    else:
        print(endpoint, flush=True)
    try:
        srv.serve_forever()
    except KeyboardInterrupt:
        pass


if __name__ == "__main__":
    main()
