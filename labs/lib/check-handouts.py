#!/usr/bin/env python3
"""labs/lib/check-handouts.py TOP: a lab handout never names what is not
there. Every repository path (kernel/..., mm/..., docs/..., ...) in
docs/labs.md and labs/*/README.md must exist, and every `function()` in
backquotes must be defined or declared somewhere in the sources; each handout's
table of graded cases must have grade.conf's cases and points. Prints
one line per thing missing; nothing when all is well. (Functions of other
systems, such as xv6's, are written in italics, not in backquotes.)"""
import glob
import os
import re
import sys

DIRS = "kernel|mm|fs|exec|libc|user|labs|docs|tools|tests|boot|bench"
PATH = re.compile(r"(?<![\w/.])((?:%s)/[\w./-]*[\w/])" % DIRS)
FUNC = re.compile(r"`(\w+)\(\)`")


def sources(top):
    for d in DIRS.split("|"):
        for root, _, files in os.walk(os.path.join(top, d)):
            for f in files:
                if f.endswith((".c", ".h", ".asm", ".py")):
                    yield os.path.join(root, f)


def check_points(top):
    """Each handout's table of cases (| `case` | points | ...) is the
    lab's grade.conf: the same cases, the same points."""
    bad = []
    for conf in sorted(glob.glob(os.path.join(top, "labs/*/grade.conf"))):
        lab = os.path.dirname(conf)
        want = {}
        for line in open(conf):
            f = line.split()
            if len(f) == 3 and f[0] == "points":
                want[f[1]] = int(f[2])
        readme = os.path.join(lab, "README.md")
        text = open(readme).read() if os.path.exists(readme) else ""
        got = {m[0]: int(m[1])
               for m in re.findall(r"^\| `([\w.]+)` \| (\d+) \|", text, re.M)}
        if got != want:
            bad.append("%s: its table of cases and points is not grade.conf's"
                       % os.path.relpath(readme, top))
    return bad


def main(top):
    handouts = [os.path.join(top, "docs/labs.md")]
    handouts += sorted(glob.glob(os.path.join(top, "labs/*/README.md")))
    code = ""
    for f in sources(top):
        with open(f, errors="replace") as fh:
            code += fh.read()
    bad = []
    for h in handouts:
        name = os.path.relpath(h, top)
        if not os.path.exists(h):
            bad.append("%s: missing" % name)
            continue
        text = open(h).read()
        for p in sorted(set(PATH.findall(text))):
            if "NAME" not in p and not os.path.exists(os.path.join(top, p)):
                bad.append("%s names %s, which does not exist" % (name, p))
        for fn in sorted(set(FUNC.findall(text))):
            if not re.search(r"\b%s\s*\(" % re.escape(fn), code):
                bad.append("%s names %s(), which is nowhere in the code" % (name, fn))
    bad += check_points(top)
    print("\n".join(bad), end="\n" if bad else "")
    return 1 if bad else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1]))
