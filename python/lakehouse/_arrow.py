"""Arrow C data interface batches (what lh_stream_next hands out) as Python columns.

A record batch is a struct array; each child becomes a numpy array viewing the Arrow
buffer itself (fixed-width columns without NULLs, when numpy is installed) or a list of
Python values (str for text, bytes for BLOB, dict for STRUCT, list for LIST, None for
NULL). The batch's memory is released when nothing views it any more.
"""
import ctypes
import datetime
import decimal

_np = None
_np_tried = False


def _numpy():
    """numpy when installed (imported on first use, so `import lakehouse` needs only the
    standard library); None without it."""
    global _np, _np_tried
    if not _np_tried:
        _np_tried = True
        try:
            import numpy
            _np = numpy
        except ImportError:
            _np = None
    return _np


class ArrowSchema(ctypes.Structure):
    pass


ArrowSchema._fields_ = [
    ("format", ctypes.c_char_p), ("name", ctypes.c_char_p), ("metadata", ctypes.c_void_p),
    ("flags", ctypes.c_int64), ("n_children", ctypes.c_int64),
    ("children", ctypes.POINTER(ctypes.POINTER(ArrowSchema))),
    ("dictionary", ctypes.POINTER(ArrowSchema)),
    ("release", ctypes.CFUNCTYPE(None, ctypes.POINTER(ArrowSchema))),
    ("private_data", ctypes.c_void_p)]


class ArrowArray(ctypes.Structure):
    pass


ArrowArray._fields_ = [
    ("length", ctypes.c_int64), ("null_count", ctypes.c_int64), ("offset", ctypes.c_int64),
    ("n_buffers", ctypes.c_int64), ("n_children", ctypes.c_int64),
    ("buffers", ctypes.POINTER(ctypes.c_void_p)),
    ("children", ctypes.POINTER(ctypes.POINTER(ArrowArray))),
    ("dictionary", ctypes.POINTER(ArrowArray)),
    ("release", ctypes.CFUNCTYPE(None, ctypes.POINTER(ArrowArray))),
    ("private_data", ctypes.c_void_p)]


class _Owner:
    """Releases an Arrow array (or schema) when the last view of its buffers goes."""

    def __init__(self, struct):
        self.struct = struct

    def __del__(self):
        s = self.struct
        if s.release:
            s.release(ctypes.byref(s))


# fixed-width formats: (ctypes type, numpy dtype)
_FIXED = {b"c": (ctypes.c_int8, "i1"), b"C": (ctypes.c_uint8, "u1"),
          b"s": (ctypes.c_int16, "i2"), b"S": (ctypes.c_uint16, "u2"),
          b"i": (ctypes.c_int32, "i4"), b"I": (ctypes.c_uint32, "u4"),
          b"l": (ctypes.c_int64, "i8"), b"L": (ctypes.c_uint64, "u8"),
          b"f": (ctypes.c_float, "f4"), b"g": (ctypes.c_double, "f8"),
          b"tdD": (ctypes.c_int32, "i4"), b"tsu:": (ctypes.c_int64, "i8"),
          b"tss:": (ctypes.c_int64, "i8"), b"tsm:": (ctypes.c_int64, "i8"),
          b"tsn:": (ctypes.c_int64, "i8"), b"ttu": (ctypes.c_int64, "i8")}
_TS_UNITS = {b"tss": 1, b"tsm": 1000, b"tsu": 1000000, b"tsn": 1000000000}
_EPOCH = datetime.datetime(1970, 1, 1)


def _fixed_key(fmt):
    if fmt.startswith(b"ts"):
        return fmt[:4] if fmt[3:4] == b":" else fmt
    return fmt


def _valid(arr, i):
    bits = arr.buffers[0]
    if not bits or arr.null_count == 0:
        return True
    j = arr.offset + i
    return bool(ctypes.cast(bits, ctypes.POINTER(ctypes.c_uint8))[j >> 3] & (1 << (j & 7)))


def _column(schema, arr, owner, zero_copy):
    _np = _numpy()
    fmt = schema.format
    n, off = arr.length, arr.offset
    key = _fixed_key(fmt)
    if key in _FIXED:
        ctype, dtype = _FIXED[key]
        if n == 0:
            return _np.empty(0, dtype) if (zero_copy and _np) else []
        view = (ctype * (n + off)).from_address(arr.buffers[1])
        if zero_copy and _np is not None and arr.null_count == 0:
            a = _np.frombuffer(view, dtype=dtype)[off:]
            view._lakehouse_owner = owner  # the Arrow batch lives as long as the array
            if key[:3] in _TS_UNITS:
                a = a.view({1: "datetime64[s]", 1000: "datetime64[ms]",
                            1000000: "datetime64[us]", 1000000000: "datetime64[ns]"}
                           [_TS_UNITS[key[:3]]])
            elif key == b"tdD":
                a = a.view("datetime64[D]")
            return a
        vals = list(view[off:off + n])
        if key[:3] in _TS_UNITS:
            unit = _TS_UNITS[key[:3]]
            vals = [_EPOCH + datetime.timedelta(microseconds=v * 1000000 // unit) for v in vals]
        elif key == b"tdD":
            vals = [datetime.date(1970, 1, 1) + datetime.timedelta(days=v) for v in vals]
        return [v if _valid(arr, i) else None for i, v in enumerate(vals)]
    if fmt == b"b":
        bits = ctypes.cast(arr.buffers[1], ctypes.POINTER(ctypes.c_uint8))
        return [bool(bits[(off + i) >> 3] & (1 << ((off + i) & 7))) if _valid(arr, i) else None
                for i in range(n)]
    if fmt in (b"u", b"z", b"U", b"Z"):
        otype = ctypes.c_int32 if fmt in (b"u", b"z") else ctypes.c_int64
        if n == 0:
            return []
        offs = (otype * (n + off + 1)).from_address(arr.buffers[1])
        base = arr.buffers[2] or 0
        out = []
        for i in range(n):
            if not _valid(arr, i):
                out.append(None)
                continue
            a, b = offs[off + i], offs[off + i + 1]
            raw = ctypes.string_at(base + a, b - a) if b > a else b""
            out.append(raw.decode("utf-8") if fmt in (b"u", b"U") else raw)
        return out
    if fmt.startswith(b"d:"):
        parts = fmt[2:].split(b",")
        scale = int(parts[1]) if len(parts) > 1 else 0
        raw = ctypes.string_at(arr.buffers[1] + 16 * off, 16 * n) if n else b""
        out = []
        for i in range(n):
            if not _valid(arr, i):
                out.append(None)
                continue
            v = int.from_bytes(raw[16 * i:16 * i + 16], "little", signed=True)
            out.append(decimal.Decimal(v).scaleb(-scale))
        return out
    if fmt == b"+s":
        kids = [_column(schema.children[k].contents, arr.children[k].contents, owner, False)
                for k in range(schema.n_children)]
        names = [schema.children[k].contents.name.decode() for k in range(schema.n_children)]
        return [{nm: kid[off + i] for nm, kid in zip(names, kids)} if _valid(arr, i) else None
                for i in range(n)]
    if fmt in (b"+l", b"+L"):
        otype = ctypes.c_int32 if fmt == b"+l" else ctypes.c_int64
        if n == 0:
            return []
        offs = (otype * (n + off + 1)).from_address(arr.buffers[1])
        child = _column(schema.children[0].contents, arr.children[0].contents, owner, False)
        return [child[offs[off + i]:offs[off + i + 1]] if _valid(arr, i) else None
                for i in range(n)]
    raise TypeError(f"Arrow format {fmt.decode()!r} is not supported by the Python binding")


def batch_columns(schema, array, zero_copy=True):
    """The columns of a record batch (a struct array) as an ordered dict name -> values.
    Takes ownership of `array` (an ArrowArray struct filled by the library)."""
    owner = _Owner(array)
    out = {}
    for k in range(schema.n_children):
        cs = schema.children[k].contents
        out[cs.name.decode()] = _column(cs, array.children[k].contents, owner, zero_copy)
    return out


def concat(parts):
    """Several batches' columns as one (copies; only for batches above 2048 rows)."""
    if len(parts) == 1:
        return parts[0]
    _np = _numpy()
    out = {}
    for name in parts[0]:
        cols = [p[name] for p in parts]
        if _np is not None and all(isinstance(c, _np.ndarray) for c in cols):
            out[name] = _np.concatenate(cols)
        else:
            merged = []
            for c in cols:
                merged.extend(c.tolist() if _np is not None and isinstance(c, _np.ndarray) else c)
            out[name] = merged
    return out
