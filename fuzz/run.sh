#!/usr/bin/env bash
# Builds the libFuzzer targets in their own folder (build-fuzz/, clang with
# ASan + UBSan: the Release build and `make test` stay as they are) and runs
# each for FUZZ_SECONDS (default 60) from a seed corpus made of seeds/, the
# language examples, the dev dates and fuzz/seeds/. A finding (crash, leak,
# sanitizer report, timeout, memory over the limit) stops with exit 1 and is
# kept in build-fuzz/findings/TARGET/; add it as a regression test.
#
#   fuzz/run.sh                  every target, FUZZ_SECONDS each
#   fuzz/run.sh fuzz-parse       one target
#   FUZZ_JOBS=2 fuzz/run.sh      two targets at a time
set -euo pipefail
cd "$(dirname "$0")/.."
root=$PWD
build=${FUZZ_BUILD:-build-fuzz}
seconds=${FUZZ_SECONDS:-60}
jobs=${FUZZ_JOBS:-1}
targets=("$@")
((${#targets[@]})) || targets=(fuzz-parse fuzz-event-json fuzz-document-reader fuzz-query-date)

command -v clang++ >/dev/null || { echo "fuzz: clang++ is missing (make setup installs it)" >&2; exit 1; }
if [[ ! -f $build/CMakeCache.txt ]]; then
  cmake -S . -B "$build" -DCMAKE_BUILD_TYPE=RelWithDebInfo -DCMAKE_CXX_COMPILER=clang++ \
        -DTARIKH_FUZZ=ON -DTARIKH_BUILD_VIEWER=OFF >/dev/null
fi
cmake --build "$build" -j "$(nproc)" --target "${targets[@]}"

# Seed corpora, made afresh each run (nothing large is committed).
corpus=$build/corpus
rm -rf "$corpus"
mkdir -p "$corpus"
examples_texts() {  # the "text" of every language example and dev date, one file each
  python3 - "$1" "$root"/engine/lang/*/examples.jsonl "$root"/tests/data/*.jsonl <<'PY'
import json, sys, os
out = sys.argv[1]
n = 0
for path in sys.argv[2:]:
    for line in open(path, encoding='utf-8'):
        line = line.strip()
        if not line:
            continue
        try:
            text = json.loads(line).get('text')
        except ValueError:
            continue
        if isinstance(text, str):
            with open(os.path.join(out, f'ex{n:05}'), 'w', encoding='utf-8') as f:
                f.write(text)
            n += 1
PY
}
seed_pieces() {  # the seeds cut at paragraph (else line) breaks into pieces of 1 KB at most, each
  # behind a mode byte (fuzz_parse.cpp), the modes taken in turn
  python3 - "$@" <<'PY'
import os, sys
out, limit = sys.argv[1], 1023
n = 0
for path in sys.argv[2:]:
    data = open(path, 'rb').read()
    start = 0
    while start < len(data):
        cut = len(data)
        if cut - start > limit:
            cut = start + limit
            for mark in (b'\n\n', b'\n', b' '):
                at = data.rfind(mark, start, start + limit)
                if at > start + limit // 4:
                    cut = at + len(mark)
                    break
            while (data[cut] & 0xC0) == 0x80:
                cut -= 1
        with open(os.path.join(out, f'{os.path.basename(path)}.{n:03}'), 'wb') as f:
            f.write(bytes([n % 8]) + data[start:cut])
        n += 1
        start = cut
PY
}
for t in "${targets[@]}"; do
  mkdir -p "$corpus/$t"
  case $t in
    fuzz-parse)
      seed_pieces "$corpus/$t" seeds/*.txt
      cp fuzz/seeds/parse/* "$corpus/$t/"
      examples_texts "$corpus/$t" ;;
    fuzz-event-json) cp fuzz/seeds/event_json/* "$corpus/$t/" ;;
    fuzz-document-reader)
      cp seeds/*.txt "$corpus/$t/"
      python3 -c "import json,sys; [print(json.dumps({'id':f,'text':open(f,encoding='utf-8').read()[:3000],'date':'2024-05-01'})) for f in sys.argv[1:]]" seeds/*.txt > "$corpus/$t/docs.jsonl" ;;
    fuzz-query-date) cp fuzz/seeds/query_date/* "$corpus/$t/"; examples_texts "$corpus/$t" ;;
  esac
done

run_one() {
  local t=$1 findings=$build/findings/$1
  mkdir -p "$findings"
  echo "fuzz: $t for ${seconds} s" >&2
  # fuzz-parse: about 1 µs a byte under the sanitizers (news of 15 KB ran at
  # 54 a second); its seeds are cut to 1 KB and libFuzzer lets inputs grow
  # from there up to 4 KB, past the 2 KB sentence and the 1 KB event bounds.
  local max_len=65536
  [[ $t == fuzz-parse ]] && max_len=4096
  if "$build/fuzz/$t" "$corpus/$t" -max_total_time="$seconds" -timeout=10 -rss_limit_mb=2048 -max_len=$max_len \
       -artifact_prefix="$findings/" -print_final_stats=1 >"$build/findings/$t.log" 2>&1; then
    grep -E '^stat::number_of_executed_units|^#[0-9]+.*DONE' "$build/findings/$t.log" | sed "s/^/fuzz: $t: /" >&2 || true
  else
    echo "fuzz: $t FOUND a problem: $(ls "$findings")" >&2
    tail -40 "$build/findings/$t.log" >&2
    return 1
  fi
}
export -f run_one
export build corpus seconds
printf '%s\n' "${targets[@]}" | xargs -P "$jobs" -I{} bash -c 'run_one {}'
