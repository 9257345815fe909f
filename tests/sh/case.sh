# case (posix): patterns with * ? [...] and |, the first match wins, a
# quoted or escaped pattern character matches itself, patterns from
# variables, an empty item, no match, the last item without ;;, and case
# across lines and inside a loop.
for w in apple banana cherry date 'a*b' '' x.c; do
	case $w in
	a*b) echo "$w: a*b as a pattern" ;;
	a*) echo "$w: starts with a" ;;
	b?n*|c*) echo "$w: b?n* or c*" ;;
	[d-f]ate) echo "$w: a class" ;;
	'') echo "empty" ;;
	*.c) echo "$w: C" ;;
	esac
done
case 'a*b' in "a*b") echo quoted star matches itself;; esac
case 'axb' in "a*b") echo never;; *) echo "quoted star is no pattern";; esac
case 'a?' in a\?) echo escaped;; esac
p='h*'; case hello in $p) echo "pattern from a variable";; esac
case hello in "$p") echo never;; *) echo "quoted variable is plain";; esac
case x in x) ;; esac; echo "empty item: $?"
case nothing in a) echo never;; esac; echo "no match: $?"
case z in (z) echo "with ( before the pattern"; esac
n=0; for i in 1 2 3 4 5 6; do case $i in [246]) n=$((n + i));; esac; done; echo "evens $n"
case $(echo sub) in s*) echo "word from \$(...)";; esac
