#!/usr/bin/env python3
"""labs/lib/start.py LAB TREE FILE=REGION...: the starting point of a lab.

pagoda as shipped is every lab's reference solution. The code a lab asks a
student to write sits between two marker comments in the source:

    /* LAB(cow.fork) begin: ... */
    ...the reference code...
    /* LAB(cow.fork) end */

For each FILE=REGION, this replaces the lines from the begin marker to the
end marker (both included) of LAB(LAB.REGION) in TREE/FILE with the stub
labs/LAB/stub/REGION.c, the starting point the student gets. Every region
must be found exactly once, or nothing is changed and the exit status is 1:
a start that no longer applies is an error, never a silent no-op.
"""
import os
import re
import sys


def replace_region(text, lab, region, stub):
    tag = re.escape("LAB(%s.%s)" % (lab, region))
    begin = re.compile(r"^.*%s begin.*\n" % tag, re.M)
    end = re.compile(r"^.*%s end.*\n" % tag, re.M)
    b, e = begin.findall(text), end.findall(text)
    if not b and not e and "LAB(%s.%s):" % (lab, region) in text:
        raise ValueError("LAB(%s.%s): already started (its stub is there)"
                         % (lab, region))
    if len(b) != 1 or len(e) != 1:
        raise ValueError("LAB(%s.%s): %d begin and %d end markers (want 1 and 1)"
                         % (lab, region, len(b), len(e)))
    bm, em = begin.search(text), end.search(text)
    if em.start() < bm.end():
        raise ValueError("LAB(%s.%s): end marker before begin" % (lab, region))
    return text[:bm.start()] + stub + text[em.end():]


def main(argv):
    if len(argv) < 4:
        sys.stderr.write(__doc__)
        return 2
    lab, tree = argv[1], os.path.normpath(argv[2])
    labdir = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
    new = {}
    try:
        for spec in argv[3:]:
            path, region = spec.split("=")
            full = os.path.join(tree, path)
            text = new.get(full)
            if text is None:
                with open(full) as f:
                    text = f.read()
            with open(os.path.join(labdir, lab, "stub", region + ".c")) as f:
                stub = f.read()
            new[full] = replace_region(text, lab, region, stub)
    except (OSError, ValueError) as err:
        sys.stderr.write("labs/%s/start: does not apply to %s: %s\n"
                         % (lab, tree, err))
        return 1
    for full, text in new.items():
        with open(full, "w") as f:
            f.write(text)
        print("  START   %s" % os.path.relpath(full, tree))
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
