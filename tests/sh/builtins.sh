# Builtins, PATH and exec, and bash's wording of errors (not posix: dash
# words its messages otherwise).
mkdir /tmp/shbuilt.$$ && cd /tmp/shbuilt.$$
# (pwd is shown through grep: the directory's name has the shell's pid)
mkdir sub; cd sub; pwd | grep -c "^/tmp/shbuilt.$$/sub$"
cd ..; pwd | grep -c "^/tmp/shbuilt.$$$"
cd /nonexistent; echo "cd: $?"
HOME=/tmp/shbuilt.$$/sub; cd; pwd | grep -c "/sub$"
cd - | grep -c "^/tmp/shbuilt.$$$"; cd /tmp/shbuilt.$$
nosuch; echo "nosuch: $?"
./nosuch; echo "./nosuch: $?"
cat < nosuch; echo "cat < nosuch: $?"
# a builtin's failed redirection: nothing after it made, all undone
echo lost > /nonexistent/f 2> e2; echo "redirect: $?"; ls nosuch
mkdir pbin; cp $SHTEST_BIN/echo pbin/myecho
PATH=/nonexistent:/tmp/shbuilt.$$/pbin:$PATH; myecho found on PATH
PATH=/nonexistent; ls; echo "ls: $?"; PATH=$SHTEST_BIN
sh -c 'echo one; echo two | | cat; echo three'; echo "syntax: $?"
sh -c 'echo "open'; echo "open quote: $?"
sh -c 'echo a >'; echo "no file: $?"
echo 'echo first' > s; echo 'echo a | | b' >> s; echo 'echo never' >> s
sh s; echo "script: $?"
sh -c 'exec echo replaced; echo never'
sh -c 'exec nosuch; echo never'; echo "exec nosuch: $?"
export 1x=y; echo "export: $?"
sleep 100 & sleep 100 &
jobs
kill %1; wait %1; echo "kill %1: $?"
kill -9 %2; wait %2; echo "kill -9 %2: $?"
jobs
kill %3; echo "kill %3: $?"
time sh -c 'exit 3' 2> t; echo "time: $?"; grep -c '^[a-z]* [0-9.]*$' t
cd / && rm -r /tmp/shbuilt.$$
