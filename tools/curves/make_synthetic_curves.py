#!/usr/bin/env python3
"""Writes the synthetic labelled learning curves and the simulated tuning jobs (Python stdlib only, seeded).

  python3 tools/curves/make_synthetic_curves.py [--repo ROOT] [--per-state 24] [--jobs 4] [--trials 40] [--seed 20261128]

Labelled curves go to tests/Transfer.Curves.Tests/curves/synthetic/<label>-NNN.json; simulated jobs (full curves of
many configurations of one task, for the early-stopping replay of `tools/bench curves`) go to
tools/curves/jobs/synthetic-job-NN/trial-NNN.json. The format is described in tests/Transfer.Curves.Tests/curves/README.md.
The same seed gives byte-identical files.
"""
import argparse
import json
import math
import os
import random

STATES = ["improving", "converged", "under_fitting", "over_fitting", "diverging"]


def smooth_step(u, tau, shape, alpha):
    """Fraction of the initial excess loss left at progress u in [0, 1] (1 at u = 0, falling towards 0)."""
    if shape == "exp":
        return math.exp(-u / tau)
    return (1.0 + u / tau) ** (-alpha)


def late_gain_share(tau, shape, alpha, start=0.7):
    total = 1.0 - smooth_step(1.0, tau, shape, alpha)
    return (smooth_step(start, tau, shape, alpha) - smooth_step(1.0, tau, shape, alpha)) / total


def sample_task(rng):
    classes = rng.choice([2, 6, 10])
    step = rng.choice([10, 20, 25, 50, 100])
    n = rng.randint(20, 150)
    return classes, step, n


def sample_progress(rng, state):
    """Draws a progress shape whose late gain matches the state: small for plateaus, large for runs cut short."""
    while True:
        shape = rng.choice(["exp", "pow"])
        if state == "improving":
            tau = rng.uniform(0.35, 1.5) if shape == "exp" else rng.uniform(0.05, 0.6)
            alpha = rng.uniform(0.6, 1.5)
            if late_gain_share(tau, shape, alpha) >= 0.12:
                return shape, tau, alpha
        else:
            tau = rng.uniform(0.03, 0.12) if shape == "exp" else rng.uniform(0.005, 0.04)
            alpha = rng.uniform(1.5, 3.5)
            if late_gain_share(tau, shape, alpha, 0.6) <= 0.015:
                return shape, tau, alpha


def noisy(rng, value, rel):
    return value * math.exp(rel * rng.gauss(0.0, 1.0))


def fmt(x):
    if x is None:
        return None
    if math.isnan(x):
        return "NaN"
    if math.isinf(x):
        return "Infinity" if x > 0 else "-Infinity"
    return round(x, 5)


def build_curve(rng, state, classes, step, n, final_acc=None, val_every=None):
    """Returns (points, config) for one curve of the given state."""
    l0 = math.log(classes)
    chance = 1.0 / classes
    sig_tr = rng.uniform(0.01, 0.07)
    sig_vl = rng.uniform(0.004, 0.03)
    sig_acc = rng.uniform(0.002, 0.012)
    spike_p = rng.choice([0.0, 0.0, 0.02, 0.05])
    if val_every is None:
        val_every = 1 if rng.random() < 0.7 else rng.randint(2, 5)
    variant = ""
    prog = sample_progress(rng, "improving" if state == "improving" else "plateau")
    shape, tau, alpha = prog
    if state == "improving":
        floor = rng.uniform(0.05, 0.3)
        acc_f = final_acc if final_acc is not None else chance + (1 - chance) * rng.uniform(0.6, 0.95)
        vgap = rng.uniform(1.02, 1.3)
    elif state == "converged":
        floor = rng.uniform(0.04, 0.3)
        acc_f = final_acc if final_acc is not None else chance + (1 - chance) * rng.uniform(0.6, 0.97)
        vgap = rng.uniform(1.05, 1.6)
    elif state == "under_fitting":
        floor = rng.uniform(0.52, 0.82)
        acc_f = final_acc if final_acc is not None else chance + (1 - chance) * rng.uniform(0.1, 0.45)
        vgap = rng.uniform(0.98, 1.08)
    elif state == "over_fitting":
        floor = rng.uniform(0.003, 0.06)
        acc_f = final_acc if final_acc is not None else chance + (1 - chance) * rng.uniform(0.5, 0.9)
        vgap = 1.0
        u0 = rng.uniform(0.12, 0.5)
        v_floor = rng.uniform(0.15, 0.45)
        rise = rng.uniform(0.3, 1.5)
        gamma = rng.uniform(1.0, 1.6)
        drop = rng.uniform(0.0, 0.06)
    else:
        variant = rng.choice(["explode", "explode", "from_start", "spike_stuck"])
        floor = rng.uniform(0.05, 0.4)
        acc_f = chance + (1 - chance) * rng.uniform(0.4, 0.9)
        vgap = rng.uniform(1.05, 1.4)
        u_d = rng.uniform(0.25, 0.85) if variant == "explode" else rng.uniform(0.05, 0.4)
        growth = math.log(rng.uniform(3.0, 200.0))
        nan_after = rng.random() < 0.4
    drift = rng.uniform(0.0, 0.15 if state == "converged" else 0.08) if state in ("converged", "under_fitting") else 0.0
    bend = rng.uniform(0.9, 1.1)
    # A step learning-rate schedule (lr_policy = step): one more drop of the loss, then flat again.
    lr_step = state == "converged" and rng.random() < 0.35
    if lr_step:
        u_s, d_loss, d_acc = rng.uniform(0.25, 0.5), rng.uniform(0.15, 0.35), rng.uniform(0.01, 0.04)
        variant = "lr_step"

    points = []
    dead = False
    for k in range(1, n + 1):
        it = k * step
        u = k / n
        s = smooth_step(u, tau, shape, alpha)
        tl = l0 * (floor + (1 - floor) * s) * (1 - drift * u)
        vl = l0 * (floor * vgap + (1 - floor * vgap) * s) if state != "over_fitting" else None
        acc = chance + (acc_f - chance) * (1 - s)
        if lr_step and u > u_s:
            jump = 1 - math.exp(-(u - u_s) / 0.02)
            tl *= 1 - d_loss * jump
            vl *= 1 - d_loss * jump
            acc = min(0.995, acc + d_acc * jump)
        if state == "over_fitting":
            vl = l0 * (v_floor + (1 - v_floor) * s)
            over = max(0.0, (u - u0) / (1 - u0))
            vl += rise * l0 * v_floor * over ** gamma
            acc -= drop * over
        elif state == "diverging":
            if variant == "explode" and u > u_d:
                g = math.exp(growth * (u - u_d) / (1 - u_d))
                tl_d = l0 * (floor + (1 - floor) * smooth_step(u_d, tau, shape, alpha))
                tl = max(tl_d * g, tl)
                vl = tl * vgap
                acc = chance + (acc - chance) * math.exp(-4 * (g - 1))
                if nan_after and g > 15:
                    dead = True
            elif variant == "from_start":
                tl = l0 * (1 + (math.exp(growth) - 1) * u ** bend * 0.2)
                vl = tl * vgap
                acc = chance + 0.05 * (1 - chance) * math.exp(-5 * u)
            elif variant == "spike_stuck" and u > u_d:
                since = u - u_d
                tl = l0 * (1 + math.exp(growth) * 0.3 * math.exp(-since * n / 3))
                vl = tl
                acc = chance
        tl_n = noisy(rng, tl, sig_tr)
        if rng.random() < spike_p:
            tl_n *= 1 + rng.uniform(0.2, 0.8)
        vl_n = acc_n = None
        if k % val_every == 0 or k == n:
            vl_n = noisy(rng, vl, sig_vl)
            acc_n = min(1.0, max(0.0, acc + rng.gauss(0.0, sig_acc)))
        if dead:
            tl_n = float("nan")
            vl_n = float("nan") if vl_n is not None else None
            acc_n = chance if acc_n is not None else None
        point = {"iteration": it, "train_loss": fmt(tl_n)}
        if vl_n is not None:
            point["val_loss"] = fmt(vl_n)
        if acc_n is not None:
            point["val_metric"] = fmt(acc_n)
        points.append(point)
    config = {"classes": str(classes), "shape": shape, "tau": f"{tau:.4f}", "alpha": f"{alpha:.3f}",
              "train_noise": f"{sig_tr:.4f}", "acc_noise": f"{sig_acc:.4f}", "val_every": str(val_every)}
    if variant:
        config["variant"] = variant
    return points, config


def record(cid, label, source, max_it, ref_loss, config, points):
    return {"id": cid, "label": label, "source": source, "max_iteration": max_it,
            "reference_loss": round(ref_loss, 6), "config": config, "points": points}


def write(path, obj):
    os.makedirs(os.path.dirname(path), exist_ok=True)
    with open(path, "w", encoding="utf-8") as f:
        json.dump(obj, f, separators=(",", ":"))
        f.write("\n")


def labelled_set(root, per_state, seed):
    out = os.path.join(root, "tests", "Transfer.Curves.Tests", "curves", "synthetic")
    for si, state in enumerate(STATES):
        for i in range(per_state):
            rng = random.Random(seed * 1000 + si * 100 + i)
            classes, step, n = sample_task(rng)
            points, config = build_curve(rng, state, classes, step, n)
            config["seed"] = str(seed * 1000 + si * 100 + i)
            cid = f"synthetic-{state}-{i:03d}"
            write(os.path.join(out, f"{state}-{i:03d}.json"), record(cid, state, "synthetic", n * step, math.log(classes), config, points))


def job_set(root, jobs, trials, seed):
    """One job = one task, many configurations: most mediocre, a few good, some too slow, some broken."""
    for j in range(jobs):
        rng = random.Random(seed + 7919 * (j + 1))
        classes = rng.choice([2, 6, 10])
        chance = 1.0 / classes
        step = rng.choice([20, 25, 50])
        n = rng.randint(50, 90)
        top = chance + (1 - chance) * rng.uniform(0.8, 0.95)
        out = os.path.join(root, "tools", "curves", "jobs", f"synthetic-job-{j + 1:02d}")
        sig = rng.uniform(0.002, 0.006)
        for t in range(trials):
            r = rng.random()
            state = ("diverging" if r < 0.15 else "under_fitting" if r < 0.35 else "over_fitting" if r < 0.47
                     else "improving" if r < 0.62 else "converged")
            quality = rng.random() ** 2.5
            final = top - (top - chance) * (0.45 * (1 - quality)) - rng.uniform(0.0, 0.01)
            final_acc = None if state in ("diverging", "under_fitting", "over_fitting") else final
            trng = random.Random(seed + 104729 * (j + 1) + t)
            points, config = build_curve(trng, state, classes, step, n, final_acc=final_acc, val_every=1)
            for p in points:
                if isinstance(p.get("val_metric"), float):
                    p["val_metric"] = round(min(1.0, max(0.0, p["val_metric"] + trng.gauss(0.0, sig))), 5)
            config["trial"] = str(t)
            write(os.path.join(out, f"trial-{t:03d}.json"),
                  record(f"synthetic-job-{j + 1:02d}-trial-{t:03d}", state, "synthetic", n * step, math.log(classes), config, points))


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--repo", default=os.path.abspath(os.path.join(os.path.dirname(__file__), "..", "..")))
    ap.add_argument("--per-state", type=int, default=24)
    ap.add_argument("--jobs", type=int, default=3)
    ap.add_argument("--trials", type=int, default=40)
    ap.add_argument("--seed", type=int, default=20261128)
    a = ap.parse_args()
    labelled_set(a.repo, a.per_state, a.seed)
    job_set(a.repo, a.jobs, a.trials, a.seed)


if __name__ == "__main__":
    main()
