#!/usr/bin/env python3
"""Writes the demo organisation's delivery events into content/events/ (deterministic).

    python3 Tests/Fixtures/DemoEvents/generate_demo_events.py [--root .]

Four components, each with a different export format and a different delivery profile, from
2026-05-18 to shortly before 2026-11-28:

- payments-api (CDEvents 0.5.1, chainId per change): elite - several small deploys a day,
  lead time of a few hours, rare incidents resolved within the hour.
- invoice-worker (CDEvents 0.4.1, change -> artifact.packaged -> service.deployed by artifact id,
  no chains): medium - a deploy or two a week, lead time of days.
- checkout-web (GitHub webhook deliveries: push, deployment_status, workflow_run, issues
  labelled Incident): high frequency, but a struggling change failure rate.
- identity-service (CDEvents 0.5.1 wrapped in CloudEvents structured mode, subject
  `service/identity`, mapped by annotation): struggling - a deploy every few weeks, lead time
  of weeks, frequent failures, rollbacks and recoveries of days.

Tickets (CDEvents 0.5.1 `ticket.created/updated/closed`) from 13 weeks before the components'
first events, for the self-service signals: `payments` and `checkout` file far fewer requests
once their golden-path services (payments-api, checkout-web) exist, `identity` a few fewer, and
`routing` (no golden-path entity) as many as ever; some name their team in `group`, some only a
component label, a few name no team at all.

Plus a few events for a subject no component claims (listed in api/events-unmapped.json) and one
custom event type (counted as unknown in api/build.json). Standard library only.
"""

import argparse
import datetime as dt
import hashlib
import json
import os
import random

START = dt.datetime(2026, 5, 18, tzinfo=dt.timezone.utc)
END = dt.datetime(2026, 11, 27, 18, 0, tzinfo=dt.timezone.utc)


def ts(t, offset_hours=0):
    """RFC 3339 with milliseconds, in the given zone (mixed zones on purpose)."""
    zone = dt.timezone(dt.timedelta(hours=offset_hours))
    local = t.astimezone(zone)
    text = local.strftime("%Y-%m-%dT%H:%M:%S") + ".%03d" % (local.microsecond // 1000)
    return text + ("Z" if offset_hours == 0 else local.strftime("%z")[:3] + ":" + local.strftime("%z")[3:])


def uid(rng):
    return "%08x-%04x-4%03x-%04x-%012x" % (
        rng.getrandbits(32), rng.getrandbits(16), rng.getrandbits(12), 0x8000 | rng.getrandbits(14), rng.getrandbits(48))


def sha(rng):
    return "%040x" % rng.getrandbits(160)


def workday_times(rng, per_day, tz):
    """Change times on weekdays in working hours of the team's zone."""
    t = START
    out = []
    while t < END:
        if t.weekday() < 5:
            n = int(per_day) + (1 if rng.random() < per_day - int(per_day) else 0)
            for _ in range(n):
                hour = rng.uniform(9, 17.5) - tz
                out.append(t + dt.timedelta(hours=hour))
        t += dt.timedelta(days=1)
    return sorted(out)


def cdevent(version, rng, source, type_, time, subject, chain=None, tz=0, links=None):
    context = {"version" if version.startswith("0.4") else "specversion": version, "id": uid(rng), "source": source,
               "type": type_, "timestamp": ts(time, tz)}
    if chain:
        context["chainId"] = chain
    if links:
        context["links"] = links
    return {"context": context, "subject": subject}


def payments_api(rng):
    events = []
    src = "/cd/argocd/prod-eu-1"
    for t in workday_times(rng, 3.2, 1):
        chain = uid(rng)
        pr = rng.randint(1000, 9999)
        digest = hashlib.sha256(str(t).encode()).hexdigest()
        artifact = "pkg:oci/payments-api@sha256%3A" + digest
        events.append(cdevent("0.5.1", rng, "https://github.com/acme/payments-api", "dev.cdevents.change.merged.0.3.0", t,
                              {"id": "acme/payments-api/pull/%d" % pr, "content": {"repository": {"id": "acme/payments-api", "source": "https://github.com"}}},
                              chain, tz=1))
        tp = t + dt.timedelta(minutes=rng.uniform(6, 14))
        ok = rng.random() > 0.06
        events.append(cdevent("0.5.1", rng, "/ci/github-actions/acme", "dev.cdevents.pipelinerun.finished.0.3.0", tp,
                              {"id": "acme/payments-api/ci/runs/%d" % rng.randint(1, 10**6),
                               "content": {"pipelineName": "payments-api/ci", "uri": "https://github.com/acme/payments-api/actions",
                                           "outcome": "success" if ok else "failure"}}, chain))
        if not ok:
            continue
        td = tp + dt.timedelta(minutes=rng.uniform(20, 50))
        events.append(cdevent("0.5.1", rng, "/cd/argocd/staging-eu-1", "dev.cdevents.service.deployed.0.3.0", td,
                              {"id": "service/payments-api", "content": {"environment": {"id": "staging"}, "artifactId": artifact}}, chain))
        td += dt.timedelta(minutes=rng.uniform(40, 150))
        if td > END:
            continue
        events.append(cdevent("0.5.1", rng, src, "dev.cdevents.service.deployed.0.3.0", td,
                              {"id": "service/payments-api", "content": {"environment": {"id": "production"}, "artifactId": artifact}}, chain))
        if rng.random() < 0.02:
            ti = td + dt.timedelta(minutes=rng.uniform(5, 30))
            tr = ti + dt.timedelta(minutes=rng.uniform(15, 55))
            inc = "INC-P%05d" % rng.randint(0, 99999)
            for type_, time, desc in (("detected", ti, "Error rate above 2%"), ("resolved", tr, "Error rate back to normal")):
                if time > END:
                    continue
                events.append(cdevent("0.5.1", rng, "/monitoring/pagerduty", "dev.cdevents.incident.%s.0.3.0" % type_, time,
                                      {"id": inc, "content": {"description": desc, "environment": {"id": "production"},
                                                              "service": {"id": "service/payments-api"}, "artifactId": artifact}}, chain))
    return events


def invoice_worker(rng):
    """CDEvents 0.4.1 without chains: change -> artifact.packaged(change) -> deployed(artifact)."""
    events = []
    changes = []
    for t in workday_times(rng, 0.9, 1):
        cid = "acme/invoice-worker/pull/%d" % rng.randint(100, 9999)
        changes.append((t, cid))
        events.append(cdevent("0.4.1", rng, "https://github.com/acme/invoice-worker", "dev.cdevents.change.merged.0.2.0", t,
                              {"id": cid, "type": "change", "content": {"repository": {"id": "acme/invoice-worker", "source": "https://github.com"}}}, tz=-5))
    # A release most Tuesdays and some Fridays, taking every change merged since the last one.
    t = START
    pending = 0
    while t < END:
        if t.weekday() in (1, 4) and (t.weekday() == 1 or rng.random() < 0.4):
            release = t + dt.timedelta(hours=rng.uniform(14, 16))
            batch = [c for c in changes[pending:] if c[0] < release - dt.timedelta(hours=2)]
            if batch:
                pending += len(batch)
                digest = hashlib.sha256(str(release).encode()).hexdigest()[:40]
                purl = "pkg:oci/invoice-worker@sha256%3A" + digest
                for _, cid in batch:
                    events.append(cdevent("0.4.1", rng, "/ci/jenkins/acme", "dev.cdevents.artifact.packaged.0.1.1", release - dt.timedelta(hours=1),
                                          {"id": purl, "type": "artifact", "content": {"change": {"id": cid, "source": "https://github.com/acme/invoice-worker"}}}))
                events.append(cdevent("0.4.1", rng, "/cd/flux/prod-eu-1", "dev.cdevents.service.deployed.0.2.0", release,
                                      {"id": "invoice-worker", "type": "service", "content": {"environment": {"id": "prod"}, "artifactId": purl}}))
                if rng.random() < 0.12:
                    ti = release + dt.timedelta(hours=rng.uniform(1, 20))
                    tr = ti + dt.timedelta(hours=rng.uniform(3, 20))
                    inc = "INC-I%05d" % rng.randint(0, 99999)
                    for type_, time in (("detected", ti), ("resolved", tr)):
                        if time <= END:
                            events.append(cdevent("0.4.1", rng, "/monitoring/alertmanager", "dev.cdevents.incident.%s.0.2.0" % type_, time,
                                                  {"id": inc, "type": "incident", "content": {"description": "Invoice queue backlog", "environment": {"id": "prod"},
                                                                                              "service": {"id": "invoice-worker"}, "artifactId": purl}}))
        t += dt.timedelta(days=1)
    return events


def checkout_web(rng):
    """GitHub deliveries: pushes to main, production deployments, CI runs, incidents as labelled issues."""
    repo = {"full_name": "acme/checkout-web", "default_branch": "main"}
    out = []
    commits = []
    deployment_id = 5000
    issue = 100
    t = START
    while t < END:
        if t.weekday() < 5:
            for _ in range(rng.randint(1, 4)):
                tc = t + dt.timedelta(hours=rng.uniform(8, 17) + 5)  # UTC-5 team
                batch = [{"id": sha(rng), "timestamp": ts(tc - dt.timedelta(minutes=rng.uniform(10, 300) * k), -5), "message": "Change"} for k in range(rng.randint(1, 3))]
                commits.append((tc, batch[0]["id"]))
                if tc <= END:
                    out.append({"event": "push", "payload": {"ref": "refs/heads/main", "after": batch[0]["id"], "commits": batch, "repository": repo}})
                    run = {"id": rng.randint(10**8, 10**9), "name": "CI", "status": "completed", "conclusion": "success" if rng.random() > 0.15 else "failure",
                           "run_attempt": 1, "run_started_at": ts(tc + dt.timedelta(minutes=1)), "updated_at": ts(tc + dt.timedelta(minutes=rng.uniform(8, 25))),
                           "head_sha": batch[0]["id"]}
                    out.append({"event": "workflow_run", "payload": {"action": "completed", "workflow_run": run, "repository": repo}})
                    # a feature-branch push, which must not count as a change
                    if rng.random() < 0.3:
                        out.append({"event": "push", "payload": {"ref": "refs/heads/feature-%d" % rng.randint(1, 999), "after": sha(rng),
                                                                 "commits": [{"id": sha(rng), "timestamp": ts(tc, -5)}], "repository": repo}})
            # one production deployment most afternoons, of the newest commit so far
            if rng.random() < 0.8 and commits:
                td = t + dt.timedelta(hours=22 + rng.uniform(0, 1.5))
                head = [c for c in commits if c[0] < td - dt.timedelta(minutes=30)]
                if head and td <= END:
                    deployment_id += 1
                    deployment = {"id": deployment_id, "sha": head[-1][1], "ref": "main", "environment": "production", "production_environment": True,
                                  "created_at": ts(td - dt.timedelta(minutes=5))}
                    status = {"id": deployment_id * 10, "state": "success", "environment": "production", "created_at": ts(td)}
                    out.append({"event": "deployment_status", "payload": {"action": "created", "deployment": deployment, "deployment_status": status, "repository": repo}})
                    if rng.random() < 0.22:
                        issue += 1
                        opened = td + dt.timedelta(hours=rng.uniform(0.5, 6))
                        closed = opened + dt.timedelta(hours=rng.uniform(1, 30))
                        labels = [{"name": "Incident"}, {"name": "sev2"}]
                        base = {"number": issue, "labels": labels, "created_at": ts(opened), "title": "Checkout errors after release"}
                        out.append({"event": "issues", "payload": {"action": "labeled", "issue": dict(base, state="open", closed_at=None),
                                                                   "label": {"name": "Incident"}, "repository": repo}})
                        if closed <= END:
                            out.append({"event": "issues", "payload": {"action": "closed", "issue": dict(base, state="closed", closed_at=ts(closed)), "repository": repo}})
        t += dt.timedelta(days=1)
    # GitHub retries deliveries: a few exact duplicates, which must count once.
    for index in range(0, len(out), 97):
        out.append(out[index])
    return out


def identity_service(rng):
    """CloudEvents structured mode around CDEvents 0.5.1; subject service/identity."""
    events = []
    changes = []
    for t in workday_times(rng, 0.5, 8):
        cid = "acme/identity-service/pull/%d" % rng.randint(10, 999)
        changes.append((t, cid))
        events.append(cdevent("0.5.1", rng, "https://github.com/acme/identity-service", "dev.cdevents.change.merged.0.3.0", t,
                              {"id": cid, "content": {"repository": {"id": "acme/identity-service", "source": "https://github.com"}}}, tz=8))
    t = START + dt.timedelta(days=9)
    pending = 0
    while t < END:
        release = t + dt.timedelta(hours=rng.uniform(1, 5))
        batch = [c for c in changes[pending:] if c[0] < release - dt.timedelta(days=4)]
        if batch:
            pending += len(batch)
            purl = "pkg:oci/identity@sha256%3A" + hashlib.sha256(str(release).encode()).hexdigest()
            for _, cid in batch:
                events.append(cdevent("0.5.1", rng, "/ci/tekton/acme", "dev.cdevents.artifact.packaged.0.3.0", release - dt.timedelta(hours=3),
                                      {"id": purl, "content": {"change": {"id": cid, "source": "https://github.com/acme/identity-service"}}}))
            events.append(cdevent("0.5.1", rng, "/cd/spinnaker", "dev.cdevents.service.deployed.0.3.0", release,
                                  {"id": "service/identity", "content": {"environment": {"id": "production"}, "artifactId": purl}}))
            roll = rng.random()
            if roll < 0.25:
                tb = release + dt.timedelta(hours=rng.uniform(2, 8))
                events.append(cdevent("0.5.1", rng, "/cd/spinnaker", "dev.cdevents.service.rolledback.0.3.0", tb,
                                      {"id": "service/identity", "content": {"environment": {"id": "production"}, "artifactId": purl}}))
            elif roll < 0.7:
                ti = release + dt.timedelta(hours=rng.uniform(2, 30))
                tr = ti + dt.timedelta(hours=rng.uniform(24, 120))
                inc = "INC-ID%04d" % rng.randint(0, 9999)
                for type_, time in (("reported", ti), ("resolved", tr)):
                    if time <= END:
                        content = {"description": "Token verification failures", "environment": {"id": "production"},
                                   "service": {"id": "service/identity"}, "artifactId": purl}
                        if type_ == "reported":
                            content["ticketURI"] = "https://tickets.acme.example/%s" % inc
                        events.append(cdevent("0.5.1", rng, "/monitoring/grafana", "dev.cdevents.incident.%s.0.3.0" % type_, time, {"id": inc, "content": content}))
        t += dt.timedelta(days=rng.choice([21, 28, 35, 42]))
    wrapped = []
    for e in events:
        c = e["context"]
        wrapped.append({"specversion": "1.0", "id": c["id"], "source": c["source"], "type": c["type"], "time": c["timestamp"],
                        "subject": e["subject"]["id"], "datacontenttype": "application/json", "data": e})
    return wrapped


def extras(rng):
    """Events no component claims, and a custom type nobody knows."""
    events = []
    t = START + dt.timedelta(days=3)
    while t < END:
        events.append(cdevent("0.5.1", rng, "/cd/cron", "dev.cdevents.service.deployed.0.3.0", t,
                              {"id": "service/legacy-batch", "content": {"environment": {"id": "production"}, "artifactId": "pkg:oci/legacy-batch@1.0"}}))
        events.append(cdevent("0.5.1", rng, "/flags", "dev.cdeventsx.acme-featureflag.toggled.0.1.0", t,
                              {"id": "flag/new-checkout", "content": {}}))
        t += dt.timedelta(days=30)
    return events


TICKET_START = START - dt.timedelta(weeks=13)
# team -> (group field or None, labels, tickets a week before and after 2026-05-18)
TICKET_TEAMS = [
    ("payments", "payments", ["payments-api"], 3.0, 1.0),
    ("checkout", None, ["checkout-web", "frontend"], 2.5, 0.8),
    ("identity", "identity", ["identity-service"], 2.0, 1.6),
    ("routing", "routing", [], 1.0, 1.0),
    ("facilities", "Facilities", ["office"], 0.3, 0.3),
]
TICKET_TYPES = [("request", 5), ("bug", 3), ("task", 2), ("incident", 1)]
TICKET_DAYS = {"request": (1, 6), "bug": (0.5, 12), "task": (1, 8), "incident": (0.05, 1)}


def tickets(rng):
    """Ticket events: requests to the platform team dominate until a team's golden path exists."""
    events = []
    number = 0
    for team, group, labels, before, after in TICKET_TEAMS:
        t = TICKET_START
        while t < END:
            rate = before if t < START else after
            if t.weekday() < 5 and rng.random() < rate / 5:
                number += 1
                key = "OPS-%d" % (1000 + number)
                types = [name for name, weight in TICKET_TYPES for _ in range(weight)]
                kind = rng.choice(types if t < START else types[5:] + ["request"])
                opened = t + dt.timedelta(hours=rng.uniform(8, 17))
                content = {"summary": "%s for %s" % (kind.capitalize(), team), "ticketType": kind, "creator": "user-%d" % rng.randint(1, 40),
                           "priority": rng.choice(["low", "medium", "high"]), "labels": labels,
                           "uri": "https://tickets.acme.example/browse/" + key}
                if group:
                    content["group"] = group
                subject = {"id": key, "source": "/tickets/jira", "content": content}
                if opened > END:
                    break
                events.append(cdevent("0.5.1", rng, "/tickets/jira", "dev.cdevents.ticket.created.0.2.0", opened, subject))
                low, high = TICKET_DAYS[kind]
                closed = opened + dt.timedelta(days=rng.uniform(low, high))
                if rng.random() < 0.3:
                    updated = opened + (closed - opened) / 3
                    if updated <= END:
                        events.append(cdevent("0.5.1", rng, "/tickets/jira", "dev.cdevents.ticket.updated.0.2.0", updated,
                                              dict(subject, content=dict(content, assignees=["user-%d" % rng.randint(1, 40)]))))
                if closed <= END and rng.random() < 0.95:
                    events.append(cdevent("0.5.1", rng, "/tickets/jira", "dev.cdevents.ticket.closed.0.2.0", closed,
                                          dict(subject, content=dict(content, resolution="completed"))))
            t += dt.timedelta(days=1)
    return sorted(events, key=lambda e: e["context"]["timestamp"][:19])


def write(path, records, shuffle_rng=None):
    if shuffle_rng:
        # exports arrive out of order: shuffle within small windows
        for i in range(0, len(records) - 5, 5):
            window = records[i:i + 5]
            shuffle_rng.shuffle(window)
            records[i:i + 5] = window
    with open(path, "w", encoding="utf-8", newline="\n") as f:
        for r in records:
            f.write(json.dumps(r, separators=(",", ":"), sort_keys=True) + "\n")


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--root", default=".")
    a = ap.parse_args()
    out = os.path.join(a.root, "content", "events")
    os.makedirs(out, exist_ok=True)
    write(os.path.join(out, "payments-api.cdevents.jsonl"), payments_api(random.Random(11)), random.Random(1))
    write(os.path.join(out, "invoice-worker.cdevents.jsonl"), invoice_worker(random.Random(22)), random.Random(2))
    write(os.path.join(out, "checkout-web.github.jsonl"), checkout_web(random.Random(33)))
    write(os.path.join(out, "identity.cloudevents.jsonl"), identity_service(random.Random(44)), random.Random(4))
    write(os.path.join(out, "other.cdevents.jsonl"), extras(random.Random(55)))
    write(os.path.join(out, "tickets.cdevents.jsonl"), tickets(random.Random(66)), random.Random(6))


if __name__ == "__main__":
    main()
