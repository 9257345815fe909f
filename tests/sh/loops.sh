# break and continue, with and without a count, in for, while and until
# loops; read, into several variables, at the end of input, in a while
# loop and from a pipe (posix).
for i in 1 2 3 4 5; do
	[ $i = 2 ] && continue
	[ $i = 4 ] && break
	echo "for $i"
done
i=0
while true; do
	i=$((i + 1))
	if [ $i -gt 3 ]; then break; fi
	for j in a b c; do
		[ $j = b ] && continue 2
		echo "inner $i $j"
	done
	echo never
done
echo "after while: i=$i"
for a in x y; do for b in 1 2; do echo "$a$b"; break 2; done; done
for a in x y; do for b in 1 2; do echo "$a$b"; break 9; done; done
until false; do echo once; break; done
echo "status $?"
f=/tmp/loops.$$
echo "one two three" > $f
echo "four" >> $f
echo "  lead   trail  " >> $f
{ read a b; echo "[$a] [$b]"; read c; echo "[$c]"; read d; echo "[$d]"
  read e; echo "eof $? [$e]"; } < $f
echo "a b c" | { read x; echo "[$x]"; }
echo "a b c" | { read x y z w; echo "[$x] [$y] [$z] [$w]"; }
echo "no newline" | { read -r r; echo "[$r]"; }
n=0
for k in 1 2 3; do echo $k; done > $f
while read line; do n=$((n + line)); done < $f
echo "sum $n"
IFS=:; echo "p:q:r" | { read u v; echo "[$u] [$v]"; }; unset IFS
rm $f
