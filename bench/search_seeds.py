#!/usr/bin/env python3
"""Runs a search file (by default experiments/search/digits-search.nnx) once per seed and prints how close its
halving and random searches came to its grid, as the table of docs/performance.md ("Searches").

The file must hold three experiments: the grid, and two that extend it with `search halving(...)` and
`search random(...)` (named by --grid, --halving and --random). For each seed, a copy of the file whose
`seed N` lines say that seed is run with ./nnx into OUT/seed-N; a seed whose three summary.csv files are
already there is read, not run again (--rerun runs it anyway). Then, per seed:

- grid: the best final test accuracy of any of its runs, the goal's reference; and, when it differs, the test
  accuracy of the run with the best final validation accuracy (what a search would pick);
- halving: the epochs its trials trained (the last `epoch` of each run's metrics.csv), as a share of the grid's,
  and the best test accuracy of the trials that trained to the end, with its gap to the grid's best;
- random: its runs and epochs as shares of the grid's, and its best test accuracy and gap.

A seed meets the goals when halving comes within 0.5 points of the grid's best with at most 30 % of its epochs
and random within 1 point with at most 20 % of its runs; the last line counts the seeds that do, and the exit
status is 0 only when every seed does. Needs Python 3 only.

    bench/search_seeds.py [--seeds 1-5] [--out DIR] [--rerun] [FILE.nnx]
"""
import argparse
import csv
import os
import re
import subprocess
import sys

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
HALVING_GAP, HALVING_EPOCHS = 0.5, 0.30
RANDOM_GAP, RANDOM_RUNS = 1.0, 0.20


def seeds_of(text):
    first, _, last = text.partition("-")
    return list(range(int(first), int(last or first) + 1))


def run_seed(source, seed, folder, rerun, names):
    done = all(os.path.exists(os.path.join(folder, name, "summary.csv")) for name in names)
    if done and not rerun:
        return
    os.makedirs(folder, exist_ok=True)
    with open(source, encoding="utf-8") as f:
        text = f.read()
    seeded, count = re.subn(r"(?m)^(\s*seed\s+)\d+\s*$", lambda m: m.group(1) + str(seed), text)
    if count == 0:
        sys.exit(f"{source}: no 'seed N' line to set")
    copy = os.path.join(folder, os.path.basename(source))
    with open(copy, "w", encoding="utf-8") as f:
        f.write(seeded)
    print(f"seed {seed}: running {copy}", file=sys.stderr, flush=True)
    with open(os.path.join(folder, "nnx.log"), "w", encoding="utf-8") as log:
        status = subprocess.run([os.path.join(ROOT, "nnx"), "run", "--out=" + folder, copy],
                                stdout=log, stderr=subprocess.STDOUT).returncode
    if status != 0:
        sys.exit(f"seed {seed}: nnx run exited with {status}; see {folder}/nnx.log")


def number(text):
    try:
        return float(text)
    except (TypeError, ValueError):
        return None


def runs_of(experiment_folder):
    """Each run of summary.csv with its status, final test accuracy, final validation accuracy and epochs."""
    runs = []
    with open(os.path.join(experiment_folder, "summary.csv"), newline="", encoding="utf-8") as f:
        for row in csv.DictReader(f):
            epochs, validation = 0.0, None
            metrics = os.path.join(experiment_folder, "runs", row["run"], "metrics.csv")
            if os.path.exists(metrics):
                with open(metrics, newline="", encoding="utf-8") as m:
                    for line in csv.DictReader(m):
                        epochs = float(line["epoch"])
                        validation = number(line.get("validation_accuracy")) or validation
            runs.append({"status": row["status"], "test": number(row["test_accuracy"]),
                         "validation": validation, "epochs": epochs})
    return runs


def best_test(runs):
    return max(r["test"] for r in runs if r["status"] == "ok" and r["test"] is not None)


def picked_test(runs):
    """The test accuracy of the run with the best final validation accuracy, the first of equals."""
    ok = [r for r in runs if r["status"] == "ok" and r["validation"] is not None]
    return max(ok, key=lambda r: r["validation"])["test"] if ok else None


def percent(value):
    return f"{100 * value:.2f} %"


def gap_text(best, reference):
    gap = round(100 * (reference - best), 2)
    return "0" if gap <= 0 else f"{gap:.2f} points"


def with_pick(best, picked):
    return percent(best) if picked is None or picked == best else f"{percent(best)} (picked by validation: {percent(picked)})"


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("file", nargs="?", default=os.path.join(ROOT, "experiments/search/digits-search.nnx"))
    parser.add_argument("--seeds", default="1-5", help="first-last, or one seed (default 1-5)")
    parser.add_argument("--out", default=os.path.join(ROOT, "target/search-seeds"))
    parser.add_argument("--rerun", action="store_true", help="run seeds whose reports are already there")
    parser.add_argument("--grid", default="digits_grid")
    parser.add_argument("--halving", default="digits_halving")
    parser.add_argument("--random", default="digits_random")
    args = parser.parse_args()
    names = [args.grid, args.halving, args.random]

    rows, met = [], 0
    for seed in seeds_of(args.seeds):
        folder = os.path.join(args.out, f"seed-{seed}")
        run_seed(args.file, seed, folder, args.rerun, names)
        grid, halving, random = (runs_of(os.path.join(folder, name)) for name in names)
        grid_best = best_test(grid)
        grid_epochs = sum(r["epochs"] for r in grid)
        halving_epochs = sum(r["epochs"] for r in halving)
        halving_best, random_best = best_test(halving), best_test(random)
        random_runs = sum(1 for r in random if r["epochs"] > 0)
        random_epochs = sum(r["epochs"] for r in random)
        halving_share, random_share = halving_epochs / grid_epochs, random_runs / len(grid)
        halving_gap, random_gap = 100 * (grid_best - halving_best), 100 * (grid_best - random_best)
        goals = (halving_gap <= HALVING_GAP + 1e-9 and halving_share <= HALVING_EPOCHS
                 and random_gap <= RANDOM_GAP + 1e-9 and random_share <= RANDOM_RUNS)
        met += goals
        rows.append(f"| {seed} | {with_pick(grid_best, picked_test(grid))} "
                    f"| {halving_epochs:.0f} of {grid_epochs:.0f} ({100 * halving_share:.1f} %) "
                    f"| {with_pick(halving_best, picked_test(halving))}, {gap_text(halving_best, grid_best)} "
                    f"| {random_runs} runs, {random_epochs:.0f} epochs ({100 * random_share:.1f} % of the runs): "
                    f"{with_pick(random_best, picked_test(random))}, {gap_text(random_best, grid_best)} "
                    f"| {'yes' if goals else 'no'} |")
    print("| seed | grid: best test accuracy | halving: epochs (share of the grid's) | halving: best test, gap "
          "| random: best test, gap | goals met |")
    print("|---|---|---|---|---|---|")
    print("\n".join(rows))
    print(f"\ngoals met for {met} of {len(rows)} seeds "
          f"(halving within {HALVING_GAP} points with <= {HALVING_EPOCHS:.0%} of the grid's epochs, "
          f"random within {RANDOM_GAP} point with <= {RANDOM_RUNS:.0%} of its runs)")
    return 0 if met == len(rows) else 1


if __name__ == "__main__":
    sys.exit(main())
