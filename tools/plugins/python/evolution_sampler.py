#!/usr/bin/env python3
"""Example Transfer process plugin: a (1+1) evolution strategy, Python 3 standard library only.

Speaks the JSON-lines protocol of tools/plugins/README.md on stdin/stdout. The first trials (and whenever nothing has
finished) are random draws; later ones mutate the best finished configuration. Deterministic: trial n uses
random.Random(seed * 1000003 + n), so a restarted plugin answers the same for the same history.
"""
import json
import math
import random
import sys

STARTUP = 8


class Space:
    def __init__(self, definition):
        params = definition["parameters"]
        by_name = {p["name"]: p for p in params}
        self.order, placed = [], set()
        while len(self.order) < len(params):
            for p in params:
                cond = p.get("condition")
                if p["name"] not in placed and (not cond or cond["parent"] in placed):
                    self.order.append(p)
                    placed.add(p["name"])
        self.by_name = by_name

    def active(self, p, config):
        cond = p.get("condition")
        if not cond:
            return True
        parent = config.get(cond["parent"])
        if parent is None:
            return False
        if cond.get("values"):
            if isinstance(parent, str):
                return parent in cond["values"]
            return any(float(v) == float(parent) for v in cond["values"])
        low = cond.get("min") if cond.get("min") is not None else -math.inf
        high = cond.get("max") if cond.get("max") is not None else math.inf
        return low <= float(parent) <= high

    def sample(self, p, rng):
        kind = p["kind"]
        if kind == "Categorical":
            return rng.choice(p["choices"])
        if kind == "Architecture":
            return self.sample_head(p["architecture"], rng)
        return self.clip(p, self.from_unit(p, rng.random()))

    def from_unit(self, p, u):
        low, high = p["low"], p["high"]
        if p.get("log"):
            return math.exp(math.log(low) + u * (math.log(high) - math.log(low)))
        return low + u * (high - low)

    def to_unit(self, p, v):
        low, high = p["low"], p["high"]
        if high <= low:
            return 0.5
        if p.get("log"):
            return (math.log(v) - math.log(low)) / (math.log(high) - math.log(low))
        return (v - low) / (high - low)

    def clip(self, p, v):
        v = min(max(v, p["low"]), p["high"])
        if p["kind"] == "Int":
            step = p.get("step") or 1
            k = round((v - p["low"]) / step)
            v = p["low"] + k * step
            while v > p["high"]:
                v -= step
            v = float(int(round(v)))
        return v

    def sample_head(self, a, rng):
        depth = rng.randint(a["minDepth"], a["maxDepth"])
        layers, after_fc, pools = [], False, 0
        for _ in range(depth):
            kinds = [k for k in a["layerKinds"] if (k == "FC" or not after_fc) and (k != "P" or pools < a["maxPools"])]
            kind = rng.choice(kinds or ["FC"])
            if kind == "C":
                kernel, size = rng.choice(a["convKernels"]), rng.choice(a["convFilters"])
            elif kind == "P":
                kernel, size = rng.choice(a["poolKernels"]), rng.choice(a["poolStrides"])
                pools += 1
            else:
                kernel, size = 0, rng.choice(a["fcUnits"])
                after_fc = True
            layers.append({"kind": kind, "kernel": kernel, "size": size,
                           "lr_mult": rng.choice(a["lrMults"]), "decay_mult": rng.choice(a["decayMults"])})
        return layers

    def random_config(self, rng):
        config = {}
        for p in self.order:
            if self.active(p, config):
                config[p["name"]] = self.sample(p, rng)
        return config

    def mutate(self, parent, rng):
        config = {}
        for p in self.order:
            if not self.active(p, config):
                continue
            name, old = p["name"], parent.get(p["name"])
            if old is None or rng.random() < 0.25:
                config[name] = self.sample(p, rng) if old is None or p["kind"] in ("Categorical", "Architecture") \
                    else self.clip(p, self.from_unit(p, min(1.0, max(0.0, self.to_unit(p, old) + rng.gauss(0, 0.1)))))
            else:
                config[name] = old
        return config


def main():
    space, seed, enqueued = None, 0, []
    for line in sys.stdin:
        line = line.strip()
        if not line:
            continue
        request = json.loads(line)
        method, rid = request.get("method"), request.get("id")
        if method == "shutdown":
            return
        if method == "init":
            space = Space(request["space"])
            seed = int(request.get("seed", 0))
            enqueued = (request.get("warm_start") or {}).get("enqueued") or []
            reply = {"id": rid, "ok": True}
        elif method == "ask":
            history = request["history"]
            asked = {json.dumps(t["configuration"], sort_keys=True) for t in history}
            pending = [c for c in enqueued if json.dumps(c, sort_keys=True) not in asked]
            rng = random.Random(seed * 1000003 + int(request["trial"]))
            sign = -1.0 if request.get("direction") == "maximize" else 1.0
            finished = [t for t in history if t["state"] == "complete" and t.get("value") is not None]
            if pending:
                config = pending[0]
            elif len(finished) < STARTUP:
                config = space.random_config(rng)
            else:
                best = min(finished, key=lambda t: (sign * t["value"], t["number"]))
                config = space.mutate(best["configuration"], rng)
            reply = {"id": rid, "configuration": config}
        elif method == "snapshot":
            reply = {"id": rid, "state": None}
        elif method in ("tell", "restore"):
            reply = {"id": rid, "ok": True}
        else:
            reply = {"id": rid, "error": "unknown method %r" % method}
        sys.stdout.write(json.dumps(reply) + "\n")
        sys.stdout.flush()


if __name__ == "__main__":
    main()
