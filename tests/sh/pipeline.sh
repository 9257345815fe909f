# Pipelines: each command's output is the next one's input; $? is the
# last command's status; and * ? [...] (posix: dash prints the same).
mkdir /tmp/shpipe.$$ && cd /tmp/shpipe.$$
echo a b | cat | cat
echo hello | cat | cat | cat | cat | cat | cat | cat | wc -c
echo > apple; echo > pear; echo > fig; echo > melon; echo > kiwi
ls | grep e | wc -l
# pathname expansion: sorted names, quoted characters plain, no match kept
echo *e* / [ak]* / ?ig / *i*i / [!a-m]*
echo '*' "*e*" \*e / no*match / ./f*
echo /tmp/shpipe.$$/k* | grep -c "^/tmp/shpipe.$$/kiwi$"
pat='p*'; echo $pat "$pat"
ls | grep -v e | sort -r
# ls /bin | grep e | wc -l counts what a grep over a file of ls's output
# counts: the two numbers are one line once sorted with -u
ls /bin | grep e | wc -l > n1
ls /bin > all; grep e all > some; wc -l < some > n2
cat n1 n2 | sort -u | wc -l
ls /nonexistent 2>&1 | wc -l
false | true; echo "false|true: $?"
true | false; echo "true|false: $?"
! true; echo "! true: $?"
! false | false; echo "! false|false: $?"
echo b > s; echo c >> s; echo a >> s
cat s | sort | head -n 2 | tail -n 1
cd / && rm -r /tmp/shpipe.$$
