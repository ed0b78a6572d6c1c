"""Modal Lakehouse from Python: a ctypes binding over liblakehouse.so.

    import lakehouse
    lake = lakehouse.open("demo-lake")
    res = lake.sql("SELECT caption_id, caption FROM gold.captions WHERE caption_id < ?", [10])
    res.columns          # ['caption_id', 'caption']
    res.rows             # [(1, 'a dog ...'), ...]
    res.to_columns()     # {'caption_id': [1, ...], 'caption': [...]}

Only the standard library is needed. The shared library is the one named by
$LAKEHOUSE_LIBRARY, else build/liblakehouse.so of the checkout this package sits in, else
the one `make install` put beside it (PREFIX/lib), else one the system linker finds.
"""
import ctypes
import ctypes.util
import json
import os

from . import _arrow

__all__ = ["open", "load_dataset", "Lake", "Result", "Stream", "Taker", "Error"]


class Error(Exception):
    """A failed call: `status` is the library's status name (e.g. 'LH_ERR_SYNTAX')."""

    def __init__(self, message, status=None):
        super().__init__(message)
        self.status = status


def _find_library():
    env = os.environ.get("LAKEHOUSE_LIBRARY")
    if env:
        return env
    here = os.path.dirname(os.path.abspath(__file__))
    # a checkout after `make`; `make install`'s layout (PREFIX/lib/pythonX.Y/dist-packages)
    for candidate in (os.path.join(here, "..", "..", "build", "liblakehouse.so"),
                      os.path.join(here, "..", "..", "..", "liblakehouse.so.0")):
        if os.path.exists(candidate):
            return os.path.abspath(candidate)
    found = ctypes.util.find_library("lakehouse")
    if found:
        return found
    raise ImportError("liblakehouse.so not found: run `make` in the checkout, `make install`, "
                      "or set LAKEHOUSE_LIBRARY to the library's path")


_lib = ctypes.CDLL(_find_library())


class _Value(ctypes.Structure):
    _fields_ = [("type", ctypes.c_int), ("b", ctypes.c_bool), ("i", ctypes.c_int64),
                ("d", ctypes.c_double), ("data", ctypes.c_char_p), ("len", ctypes.c_size_t)]


_NULL, _BOOL, _INT64, _DOUBLE, _TEXT, _BLOB = range(6)
_LH_RENDER_TEXT = 0
_LH_RENDER_JSON = 1

class _StreamOptions(ctypes.Structure):
    _fields_ = [("struct_size", ctypes.c_size_t),
                ("columns", ctypes.POINTER(ctypes.c_char_p)), ("ncolumns", ctypes.c_size_t),
                ("filter", ctypes.c_char_p), ("version", ctypes.c_int64),
                ("batch_size", ctypes.c_size_t), ("shuffle", ctypes.c_char_p),
                ("seed", ctypes.c_uint64), ("epoch", ctypes.c_uint64),
                ("block_size", ctypes.c_uint64),
                ("rank", ctypes.c_uint64), ("world_size", ctypes.c_uint64),
                ("worker", ctypes.c_uint64), ("num_workers", ctypes.c_uint64),
                ("drop_last", ctypes.c_bool), ("state", ctypes.c_char_p),
                ("memory_limit", ctypes.c_int64),
                ("materialize", ctypes.POINTER(ctypes.c_char_p)),
                ("nmaterialize", ctypes.c_size_t), ("prefetch", ctypes.c_int),
                ("tag", ctypes.c_char_p)]


_vp = ctypes.c_void_p
_sigs = {
    "lh_stream_open": (ctypes.c_int, [_vp, ctypes.c_char_p, ctypes.POINTER(_StreamOptions),
                                      ctypes.POINTER(_vp), ctypes.POINTER(_vp)]),
    "lh_stream_schema": (ctypes.c_int, [_vp, ctypes.POINTER(_arrow.ArrowSchema)]),
    "lh_stream_next": (ctypes.c_int, [_vp, ctypes.POINTER(_arrow.ArrowArray)]),
    "lh_stream_snapshot": (ctypes.c_int64, [_vp]),
    "lh_stream_total": (ctypes.c_int64, [_vp]),
    "lh_stream_delivered": (ctypes.c_int64, [_vp]),
    "lh_stream_state": (ctypes.c_int, [_vp, ctypes.c_int64, ctypes.POINTER(_vp)]),
    "lh_stream_error": (ctypes.c_char_p, [_vp]),
    "lh_stream_close": (None, [ctypes.POINTER(_vp)]),
    "lh_taker_open": (ctypes.c_int, [_vp, ctypes.c_char_p, ctypes.POINTER(ctypes.c_char_p),
                                     ctypes.c_size_t, ctypes.c_int64, ctypes.POINTER(_vp),
                                     ctypes.POINTER(_vp)]),
    "lh_take": (ctypes.c_int, [_vp, ctypes.POINTER(ctypes.c_int64), ctypes.c_size_t,
                               ctypes.POINTER(_arrow.ArrowArray)]),
    "lh_taker_schema": (ctypes.c_int, [_vp, ctypes.POINTER(_arrow.ArrowSchema)]),
    "lh_taker_snapshot": (ctypes.c_int64, [_vp]),
    "lh_taker_rows": (ctypes.c_int64, [_vp]),
    "lh_taker_error": (ctypes.c_char_p, [_vp]),
    "lh_taker_close": (None, [ctypes.POINTER(_vp)]),
    "lh_lake_open": (ctypes.c_int, [ctypes.c_char_p, ctypes.POINTER(_vp), ctypes.POINTER(_vp)]),
    "lh_session_open": (ctypes.c_int, [ctypes.POINTER(_vp), ctypes.POINTER(_vp)]),
    "lh_lake_close": (None, [ctypes.POINTER(_vp)]),
    "lh_lake_error": (ctypes.c_char_p, [_vp]),
    "lh_lake_set_render": (None, [_vp, ctypes.c_int]),
    "lh_lake_query_params": (ctypes.c_int, [_vp, ctypes.c_char_p, ctypes.POINTER(_Value),
                                             ctypes.c_size_t, ctypes.POINTER(_vp)]),
    "lh_lake_take": (ctypes.c_int, [_vp, ctypes.c_char_p, ctypes.POINTER(ctypes.c_int64),
                                     ctypes.c_size_t, ctypes.POINTER(ctypes.c_char_p),
                                     ctypes.c_size_t, ctypes.c_int64, ctypes.POINTER(_vp)]),
    "lh_result_destroy": (None, [ctypes.POINTER(_vp)]),
    "lh_result_column_count": (ctypes.c_size_t, [_vp]),
    "lh_result_column_name": (ctypes.c_char_p, [_vp, ctypes.c_size_t]),
    "lh_result_column_type": (ctypes.c_char_p, [_vp, ctypes.c_size_t]),
    "lh_result_next_batch": (ctypes.c_int, [_vp, ctypes.POINTER(ctypes.c_size_t)]),
    "lh_result_text": (_vp, [_vp, ctypes.c_size_t, ctypes.c_size_t]),
    "lh_result_text_length": (ctypes.c_size_t, [_vp, ctypes.c_size_t, ctypes.c_size_t]),
    "lh_status_name": (ctypes.c_char_p, [ctypes.c_int]),
    "lh_free": (None, [_vp]),
    "lh_version": (ctypes.c_char_p, []),
}
for _name, (_res, _args) in _sigs.items():
    _fn = getattr(_lib, _name)
    _fn.restype, _fn.argtypes = _res, _args

__version__ = _lib.lh_version().decode()


def _status_name(code):
    return _lib.lh_status_name(code).decode()


def _value(v, keep):
    """A Python value as the library's lh_value (`keep` holds the bytes alive)."""
    out = _Value()
    if v is None:
        out.type = _NULL
    elif isinstance(v, bool):
        out.type, out.b = _BOOL, v
    elif isinstance(v, int):
        if not -2**63 <= v < 2**63:
            raise Error(f"parameter {v} does not fit a 64-bit integer", "LH_ERR_INVALID")
        out.type, out.i = _INT64, v
    elif isinstance(v, float):
        out.type, out.d = _DOUBLE, v
    elif isinstance(v, str):
        data = v.encode("utf-8", "surrogatepass")
        keep.append(data)
        out.type, out.data, out.len = _TEXT, data, len(data)
    elif isinstance(v, (bytes, bytearray, memoryview)):
        data = bytes(v)
        keep.append(data)
        out.type, out.data, out.len = _BLOB, data, len(data)
    else:
        raise TypeError(f"cannot bind a {type(v).__name__} as an SQL parameter "
                        "(None, bool, int, float, str or bytes)")
    return out


def _blob(text):
    """DuckDB's text form of a BLOB (printable ASCII as itself, every other byte and the
    backslash as \\xHH) back to bytes."""
    out = bytearray()
    i = 0
    while i < len(text):
        if text[i] == "\\" and text[i + 1:i + 2] == "x":
            out.append(int(text[i + 2:i + 4], 16))
            i += 4
        else:
            out.append(ord(text[i]))
            i += 1
    return bytes(out)


def _decode(text, type_name):
    """One value of a result rendered as JSON, as a Python value."""
    if text is None:
        return None
    v = json.loads(text)
    if type_name == "BLOB" and isinstance(v, str):
        return _blob(v)
    if type_name in ("DOUBLE", "FLOAT") and isinstance(v, str):
        return float({"nan": "nan", "inf": "inf", "-inf": "-inf"}.get(v.lower(), v))
    return v


class _Handle:
    """A library handle owned by a Python object: closed by close(), at the end of a
    `with` block, or when the object goes."""
    _h = None
    _closer = None  # the library's lh_*_close
    _pid = None     # the process that opened it

    def __new__(cls, *args, **kwargs):
        obj = super().__new__(cls)
        obj._pid = os.getpid()
        return obj

    def close(self):
        if self._h:
            # a handle inherited through fork belongs to the parent (its DuckDB threads,
            # connections and the stream's thread live there): abandoned, never closed
            if self._pid in (None, os.getpid()):
                type(self)._closer(ctypes.byref(self._h))
            self._h = None

    def __enter__(self):
        return self

    def __exit__(self, *exc):
        self.close()

    def __del__(self):
        try:
            self.close()
        except Exception:
            pass


def _opened(code, handle, err):
    """Raises the error an lh_*_open call left in `err` (freed here)."""
    if code != 0:
        msg = ctypes.string_at(err).decode("utf-8", "replace") if err.value else "cannot open"
        _lib.lh_free(err)
        raise Error(msg, _status_name(code))
    return handle


class Result:
    """The rows of a statement: `columns` (names), `types` (DuckDB's type names) and
    `rows` (tuples). Iterating gives the rows; `to_columns()` gives column -> list."""

    def __init__(self, columns, types, rows):
        self.columns, self.types, self.rows = columns, types, rows

    def __iter__(self):
        return iter(self.rows)

    def __len__(self):
        return len(self.rows)

    def __repr__(self):
        return f"<lakehouse.Result {len(self.rows)} rows x {len(self.columns)} columns>"

    def to_columns(self):
        return {c: [r[i] for r in self.rows] for i, c in enumerate(self.columns)}


class Lake(_Handle):
    """An open lake. Not shared between threads; each process (or DataLoader worker)
    opens its own. Close it with close(), or use it as a context manager."""
    _closer = staticmethod(_lib.lh_lake_close)

    def __init__(self, path, *, text=False):
        """`path` None: a session with no lake, whose SQL attaches one (see session()).
        `text`: values as DuckDB renders them (VARCHAR casts), not Python values."""
        handle, err = _vp(), _vp()
        code = (_lib.lh_session_open(ctypes.byref(handle), ctypes.byref(err)) if path is None
                else _lib.lh_lake_open(os.fsencode(path), ctypes.byref(handle), ctypes.byref(err)))
        self._h = _opened(code, handle, err)
        self.path = path
        self._text = text
        _lib.lh_lake_set_render(self._h, _LH_RENDER_TEXT if text else _LH_RENDER_JSON)

    def _handle(self):
        if not self._h:
            raise Error("the lake is closed", "LH_ERR_INVALID")
        return self._h

    def _fail(self, code):
        raise Error(_lib.lh_lake_error(self._h).decode("utf-8", "replace"), _status_name(code))

    def sql(self, query, params=None):
        """Runs one or more statements (separated by semicolons) and returns the result of
        the last as a Result. `params` fill the placeholders: a sequence for `?` (in order)
        or `$1`..`$n`; values are never read as SQL."""
        h = self._handle()
        keep = []
        values = [_value(v, keep) for v in (params or ())]
        arr = (_Value * len(values))(*values) if values else None
        res = _vp()
        code = _lib.lh_lake_query_params(h, query.encode("utf-8"), arr, len(values),
                                         ctypes.byref(res))
        return self._result(code, res)

    def take(self, table, row_ids, columns=None, version=None):
        """The rows of `table` with these DuckLake row ids (`SELECT rowid ...`), in the
        order given, as a dict column -> list (numpy arrays for fixed-width columns when
        numpy is installed). `version` pins a snapshot (default: the latest). An id without
        a row at that snapshot raises Error, never a short answer. For many takes, keep a
        Lake.taker()."""
        with self.taker(table, columns=columns, version=version) as t:
            return t.take(row_ids)

    def taker(self, table, columns=None, version=None):
        """A Taker: rows of `table` by row id at one pinned snapshot, opened once."""
        return Taker(self, table, columns=columns, version=version)

    def stream(self, source, *, columns=None, filter=None, version=None, batch_size=1024,
               shuffle="block", seed=0, epoch=0, rank=0, world_size=1, worker_id=0,
               num_workers=1, drop_last=False, state=None, materialize=(), memory_limit=None,
               block_size=None, prefetch=2, tag=None):
        """Batches of `source` (a table name, or one SELECT whose lake tables all read
        the snapshot) at one pinned snapshot (`version`, or the snapshot `tag` names;
        default the latest), in a seeded order (`shuffle`: none, files, block or global), this
        consumer's share of it (`rank` of `world_size`, `worker_id` of `num_workers`).
        Each batch is a dict column -> numpy array (fixed-width columns without NULLs,
        viewing the Arrow buffer) or list. `materialize` names `*_uri` columns whose
        objects' bytes replace them (`image_uri` -> `image`). `prefetch` batches are
        built ahead on a thread of the stream's own (0: none). The stream's `snapshot_id`
        says what it reads; `state_dict()` resumes it exactly (`state=`)."""
        return Stream(self, source, columns=columns, filter=filter, version=version,
                      batch_size=batch_size, shuffle=shuffle, seed=seed, epoch=epoch,
                      rank=rank, world_size=world_size, worker_id=worker_id,
                      num_workers=num_workers, drop_last=drop_last, state=state,
                      materialize=materialize, memory_limit=memory_limit,
                      block_size=block_size, prefetch=prefetch, tag=tag)

    def _result(self, code, res):
        """Reads a result handle whole and destroys it (raising on a failed call)."""
        if code != 0:
            _lib.lh_result_destroy(ctypes.byref(res))
            self._fail(code)
        try:
            n = _lib.lh_result_column_count(res)
            columns = [_lib.lh_result_column_name(res, i).decode() for i in range(n)]
            types = [_lib.lh_result_column_type(res, i).decode() for i in range(n)]
            rows = []
            count = ctypes.c_size_t()
            while True:
                code = _lib.lh_result_next_batch(res, ctypes.byref(count))
                if code != 0:
                    self._fail(code)
                if count.value == 0:
                    break
                for r in range(count.value):
                    row = []
                    for c in range(n):
                        p = _lib.lh_result_text(res, c, r)
                        # (by length: a text may hold NUL bytes)
                        v = (ctypes.string_at(p, _lib.lh_result_text_length(res, c, r))
                             .decode("utf-8", "replace") if p else None)
                        row.append(v if self._text else _decode(v, types[c]))
                    rows.append(tuple(row))
            return Result(columns, types, rows)
        finally:
            _lib.lh_result_destroy(ctypes.byref(res))


def _strings(items):
    enc = [str(c).encode("utf-8") for c in (items or ())]
    return ((ctypes.c_char_p * len(enc))(*enc) if enc else None), len(enc), enc


def _state_text(state):
    if state is None or isinstance(state, str):
        return state
    if isinstance(state, dict) and isinstance(state.get("state"), str):
        return state["state"]
    raise TypeError("state must be a state_dict() or its 'state' string")


class Stream(_Handle):
    """An iterator of batches over a pinned snapshot; see Lake.stream."""
    _closer = staticmethod(_lib.lh_stream_close)

    def __init__(self, lake, source, *, columns, filter, version, batch_size, shuffle, seed,
                 epoch, rank, world_size, worker_id, num_workers, drop_last, state,
                 materialize, memory_limit, block_size, prefetch, tag=None):
        if batch_size < 1:
            raise Error("batch_size must be at least 1", "LH_ERR_INVALID")
        o = _StreamOptions()
        o.struct_size = ctypes.sizeof(_StreamOptions)
        o.columns, o.ncolumns, k1 = _strings(columns)
        o.materialize, o.nmaterialize, k2 = _strings(materialize)
        self._keep = (k1, k2)
        o.filter = filter.encode("utf-8") if filter else None
        o.version = int(version) if version is not None else 0
        o.batch_size, o.shuffle = batch_size, shuffle.encode() if shuffle else None
        o.seed, o.epoch, o.block_size = int(seed), int(epoch), int(block_size or 0)
        o.rank, o.world_size, o.worker, o.num_workers = rank, world_size, worker_id, num_workers
        o.drop_last = bool(drop_last)
        text = _state_text(state)
        o.state = text.encode() if text else None
        o.memory_limit = int(memory_limit or 0)
        if int(prefetch) < 0:
            raise Error("prefetch must be 0 (none) or more batches", "LH_ERR_INVALID")
        o.prefetch = int(prefetch) if prefetch else -1
        o.tag = tag.encode("utf-8") if tag else None
        h, err = _vp(), _vp()
        self._h = _opened(_lib.lh_stream_open(lake._handle(), source.encode("utf-8"),
                                              ctypes.byref(o), ctypes.byref(h),
                                              ctypes.byref(err)), h, err)
        self.batch_size = batch_size
        self._schema = _arrow.ArrowSchema()
        self._check(_lib.lh_stream_schema(h, ctypes.byref(self._schema)))
        self._schema_owner = _arrow._Owner(self._schema)
        self.snapshot_id = _lib.lh_stream_snapshot(h)
        self.total = _lib.lh_stream_total(h)
        self.columns = [self._schema.children[i].contents.name.decode()
                        for i in range(self._schema.n_children)]

    def _check(self, code):
        if code != 0:
            raise Error(_lib.lh_stream_error(self._h).decode("utf-8", "replace"),
                        _status_name(code))

    @property
    def delivered(self):
        return _lib.lh_stream_delivered(self._h) if self._h else 0

    def _next_part(self):
        arr = _arrow.ArrowArray()
        self._check(_lib.lh_stream_next(self._h, ctypes.byref(arr)))
        if not arr.release:
            return None, 0
        n = arr.length
        return _arrow.batch_columns(self._schema, arr), n

    def __iter__(self):
        return self

    def __next__(self):
        if not self._h:
            raise StopIteration
        parts, rows = [], 0
        while rows < self.batch_size:
            cols, n = self._next_part()
            if cols is None:
                break
            parts.append(cols)
            rows += n
            if self.delivered % self.batch_size == 0:
                break
        if not parts:
            raise StopIteration
        return _arrow.concat(parts)

    def state_dict(self, rank_samples=None):
        """Where this stream stands, to pass back as `state=` (any world size) and get
        exactly the samples not yet delivered. `rank_samples`: the samples this rank has
        consumed, when several workers feed it (default: this stream's own count)."""
        out = _vp()
        self._check(_lib.lh_stream_state(self._h, -1 if rank_samples is None
                                         else int(rank_samples), ctypes.byref(out)))
        try:
            text = ctypes.string_at(out).decode()
        finally:
            _lib.lh_free(out)
        return {"state": text, "snapshot_id": self.snapshot_id}


class Taker(_Handle):
    """Rows of one table at one snapshot by row id (see Lake.taker): `take(ids)` gives a
    dict column -> values in the order asked; `snapshot_id`, `num_rows`."""
    _closer = staticmethod(_lib.lh_taker_close)

    def __init__(self, lake, table, *, columns=None, version=None):
        arr, n, keep = _strings(columns)
        self._keep = keep
        h, err = _vp(), _vp()
        self._h = _opened(_lib.lh_taker_open(lake._handle(), table.encode("utf-8"), arr, n,
                                             int(version) if version is not None else 0,
                                             ctypes.byref(h), ctypes.byref(err)), h, err)
        self._lake = lake
        self._schema = _arrow.ArrowSchema()
        self._check(_lib.lh_taker_schema(h, ctypes.byref(self._schema)))
        self._schema_owner = _arrow._Owner(self._schema)
        self.snapshot_id = _lib.lh_taker_snapshot(h)
        self.num_rows = _lib.lh_taker_rows(h)

    def _check(self, code):
        if code != 0:
            raise Error(_lib.lh_taker_error(self._h).decode("utf-8", "replace"),
                        _status_name(code))

    def take(self, row_ids):
        ids = [int(i) for i in row_ids]
        id_arr = (ctypes.c_int64 * len(ids))(*ids) if ids else None
        arr = _arrow.ArrowArray()
        self._check(_lib.lh_take(self._h, id_arr, len(ids), ctypes.byref(arr)))
        return _arrow.batch_columns(self._schema, arr)


def load_dataset(path, name, split=None, streaming=True, **kwargs):
    """datasets.load_dataset(..., streaming=True) for a lake table: see lakehouse.datasets."""
    from . import datasets
    return datasets.load_dataset(path, name, split=split, streaming=streaming, **kwargs)


def open(path):  # noqa: A001 - the contract's name
    """Opens the lake in folder `path` (or a catalog spec such as sqlite:FILE)."""
    return Lake(path)


def session(text=False):
    """A SQL session with no lake yet: its statements attach one as DuckDB's ducklake
    extension does (ATTACH 'ducklake:meta.ducklake' AS lake (DATA_PATH 'files/')).
    `text`: values as DuckDB renders them, not Python values."""
    return Lake(None, text=text)


