# The two commands of the README. Both install what is missing first, so a fresh Debian 12 works.
PRESET ?= default
PROJECT ?= $(HOME)/.local/share/srllm-workbench/demo.srllm
JOBS ?= $(shell nproc)

.PHONY: deps configure build run test core clean demo

deps:
	bash scripts/install-deps.sh --gui

configure: deps
	cmake --preset $(PRESET) >/dev/null

build: configure
	cmake --build --preset $(PRESET) -j $(JOBS)

# Builds the demo project from resources/demo/ (once) and opens the workbench on it.
demo: build
	bash scripts/make-demo.sh build/app/srllm $(PROJECT)

run: demo
	bash scripts/run-gui.sh build/app/srllm-workbench $(PROJECT)

test: build
	ctest --preset $(PRESET) --output-on-failure

# The engine, store and CLI alone, without Qt (what a GPU server builds).
core:
	bash scripts/install-deps.sh --core
	cmake --preset core >/dev/null
	cmake --build --preset core -j $(JOBS)

clean:
	rm -rf build build-core build-debug
