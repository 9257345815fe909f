# tools/gdb/pagoda.py: gdb commands that read pagoda's own data structures.
# tools/gdbinit loads it. `help pagoda-maps` in gdb says how to use it.
import gdb

PROT = ((0x1, "r"), (0x2, "w"), (0x4, "x"))
FILE_SHARED = "VMA_FILE_SHARED"


def vmas_in_order(node):
    """The VMAs of an AVL subtree, lowest address first."""
    stack = []
    while stack or int(node) != 0:
        if int(node) != 0:
            stack.append(node)
            node = node["left"]
        else:
            node = stack.pop()
            yield node
            node = node["right"]


def vma_line(v):
    start, end = int(v["start"]), int(v["end"])
    prot = int(v["prot"])
    perms = "".join(c if prot & bit else "-" for bit, c in PROT)
    perms += "s" if str(v["kind"]) == FILE_SHARED else "p"
    name = ""
    if int(v["file"]) != 0:
        name = v["file"]["path"].string()
    elif int(v["label"]) != 0:
        name = v["label"].string()
    line = "%08x-%08x %s %08x 00:00 0" % (start, end, perms,
                                          int(v["file_offset"]))
    if name:
        line = line.ljust(48) + " " + name
    return line


class PagodaMaps(gdb.Command):
    """pagoda-maps [ADDRESS-SPACE]: the VMAs of an address space, one per
line, in the format of Linux's /proc/PID/maps. Without an argument, the
running process's (the thread gdb stopped in). ADDRESS-SPACE is any C
expression of type struct address_space *, for example `p->as` in a
frame where p is a struct proc *."""

    def __init__(self):
        super().__init__("pagoda-maps", gdb.COMMAND_DATA)

    def invoke(self, arg, from_tty):
        if arg.strip():
            as_ = gdb.parse_and_eval(arg)
        else:
            thread = gdb.parse_and_eval("thread_running")
            if int(thread["proc"]) == 0:
                print("the current thread is a kernel thread: no user VMAs")
                return
            as_ = thread["proc"]["as"]
        if int(as_) == 0:
            print("no address space (NULL)")
            return
        tree = as_["vmas"]
        for v in vmas_in_order(tree["root"]):
            print(vma_line(v))
        print("%d VMAs, brk %#x, %d resident pages, %d minor faults" % (
            int(tree["count"]), int(as_["brk"]), int(as_["resident"]),
            int(as_["minor_faults"])))


PagodaMaps()
