/*
 * The output folder's life: a build is written into a fresh temporary
 * folder beside --out and swapped in only when it is complete, so that a
 * failed, killed or interrupted build leaves the published site as it
 * was.  minhbach refuses to write into the source folder, '/', an
 * ancestor of the source, content/ or themes/, or a non-empty folder it
 * did not create (one without its marker file).
 */
#ifndef MINHBACH_OUTDIR_H
#define MINHBACH_OUTDIR_H

struct diags;

#define OUTDIR_MARKER ".minhbach"	/* written in every site we make */

struct outdir {
	char *out;	/* --out as given (malloc) */
	char *tmp;	/* the temporary folder's path (malloc) */
	int tmpfd;	/* open directory fd of tmp: write below it */
};

/*
 * Checks that out may be written for the source at source_root, removes
 * temporary folders left by dead builds, and creates the temporary
 * folder.  Returns 0; -1 after an error diagnostic (the caller exits 2
 * for an unsafe request).
 */
int outdir_begin(struct diags *d, const char *source_root, const char *out,
    struct outdir *od);
/* Swaps the finished temporary folder in place of out (atomically where
 * the kernel allows) and removes the old site.  -1 after a diagnostic. */
int outdir_commit(struct diags *d, struct outdir *od);
/* Removes the temporary folder (failed build); out is left untouched. */
void outdir_abort(struct outdir *od);

#endif
