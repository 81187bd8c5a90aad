/*
 * Unit tests for atom.c, the one Atom writer: the head and entries byte
 * for byte, with and without the optional elements, every text and
 * attribute XML-escaped (feeds.c and provenance.c are tested through
 * their pages in check_feeds.c and check_provenance.c).
 */
#include <check.h>
#include <stdlib.h>

#include "atom.h"
#include "buf.h"

Suite *atom_suite(void);

START_TEST(test_atom_full)
{
	struct buf b = {0};
	struct atom_feed f = {
		"vi", "Tin & \"sự kiện\"", "https://x.invalid/tin/atom.xml",
		"https://x.invalid/tin/", "2020-01-15T00:00:00+07:00",
		"minhbach",
	};
	struct atom_entry e = {
		"en", "A <b>", "https://x.invalid/tin/a/?p=1&q=2",
		"https://x.invalid/tin/a/?p=1&q=2",
		"2020-01-15T00:00:00+07:00", "2020-01-16T00:00:00+07:00",
		"O'Brien", "Tóm tắt > 1",
	};

	atom_begin(&b, &f);
	atom_add_entry(&b, &e);
	atom_end(&b);
	ck_assert_str_eq(b.data,
	    "<?xml version=\"1.0\" encoding=\"utf-8\"?>\n"
	    "<feed xmlns=\"http://www.w3.org/2005/Atom\" xml:lang=\"vi\">\n"
	    "  <title>Tin &amp; &quot;sự kiện&quot;</title>\n"
	    "  <id>https://x.invalid/tin/atom.xml</id>\n"
	    "  <link rel=\"self\" href=\"https://x.invalid/tin/atom.xml\"/>\n"
	    "  <link rel=\"alternate\" type=\"text/html\" "
	    "href=\"https://x.invalid/tin/\"/>\n"
	    "  <updated>2020-01-15T00:00:00+07:00</updated>\n"
	    "  <generator>minhbach</generator>\n"
	    "  <entry xml:lang=\"en\">\n"
	    "    <title>A &lt;b&gt;</title>\n"
	    "    <id>https://x.invalid/tin/a/?p=1&amp;q=2</id>\n"
	    "    <link rel=\"alternate\" type=\"text/html\" "
	    "href=\"https://x.invalid/tin/a/?p=1&amp;q=2\"/>\n"
	    "    <published>2020-01-15T00:00:00+07:00</published>\n"
	    "    <updated>2020-01-16T00:00:00+07:00</updated>\n"
	    "    <author><name>O&#39;Brien</name></author>\n"
	    "    <summary>Tóm tắt &gt; 1</summary>\n"
	    "  </entry>\n"
	    "</feed>\n");
	buf_release(&b);
}
END_TEST

START_TEST(test_atom_minimal)
{
	struct buf b = {0};
	struct atom_feed f = {
		"en", "Changes", "https://x.invalid/en/changes/atom.xml",
		NULL, "1970-01-01T00:00:00+07:00", NULL,
	};
	struct atom_entry e = {
		NULL, "A (+)", "https://x.invalid/a/#c0ffee",
		"https://x.invalid/a/", NULL, "2020-01-15T09:00:00+07:00",
		NULL, NULL,
	};

	atom_begin(&b, &f);
	atom_add_entry(&b, &e);
	atom_end(&b);
	ck_assert_str_eq(b.data,
	    "<?xml version=\"1.0\" encoding=\"utf-8\"?>\n"
	    "<feed xmlns=\"http://www.w3.org/2005/Atom\" xml:lang=\"en\">\n"
	    "  <title>Changes</title>\n"
	    "  <id>https://x.invalid/en/changes/atom.xml</id>\n"
	    "  <link rel=\"self\" "
	    "href=\"https://x.invalid/en/changes/atom.xml\"/>\n"
	    "  <updated>1970-01-01T00:00:00+07:00</updated>\n"
	    "  <entry>\n"
	    "    <title>A (+)</title>\n"
	    "    <id>https://x.invalid/a/#c0ffee</id>\n"
	    "    <link rel=\"alternate\" type=\"text/html\" "
	    "href=\"https://x.invalid/a/\"/>\n"
	    "    <updated>2020-01-15T09:00:00+07:00</updated>\n"
	    "  </entry>\n"
	    "</feed>\n");
	buf_release(&b);
}
END_TEST

Suite *
atom_suite(void)
{
	Suite *s = suite_create("atom");
	TCase *tc = tcase_create("write");

	tcase_add_test(tc, test_atom_full);
	tcase_add_test(tc, test_atom_minimal);
	suite_add_tcase(s, tc);
	return s;
}
