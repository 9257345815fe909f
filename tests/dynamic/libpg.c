/* tests/dynamic/libpg.c: a shared library for tools/check-dynamic's
 * LD_LIBRARY_PATH and LD_BIND_NOW cases. */
int pg_answer(void)
{
	return 42;
}
