# Quoting and expansions: '...', "...", backslash, $VAR, ${VAR}, $?, $$,
# $#, $1, ~, NAME=value, VAR=value cmd, export, unset (posix).
echo 'single $HOME "x" #'
echo "double $HOME 'x' \$HOME \"q\""
echo back\ slash\ \$x
x=value; echo $x ${x} "$x" '$x' ${x}s "${x}s"
echo "$x$x" $x$x
v="a   b"; echo $v; echo "$v"
e=; echo [$e] "[$e]" a $e b
echo ~ ~/x "~" '~'
echo a#b # a comment
echo "$?"
false; echo $? "$?"
# $$ is the shell's pid: grep's parent is the shell
grep -c "^[0-9]* (grep) [A-Z] $$ " /proc/self/stat
A=1 B=2 env | grep '^[AB]=' | sort
echo "A after: [$A]"
export Y=exported; env | grep '^Y='; sh -c 'echo "in child: $Y"'
Z=not-exported; sh -c 'echo "in child: [$Z]"'
export Z; sh -c 'echo "now: [$Z]"'
unset Y; sh -c 'echo "unset: [$Y]"'
sh -c 'echo $# "$1" "$2"' name one 'two words'
sh -c 'echo $0' zero
empty=""; sh -c 'echo $#' name "$empty" $empty
echo a ! b; ! false && echo negated
