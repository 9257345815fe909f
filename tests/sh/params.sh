# Parameter expansion's braced forms (posix): ${x-w} ${x:-w} ${x=w}
# ${x:=w} ${x+w} ${x:+w} ${x?w} and ${#x}, with set, empty and unset
# variables; the word is expanded only when it is used; ${x#p} ${x##p}
# ${x%p} ${x%%p} drop a prefix or suffix.
set_v=value empty_v=
unset unset_v
echo "[${set_v-w}] [${empty_v-w}] [${unset_v-w}]"
echo "[${set_v:-w}] [${empty_v:-w}] [${unset_v:-w}]"
echo "[${set_v+w}] [${empty_v+w}] [${unset_v+w}]"
echo "[${set_v:+w}] [${empty_v:+w}] [${unset_v:+w}]"
echo "[${#set_v}] [${#empty_v}] [${#unset_v}]"
echo "[${a_v=first}] [$a_v] [${a_v=second}]"
echo "[${b_v:=}] [${b_v:=filled}] [$b_v]"
echo "[${unset_v:-$set_v and more}] [${set_v:+$(echo cmd)}]"
echo "[${unset_v-$(echo never >&2; echo used)}] [${set_v-$(echo never >&2)}]"
n=3; echo "[${n:-0}] [$((${n:-0} + 1))]"
for w in ${unset_v:-one two}; do echo "field $w"; done
(echo "[${unset_v?}]") 2>/dev/null || echo "?: the subshell failed"
echo "[${set_v?}] done"
p=/usr/local/lib/file.tar.gz
echo "[${p#*/}] [${p##*/}] [${p%.*}] [${p%%.*}]"
echo "[${p#nomatch}] [${p%/*}] [${p##*.}] [${unset_v#x}] [${p%"file"*}]"
