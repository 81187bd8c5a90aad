/*
 * Render worker processes: fork, collect, wait.  In: a function that
 * renders pages while there are any left, and the build's diagnostics.
 * Out: the workers' diagnostics added to the parent's list, as worker
 * threads would have added them, and one status.  The parent renders
 * nothing; it reads the pipes, so that a worker never waits on a full
 * one, and passes a stop on through memory they share (a signal would
 * meet whatever handler the workers inherited).
 */
#include <errno.h>
#include <fcntl.h>
#include <poll.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/mman.h>
#include <sys/prctl.h>
#include <sys/wait.h>
#include <unistd.h>

#include "buf.h"
#include "diag.h"
#include "diag_wire.h"
#include "render_procs.h"

#define MAX_PROCS 8
/* A worker's exit status when it could not report: not fn's failure. */
#define LOST 3

struct kid {
	pid_t pid;
	int fd; /* read end of its pipe; -1 at EOF */
	struct buf in; /* bytes read, not yet a whole record */
	bool garbled;
};

/* The number of threads of this process, from /proc; 0 if unknown. */
static long
threads(void)
{
	FILE *f = fopen("/proc/self/stat", "re");
	char line[1024], *p;
	long n = 0;
	int i;

	if (f == NULL)
		return 0;
	if (fgets(line, sizeof line, f) != NULL &&
	    (p = strrchr(line, ')')) != NULL) {
		/* After "pid (comm)": the space before field 3 (the state),
		 * then on to the one before field 20 (num_threads). */
		for (i = 3; i <= 20 && p != NULL; i++)
			p = strchr(p + 1, ' ');
		if (p != NULL)
			n = strtol(p + 1, NULL, 10);
	}
	fclose(f);
	return n;
}

bool
render_procs_usable(int safe)
{
	const char *e = getenv("MINHBACH_RENDER");
	long n;

	if (e != NULL && strcmp(e, "threads") == 0)
		return false;
	/* fewer than counted: a safe thread has ended meanwhile */
	n = threads();
	return n >= 1 && n <= 1 + safe;
}

void *
render_procs_shared(size_t n)
{
	void *p = mmap(NULL, n, PROT_READ | PROT_WRITE,
	    MAP_SHARED | MAP_ANONYMOUS, -1, 0);

	return p == MAP_FAILED ? NULL : p;
}

void
render_procs_unshare(void *p, size_t n)
{
	if (p != NULL)
		munmap(p, n);
}

/* In the worker: runs fn and leaves with its status. */
static void
work(struct diags *d, pid_t parent, int fd, int (*fn)(void *), void *arg)
{
	int rc;

	/* Die with the build, however it ends. */
	if (prctl(PR_SET_PDEATHSIG, SIGKILL) == -1 || getppid() != parent)
		_exit(LOST);
	/* A test's way to see a worker die (tests/e2e.d/render-procs.sh);
	 * SIGKILL, which leaves no core file behind. */
	if (getenv("MINHBACH_TEST_WORKER_CRASH") != NULL)
		raise(SIGKILL);
	diags_send_to(d, fd);
	rc = fn(arg);
	if (diags_send_to(d, -1) == -1)
		_exit(LOST);
	_exit(rc == 0 ? 0 : 1);
}

/* Reads what kid k has sent; closes its pipe at the end. */
static void
drain(struct diags *d, struct kid *k)
{
	ssize_t r;

	buf_grow(&k->in, 65536);
	r = read(k->fd, k->in.data + k->in.len, k->in.cap - k->in.len - 1);
	if (r == -1 && (errno == EINTR || errno == EAGAIN))
		return;
	if (r <= 0) {
		/* A record cut short: the worker died mid-write. */
		if (k->in.len > 0)
			k->garbled = true;
		close(k->fd);
		k->fd = -1;
		return;
	}
	k->in.len += (size_t)r;
	k->in.data[k->in.len] = '\0';
	if (diag_wire_take(&k->in, diag_add, d) == -1)
		k->garbled = true;
}

/* Kid k's end: 0 when fn returned 0 there, else -1 (reported). */
static int
reap(struct diags *d, struct kid *k, volatile sig_atomic_t *stop)
{
	int st;

	while (waitpid(k->pid, &st, 0) == -1)
		if (errno != EINTR) {
			diag_error(d, pos_file(NULL), "render.worker-lost",
			    strerror(errno));
			return -1;
		}
	if (WIFEXITED(st) && WEXITSTATUS(st) == 0 && !k->garbled)
		return 0;
	if (WIFEXITED(st) && WEXITSTATUS(st) == 1 && !k->garbled)
		return -1; /* its errors came through the pipe */
	if (*stop)
		return -1; /* stopped: run.interrupted says so */
	if (WIFSIGNALED(st))
		diag_error(d, pos_file(NULL), "render.worker-died",
		    diag_fmt(d, "%d", WTERMSIG(st)));
	else
		diag_error(d, pos_file(NULL), "render.worker-lost",
		    diag_fmt(d, "%d", WIFEXITED(st) ? WEXITSTATUS(st) : -1));
	return -1;
}

int
render_procs_run(struct diags *d, int n, volatile sig_atomic_t *stop,
    volatile sig_atomic_t *tell, int (*fn)(void *), void *arg,
    void (*forked)(void *), void *ctx)
{
	struct kid kids[MAX_PROCS];
	struct pollfd pfd[MAX_PROCS];
	pid_t parent = getpid();
	int i, j, nk = 0, open, fds[2], rc = 0;
	bool told = false;

	if (n > MAX_PROCS)
		n = MAX_PROCS;
	/* What stdio holds must not be written once per worker. */
	fflush(stdout);
	fflush(stderr);
	for (i = 0; i < n; i++) {
		if (pipe(fds) == -1)
			break;
		fcntl(fds[0], F_SETFD, FD_CLOEXEC);
		fcntl(fds[1], F_SETFD, FD_CLOEXEC);
		kids[nk].pid = fork();
		if (kids[nk].pid == -1) {
			close(fds[0]);
			close(fds[1]);
			break;
		}
		if (kids[nk].pid == 0) {
			close(fds[0]);
			for (j = 0; j < nk; j++)
				close(kids[j].fd);
			work(d, parent, fds[1], fn, arg);
		}
		close(fds[1]);
		kids[nk].fd = fds[0];
		memset(&kids[nk].in, 0, sizeof kids[nk].in);
		kids[nk].garbled = false;
		nk++;
	}
	if (nk == 0)
		return -2;
	if (forked != NULL)
		forked(ctx);
	for (open = nk; open > 0;) {
		if (*stop && !told) {
			*tell = 1;
			told = true;
		}
		for (i = j = 0; i < nk; i++) {
			if (kids[i].fd < 0)
				continue;
			pfd[j].fd = kids[i].fd;
			pfd[j].events = POLLIN;
			pfd[j].revents = 0;
			j++;
		}
		/* A signal ends the wait (no SA_RESTART in build.c). */
		if (poll(pfd, (nfds_t)j, 250) <= 0)
			continue;
		for (i = j = 0; i < nk; i++) {
			if (kids[i].fd < 0)
				continue;
			if (pfd[j++].revents != 0) {
				drain(d, &kids[i]);
				if (kids[i].fd < 0)
					open--;
			}
		}
	}
	for (i = 0; i < nk; i++) {
		if (reap(d, &kids[i], stop) == -1)
			rc = -1;
		buf_release(&kids[i].in);
	}
	return rc == 0 && !*stop ? 0 : -1;
}
