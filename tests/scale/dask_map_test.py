"""The map step on Dask end to end: engine/scale/dask_extract.py on a
LocalCluster of two workers, many small shards, loading into one PostgreSQL
store, gives the events `tarikh extract | tarikh load` gives on one machine.

    dask_map_test.py TARIKH PG_STATE SEEDS SCRIPT   (run with Debian's /usr/bin/python3)
"""
import json
import os
import subprocess
import sys
import tempfile

from scale_common import events, new_database, run, seed_documents


def main(tarikh, state, seeds, script):
    with tempfile.TemporaryDirectory() as tmp:
        docs_path = os.path.join(tmp, "docs.jsonl")
        with open(docs_path, "w", encoding="utf-8") as f:
            for d in seed_documents(seeds):
                f.write(json.dumps(d, ensure_ascii=False) + "\n")

        on_dask = new_database(state)
        said = run([sys.executable, script, "--local", "2", "--db", on_dask, "--tarikh", tarikh,
                    "--shard-mb", "0.004", docs_path])
        shards = said.strip().splitlines()[-1]
        print(shards)
        if not shards.endswith("0 failed") or int(shards.split()[0]) < 8:
            sys.exit(f"expected many shards, none failed:\n{said}")

        one_machine = new_database(state)
        extracted = run([tarikh, "extract", docs_path])
        subprocess.run([tarikh, "load", "--db", one_machine, "-"], input=extracted, text=True, check=True,
                       capture_output=True)

        got, want = events(tarikh, on_dask), events(tarikh, one_machine)
        if got != want:
            sys.exit(f"the stores differ: {len(got)} events through Dask, {len(want)} on one machine")
        print(f"identical: {len(got)} events")


if __name__ == "__main__":
    main(*sys.argv[1:])
