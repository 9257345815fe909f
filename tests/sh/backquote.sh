# Backquotes (posix): `cmd` is the old form of $(cmd): its output less
# the newlines at the end, split when unquoted, kept whole in quotes;
# \` \$ and \\ inside stand for ` $ and \; one inside $(...) and the
# other way round.
echo `echo hello`
x=`echo a  b`; echo "[$x]"
echo "[`echo a  b`]"
for w in `echo one two`; do echo "word $w"; done
echo `echo \`echo nested\``
v=inner; echo `echo \$v`
echo $(echo `echo mixed`) "`echo $(echo other)`"
n=`echo $((2 + 3))`; echo "n=$n"
echo "`echo 'single quotes inside'`"
