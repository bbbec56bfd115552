#!/usr/bin/env python3
"""The raw-parser peers: what Python's C parsers do with the same input, timed in-process.

usage:
  parse_peers.py yaml-load DIR     PyYAML CSafeLoader load_all over every *.yaml under DIR
  parse_peers.py yaml-events DIR   libyaml's event stream only (PyYAML CParser), no objects built
  parse_peers.py jsonl FILE        json.loads per line (the CDEvents export)
  parse_peers.py json-files DIR    json.load per *.sarif file under DIR

Catalog files are read into memory before the clock starts, as `waymark-bench yaml` does; SARIF
files are opened and read inside the clock (`json.load(open(f))`), as `waymark-bench policy` and
the build's `policy` stage read theirs; the events file is streamed line by line inside the clock
(constant memory). Prints one JSON object: {"peer", "seconds", "cpuSeconds", "files", "bytes",
"items", "mbPerSecond"} (`cpuSeconds`: the process's CPU time over the same span). Run it with the
bench venv's Python (PyYAML with libyaml) for the YAML modes; the JSON modes need only the
standard library.
"""

import glob
import json
import os
import sys
import time


def files_under(folder, pattern):
    return sorted(glob.glob(os.path.join(folder, "**", pattern), recursive=True))


def yaml_load(contents):
    import yaml
    assert yaml.__with_libyaml__, "PyYAML was built without libyaml"
    count = 0
    for data in contents:
        for _ in yaml.load_all(data, Loader=yaml.CSafeLoader):
            count += 1
    return count


def yaml_events(contents):
    import yaml
    assert yaml.__with_libyaml__, "PyYAML was built without libyaml"
    count = 0
    for data in contents:
        for _ in yaml.parse(data, Loader=yaml.CSafeLoader):
            count += 1
    return count


def json_lines(paths):
    """Streams each file line by line (constant memory), so reading is inside the clock."""
    count = 0
    for path in paths:
        with open(path, "rb") as handle:
            for line in handle:
                if line.strip():
                    json.loads(line)
                    count += 1
    return count


def json_files(paths):
    """Opens, reads and parses each file inside the clock."""
    for path in paths:
        with open(path, "rb") as handle:
            json.load(handle)
    return len(paths)


# mode -> (the files it reads, the parser, whether the files are read before the clock starts)
MODES = {
    "yaml-load": (lambda target: files_under(target, "*.yaml"), yaml_load, True),
    "yaml-events": (lambda target: files_under(target, "*.yaml"), yaml_events, True),
    "jsonl": (lambda target: [target], json_lines, False),
    "json-files": (lambda target: files_under(target, "*.sarif"), json_files, False),
}


def read(path):
    with open(path, "rb") as handle:
        return handle.read()


def main(argv):
    if len(argv) != 3 or argv[1] not in MODES:
        sys.exit(__doc__)
    find, parse, preload = MODES[argv[1]]
    paths = find(argv[2])
    contents = [read(path) for path in paths] if preload else paths
    start = time.perf_counter()
    start_cpu = time.process_time()
    items = parse(contents)
    cpu_seconds = time.process_time() - start_cpu
    seconds = time.perf_counter() - start
    size = sum(os.path.getsize(path) for path in paths)
    print(json.dumps({"peer": argv[1], "seconds": seconds, "cpuSeconds": cpu_seconds, "files": len(paths), "bytes": size, "items": items,
                      "mbPerSecond": size / seconds / 1e6 if seconds else 0}))


if __name__ == "__main__":
    main(sys.argv)
