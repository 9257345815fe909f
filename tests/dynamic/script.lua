-- tests/dynamic/script.lua: run by Debian's lua5.4 on pagoda and on Linux
-- (tools/check-dynamic); the outputs must be equal.
local function fib(n) if n < 2 then return n end return fib(n - 1) + fib(n - 2) end
local t = {}
for i = 1, 10 do t[#t + 1] = fib(i) end
print("fib: " .. table.concat(t, " "))
local words = { "pear", "apple", "fig" }
table.sort(words)
print("sorted: " .. table.concat(words, ","))
print(string.format("%5.2f %s %d", math.pi, _VERSION, #arg))
for w in ("a=1, b=2"):gmatch("(%w+)=(%w+)") do io.write(w, ";") end
print()
os.exit(5)
