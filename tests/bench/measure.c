/*
 * measure: runs a command and prints "WALL_SECONDS PEAK_KB CPU_SECONDS"
 * on stdout, for the benchmark (no dependency on GNU time).
 *
 * PEAK_KB is the memory of the whole process tree, not of the first
 * process alone: minhbach renders in worker processes that share the
 * model with their parent copy-on-write, so neither the parent's
 * ru_maxrss (it leaves the workers out) nor the sum of every process's
 * (it counts the shared pages once per worker) is the truth.  Every
 * 10 ms the tree's Pss (proportional set size: a page shared by n
 * processes counts 1/n in each) is summed from /proc/PID/smaps_rollup
 * (a sample taken while a process started or ended is dropped, see
 * tree_pss()); PEAK_KB is the largest such sum, or the command's own
 * ru_maxrss if that is larger (a peak shorter than the sampling period).
 * Reading smaps_rollup walks a process's page tables, and on a 2-core
 * machine whose cores the command keeps busy that time is taken from
 * the command: at 500 MB, sampling every 10 ms took a third of a core
 * and made a 7.2 s build measure 8.9 s.  So the pause between samples
 * is 40 times the last sample's length, 10 ms at the least: sampling
 * costs the command at most about 2.5 % of one core, whatever its size.
 * The wait ends when the command does (SIGCHLD), not at the next tick,
 * so WALL_SECONDS does not depend on the pause.  CPU_SECONDS is user +
 * system time of the command and every process it waited for.
 * usage: measure COMMAND [ARGS...]
 */
#include <dirent.h>
#include <errno.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/resource.h>
#include <sys/types.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

#define MAX_TREE 256

/* The Pss of process pid in KB; 0 if it is gone. */
static long
pss(pid_t pid)
{
	char path[64], line[256];
	FILE *f;
	long kb = 0;

	snprintf(path, sizeof path, "/proc/%d/smaps_rollup", (int)pid);
	if ((f = fopen(path, "r")) == NULL)
		return 0;
	while (fgets(line, sizeof line, f) != NULL)
		if (strncmp(line, "Pss:", 4) == 0) {
			kb = strtol(line + 4, NULL, 10);
			break;
		}
	fclose(f);
	return kb;
}

/* Appends the children of every thread of pid to tree[*n..]. */
static void
children(pid_t pid, pid_t *tree, size_t *n)
{
	char path[320], buf[4096];
	DIR *d;
	struct dirent *e;
	FILE *f;

	snprintf(path, sizeof path, "/proc/%d/task", (int)pid);
	if ((d = opendir(path)) == NULL)
		return;
	while ((e = readdir(d)) != NULL) {
		char *p, *end;
		long c;

		if (e->d_name[0] == '.')
			continue;
		snprintf(path, sizeof path, "/proc/%d/task/%s/children",
		    (int)pid, e->d_name);
		if ((f = fopen(path, "r")) == NULL)
			continue;
		if (fgets(buf, sizeof buf, f) != NULL)
			for (p = buf; *n < MAX_TREE; p = end) {
				c = strtol(p, &end, 10);
				if (end == p)
					break;
				tree[(*n)++] = (pid_t)c;
			}
		fclose(f);
	}
	closedir(d);
}

/* pid and all its descendants into tree[]; returns how many. */
static size_t
tree_of(pid_t pid, pid_t *tree)
{
	size_t n = 1, i;

	tree[0] = pid;
	for (i = 0; i < n; i++)
		children(tree[i], tree, &n);
	return n;
}

/*
 * The sum of the Pss of pid and all its descendants in KB, or -1 when
 * the tree changed while it was read.  Pss moves between processes as
 * they fork and exit (a page of a parent and 2 workers counts 1/3 in
 * each; after a fork or an exit, 1/2): a sum read across such a moment
 * can count a page more than once.  So the tree is listed before and
 * after two readings, and the sample kept only if nothing changed and
 * no process was going (a process without memory reads 0); the smaller
 * reading is taken.
 */
static long
tree_pss(pid_t pid)
{
	pid_t a[MAX_TREE], b[MAX_TREE];
	size_t na = tree_of(pid, a), nb, i;
	long sum[2] = {0, 0}, kb;
	int pass;

	for (pass = 0; pass < 2; pass++)
		for (i = 0; i < na; i++) {
			if ((kb = pss(a[i])) == 0)
				return -1;
			sum[pass] += kb;
		}
	nb = tree_of(pid, b);
	if (na != nb || memcmp(a, b, na * sizeof *a) != 0)
		return -1;
	return sum[0] < sum[1] ? sum[0] : sum[1];
}

int
main(int argc, char **argv)
{
	struct timespec t0, t1, s0, s1, tick;
	struct rusage ru, rc;
	sigset_t chld, old;
	long peak = 0, kb, ns;
	int status;
	pid_t pid, w;

	if (argc < 2) {
		fprintf(stderr, "usage: measure COMMAND [ARGS...]\n");
		return 2;
	}
	/* SIGCHLD blocked, so that sigtimedwait() below can take it. */
	sigemptyset(&chld);
	sigaddset(&chld, SIGCHLD);
	sigprocmask(SIG_BLOCK, &chld, &old);
	clock_gettime(CLOCK_MONOTONIC, &t0);
	pid = fork();
	if (pid == -1) {
		perror("fork");
		return 2;
	}
	if (pid == 0) {
		sigprocmask(SIG_SETMASK, &old, NULL);
		execvp(argv[1], argv + 1);
		perror(argv[1]);
		_exit(127);
	}
	for (;;) {
		/* Sample while it runs (a zombie has no Pss left). */
		clock_gettime(CLOCK_MONOTONIC, &s0);
		if ((kb = tree_pss(pid)) > peak)
			peak = kb;
		clock_gettime(CLOCK_MONOTONIC, &s1);
		w = wait4(pid, &status, WNOHANG, &ru);
		if (w == pid)
			break;
		if (w == -1 && errno != EINTR) {
			perror("wait4");
			return 2;
		}
		ns = 40 * ((s1.tv_sec - s0.tv_sec) * 1000000000L +
		    (s1.tv_nsec - s0.tv_nsec));
		if (ns < 10 * 1000 * 1000)
			ns = 10 * 1000 * 1000;
		tick.tv_sec = ns / 1000000000L;
		tick.tv_nsec = ns % 1000000000L;
		/* Until the pause is over or a child changed state. */
		while (sigtimedwait(&chld, NULL, &tick) == -1 && errno == EINTR)
			;
	}
	clock_gettime(CLOCK_MONOTONIC, &t1);
	getrusage(RUSAGE_CHILDREN, &rc);
	if (ru.ru_maxrss > peak)
		peak = ru.ru_maxrss;
	printf("%.3f %ld %.3f\n", (double)(t1.tv_sec - t0.tv_sec) +
	    (double)(t1.tv_nsec - t0.tv_nsec) / 1e9, peak,
	    (double)(rc.ru_utime.tv_sec + rc.ru_stime.tv_sec) +
	    (double)(rc.ru_utime.tv_usec + rc.ru_stime.tv_usec) / 1e6);
	return WIFEXITED(status) ? WEXITSTATUS(status) : 1;
}
