# set -u, -f and -o (posix): under -u an unset variable or positional
# parameter is an error that ends a script with status 2, but the forms
# that say what to do when it is unset (${x-w} ${x:-w} ${x+w} ${x=w}),
# $@, $*, $# and arithmetic are fine; -f turns pathname expansion off;
# set -o NAME and +o NAME name the options; sh -u and sh -f too. And
# ${1-w} for a positional parameter that is not there.
sh -uc 'echo "${nope-dash} ${nope:-colon} [${nope+plus}] $# [$@] [$*]"; echo "$((nope + 1))"; echo fine'
sh -uc 'echo before; echo $nope; echo never' 2>/dev/null; echo "unset: $?"
sh -uc 'echo "${nope}"; echo never' 2>/dev/null; echo "braced: $?"
sh -uc 'echo ${#nope}; echo never' 2>/dev/null; echo "length: $?"
sh -uc 'echo ${nope%.c}; echo never' 2>/dev/null; echo "trim: $?"
sh -uc 'echo $1; echo never' 2>/dev/null; echo "positional: $?"
sh -uc 'echo "$1 and $2"' sh one two
sh -c 'set -u; x=1; echo "x=$x"; unset x; (echo $x) 2>/dev/null; echo "subshell: $?"; set +u; echo "[$x] +u"'
sh -c 'set -o nounset; (echo $y) 2>/dev/null; echo "-o nounset: $?"; set +o nounset; echo "[$y] +o"'
sh -c 'echo "${1-none} ${1:-empty} [${2+two}]"'
sh -c 'echo "${1-none} ${1:-empty} [${2+two}]"' sh '' b
case $0 in */*) cd "${0%/*}" ;; esac
sh -fc 'echo o*.sh'
sh -c 'set -f; echo o*.sh; set +f; echo o*.sh'
sh -c 'set -o noglob; echo o*.sh; set +o noglob; echo o*.sh'
sh -c 'set -o errexit -o xtrace; set +o xtrace; false; echo never'; echo "-o errexit: $?"
sh -c 'set -o nosuchoption' 2>/dev/null; echo "bad name: $?"
