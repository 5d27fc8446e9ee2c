# make run  — install what is missing, build, and run the main job on seeds/
# make test — install what is missing, build, and run every test
BUILD ?= build
JOBS ?= $(shell nproc)

.PHONY: all setup build run test bench fuzz clean

all: build

setup:
	@.ci/setup-debian

$(BUILD)/CMakeCache.txt: | setup
	cmake -S . -B $(BUILD) -DCMAKE_BUILD_TYPE=Release

build: setup $(BUILD)/CMakeCache.txt
	cmake --build $(BUILD) -j $(JOBS)

DB ?= tarikh.db

# The main job: seeds/ into the store, the chronology by country pair, the
# exports, and the viewer (a PNG of it when there is no display).
run: build
	$(BUILD)/tarikh ingest --db $(DB) seeds
	$(BUILD)/tarikh query --db $(DB) --format table
	@mkdir -p out
	$(BUILD)/tarikh export --db $(DB) --format json -o out/chronology.json
	$(BUILD)/tarikh export --db $(DB) --format timelinejs -o out/timeline.json
	@if [ ! -x $(BUILD)/tarikh-view ]; then echo "no viewer built"; \
	elif [ -n "$$DISPLAY" ]; then $(BUILD)/tarikh-view --db $(DB); \
	else xvfb-run -a -s "-screen 0 1280x800x24" $(BUILD)/tarikh-view --db $(DB) --screenshot out/timeline.png --size 1280x800 \
	  && echo "no display: wrote out/timeline.png"; fi
	@echo "wrote out/chronology.json and out/timeline.json (TimelineJS3)"

test: build
	cd $(BUILD) && ctest --output-on-failure -j $(JOBS)

# libFuzzer targets under ASan + UBSan in build-fuzz/ (fuzz/run.sh), each for
# FUZZ_SECONDS; a finding fails the run and is kept in build-fuzz/findings/.
FUZZ_SECONDS ?= 60
fuzz: setup
	FUZZ_SECONDS=$(FUZZ_SECONDS) fuzz/run.sh

bench: build
	$(BUILD)/tarikh-bench parse ../shared/bench/*.txt

clean:
	rm -rf $(BUILD) build-fuzz out $(DB) $(DB)-wal $(DB)-shm
