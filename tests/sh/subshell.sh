# Subshells ( list ) and command substitution $(list): a child shell
# runs the list; what it changes stays there (posix: dash prints the same).
cd /tmp
(cd /; pwd); pwd
x=outer; (x=inner; echo $x); echo $x
(echo a; echo b) | wc -l
(echo to-file; echo err >&2) > /tmp/shsub.$$ 2>&1; cat /tmp/shsub.$$
(exit 3); echo "status $?"
(false) || echo "or after a subshell"
( (echo nested) )
echo $(echo a   b) "$(echo a   b)"
v=$(echo one; echo two); echo "$v"
echo "[$(printf_absent=1; echo)]" "[$(echo trailing; echo; echo)]"
echo $(false)"status $?"
echo "count $(echo x y z | wc -w)"
echo $(echo $(echo nested twice))
echo "$(echo ")")" '$(not run)'
x=$(false); echo "assignment: $?"; x=$(exit 4) y=1; echo "two: $?"
echo "dollar-dollar in a substitution: $(echo $$ | grep -c "^$$\$")"
rm /tmp/shsub.$$
