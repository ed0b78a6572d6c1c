"""Modal Lakehouse from Python: a ctypes binding over liblakehouse.so.

    import lakehouse
    lake = lakehouse.open("demo-lake")
    res = lake.sql("SELECT caption_id, caption FROM gold.captions WHERE caption_id < ?", [10])
    res.columns          # ['caption_id', 'caption']
    res.rows             # [(1, 'a dog ...'), ...]
    res.to_columns()     # {'caption_id': [1, ...], 'caption': [...]}

Only the standard library is needed. The shared library is the one named by
$LAKEHOUSE_LIBRARY, else build/liblakehouse.so of the checkout this package sits in,
else one the system linker finds (`make install`).
"""
import ctypes
import ctypes.util
import json
import os

__all__ = ["open", "Lake", "Result", "Error"]


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
    checkout = os.path.join(here, "..", "..", "build", "liblakehouse.so")
    if os.path.exists(checkout):
        return os.path.abspath(checkout)
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
_LH_RENDER_JSON = 1

_vp = ctypes.c_void_p
_sigs = {
    "lh_lake_open": (ctypes.c_int, [ctypes.c_char_p, ctypes.POINTER(_vp), ctypes.POINTER(_vp)]),
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


class Lake:
    """An open lake. Not shared between threads; each process (or DataLoader worker)
    opens its own. Close it with close(), or use it as a context manager."""

    def __init__(self, path):
        handle, err = _vp(), _vp()
        code = _lib.lh_lake_open(os.fsencode(path), ctypes.byref(handle), ctypes.byref(err))
        if code != 0:
            msg = ctypes.string_at(err).decode("utf-8", "replace") if err.value else "cannot open"
            _lib.lh_free(err)
            raise Error(msg, _status_name(code))
        self._h = handle
        self.path = path
        _lib.lh_lake_set_render(self._h, _LH_RENDER_JSON)

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
        order given, as a dict column -> list. `version` pins a snapshot (default: the
        latest). An id without a row at that snapshot raises Error, never a short
        answer."""
        h = self._handle()
        ids = [int(i) for i in row_ids]
        id_arr = (ctypes.c_int64 * len(ids))(*ids) if ids else None
        cols = [c.encode("utf-8") for c in columns] if columns else []
        col_arr = (ctypes.c_char_p * len(cols))(*cols) if cols else None
        res = _vp()
        code = _lib.lh_lake_take(h, table.encode("utf-8"), id_arr, len(ids), col_arr, len(cols),
                                 -1 if version is None else int(version), ctypes.byref(res))
        return self._result(code, res).to_columns()

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
                        row.append(_decode(ctypes.string_at(p).decode("utf-8") if p else None,
                                           types[c]))
                    rows.append(tuple(row))
            return Result(columns, types, rows)
        finally:
            _lib.lh_result_destroy(ctypes.byref(res))

    def close(self):
        if self._h:
            _lib.lh_lake_close(ctypes.byref(self._h))
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


def open(path):  # noqa: A001 - the contract's name
    """Opens the lake in folder `path` (or a catalog spec such as sqlite:FILE)."""
    return Lake(path)


