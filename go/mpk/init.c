// Setup before the Go runtime starts: the constructor below runs before
// main, hence before the runtime maps any memory, installs any signal
// handler or creates any thread, so every one of those passes through
// the wrappers in mmap.c, signal.c and here already knowing the Go key.

#define _GNU_SOURCE
#include <cpuid.h>
#include <errno.h>
#include <pthread.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/mman.h>
#include <unistd.h>

#include "mpk.h"
#include "pkru.h"

// The build's default mode, a bare word: -DGALEED_DEFAULT_MODE=require.
#ifdef GALEED_DEFAULT_MODE
#define STRING(x) #x
#define EXPAND_STRING(x) STRING(x)
#define DEFAULT_MODE EXPAND_STRING(GALEED_DEFAULT_MODE)
#else
#define DEFAULT_MODE "enforce"
#endif

struct galeed_config galeed_cfg;
__thread struct galeed_thread galeed_thread;

// Big enough for Go's signal handler, which gets 32 KiB on its own stacks.
#define ALTSTACK_SIZE (64 << 10)

const char *const galeed_mode_names[3] = {"enforce", "off", "require"};

const char *galeed_mode_name(int mode) { return galeed_mode_names[mode]; }

void *galeed_handle_table(void) { return galeed_cfg.handle_table; }

void galeed_die(const char *msg) {
	write(2, msg, strlen(msg));
	abort();
}

// Same wording as go/pkeys.HostSupport.
static const char *no_pku_reason(void) {
	unsigned int eax, ebx, ecx, edx;
	if (!__get_cpuid_count(7, 0, &eax, &ebx, &ecx, &edx))
		return "host has no PKU (CPUID has no leaf 7)";
	if (!(ecx & (1u << 3)))
		return "host has no PKU (the CPU does not implement protection keys: CPUID.07H:ECX.PKU=0)";
	if (!(ecx & (1u << 4)))
		return "host has no PKU (the CPU implements protection keys but the kernel did not enable them: "
		       "CPUID.07H:ECX.OSPKE=0; needs CONFIG_X86_INTEL_MEMORY_PROTECTION_KEYS)";
	return NULL;
}

static int parse_mode(const char *s) {
	for (int m = GALEED_ENFORCE; m <= GALEED_REQUIRE; m++)
		if (strcmp(s, galeed_mode_name(m)) == 0)
			return m;
	char msg[300];
	snprintf(msg, sizeof msg, "galeed: GALEED_MODE=%s is not one of enforce, off, require\n", s);
	galeed_die(msg);
}

// Every thread gets an alternate signal stack in C memory (key 0), because
// the kernel writes a signal frame with the interrupted thread's PKRU, which
// in C mode denies Go's own signal stacks. Go's minit keeps a stack it
// finds installed on a cgo thread. Returns the stack, for freeing at exit.
static void *install_altstack(void) {
	stack_t ss = {.ss_size = ALTSTACK_SIZE};
	ss.ss_sp = mmap(NULL, ALTSTACK_SIZE, PROT_READ | PROT_WRITE, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
	if (ss.ss_sp == MAP_FAILED || sigaltstack(&ss, NULL) != 0)
		galeed_die("galeed: cannot install an alternate signal stack\n");
	return ss.ss_sp;
}

// Where the mode came from, for messages: "GALEED_MODE=off" or "the
// build's default mode off".
static char mode_source[80];

// setup returns NULL once the Go key exists, else why protection is off.
static const char *setup(struct galeed_config *c) {
	if (c->mode == GALEED_OFF)
		return mode_source;
	const char *reason = no_pku_reason();
	if (reason)
		return reason;
	// pkey_alloc grants its rights only to this thread; every thread the
	// program makes later descends from it and inherits its PKRU.
	c->key = pkey_alloc(0, 0);
	if (c->key < 0) {
		static char why[200];
		snprintf(why, sizeof why, "pkey_alloc failed: %s", strerror(errno));
		return why;
	}
	c->pkru_go = galeed_rdpkru();
	c->pkru_c[GALEED_DENY] = c->pkru_go | PKRU_AD(c->key);
	c->pkru_c[GALEED_READONLY] = (c->pkru_go & ~PKRU_AD(c->key)) | PKRU_WD(c->key);
	c->pkru_c[GALEED_READWRITE] = c->pkru_go;
	long page = sysconf(_SC_PAGESIZE);
	c->go_handlers = mmap(NULL, page, PROT_READ | PROT_WRITE, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
	if (c->go_handlers == MAP_FAILED || pkey_mprotect(c->go_handlers, page, PROT_READ | PROT_WRITE, c->key) != 0)
		galeed_die("galeed: cannot map the signal handler table\n");
	c->active = 1;
	return NULL;
}

__attribute__((constructor)) static void galeed_init(void) {
	struct galeed_config *c = &galeed_cfg;
	const char *env = getenv("GALEED_MODE");
	int from_env = env && *env;
	c->mode = parse_mode(from_env ? env : DEFAULT_MODE);
	snprintf(mode_source, sizeof mode_source, from_env ? "GALEED_MODE=%s" : "the build's default mode %s",
	         galeed_mode_name(c->mode));
	const char *why = setup(c);
	if (why) {
		if (c->mode == GALEED_REQUIRE) {
			char msg[400];
			snprintf(msg, sizeof msg,
			         "galeed: %s: cannot protect Go memory: %s; "
			         "run on a CPU and kernel with PKU, or set GALEED_MODE=enforce or off\n",
			         mode_source, why);
			galeed_die(msg);
		}
		snprintf(c->why, sizeof c->why, "%s", why);
	} else {
		install_altstack();
	}
	if (galeed_handle_table_setup)
		c->handle_table = galeed_handle_table_setup(c);
	if (mprotect(c, sizeof *c, PROT_READ) != 0)
		galeed_die("galeed: cannot make the configuration read-only\n");

	const char *verbose = getenv("GALEED_VERBOSE");
	if (verbose && strcmp(verbose, "1") == 0) {
		if (c->active)
			fprintf(stderr,
			        "galeed: %s: Go runtime memory carries pkey %d; C code inside gates runs with it "
			        "denied (Go mode %#010x, C mode %#010x, read-only C mode %#010x, "
			        "read-write C mode %#010x)\n",
			        galeed_mode_name(c->mode), c->key, c->pkru_go, c->pkru_c[GALEED_DENY],
			        c->pkru_c[GALEED_READONLY], c->pkru_c[GALEED_READWRITE]);
		else
			fprintf(stderr, "galeed: %s: Go memory is NOT protected: %s\n", galeed_mode_name(c->mode),
			        c->why);
	}
}

static pthread_key_t altstack_key;
static pthread_once_t altstack_once = PTHREAD_ONCE_INIT;

static void free_altstack(void *sp) {
	stack_t off = {.ss_flags = SS_DISABLE};
	sigaltstack(&off, NULL);
	munmap(sp, ALTSTACK_SIZE);
}

static void make_altstack_key(void) {
	if (pthread_key_create(&altstack_key, free_altstack) != 0)
		galeed_die("galeed: pthread_key_create failed\n");
}

struct start {
	void *(*fn)(void *);
	void *arg;
	struct galeed_frame base;
};

static void *thread_start(void *p) {
	struct start s = *(struct start *)p;
	free(p);
	pthread_setspecific(altstack_key, install_altstack());
	galeed_thread.frames[0] = s.base;
	return s.fn(s.arg);
}

int __real_pthread_create(pthread_t *, const pthread_attr_t *, void *(*)(void *), void *);

// Linked in place of pthread_create for the whole program (Go's threads and
// C's). A thread created in C mode inherits C mode's PKRU from the kernel;
// recording it as the thread's base frame makes a Go callback on that
// thread return to C mode, not Go mode.
int __wrap_pthread_create(pthread_t *t, const pthread_attr_t *attr, void *(*fn)(void *), void *arg) {
	if (!galeed_cfg.active)
		return __real_pthread_create(t, attr, fn, arg);
	pthread_once(&altstack_once, make_altstack_key);
	struct start *s = malloc(sizeof *s);
	if (!s)
		return EAGAIN;
	s->fn = fn;
	s->arg = arg;
	s->base = galeed_thread.frames[galeed_thread.top];
	int err = __real_pthread_create(t, attr, thread_start, s);
	if (err)
		free(s);
	return err;
}
