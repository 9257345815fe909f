# Redirections: <, >, >>, 2>, 2>&1, N>&M, N>&- and exec with only
# redirections, which changes the shell's own descriptors (posix).
mkdir /tmp/shredir.$$ && cd /tmp/shredir.$$
echo out > f; cat f
echo more >> f; cat f
wc -l < f
> empty; wc -c < empty
ls nosuch 2> err; echo "status $?"; cat err
ls nosuch > both 2>&1; cat both
ls nosuch 2>&1 > only-out | wc -l; wc -c < only-out
echo to-fd3 3> f3 1>&3; cat f3
echo gone 2>/dev/null 1>&2
exec 3> f3 4> f4
echo via-4 >&4
echo via-4-again 1>&4
echo via-3 >&3
exec 3>&- 4>&-
cat f3 f4
exec 5>&1 > f5
echo into-f5
exec 1>&5 5>&-
cat f5
cat < f5 > f6; cat f6
cd / && rm -r /tmp/shredir.$$
