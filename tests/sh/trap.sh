# trap (posix): a command run when a signal comes, after the command
# that was running; $? kept across it; '' ignores (and children inherit
# that), - puts the default back; the list prints commands that set the
# traps again; an EXIT trap runs when the shell ends, once, also after
# exit; a subshell starts without its parent's commands; wait ends early
# with 128 + the signal.
trap 'echo "got USR1 (\$?=$?)"' USR1
false; kill -USR1 $$; echo "after kill: $?"
trap 'echo "TERM came"' TERM
trap '' USR2
trap
kill -TERM $$; kill -USR2 $$; echo "USR2 ignored"
sh -c 'kill -USR2 $$; echo "the child ignores USR2 too"'
(kill -USR1 $$ 2>/dev/null; echo "in a subshell, USR1 sent to the parent")
echo "back in the parent"
(trap 'echo "subshell exit trap"' EXIT; echo "in a subshell")
sh -c 'trap "echo caught TERM; exit 7" TERM; kill $$; echo never'; echo "sh -c: $?"
sh -c 'trap "echo bye \$?" EXIT; echo hi; exit 3'; echo "exit status kept: $?"
sh -c 'trap "echo end of script" 0; echo running'
sleep 5 & s=$!
sh -c "sleep 0.2; kill -USR1 $$" &
wait $s; echo "wait: $?"
kill $s; wait; echo "all waited"
trap - USR1 TERM; trap - USR2
trap
{ sh -c 'kill -USR2 $$; echo never'; } 2>/dev/null
echo "USR2 default again: $?"
trap 'echo "script exits, \$?=$?"; exit 0' EXIT
f() { trap 'echo "trap set in a function runs"' USR1; }
f; kill -USR1 $$
(exit 4)
