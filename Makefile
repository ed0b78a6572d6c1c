# Thin wrapper around CMake. `make demo` and `make test` set up everything they need.
MAKEFLAGS += --no-print-directory
BUILD      ?= build
BUILD_ASAN ?= build-asan
JOBS       ?= $(shell nproc 2>/dev/null || echo 2)
CMAKE_FLAGS ?=

.PHONY: all bootstrap build build-asan test test-release test-asan demo bench clean

all: build

bootstrap:
	@./scripts/bootstrap.sh

$(BUILD)/Makefile: CMakeLists.txt | bootstrap
	cmake -S . -B $(BUILD) -DCMAKE_BUILD_TYPE=RelWithDebInfo $(CMAKE_FLAGS)

$(BUILD_ASAN)/Makefile: CMakeLists.txt | bootstrap
	cmake -S . -B $(BUILD_ASAN) -DCMAKE_BUILD_TYPE=Debug -DLH_SANITIZE=ON $(CMAKE_FLAGS)

build: bootstrap $(BUILD)/Makefile
	cmake --build $(BUILD) -j $(JOBS)

build-asan: bootstrap $(BUILD_ASAN)/Makefile
	cmake --build $(BUILD_ASAN) -j $(JOBS)

# The whole suite, first under ASan+UBSan, then on the optimised build.
test: build build-asan
	./scripts/run-tests.sh $(BUILD_ASAN) $(BUILD)

test-release: build
	./scripts/run-tests.sh $(BUILD)

test-asan: build-asan
	./scripts/run-tests.sh $(BUILD_ASAN)

demo: build
	./scripts/demo.sh $(BUILD)/lakehouse

bench: build
	./bench/run.sh $(BUILD)

clean:
	rm -rf $(BUILD) $(BUILD_ASAN)
