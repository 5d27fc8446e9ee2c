# make run  — install what is missing, build, and run the main job on seeds/
# make test — install what is missing, build, and run every test
BUILD ?= build
JOBS ?= $(shell nproc)

.PHONY: all setup build run test bench clean

all: build

setup:
	@.ci/setup-debian

$(BUILD)/CMakeCache.txt: | setup
	cmake -S . -B $(BUILD) -DCMAKE_BUILD_TYPE=Release

build: setup $(BUILD)/CMakeCache.txt
	cmake --build $(BUILD) -j $(JOBS)

run: build
	$(BUILD)/tarikh parse --format table seeds/*.txt

test: build
	cd $(BUILD) && ctest --output-on-failure -j $(JOBS)

bench: build
	$(BUILD)/tarikh-bench parse ../shared/bench/*.txt

clean:
	rm -rf $(BUILD) out tarikh.db tarikh.db-wal tarikh.db-shm
