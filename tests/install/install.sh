#!/bin/sh
# `make install`'s layout works on its own: installs the build in $1 into a fresh prefix,
# then uses only what landed there: the CLI, a C program built against the installed
# header and library, and the Python package (no LAKEHOUSE_LIBRARY, no checkout paths).
set -eu
build=$1
prefix=$(mktemp -d /tmp/lh-install-XXXXXX)
trap 'rm -rf "$prefix"' EXIT
cmake --install "$build" --prefix "$prefix" >/dev/null
for f in bin/lakehouse include/lakehouse.h lib/liblakehouse.so; do
    [ -e "$prefix/$f" ] || { echo "install: $f is missing" >&2; exit 1; }
done
"$prefix/bin/lakehouse" init "$prefix/lake" >/dev/null
"$prefix/bin/lakehouse" --lake "$prefix/lake" sql -c "CREATE TABLE t AS SELECT range AS id FROM range(5)" >/dev/null
cat > "$prefix/use.c" <<'C'
#include <lakehouse.h>
#include <stdio.h>
int main(int argc, char **argv)
{
	lh_lake *lake = NULL;
	char *err = NULL;
	if (lh_lake_open(argv[1], &lake, &err) != LH_OK) {
		fprintf(stderr, "%s\n", err);
		return 1;
	}
	lh_stream *s = NULL;
	lh_stream_options o = {.shuffle = "global", .seed = 1};
	if (lh_stream_open(lake, "t", &o, &s, &err) != LH_OK) {
		fprintf(stderr, "%s\n", err);
		return 1;
	}
	printf("%lld\n", (long long)lh_stream_total(s));
	lh_stream_close(&s);
	lh_lake_close(&lake);
	return 0;
}
C
cc -std=c11 -Wall -Werror -I"$prefix/include" "$prefix/use.c" -o "$prefix/use" -L"$prefix/lib" -llakehouse \
    -Wl,-rpath,"$prefix/lib"
[ "$("$prefix/use" "$prefix/lake")" = 5 ] || { echo "install: the C program read the wrong rows" >&2; exit 1; }
site=$(find "$prefix/lib" -maxdepth 2 -name dist-packages)
out=$(cd / && env -u LAKEHOUSE_LIBRARY PYTHONPATH="$site" /usr/bin/python3 -c "
import sys, lakehouse
assert lakehouse._find_library().startswith('$prefix/'), lakehouse._find_library()
lk = lakehouse.open(sys.argv[1])
print(sum(len(b['id']) for b in lk.stream('t')))" "$prefix/lake")
[ "$out" = 5 ] || { echo "install: the Python package read '$out'" >&2; exit 1; }
echo "install: CLI, C library and Python package work from $prefix"
