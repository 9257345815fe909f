/* user/exit42.c: returns 42 from main, for the tests of exit statuses
 * (main's return value goes through exit() to exit_group). */
int main(void)
{
	return 42;
}
