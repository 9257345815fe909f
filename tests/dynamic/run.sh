# tests/dynamic/run.sh: run by Debian's bash as pagoda's init: every line
# of /data/commands from /data, each followed by its exit status, as
# tools/check-dynamic does on Linux.
cd /data || exit 1
while IFS= read -r line; do
	case $line in '#'* | '') continue ;; esac
	eval "set -- $line"
	"$@" </dev/null 2>&1
	echo "== $1: status $?"
done </data/commands
