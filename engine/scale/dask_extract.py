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
them and ships each shard's documents to a worker as JSON Lines, so the
workers need the tarikh binary (--tarikh, the same path on every worker) and
the store's address, not the documents' filesystem.

Debian's python3-distributed (2022.12) runs it: call it with /usr/bin/python3.
"""
import argparse
import json
import os
import subprocess
import sys


def documents(paths):
    """(id, text, extra fields) of every document, in tarikh's order: each
    argument in turn, a folder's .txt and .jsonl files recursively by name."""
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
            with open(f, encoding="utf-8", errors="surrogateescape") as lines:
                for line in lines:
                    if line.strip():
                        yield line.rstrip("\n")
        else:
            with open(f, "rb") as raw:
                text = raw.read().decode("utf-8", errors="surrogateescape")
            yield json.dumps({"id": f, "text": text}, ensure_ascii=False)


def shards(lines, shard_bytes):
    """Documents (JSON Lines) grouped into shards of about shard_bytes."""
    shard, size = [], 0
    for line in lines:
        shard.append(line)
        size += len(line.encode("utf-8", errors="surrogateescape")) + 1
        if size >= shard_bytes:
            yield "\n".join(shard) + "\n"
            shard, size = [], 0
    if shard:
        yield "\n".join(shard) + "\n"


def extract_and_load(shard, tarikh, db, dct):
    """On a worker: the shard's events, then loaded into the store. Returns
    what each command said, and raises with its stderr when one failed."""
    extract = [tarikh, "extract"] + (["--dct", dct] if dct else []) + ["-"]
    ex = subprocess.run(extract, input=shard.encode("utf-8", errors="surrogateescape"), capture_output=True)
    if ex.returncode != 0:
        raise RuntimeError("tarikh extract failed: " + ex.stderr.decode(errors="replace"))
    ld = subprocess.run([tarikh, "load", "--db", db, "-"], input=ex.stdout, capture_output=True)
    if ld.returncode != 0:
        raise RuntimeError("tarikh load failed: " + ld.stderr.decode(errors="replace"))
    return ex.stderr.decode(errors="replace").strip(), ld.stdout.decode(errors="replace").strip()


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

    from distributed import Client, LocalCluster, as_completed

    cluster = None
    if args.local:
        cluster = LocalCluster(n_workers=args.local, threads_per_worker=1, processes=True,
                               host="127.0.0.1", dashboard_address=None)
    client = Client(cluster if cluster else args.scheduler)
    try:
        futures = [client.submit(extract_and_load, s, tarikh, args.db, args.dct, pure=False)
                   for s in shards(documents(args.paths), int(args.shard_mb * 1e6))]
        failed = 0
        for i, f in enumerate(as_completed(futures), 1):
            try:
                said_extract, said_load = f.result()
                print(f"shard {i}/{len(futures)}: {said_extract}; {said_load.splitlines()[0]}", flush=True)
            except Exception as e:  # one shard failing does not lose the others
                failed += 1
                print(f"shard {i}/{len(futures)} failed: {e}", file=sys.stderr, flush=True)
        print(f"{len(futures)} shards, {failed} failed")
        return 1 if failed else 0
    finally:
        client.close()
        if cluster:
            cluster.close()


if __name__ == "__main__":
    sys.exit(main())
