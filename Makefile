# Convenience entry points; the build itself is CMake (see CMakeLists.txt).
#   make run   install dependencies, build, and print topics of the bundled corpus
#   make test  install dependencies, build, and run every test
BUILD ?= build
JOBS ?= $(shell nproc)

.PHONY: run test deps build

deps:
	scripts/install-deps.sh

build: deps
	cmake -S . -B $(BUILD) -DCMAKE_BUILD_TYPE=Release -DNT_WERROR=ON
	cmake --build $(BUILD) -j $(JOBS)

run: build
	$(BUILD)/nmftopics fit corpora/sotu -k 14

test: build
	ctest --test-dir $(BUILD) --output-on-failure -j $(JOBS)
