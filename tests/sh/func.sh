# Functions (posix): defined when their definition runs, called with
# their own $1 $2 $#, the caller's put back after; return with and
# without a status, from inside a loop; recursion; a function in a
# pipeline and with redirections; redefinition; a body on other lines.
greet() { echo "hello $1 ($# args)"; }
greet world a b
set_x() { x=$1; }
set_x 42; echo "x=$x"
echo "args before: $#"
early() {
	for i in 1 2 3; do
		[ $i = 2 ] && return 7
		echo "loop $i"
	done
	echo never
}
early; echo "early: $?"
plain() { false; return; }
plain; echo "plain: $?"
fact() {
	if [ $1 -le 1 ]; then echo 1; return; fi
	echo $(($1 * $(fact $(($1 - 1)))))
}
echo "fact 6 = $(fact 6)"
upper() { while read l; do echo "<$l>"; done; }
echo piped | upper
greet redirected > /tmp/func.$$; cat /tmp/func.$$; rm /tmp/func.$$
greet() { echo "hi again $1"; }
greet there
multi()
{
	echo "on its own lines: $*"
}
multi a b
count() { n=0; while true; do n=$((n + 1)); [ $n -ge $1 ] && break; done; echo "counted $n"; }
count 4
