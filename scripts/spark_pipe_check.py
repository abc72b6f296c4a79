"""Runs the Spark recipe of docs/scale.md, as written there, in Spark's local mode, and checks its
output against a direct `adviser advise --clients` run, client by client.

Called by scripts/spark-pipe-check, which prepares everything; run that one. Arguments:
  ADVISER WORKSPACE CLIENTS_DIR DIRECT_OUTPUT WORK_DIR

The recipe is read from docs/scale.md (the Python block that calls `.pipe(`) and only its locations
are replaced: the bucket's folders by local folders, the binary's and the workspace's paths by the
ones built here. Any other change to the recipe runs as changed.
"""

import glob
import json
import os
import re
import sys
import time
from collections import defaultdict

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))


def block(calling):
    """The one Python block of docs/scale.md that calls `calling`."""
    text = open(os.path.join(ROOT, "docs", "scale.md"), encoding="utf-8").read()
    blocks = [b for b in re.findall(r"```python\n(.*?)```", text, re.S) if calling in b]
    if len(blocks) != 1:
        sys.exit(f"docs/scale.md should have one Python block calling {calling}; found {len(blocks)}")
    return blocks[0]


def localized(code, replacements):
    for written, here in replacements:
        if code.count(written) != 1:
            sys.exit(f"the recipe in docs/scale.md should name {written} once; it names it {code.count(written)} times")
        code = code.replace(written, here)
    return code


def by_client(lines):
    """Each client's records in order, without `line` (numbered per partition under pipe)."""
    records = defaultdict(list)
    for text in lines:
        record = json.loads(text)
        record.pop("line", None)
        records[record.get("client")].append(json.dumps(record, sort_keys=True))
    return records


def main():
    adviser, workspace, clients_dir, direct_output, work = sys.argv[1:6]
    output_dir = os.path.join(work, "advice")
    buckets = [("s3://bucket/clients/", "file://" + clients_dir + "/"), ("s3://bucket/advice/", "file://" + output_dir + "/")]
    code = localized(block(".pipe("), buckets + [("/opt/adviser/bin/adviser", adviser), ("/opt/rules", workspace)])
    join = localized(block(".join("), buckets)
    print("== the recipe of docs/scale.md, with local paths:")
    print(code.rstrip())

    from pyspark.sql import SparkSession

    started = time.monotonic()
    # Local mode on this machine only: no web UI, and every socket on the loopback address.
    spark = (SparkSession.builder.master("local[2]").appName("adviser-pipe-check")
             .config("spark.ui.enabled", "false").config("spark.ui.showConsoleProgress", "false")
             .config("spark.driver.host", "127.0.0.1").config("spark.driver.bindAddress", "127.0.0.1")
             .getOrCreate())
    spark.sparkContext.setLogLevel("ERROR")
    session_seconds = time.monotonic() - started
    started = time.monotonic()
    scope = {"spark": spark}
    exec(compile(code, "docs/scale.md (Spark recipe)", "exec"), scope)
    job_seconds = time.monotonic() - started
    partitions = scope["advice"].getNumPartitions()
    # The join by id that docs/scale.md shows, on what the recipe wrote.
    exec(compile(join, "docs/scale.md (join by id)", "exec"), scope)
    joined = scope["joined"]
    joined_rows = joined.count()
    unmatched = joined.filter(joined.client.isNull()).count()
    spark.stop()

    spark_lines = []
    for part in sorted(glob.glob(os.path.join(output_dir, "part-*"))):
        with open(part, encoding="utf-8") as f:
            spark_lines.extend(line.rstrip("\n") for line in f if line.strip())
    with open(direct_output, encoding="utf-8") as f:
        direct_lines = [line.rstrip("\n") for line in f if line.strip()]
    inputs = sum(1 for path in glob.glob(os.path.join(clients_dir, "*.jsonl")) for line in open(path, encoding="utf-8") if line.strip())

    spark_records, direct_records = by_client(spark_lines), by_client(direct_lines)
    differing = [c for c in direct_records.keys() | spark_records.keys() if spark_records.get(c) != direct_records.get(c)]
    errors = sum(1 for text in direct_lines if '"error"' in text and json.loads(text).get("error"))
    restarts = sum(1 for text in spark_lines if json.loads(text).get("line") == 1)
    highest = max(json.loads(text).get("line", 0) for text in spark_lines) if spark_lines else 0

    print("== result")
    print(f"clients in: {inputs} lines in {len(glob.glob(os.path.join(clients_dir, '*.jsonl')))} files")
    print(f"direct run: {len(direct_lines)} lines ({errors} error records)")
    print(f"spark run:  {len(spark_lines)} lines from {partitions} partitions; "
          f"session start {session_seconds:.1f} s, job {job_seconds:.1f} s")
    print(f"line numbers under pipe: {restarts} records have line 1, the highest is {highest} "
          f"(of {inputs} input lines): numbered per partition")
    print(f"clients compared by id: {len(direct_records)}; differing: {len(differing)}")
    print(f"the join by id of docs/scale.md: {joined_rows} rows, {unmatched} clients without a record")
    if differing or len(spark_lines) != len(direct_lines) or joined_rows != len(direct_lines) or unmatched:
        print("MISMATCH, first differing clients: " + ", ".join(map(str, sorted(differing, key=str)[:10])))
        sys.exit(1)
    print("MATCH: every client's records are the same, in the same order, as the direct run's")


if __name__ == "__main__":
    main()
