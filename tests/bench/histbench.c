/*
 * histbench DIR COMMITS FILES [RUNS]: makes a git repository in DIR (new
 * or empty) whose history has COMMITS commits touching FILES files under
 * content/ (eight collections; one file added per commit until all exist,
 * then edits, every 50th commit a rename), written with libgit2 straight
 * into one pack (tree builders, no work tree); then times history_load()
 * RUNS times (default 5) and history_read(), and prints the figures.
 * A DIR that is a repository already is timed as it is (for profiling).
 * Build: cc $(ALL_CFLAGS) -o histbench tests/bench/histbench.c
 *        $(B)/release/libminhbach.a $(PKG_LIBS)
 */
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include <git2.h>
#include <git2/sys/mempack.h>

#include "arena.h"
#include "buf.h"
#include "diag.h"
#include "history.h"
#include "repo.h"

#define NCOLL 8

static const char *const colls[NCOLL] = {
	"budgets", "calls", "documents", "inspections", "news", "pages",
	"zones", "tin-tuc",
};

static const char *const authors[][2] = {
	{"Nguyễn Văn An", "an@banquanly.example.vn"},
	{"an", "an.nguyen@laptop.local"},
	{"Trần Thị Bình", "binh@banquanly.example.vn"},
	{"Lê Minh Châu", "chau@banquanly.example.vn"},
};

static const char mailmap[] =
    "Nguyễn Văn An <an@banquanly.example.vn> an <an.nguyen@laptop.local>\n";

static void
check(int err, const char *what)
{
	const git_error *e;

	if (err >= 0)
		return;
	e = git_error_last();
	fprintf(stderr, "histbench: %s: %s\n", what,
	    e != NULL ? e->message : "error");
	exit(1);
}

static double
now(void)
{
	struct timespec ts;

	clock_gettime(CLOCK_MONOTONIC, &ts);
	return (double)ts.tv_sec + (double)ts.tv_nsec / 1e9;
}

static double
cpu(void)
{
	struct timespec ts;

	clock_gettime(CLOCK_PROCESS_CPUTIME_ID, &ts);
	return (double)ts.tv_sec + (double)ts.tv_nsec / 1e9;
}

static uint64_t
rnd(uint64_t *s)
{
	uint64_t z = (*s += 0x9E3779B97F4A7C15u);

	z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9u;
	z = (z ^ (z >> 27)) * 0x94D049BB133111EBu;
	return z ^ (z >> 31);
}

/* Replaces (or, with id NULL, removes) name in the tree *tid. */
static void
tree_put(git_repository *repo, git_oid *tid, bool has, const char *name,
    const git_oid *id, git_filemode_t mode)
{
	git_treebuilder *tb = NULL;
	git_tree *t = NULL;

	if (has)
		check(git_tree_lookup(&t, repo, tid), "tree");
	check(git_treebuilder_new(&tb, repo, t), "treebuilder");
	if (id != NULL)
		check(git_treebuilder_insert(NULL, tb, name, id, mode),
		    "insert");
	else
		check(git_treebuilder_remove(tb, name), "remove");
	check(git_treebuilder_write(tid, tb), "write tree");
	git_treebuilder_free(tb);
	git_tree_free(t);
}

static void
make_repo(const char *dir, long commits, long files)
{
	git_repository *repo = NULL;
	git_odb *odb = NULL;
	git_odb_backend *mem = NULL;
	git_odb_writepack *wp = NULL;
	git_indexer_progress st;
	git_buf pack = {0};
	git_oid coll[NCOLL], content, root, blob, cid, parent;
	bool hascoll[NCOLL] = {false}, hascontent = false, hasparent = false;
	long *name = calloc((size_t)files, sizeof *name), nfiles = 0, c, f;
	int *rev = calloc((size_t)files, sizeof *rev);
	git_signature *sig;
	git_tree *tree;
	git_commit *pc;
	const git_commit *parents[1];
	uint64_t seed = 42;
	char path[64], text[256], msg[128];
	git_reference *ref = NULL;

	check(git_repository_init(&repo, dir, 0), "init");
	check(git_repository_odb(&odb, repo), "odb");
	check(git_mempack_new(&mem), "mempack");
	check(git_odb_add_backend(odb, mem, 999), "backend");
	check(git_blob_create_from_buffer(&blob, repo, mailmap,
	    sizeof mailmap - 1), "blob");
	memset(&root, 0, sizeof root);
	tree_put(repo, &root, false, ".mailmap", &blob, GIT_FILEMODE_BLOB);
	for (c = 0; c < commits; c++) {
		const char *what;

		if (nfiles < files && (c < files || nfiles == 0)) {
			f = nfiles++;
			name[f] = f;
			what = "Thêm";
		} else if (c % 50 == 0) {
			f = (long)(rnd(&seed) % (uint64_t)nfiles);
			snprintf(path, sizeof path, "item-%06ld.yaml", name[f]);
			tree_put(repo, &coll[f % NCOLL], true, path, NULL, 0);
			name[f] += files;	/* a new name, same folder */
			what = "Đổi tên";
			rev[f]--;	/* the same bytes: an exact rename */
		} else {
			f = (long)(rnd(&seed) % (uint64_t)nfiles);
			what = "Sửa";
		}
		rev[f]++;
		snprintf(text, sizeof text, "title: Hồ sơ %ld\nrevision: %d\n"
		    "amount: %llu\n", f, rev[f],
		    ((unsigned long long)f * 7919u + (unsigned)rev[f] *
		    104729u) % 1000000000u);
		check(git_blob_create_from_buffer(&blob, repo, text,
		    strlen(text)), "blob");
		snprintf(path, sizeof path, "item-%06ld.yaml", name[f]);
		tree_put(repo, &coll[f % NCOLL], hascoll[f % NCOLL], path,
		    &blob, GIT_FILEMODE_BLOB);
		hascoll[f % NCOLL] = true;
		tree_put(repo, &content, hascontent, colls[f % NCOLL],
		    &coll[f % NCOLL], GIT_FILEMODE_TREE);
		hascontent = true;
		tree_put(repo, &root, true, "content", &content,
		    GIT_FILEMODE_TREE);
		check(git_signature_new(&sig, authors[c % 4][0],
		    authors[c % 4][1], 1262304000 + c * 3600, 420), "sig");
		check(git_tree_lookup(&tree, repo, &root), "tree");
		snprintf(msg, sizeof msg, "%s hồ sơ %ld\n", what, f);
		pc = NULL;
		if (hasparent)
			check(git_commit_lookup(&pc, repo, &parent), "parent");
		parents[0] = pc;
		check(git_commit_create(&cid, repo, NULL, sig, sig, NULL, msg,
		    tree, hasparent ? 1 : 0, parents), "commit");
		git_commit_free(pc);
		git_tree_free(tree);
		git_signature_free(sig);
		parent = cid;
		hasparent = true;
	}
	check(git_mempack_dump(&pack, repo, mem), "dump");
	check(git_odb_write_pack(&wp, odb, NULL, NULL), "write pack");
	check(wp->append(wp, pack.ptr, pack.size, &st), "append");
	check(wp->commit(wp, &st), "index");
	wp->free(wp);
	git_buf_dispose(&pack);
	check(git_mempack_reset(mem), "reset");
	check(git_reference_create(&ref, repo, "refs/heads/main", &parent, 1,
	    NULL), "ref");
	check(git_repository_set_head(repo, "refs/heads/main"), "head");
	git_reference_free(ref);
	git_odb_free(odb);
	git_repository_free(repo);
	free(name);
	free(rev);
}

static int
cmp_double(const void *x, const void *y)
{
	double a = *(const double *)x, b = *(const double *)y;

	return (a > b) - (a < b);
}

int
main(int argc, char **argv)
{
	struct arena *a;
	struct diags *d;
	struct repo *repo = NULL;
	struct history *h;
	const struct file_history *fh;
	struct buf b = {0};
	double t0, c0, t[32], ct[32];
	long commits, files;
	size_t n, i, revs = 0, reads = 0;
	int runs = 5, r;

	if (argc < 4 || (commits = atol(argv[2])) < 1 ||
	    (files = atol(argv[3])) < 1) {
		fprintf(stderr, "usage: histbench DIR COMMITS FILES [RUNS]\n");
		return 2;
	}
	if (argc > 4 && ((runs = atoi(argv[4])) < 1 || runs > 32))
		runs = 5;
	git_libgit2_init();
	git_libgit2_opts(GIT_OPT_ENABLE_STRICT_OBJECT_CREATION, 0);
	t0 = now();
	if (git_repository_open_ext(NULL, argv[1],
	    GIT_REPOSITORY_OPEN_NO_SEARCH, NULL) != 0) {
		make_repo(argv[1], commits, files);
		printf("histbench: made %ld commits over %ld files in %.2f s\n",
		    commits, files, now() - t0);
	}

	for (r = 0; r < runs; r++) {
		a = arena_new();
		d = diags_new(a);
		t0 = now();
		c0 = cpu();
		/* The open is part of what a build pays for its history. */
		if (repo_open(a, d, argv[1], &repo) != 0 ||
		    history_load(a, d, repo, "HEAD", "content", false,
		    &h) != 0 || h == NULL) {
			diags_print(d, stderr);
			return 1;
		}
		t[r] = now() - t0;
		ct[r] = cpu() - c0;
		fh = history_files(h, &n);
		for (i = revs = 0; i < n; i++)
			revs += fh[i].n;
		if (r == runs - 1) {
			t0 = now();
			for (i = 0; i < n && reads < 2000; i++, reads++)
				if (history_read(h, &fh[i].revs[0], &b) != 0)
					return 1;
			printf("history_read: %.1f us per blob (%zu reads)\n",
			    (now() - t0) * 1e6 / (double)reads, reads);
		}
		history_close(h);
		repo_close(repo);
		arena_free(a);
	}
	buf_release(&b);
	qsort(t, (size_t)runs, sizeof *t, cmp_double);
	qsort(ct, (size_t)runs, sizeof *ct, cmp_double);
	printf("history_load: %zu files, %zu revisions; wall median %.3f s "
	    "(min %.3f, max %.3f), CPU median %.3f s, over %d runs\n", n,
	    revs, t[runs / 2], t[0], t[runs - 1], ct[runs / 2], runs);
	git_libgit2_shutdown();
	return 0;
}
