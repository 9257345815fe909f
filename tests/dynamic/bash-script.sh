# tests/dynamic/bash-script.sh: run by Debian's bash on pagoda and on Linux
# (tools/check-dynamic); the outputs must be equal.
# functions, pipes, command substitution and a for loop, builtins only
square() { echo $(( $1 * $1 )); }
upper() { while read -r line; do echo "${line^^}"; done; }
total=0
for i in 1 2 3 4 5; do
	s=$(square "$i")
	total=$((total + s))
	echo "square $i = $s"
done
echo "sum of squares: $total"
printf '%s\n' pagoda linux i386 | upper | while read -r w; do echo "<$w>"; done
words=$(echo one two three | { read -r a b c; echo "$c $b $a"; })
echo "reversed: $words"
echo "bash $BASH_VERSION, args: $#: $*"
exit 7
