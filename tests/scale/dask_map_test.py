"""The map step on Dask end to end: engine/scale/dask_extract.py on a
LocalCluster of two workers, many small shards, loading into one PostgreSQL
store, gives the events `tarikh extract | tarikh load` gives on one machine.
Among the documents are .txt files, one of them not valid UTF-8 and one in
UTF-16: the workers read them as `tarikh extract` reads them here, and their
events name them by their paths here.

    dask_map_test.py TARIKH PG_STATE SEEDS SCRIPT   (run with Debian's /usr/bin/python3)
"""
import json
import os
import subprocess
import sys
import tempfile

from scale_common import events, new_database, run, seed_documents


def write_text_files(folder):
    """A few .txt documents of kinds a crawler brings back."""
    os.makedirs(folder)
    files = {
        "latin1.txt": "Azerbaijan and Israel signed a gas deal in Baku on 3 May 2020 (caf\xe9 talks).\n".encode("latin-1"),
        "broken.txt": b"Iran and Iraq opened a border crossing on 12 June 2021 \xff\xfe\xc3 near Mehran.\n",
        "utf16.txt": "\ufeffTurkey and Syria held talks in Ankara on 5 March 2019.\n".encode("utf-16-le"),
        "plain.txt": "Egypt and Jordan agreed on electricity links in Cairo on 7 July 2022.\n".encode("utf-8"),
    }
    for name, data in files.items():
        with open(os.path.join(folder, name), "wb") as f:
            f.write(data)


def main(tarikh, state, seeds, script):
    with tempfile.TemporaryDirectory() as tmp:
        docs_path = os.path.join(tmp, "docs.jsonl")
        with open(docs_path, "w", encoding="utf-8") as f:
            for d in seed_documents(seeds):
                f.write(json.dumps(d, ensure_ascii=False) + "\n")
        texts = os.path.join(tmp, "texts")
        write_text_files(texts)

        on_dask = new_database(state)
        said = run([sys.executable, script, "--local", "2", "--db", on_dask, "--tarikh", tarikh,
                    "--shard-mb", "0.004", docs_path, texts])
        shards = said.strip().splitlines()[-1]
        print(shards)
        if not shards.endswith("0 failed, 0 with documents that could not be read") or int(shards.split()[0]) < 8:
            sys.exit(f"expected many shards, none failed:\n{said}")

        one_machine = new_database(state)
        extracted = run([tarikh, "extract", docs_path, texts])
        subprocess.run([tarikh, "load", "--db", one_machine, "-"], input=extracted, text=True, check=True,
                       capture_output=True)

        got, want = events(tarikh, on_dask), events(tarikh, one_machine)
        if got != want:
            sys.exit(f"the stores differ: {len(got)} events through Dask, {len(want)} on one machine")
        named = {s["doc"] for e in got for s in e["sources"]}
        for name in ("broken.txt", "latin1.txt", "utf16.txt", "plain.txt"):
            if os.path.join(texts, name) not in named:
                sys.exit(f"no event names {os.path.join(texts, name)}: {sorted(n for n in named if 'texts' in n)}")
        print(f"identical: {len(got)} events")


if __name__ == "__main__":
    main(*sys.argv[1:])
