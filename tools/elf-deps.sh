# tools/elf-deps.sh: sourced by tools/run-elf (and the dynamic checks):
# finding what a dynamic i386 program needs, as ldd would, without running
# it: its PT_INTERP and, recursively, the DT_NEEDED libraries, looked up
# in the search folders below. Adds HOSTPATH:ARCHIVEPATH pairs to the
# caller's `pairs` array; `packed` (an associative array) and `libpath`
# (extra folders, searched first) come from the caller.

cache=${PAGODA_CACHE:-$HOME/.cache/pagoda}
sysroot=$cache/sysroot
readelf=$(command -v i686-linux-gnu-readelf || command -v readelf)

# The folders searched, in order: --lib-path, the Debian sysroot, the host.
lib_dirs() {
	printf '%s\n' "${libpath[@]+"${libpath[@]}"}"
	printf '%s\n' "$sysroot/lib/i386-linux-gnu" "$sysroot/usr/lib/i386-linux-gnu" \
		"$sysroot/lib" "$sysroot/usr/lib" \
		/usr/i686-linux-gnu/lib /lib/i386-linux-gnu /usr/lib/i386-linux-gnu \
		/lib/i386-linux-musl /usr/lib/i386-linux-musl /lib
}

# The interpreter a program names (empty for a static one).
elf_interp() {
	"$readelf" -lW "$1" 2>/dev/null |
		sed -n 's/.*Requesting program interpreter: \(.*\)\]$/\1/p'
}

# The DT_NEEDED names of a program or library, one a line.
elf_needed() {
	"$readelf" -dW "$1" 2>/dev/null | sed -n 's/.*(NEEDED).*\[\(.*\)\]$/\1/p'
}

# The host file for library name (a bare name, or a path for an
# interpreter), or nothing.
find_lib() {
	local d
	case $1 in
	*/*) [ -e "$sysroot$1" ] && { readlink -f "$sysroot$1"; return; }
	     [ -e "$1" ] && { readlink -f "$1"; return; }
	     set -- "$(basename "$1")" ;;
	esac
	while read -r d; do
		[ -e "$d/$1" ] && { readlink -f "$d/$1"; return; }
	done < <(lib_dirs)
}

# A program named on the command line: the host file if it is an i386
# one, else the one in the Debian sysroot (/bin/bash there, not the
# host's x86-64 bash), else the host file anyway (exec will refuse it).
host_program() {
	case $1 in
	/*) if [ -f "$sysroot$1" ] && ! is_i386 "$1"; then
		readlink -f "$sysroot$1"
		return
	    fi ;;
	esac
	[ -f "$1" ] && echo "$1"
}

is_i386() {
	[ -f "$1" ] && "$readelf" -h "$1" 2>/dev/null | grep -q 'Machine: *Intel 80386'
}

# Pack the interpreter and libraries prog needs (nothing if it is static).
pack_deps() {
	local prog=$1 interp host todo=() name
	interp=$(elf_interp "$prog")
	[ -n "$interp" ] || return 0
	if [ -z "${packed[$interp]+x}" ]; then
		host=$(find_lib "$interp")
		packed[$interp]=1
		if [ -n "$host" ]; then
			pairs+=("$host:${interp#/}")
		else  # exec will say so
			echo "run-elf: $(basename "$prog"): interpreter $interp not found" >&2
		fi
	fi
	todo=("$prog")
	while [ ${#todo[@]} -gt 0 ]; do
		local f=${todo[0]}
		todo=("${todo[@]:1}")
		while read -r name; do
			[ -n "$name" ] || continue
			[ -z "${packed[$name]+x}" ] || continue
			host=$(find_lib "$name")
			if [ -z "$host" ]; then  # as ldd's "not found": ld.so will say
				echo "run-elf: $(basename "$f") needs $name: not found (--lib-path, --deb, --file)" >&2
				packed[$name]=1
				continue
			fi
			packed[$name]=1
			pairs+=("$host:lib/$name")
			todo+=("$host")
		done < <(elf_needed "$f")
	done
}

# Download Debian i386 packages (apt-get download) into the cache and
# unpack them into the sysroot, once each.
deb_fetch() {
	local pkg deb
	mkdir -p "$cache/debs" "$sysroot" || return 1
	for pkg in "$@"; do
		deb=$(ls "$cache/debs/${pkg}_"*_i386.deb "$cache/debs/${pkg}_"*_all.deb 2>/dev/null | head -1)
		if [ -z "$deb" ]; then
			(cd "$cache/debs" && apt-get download -q "$pkg:i386" >/dev/null 2>&1) ||
				{ echo "run-elf: apt-get download $pkg:i386 failed" >&2; return 1; }
			deb=$(ls "$cache/debs/${pkg}_"*_i386.deb 2>/dev/null | head -1)
			[ -n "$deb" ] || { echo "run-elf: no .deb for $pkg" >&2; return 1; }
		fi
		[ -e "$cache/debs/.$pkg.unpacked" ] && continue
		dpkg-deb -x "$deb" "$sysroot" && touch "$cache/debs/.$pkg.unpacked" || return 1
	done
}
