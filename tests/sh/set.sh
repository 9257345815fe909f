# set and shift (posix): set -- and set ARGS replace $1..., shift drops
# them; set -e ends the shell at a failing command, but not at a
# condition (if, while, the left of && and ||) nor a ! pipeline; set -x
# writes each command, expanded, to stderr; +e and +x turn them off.
set -- one "two words" three
echo "$# [$1] [$2] [$3]"
shift; echo "$# [$1]"
shift 2; echo "$# left"
set a b c d; shift 3; echo "now $1 ($#)"
set --; echo "cleared: $#"
set -x
x=1; echo "traced $x"
set +x
echo "not traced"
f=/tmp/set.$$
sh -e -c 'echo before; false; echo never' ; echo "sh -e: $?"
sh -c 'set -e; if false; then :; fi; while false; do :; done; false || true; false && true; ! true; echo survived; (exit 3); echo never'; echo "set -e: $?"
sh -c 'set -e; set +e; false; echo "+e goes on"'
sh -c 'set -e; f() { false; echo "in a condition: goes on"; }; if f; then :; fi; f; echo never'; echo "function: $?"
sh -c 'set -e; true && false; echo never'; echo "last of &&: $?"
