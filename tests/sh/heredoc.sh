# Here-documents (posix): <<WORD takes the lines up to WORD as standard
# input, expanded as in double quotes ($x, $(...), $((...)), \$ and \`
# escaped, quotes kept); a quoted WORD keeps the body as it is; <<- drops
# leading tabs; two on one line, one into a loop, one in a function.
x=world
cat <<EOF
hello $x, "quoted" and 'single'
sum $((2 + 3)), cmd $(echo sub), escaped \$x and \`
EOF
cat <<'EOF'
literal $x $(echo no) \$
EOF
cat <<"END"
also literal $x
END
	cat <<-EOF
	tabs dropped $x
	EOF
cat <<A; cat <<B
first
A
second
B
while read a b; do echo "[$a] [$b]"; done <<EOF
one two
three four five
EOF
f() { cat <<EOF
in a function: $1
EOF
}
f arg
cat <<EOF | wc -l
1
2
3
EOF
echo after
