"""Helpers of the scale-out tests: databases on the test cluster, running
tarikh, and a store's events in a form two stores can be compared by."""
import json
import os
import re
import subprocess
import uuid


def server_uri(state):
    """The test cluster's maintenance database (tests/store/pg_cluster.sh)."""
    with open(state) as f:
        return f.readline().strip()


def new_database(state):
    """A new empty database on the cluster; its URI."""
    admin = server_uri(state)
    name = "s" + uuid.uuid4().hex[:12]
    subprocess.run(["psql", admin, "-qc", f"CREATE DATABASE {name}"], check=True)
    return admin.replace("/postgres?", f"/{name}?", 1)


def run(cmd, **kw):
    r = subprocess.run(cmd, capture_output=True, text=True, **kw)
    if r.returncode != 0:
        raise SystemExit(f"{' '.join(cmd)} failed ({r.returncode}):\n{r.stdout}\n{r.stderr}")
    return r.stdout


def events(tarikh, db):
    """Every event of the store, dated and undated, without ids, in one order."""
    out = []
    for extra in ([], ["--undated"]):
        for line in run([tarikh, "query", "--db", db, "--format", "jsonl"] + extra).splitlines():
            e = json.loads(line)
            e.pop("id", None)
            out.append(e)
    return sorted(out, key=lambda e: json.dumps(e, sort_keys=True, ensure_ascii=False))


def written(output):
    """(added, merged) from what `tarikh ingest` or `tarikh load` printed."""
    m = re.search(r"(\d+) added, (\d+) merged", output)
    return (int(m.group(1)), int(m.group(2))) if m else (0, 0)


def seed_documents(seeds):
    """The seeds cut into one document per paragraph, near copies of every
    third one (punctuation changed, as another outlet would print it) under
    another name: reports that the store must merge; and exact copies of
    every fifth under a smaller name."""
    docs = []
    for name in sorted(os.listdir(seeds)):
        with open(os.path.join(seeds, name), encoding="utf-8") as f:
            paragraphs = [p.strip() for p in f.read().split("\n\n") if p.strip()]
        for i, p in enumerate(paragraphs):
            docs.append({"id": f"{name}#{i}", "text": p})
    copies = [{"id": d["id"] + "/copy", "text": d["text"].replace("،", "، ").replace(",", " ,") + " "}
              for d in docs[::3]]
    # Byte-identical copies under a smaller name, coming last: the store keeps
    # the smallest name whichever copy a writer stores first.
    twins = [{"id": "0-" + d["id"], "text": d["text"]} for d in docs[1::5]]
    return docs + copies + twins


def write_shards(docs, folder, n):
    """Documents dealt round-robin into n JSON Lines files; their paths."""
    paths = [os.path.join(folder, f"shard{i}.jsonl") for i in range(n)]
    for i, path in enumerate(paths):
        with open(path, "w", encoding="utf-8") as f:
            for d in docs[i::n]:
                f.write(json.dumps(d, ensure_ascii=False) + "\n")
    return paths
