#!/usr/bin/python3
"""The map step on Dask: `tarikh extract` over shards of documents on Dask
workers, each shard's events loaded into one store with `tarikh load`.

    engine/scale/dask_extract.py --db postgresql://host/tarikh --scheduler tcp://10.0.0.5:8786 \
        --tarikh /opt/tarikh/bin/tarikh [--dct YYYY-MM-DD] [--shard-mb 8] PATH...
    engine/scale/dask_extract.py --db postgresql:///tarikh --local 2 PATH...   # a LocalCluster here

Extraction is stateless, so it runs wherever there is a core; the store
decides what is new and what repeats an event already stored, whichever
worker loads first (see README, "Scaling out"). PATHs are .txt and .jsonl
documents, files or folders, as `tarikh ingest` takes them; this client reads
them and ships each shard's documents to a worker, so the workers need the
tarikh binary (--tarikh, the same path on every worker) and the store's
address, not the documents' filesystem.

Documents travel as the bytes they are: a .txt file is written again on the
worker and given to `tarikh extract` as a file, so one that is not valid
UTF-8 (or is UTF-16) is read exactly as `tarikh ingest` reads it here, and its
events name it by the path given here. A .jsonl line travels as its bytes too.

Debian's python3-distributed (2022.12) runs it: call it with /usr/bin/python3.
"""
import argparse
import json
import os
import subprocess
import sys
import tempfile


def documents(paths):
    """The documents in tarikh's order (each argument in turn, a folder's .txt
    and .jsonl files recursively by name), as ("jsonl", line bytes) or
    ("txt", path as given, file bytes)."""
    files = []
    for p in paths:
        if os.path.isdir(p):
            found = []
            for root, _, names in os.walk(p):
                found += [os.path.join(root, n) for n in names if n.endswith((".txt", ".jsonl"))]
            files += sorted(found)
        else:
            files.append(p)
    for f in files:
        if f.endswith(".jsonl"):
            with open(f, "rb") as lines:
                for line in lines:
                    if line.strip():
                        yield ("jsonl", line.rstrip(b"\r\n"))
        else:
            with open(f, "rb") as raw:
                yield ("txt", f, raw.read())


def size_of(doc):
    return len(doc[-1]) + 1


def shards(docs, shard_bytes):
    """Documents grouped into shards (lists) of about shard_bytes."""
    shard, size = [], 0
    for doc in docs:
        shard.append(doc)
        size += size_of(doc)
        if size >= shard_bytes:
            yield shard
            shard, size = [], 0
    if shard:
        yield shard


def write_inputs(shard, folder):
    """The shard's documents as files for `tarikh extract`, in order: runs of
    JSON Lines in one file each, each .txt document in a file of its own.
    Returns the files and, for each .txt file, the path it stands for."""
    files, names = [], {}
    lines = []

    def flush_lines():
        if lines:
            path = os.path.join(folder, f"{len(files)}.jsonl")
            with open(path, "wb") as f:
                f.write(b"\n".join(lines) + b"\n")
            files.append(path)
            lines.clear()

    for doc in shard:
        if doc[0] == "jsonl":
            lines.append(doc[1])
            continue
        flush_lines()
        path = os.path.join(folder, f"{len(files)}.txt")
        with open(path, "wb") as f:
            f.write(doc[2])
        files.append(path)
        names[path] = doc[1]
    flush_lines()
    return files, names


def renamed(events, names):
    """extract's JSON Lines with each source naming its document as given."""
    out = []
    for line in events.splitlines():
        if not line.strip():
            continue
        e = json.loads(line)
        for s in e.get("sources", []):
            s["doc"] = names.get(s.get("doc"), s.get("doc"))
        out.append(json.dumps(e, ensure_ascii=False))
    return ("\n".join(out) + "\n").encode("utf-8") if out else b""


def extract_and_load(shard, tarikh, db, dct):
    """On a worker: the shard's events, then loaded into the store. Returns
    what each command said. A document extract cannot read is reported, not
    fatal (as in `tarikh ingest`); a command that fails otherwise raises."""
    with tempfile.TemporaryDirectory(prefix="tarikh-shard-") as folder:
        files, names = write_inputs(shard, folder)
        extract = [tarikh, "extract"] + (["--dct", dct] if dct else []) + files
        ex = subprocess.run(extract, capture_output=True)
        said = ex.stderr.decode(errors="replace")
        for path, name in names.items():
            said = said.replace(path, name)
        # 1: some documents could not be read (said on stderr); the others' events are out.
        if ex.returncode not in (0, 1):
            raise RuntimeError(f"tarikh extract failed ({ex.returncode}): {said}")
        ld = subprocess.run([tarikh, "load", "--db", db, "-"], input=renamed(ex.stdout.decode("utf-8"), names),
                            capture_output=True)
        if ld.returncode != 0:
            raise RuntimeError("tarikh load failed: " + ld.stderr.decode(errors="replace"))
        return said.strip(), ld.stdout.decode(errors="replace").strip(), ex.returncode == 0


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    where = ap.add_mutually_exclusive_group(required=True)
    where.add_argument("--scheduler", help="address of a running Dask scheduler, e.g. tcp://10.0.0.5:8786")
    where.add_argument("--local", type=int, metavar="N", help="start a LocalCluster of N worker processes here")
    ap.add_argument("--db", required=True, help="the store every worker loads into (postgresql://…)")
    ap.add_argument("--tarikh", default="tarikh", help="the tarikh binary, as the workers find it")
    ap.add_argument("--dct", help="the documents' date when they carry none (YYYY-MM-DD)")
    ap.add_argument("--shard-mb", type=float, default=8.0, help="documents per task, in MB (default 8)")
    ap.add_argument("paths", nargs="+")
    args = ap.parse_args()
    if not args.db.startswith(("postgresql://", "postgres://")):
        print("dask_extract: --db must be a PostgreSQL store (postgresql://…): workers on other machines "
              "cannot share an SQLite file", file=sys.stderr)
        return 2
    for p in args.paths:
        if not os.path.exists(p):
            print(f"dask_extract: {p}: no such file or folder", file=sys.stderr)
            return 2
    tarikh = os.path.abspath(args.tarikh) if os.sep in args.tarikh else args.tarikh

    import dask
    from distributed import Client, LocalCluster, as_completed

    cluster = None
    scratch = None
    if args.local:
        # Its own scratch folder: by default every Dask worker on the machine
        # shares $TMPDIR/dask-worker-space, and a starting worker purges the
        # folders it takes for stale, including another cluster's (a test run
        # beside another one; dask/distributed#5322). And a slow start is not
        # a dead worker: two interpreters importing distributed on a loaded
        # machine can take longer than the 30 s Dask allows by default.
        scratch = tempfile.TemporaryDirectory(prefix="tarikh-dask-")
        dask.config.set({"distributed.comm.timeouts.connect": "180s"})
        cluster = LocalCluster(n_workers=args.local, threads_per_worker=1, processes=True,
                               host="127.0.0.1", dashboard_address=None, local_directory=scratch.name)
    client = Client(cluster if cluster else args.scheduler)
    try:
        futures = [client.submit(extract_and_load, s, tarikh, args.db, args.dct, pure=False)
                   for s in shards(documents(args.paths), int(args.shard_mb * 1e6))]
        failed = with_problems = 0
        for i, f in enumerate(as_completed(futures), 1):
            try:
                said_extract, said_load, clean = f.result()
                lines = said_extract.splitlines()
                print(f"shard {i}/{len(futures)}: {lines[0] if lines else ''}; {said_load.splitlines()[0]}", flush=True)
                if not clean:
                    with_problems += 1
                    print("\n".join(lines[1:]), file=sys.stderr, flush=True)
            except Exception as e:  # one shard failing does not lose the others
                failed += 1
                print(f"shard {i}/{len(futures)} failed: {e}", file=sys.stderr, flush=True)
        print(f"{len(futures)} shards, {failed} failed, {with_problems} with documents that could not be read")
        return 1 if failed or with_problems else 0
    finally:
        client.close()
        if cluster:
            cluster.close()
        if scratch:
            scratch.cleanup()


if __name__ == "__main__":
    sys.exit(main())
