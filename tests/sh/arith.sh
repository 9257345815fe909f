# Arithmetic expansion $((...)) (posix): constants in three bases,
# variables by name, C's operators and precedence, assignments, and the
# expansion inside quotes, loops and other expansions.
echo $((1 + 2 * 3)) $(( (1 + 2) * 3 )) $((7 / 2)) $((7 % 3)) $((-7 / 2))
echo $((010)) $((0x1f)) $((1 << 4)) $((256 >> 2)) $((~0)) $((!5)) $((!0))
echo $((5 & 3)) $((5 | 3)) $((5 ^ 3)) $((1 < 2)) $((2 <= 1)) $((3 == 3)) $((3 != 3))
echo $((1 && 0)) $((0 || 7)) $((1 ? 10 : 20)) $((0 ? 10 : 20)) $((- -3)) $((+4))
x=6
echo $((x * 7)) $(($x + 1)) "$((x - 10))" $((nosuch + 1))
i=0 s=0
while [ $i -lt 5 ]; do i=$((i + 1)); s=$((s + i)); done
echo "i=$i s=$s"
: $((y = 3)) $((y += 4)) $((y *= 2)); echo "y=$y"
echo $((0 && (q = 1))) "q=${q:-unset}"
n=$(echo 12); echo $((n / 4)) $(($(echo 3) * 3))
echo "$(( 2 * (3 + 4) ))" "$((2 > 1 ? 2 > 3 ? 1 : 2 : 3))"
echo $((2147483647 + 1 > 0))
