/*
 * Runs every unit suite in one SRunner.  The suite list is made by the
 * Makefile from the file names tests/unit/check_<module>.c, each of
 * which defines Suite *<module>_suite(void).  CK_FORK=no under gdb.
 */
#include <check.h>
#include <stdlib.h>

#define SUITE(name) Suite *name##_suite(void);
#include "suites.inc"
#undef SUITE

int
main(void)
{
	SRunner *sr = srunner_create(NULL);
	int failed;

	/* An unknown message id or a wrong argument count aborts. */
	setenv("MINHBACH_STRICT_MESSAGES", "1", 0);

#define SUITE(name) srunner_add_suite(sr, name##_suite());
#include "suites.inc"
#undef SUITE
	srunner_run_all(sr, CK_NORMAL);
	failed = srunner_ntests_failed(sr);
	srunner_free(sr);
	return failed == 0 ? EXIT_SUCCESS : EXIT_FAILURE;
}
