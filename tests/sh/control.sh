# Lists: ;  &&  ||  (left to right, && and || of equal precedence) and &
# with wait and $! (posix).
true && echo and-true
false && echo and-false
false || echo or-false
true || echo or-true
false && echo x || echo after-and-or
true && false || echo true-false-or
false || false && echo no
echo a; echo b ;echo c
false; echo "status $?"
sh -c 'exit 3'; echo "exit 3: $?"
sh -c 'exit 300'; echo "exit 300: $?"
true &&
  echo continued-line
echo one |
  cat
sleep 0 & wait $!; echo "wait: $?"
sh -c 'exit 7' & wait $!; echo "wait 7: $?"
sleep 0.3 & pid=$!
grep -c "^$pid " /proc/$pid/stat
wait $pid; echo "sleep 0.3: $?"
wait; echo "wait all: $?"
# . FILE runs FILE's commands in this shell: its variables and cd stay
echo 'dotted=yes; cd /; echo "in the file"' > /tmp/shdot.$$
cd /tmp; . /tmp/shdot.$$; echo "dotted=$dotted, in $(pwd)"; rm /tmp/shdot.$$
