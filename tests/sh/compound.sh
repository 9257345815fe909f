# if, while, until, for and { } (posix: dash prints the same).
if true; then echo then-branch; fi
if false; then echo no; else echo else-branch; fi
if false; then echo no; elif true; then echo elif-branch; else echo no; fi
if false; then echo no; fi; echo "if without a match: $?"
x=0
while false; do echo never; done; echo "while false: $?"
for f in a b "c d"; do echo "for: $f"; done
for f in; do echo never; done; echo "empty for: $?"
n=
until echo "$n" | grep xxx > /dev/null; do n=x$n; done; echo "until: $n"
i=
while ! echo "$i" | grep ... > /dev/null; do i=.$i; echo "round $i"; done
{ echo group one; echo group two; } | wc -l
{ echo to-file; } > /tmp/shcomp.$$; cat /tmp/shcomp.$$; rm /tmp/shcomp.$$
for w in 1 2 3
do
	if true; then :; fi
	echo "line $w" |
		cat
done
if true
then
	echo multi-line if
fi
set_in_group=no; { set_in_group=yes; }; echo "group in this shell: $set_in_group"
for i in x y; do for j in 1 2; do echo "$i$j"; done; done
echo if then fi done
