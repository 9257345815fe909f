# test and [ ... ]: strings, integers, files, ! (posix: dash prints the
# same; dash has test built in too).
mkdir /tmp/shtest.$$ && cd /tmp/shtest.$$
echo data > file; > empty; mkdir dir
for e in "-n abc" "-z abc" "-z ''" "abc" "abc = abc" "abc != abc" "a = b" \
	"1 -eq 1" "1 -ne 1" "2 -lt 10" "10 -le 10" "3 -gt 4" "4 -ge 4" \
	"-e file" "-e nosuch" "-f file" "-f dir" "-d dir" "-d file" \
	"-s file" "-s empty" "-r file" "-w file" "-x dir" "! -e nosuch" \
	"! abc = abc"; do
	if test $e; then echo "test $e: true"; else echo "test $e: false"; fi
done
[ -d dir ] && echo "[ -d dir ]: true"
[ "$HOME" = / ] && echo "HOME is /"
n=1; while [ $n -lt 100 ]; do n=${n}0; echo "n=$n"; done
[ x = x 2>/dev/null; echo "missing ]: $?"
cd / && rm -r /tmp/shtest.$$
