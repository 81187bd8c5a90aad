/*
 * The message catalogue: every diagnostic's stable id, its level, its
 * text in Vietnamese and English and, for the editors' guide, what it
 * means and how to fix it.  The catalogue is data, generator/messages_
 * *.yaml, compiled into the binary; a wording fix touches one file.
 *
 * A text names its arguments {1} … {9}; the caller passes them as
 * strings, in order (diag.h).  Vietnamese and English must use the same
 * set of arguments: the load refuses a catalogue where they differ.
 */
#ifndef MINHBACH_MESSAGES_H
#define MINHBACH_MESSAGES_H

#include <stddef.h>

struct buf;

struct msg {
	const char *id;		/* "budget.sum-mismatch" */
	const char *level;	/* "error", "warning" or "note" */
	const char *vi, *en;	/* the texts, with {1} … {9} */
	const char *help;	/* Vietnamese: what it means, how to fix it */
	const char *file;	/* the catalogue file, for the guide */
	unsigned nargs;		/* the highest {n} used */
};

/* The catalogue, sorted by id; loaded once (thread-safe).  A broken
 * built-in catalogue aborts with its errors: the tests load it. */
size_t msg_count(void);
const struct msg *msg_at(size_t i);
/* The entry with this id, or NULL. */
const struct msg *msg_find(const char *id);
/* "vi" for Vietnamese, "en" for every other language (the catalogue
 * has these two); NULL or "" is Vietnamese. */
const char *msg_lang(const char *lang);
/*
 * Appends id's text in lang with {n} replaced by argv[n-1].  An unknown
 * id or a wrong number of arguments is a bug in minhbach: the text then
 * names the id and its arguments as they are, and the process aborts if
 * MINHBACH_STRICT_MESSAGES is set in the environment (as the tests do).
 */
void msg_format(struct buf *out, const char *lang, const char *id,
    const char *const *argv, size_t argc);
/* The word for a level in lang: "lỗi", "error", "cảnh báo", … */
const char *msg_level_word(const char *lang, const char *level);
/* Writes the catalogue as the Markdown section of the editors' guide
 * (Vietnamese; each id an anchor) or, with markdown 0, one line per id:
 * "id level text" in lang. */
void msg_write_catalogue(struct buf *out, const char *lang, int markdown);

#endif
