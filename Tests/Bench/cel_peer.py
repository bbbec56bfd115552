#!/usr/bin/env python3
"""The CEL peer: Google's cel-cpp (PyPI `cel-expr-python`) on the checks `waymark-bench cel` runs.

usage:
  cel_peer.py CATALOG_DIR CHECKS_JSON

Reads every *.yaml under CATALOG_DIR with PyYAML's CSafeLoader and keeps the entity documents
(mappings with a `kind` and a `metadata.name`), compiles each check of CHECKS_JSON
(`Tests/Bench/cel_checks.json`) once with `entity` declared `dyn`, and prepares one
`Activation` per entity, all before the clock starts. Then, per check, it evaluates the
program once per entity, in passes over all entities, until `evaluationsPerCheck` is reached
(rounded up to whole passes, as the Waymark probe does). This "per call" figure includes
Python's cost of one `eval` call and reading its result, which a Python scorecard would pay too.

A second, "batched" figure runs `entities.filter(entity, EXPR).size()` with the whole list
bound once, so one call covers all entities and Python's per-call cost is spread over them:
closer to cel-cpp's evaluator alone (the entities are still Python dicts read through the
wrapper). Rates are per wall second and per CPU second of the evaluating thread (the machine
may be shared). Prints one JSON object: {"peer", "version", "entities", "passes", "seconds"
(per call, wall), "cpuSeconds", "evaluations", "evaluationsPerSecond", "evaluationsPerCpuSecond",
"checks": {name: {the same figures, "true", "notBool"}}, "batched": {the same}}.
"""

import glob
import json
import os
import sys
import time


def entity_documents(documents):
    """The documents a catalog turns into entities: mappings with a `kind` and a `metadata.name`."""
    entities = []
    for document in documents:
        if not isinstance(document, dict) or not isinstance(document.get("kind"), str):
            continue
        metadata = document.get("metadata")
        if isinstance(metadata, dict) and isinstance(metadata.get("name"), str):
            entities.append(document)
    return entities


def passes_for(evaluations_per_check, entity_count):
    """Whole passes over the entities giving at least `evaluations_per_check` evaluations."""
    return -(-evaluations_per_check // entity_count)


def load_entities(folder):
    import yaml
    assert yaml.__with_libyaml__, "PyYAML was built without libyaml"
    documents = []
    for path in sorted(glob.glob(os.path.join(folder, "**", "*.yaml"), recursive=True)):
        with open(path, "rb") as handle:
            documents.extend(yaml.load_all(handle.read(), Loader=yaml.CSafeLoader))
    return entity_documents(documents)


def per_call(env, checks, entities, passes):
    """Each check evaluated once per entity per pass: {name: figures}."""
    activations = [env.Activation({"entity": entity}) for entity in entities]
    results = {}
    for check in checks:
        program = env.compile(check["expr"])
        true_count = other_count = 0
        start, start_cpu = time.perf_counter(), time.thread_time()
        for _ in range(passes):
            for activation in activations:
                value = program.eval(activation).value()
                if value is True:
                    true_count += 1
                elif value is not False:
                    other_count += 1
        results[check["name"]] = figures(time.perf_counter() - start, time.thread_time() - start_cpu,
                                         passes * len(entities), true_count // passes, other_count // passes)
    return results


def batched(env, checks, entities, passes):
    """Each check as one `filter` over all entities per pass: {name: figures}."""
    activation = env.Activation({"entities": entities})
    results = {}
    for check in checks:
        program = env.compile(f"entities.filter(entity, {check['expr']}).size()")
        value = None
        start, start_cpu = time.perf_counter(), time.thread_time()
        for _ in range(passes):
            value = program.eval(activation).value()
        counted = isinstance(value, int) and not isinstance(value, bool)
        results[check["name"]] = figures(time.perf_counter() - start, time.thread_time() - start_cpu,
                                         passes * len(entities), value if counted else None,
                                         0 if counted else len(entities))
    return results


def figures(seconds, cpu_seconds, evaluations, true_count=None, other_count=None):
    """Wall and thread-CPU seconds and the rates they give; per check, what the results were."""
    result = {"seconds": seconds, "cpuSeconds": cpu_seconds, "evaluations": evaluations,
              "evaluationsPerSecond": evaluations / seconds if seconds else 0,
              "evaluationsPerCpuSecond": evaluations / cpu_seconds if cpu_seconds else 0}
    if true_count is not None or other_count is not None:
        result.update({"true": true_count, "notBool": other_count})
    return result


def totals(checks):
    """The figures of all checks together."""
    return figures(sum(check["seconds"] for check in checks.values()),
                   sum(check["cpuSeconds"] for check in checks.values()),
                   sum(check["evaluations"] for check in checks.values()))


def main(argv):
    if len(argv) != 3:
        sys.exit(__doc__)
    from cel_expr_python import cel
    from importlib import metadata
    with open(argv[2]) as handle:
        spec = json.load(handle)
    checks = spec["checks"]
    entities = load_entities(argv[1])
    if not entities:
        sys.exit(f"cel_peer.py: no entities under {argv[1]}")
    passes = passes_for(spec["evaluationsPerCheck"], len(entities))
    env = cel.NewEnv(variables={"entity": cel.Type.DYN, "entities": cel.Type.DYN})
    calls = per_call(env, checks, entities, passes)
    batches = batched(env, checks, entities, passes)
    report = {"peer": "cel-expr-python", "version": metadata.version("cel-expr-python"),
              "entities": len(entities), "passes": passes}
    report.update(totals(calls))
    report["checks"] = calls
    report["batched"] = dict(totals(batches), checks=batches)
    print(json.dumps(report))


if __name__ == "__main__":
    main(sys.argv)
