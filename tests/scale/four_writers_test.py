"""Four `tarikh ingest` processes on disjoint shards, side by side, into one
PostgreSQL store give exactly the events and merges one serial ingest of the
same shards gives; a reader querying meanwhile never fails.

    four_writers_test.py TARIKH PG_STATE SEEDS
"""
import subprocess
import sys
import tempfile

from scale_common import events, new_database, run, seed_documents, write_shards, written


def main(tarikh, state, seeds):
    with tempfile.TemporaryDirectory() as tmp:
        docs = seed_documents(seeds)
        shards = write_shards(docs, tmp, 4)

        serial = new_database(state)
        said = run([tarikh, "ingest", "--db", serial] + shards)
        serial_written = written(said)

        parallel = new_database(state)
        # Four writers on an empty database: they also race to create the schema.
        writers = [subprocess.Popen([tarikh, "ingest", "--db", parallel, s], stdout=subprocess.PIPE,
                                    stderr=subprocess.PIPE, text=True) for s in shards]
        reads = 0
        while any(w.poll() is None for w in writers):
            q = subprocess.run([tarikh, "query", "--db", parallel, "--format", "jsonl"], capture_output=True, text=True)
            if q.returncode == 0:
                reads += 1
            elif reads:  # before the schema exists a query is refused; never after
                sys.exit(f"a query during the writes failed:\n{q.stderr}")
        outputs = [w.communicate() for w in writers]
        for w, (out, err) in zip(writers, outputs):
            if w.returncode != 0:
                sys.exit(f"a writer failed ({w.returncode}):\n{out}\n{err}")
        parallel_written = tuple(map(sum, zip(*(written(out) for out, _ in outputs))))

        got, want = events(tarikh, parallel), events(tarikh, serial)
        print(f"{len(docs)} documents in 4 shards; serial: {serial_written[0]} added, {serial_written[1]} merged; "
              f"{reads} queries during the parallel writes")
        if parallel_written != serial_written:
            sys.exit(f"the four writers added and merged {parallel_written}, the serial ingest {serial_written}")
        if got != want:
            missing = [e for e in want if e not in got]
            extra = [e for e in got if e not in want]
            sys.exit(f"the stores differ: {len(missing)} events only in the serial one, {len(extra)} only in the "
                     f"parallel one\nfirst serial-only: {missing[:1]}\nfirst parallel-only: {extra[:1]}")
        if serial_written[1] == 0:
            sys.exit("no merges: the test data no longer exercises dedup across writers")
        print(f"identical: {len(got)} events")


if __name__ == "__main__":
    main(*sys.argv[1:])
