# Thin wrapper around CMake. `make demo` and `make test` set up everything they need.
MAKEFLAGS += --no-print-directory
BUILD      ?= build
BUILD_ASAN ?= build-asan
BUILD_FUZZ ?= build-fuzz
# `make fuzz`: seconds per target, and which targets (fuzz/fuzz_<name>.c)
FUZZ_SECONDS ?= 60
FUZZ_TARGETS ?= sql mp4 media card s3_xml hub_json mcp http
JOBS       ?= $(shell nproc 2>/dev/null || echo 2)
CMAKE_FLAGS ?=
# Which catalog:store combinations each build runs the CLI suite on ("=SUBSET": only
# the files of that subset, tests/CMakeLists.txt). Between them every catalog and every
# store runs the whole suite once, and the sanitizer build checks the C code of both;
# `make test-matrix` runs every file on all six combinations.
ASAN_MATRIX ?= sqlite:fs;postgres:s3=s3;duckdb:fs=duckdb_file
MATRIX      ?= postgres:s3;duckdb:fs=catalog
FULL_MATRIX ?= sqlite:fs;postgres:fs;duckdb:fs;sqlite:s3;postgres:s3;duckdb:s3
BUILD_MATRIX ?= build-matrix

.PHONY: install all bootstrap bootstrap-test bootstrap-bench bootstrap-fuzz build build-asan build-fuzz fuzz test test-release test-asan test-matrix torture demo rebuild bench clean

all: build

bootstrap:
	@./scripts/bootstrap.sh

# the test servers (PostgreSQL, Ceph RGW) and, for benchmarks, the aws CLI
bootstrap-test:
	@./scripts/bootstrap.sh --test

bootstrap-bench:
	@./scripts/bootstrap.sh --bench

# clang and libFuzzer, for `make fuzz` only (`make test` does not need clang)
bootstrap-fuzz:
	@./scripts/bootstrap.sh --fuzz

$(BUILD)/Makefile: CMakeLists.txt | bootstrap
	cmake -S . -B $(BUILD) -DCMAKE_BUILD_TYPE=RelWithDebInfo "-DLH_MATRIX=$(MATRIX)" $(CMAKE_FLAGS)

$(BUILD_MATRIX)/Makefile: CMakeLists.txt | bootstrap
	cmake -S . -B $(BUILD_MATRIX) -DCMAKE_BUILD_TYPE=RelWithDebInfo "-DLH_MATRIX=$(FULL_MATRIX)" $(CMAKE_FLAGS)

$(BUILD_ASAN)/Makefile: CMakeLists.txt | bootstrap
	cmake -S . -B $(BUILD_ASAN) -DCMAKE_BUILD_TYPE=Debug -DLH_SANITIZE=ON -DLH_FAULT=ON \
	  "-DLH_MATRIX=$(ASAN_MATRIX)" $(CMAKE_FLAGS)

build: bootstrap $(BUILD)/Makefile
	cmake --build $(BUILD) -j $(JOBS)

build-asan: bootstrap $(BUILD_ASAN)/Makefile
	cmake --build $(BUILD_ASAN) -j $(JOBS)

# The whole suite, first under ASan+UBSan, then on the optimised build.
test: bootstrap-test build build-asan
	./scripts/run-tests.sh $(BUILD_ASAN) $(BUILD)

test-release: bootstrap-test build
	./scripts/run-tests.sh $(BUILD)

test-asan: bootstrap-test build-asan
	./scripts/run-tests.sh $(BUILD_ASAN)

# every CLI test file on every catalog x store combination (optimised build; long)
test-matrix: bootstrap-test bootstrap $(BUILD_MATRIX)/Makefile
	cmake --build $(BUILD_MATRIX) -j $(JOBS)
	./scripts/run-tests.sh $(BUILD_MATRIX)

# libFuzzer targets (clang, ASan+UBSan), each run FUZZ_SECONDS; new inputs are merged
# into fuzz/corpus/, which `make test` replays
$(BUILD_FUZZ)/Makefile: CMakeLists.txt | bootstrap-fuzz
	CC=clang cmake -S . -B $(BUILD_FUZZ) -DCMAKE_BUILD_TYPE=RelWithDebInfo -DLH_FUZZ=ON $(CMAKE_FLAGS)

build-fuzz: bootstrap-fuzz $(BUILD_FUZZ)/Makefile
	cmake --build $(BUILD_FUZZ) -j $(JOBS) --target $(addprefix fuzz_,$(FUZZ_TARGETS))

fuzz: build-fuzz
	FUZZ_SECONDS=$(FUZZ_SECONDS) ./scripts/fuzz.sh $(BUILD_FUZZ) $(FUZZ_TARGETS)

# Fault injection at every call of every point in every scenario (tests/torture/; the
# short version is part of `make test`). Long: hours under ASan.
torture: build-asan
	cd tests/torture && env $$(cat $(abspath $(BUILD_ASAN))/tests/torture.env) LH_TORTURE=full \
	  LH_TEST_CATALOG=sqlite LH_TEST_DATA=fs /usr/bin/python3 -m pytest -q -p no:cacheprovider test_torture.py

demo: build
	./scripts/demo.sh $(BUILD)/lakehouse

# recreate ./demo-lake from the demo inputs, deterministically
rebuild: build
	./rebuild.sh demo-lake $(BUILD)/lakehouse

# the CLI, liblakehouse.so, lakehouse.h and the Python package under PREFIX
PREFIX ?= /usr/local
install: build
	cmake --install $(BUILD) --prefix $(PREFIX)
	@if [ "$$(id -u)" = 0 ] && command -v ldconfig >/dev/null; then ldconfig; fi

bench: bootstrap-bench build
	./bench/run.sh $(BUILD)

clean:
	rm -rf $(BUILD) $(BUILD_ASAN) $(BUILD_FUZZ)
