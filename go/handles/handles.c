// The handle table (table.h) and its operations (galeed_handles.h). One
// mutex, in the table itself, guards every change: cgo calls come from many
// threads, and acquire, release, share, reclaim are a few loads and a
// SipHash or two. Resolve, which every accessor calls, neither locks nor
// hashes when the handle is good (see "Resolving" below); only a failing
// check, or one that raced with a change of its slot, takes the lock.

#define _GNU_SOURCE
#include <stdio.h>
#include <string.h>
#include <sys/mman.h>
#include <sys/random.h>
#include <unistd.h>

#include "galeed_handles.h"
#include "table.h"

#define ROTL(x, b) (uint64_t)(((x) << (b)) | ((x) >> (64 - (b))))
#define SIPROUND                                                                                        \
	do {                                                                                            \
		v0 += v1, v1 = ROTL(v1, 13), v1 ^= v0, v0 = ROTL(v0, 32);                               \
		v2 += v3, v3 = ROTL(v3, 16), v3 ^= v2;                                                  \
		v0 += v3, v3 = ROTL(v3, 21), v3 ^= v0;                                                  \
		v2 += v1, v1 = ROTL(v1, 17), v1 ^= v2, v2 = ROTL(v2, 32);                               \
	} while (0)

uint64_t galeed_siphash(const uint64_t key[2], const void *msg, size_t len) {
	const uint8_t *in = msg;
	uint64_t v0 = 0x736f6d6570736575ull ^ key[0], v1 = 0x646f72616e646f6dull ^ key[1];
	uint64_t v2 = 0x6c7967656e657261ull ^ key[0], v3 = 0x7465646279746573ull ^ key[1];
	uint64_t m;
	for (; len - (in - (const uint8_t *)msg) >= 8; in += 8) {
		memcpy(&m, in, 8); // x86-64: little-endian, as SipHash reads words
		v3 ^= m;
		SIPROUND;
		SIPROUND;
		v0 ^= m;
	}
	size_t rest = len & 7;
	m = (uint64_t)len << 56;
	for (size_t i = 0; i < rest; i++)
		m |= (uint64_t)in[i] << (8 * i);
	v3 ^= m;
	SIPROUND;
	SIPROUND;
	v0 ^= m;
	v2 ^= 0xff;
	SIPROUND;
	SIPROUND;
	SIPROUND;
	SIPROUND;
	return v0 ^ v1 ^ v2 ^ v3;
}

// Called by go/mpk's constructor (mpk.h), before any thread but the main one
// exists: the table needs no lazy, racy initialization.
void *galeed_handle_table_setup(const struct galeed_config *c) {
	size_t size = sizeof(struct galeed_handle_table);
	struct galeed_handle_table *t =
	    mmap(NULL, size, PROT_READ | PROT_WRITE, MAP_PRIVATE | MAP_ANONYMOUS | MAP_NORESERVE, -1, 0);
	if (t == MAP_FAILED)
		galeed_die("galeed: cannot map the handle table\n");
	if (c->active && pkey_mprotect(t, size, PROT_READ | PROT_WRITE, c->key) != 0)
		galeed_die("galeed: cannot tag the handle table with the Go key\n");
	if (getrandom(t->key, sizeof t->key, 0) != sizeof t->key)
		galeed_die("galeed: getrandom failed for the handle key\n");
	pthread_mutex_init(&t->lock, NULL);
	return t;
}

static uint32_t tag(const struct galeed_handle_table *t, uint32_t slot, uint8_t gen, uint32_t type) {
	uint32_t msg[2] = {slot | (uint32_t)gen << 24, type};
	return (uint32_t)galeed_siphash(t->key, msg, sizeof msg);
}

static galeed_handle make(const struct galeed_handle_table *t, uint32_t slot, uint8_t gen, uint32_t type) {
	return slot | (uint64_t)gen << 24 | (uint64_t)tag(t, slot, gen, type) << 32;
}

static uint32_t *bucket(struct galeed_handle_table *t, uintptr_t p, uint32_t type) {
	uint64_t msg[2] = {p, type}; // 16 bytes: never the same input as a tag's 8
	return &t->index[galeed_siphash(t->key, msg, sizeof msg) & (GALEED_HANDLE_CAPACITY - 1)];
}

static int live(const struct galeed_handle_entry *e) { return e->calls + e->shares + e->parents > 0; }

// Resolving. The fast path (galeed_handle_resolve) reads an entry without
// the lock, so the entry carries what the check needs in a form it can
// compare cheaply: e->handle is the slot's live handle, tag included, made
// with SipHash once when the slot is handed out (0 while the slot is free;
// no handle is 0), next to e->ptr and e->type. The check is then
//
//	e->handle == h && e->type == type
//
// which holds exactly when the slot is live, at h's generation, h's tag is
// the tag of (slot, generation, e->type) under the key, and e->type is the
// type asked for: the conditions of check() below (and stricter than the
// tag alone: a tag for another type at the same generation never passes).
//
// Publication is a seqlock (Boehm, "Can seqlocks get along with
// programming language memory models?", 2012). A writer, holding the lock,
// so one at a time per entry:
//
//	seq = s + 1 (relaxed); release fence; handle/ptr/type (relaxed stores);
//	seq = s + 2 (release)
//
// and a reader:
//
//	s1 = seq (acquire); handle, ptr, type (relaxed loads); acquire fence;
//	s2 = seq (relaxed); use them only if s1 == s2 and s1 is even.
//
// Why a reader that passes never returns a pointer for a handle that was
// not live with that type: if s1 is even, s1 = 2k, the acquire load
// synchronizes with the release store that ended the k-th write, so the
// loads see at least the k-th write's values; if a load saw a value of a
// later write k' > k, that value was stored after write k''s release fence
// and before the reader's acquire fence, so the fences synchronize and s2
// sees at least 2k' - 1 > s1. So s1 == s2 even means handle, ptr and type
// are the three values of one stable state, the one between writes k and
// k + 1: at that moment the slot held h, live, for type, at address ptr.
// seq is 64 bits and counts two per write: it does not wrap, so there is
// no ABA (an 8-bit generation alone would come round again after 256
// reuses of the slot, and a reader preempted between its loads could mix
// two incarnations). Every field the fast path reads changes only inside
// such a write: handing a slot out (publish) and freeing it (unpublish).
// calls/shares/parents change without one; the fast path does not read
// them, as e->handle != 0 says "live".
//
// A handle that does not pass, and one whose read raced with a write, go
// to the slow path: under the lock, check() tells forged, expired and
// type-confused apart as before (or passes, if the race was harmless). On
// x86-64 the loads and stores are plain moves and the fences compile to
// nothing but ordering for the compiler.
static void publish(struct galeed_handle_entry *e, galeed_handle h, uintptr_t p, uint32_t type) {
	uint64_t s = e->seq; // only writers, under the lock, store it
	__atomic_store_n(&e->seq, s + 1, __ATOMIC_RELAXED);
	__atomic_thread_fence(__ATOMIC_RELEASE);
	__atomic_store_n(&e->handle, h, __ATOMIC_RELAXED);
	__atomic_store_n(&e->ptr, p, __ATOMIC_RELAXED);
	__atomic_store_n(&e->type, type, __ATOMIC_RELAXED);
	__atomic_store_n(&e->seq, s + 2, __ATOMIC_RELEASE);
}


// The place of type id in t->types: where it is registered, else the free
// place where it would go (NULL when the array is full). Linear probing
// from a multiplicative hash; types are never removed.
static struct galeed_handle_type *type_place(const struct galeed_handle_table *t, uint32_t id) {
	uint32_t start = (uint32_t)(id * 2654435761u) % GALEED_HANDLE_MAX_TYPES;
	for (uint32_t i = 0; i < GALEED_HANDLE_MAX_TYPES; i++) {
		const struct galeed_handle_type *ty = &t->types[(start + i) % GALEED_HANDLE_MAX_TYPES];
		if (ty->id == id || ty->id == 0)
			return (struct galeed_handle_type *)ty;
	}
	return NULL;
}

static int registered(const struct galeed_handle_table *t, uint32_t id) {
	const struct galeed_handle_type *ty = id ? type_place(t, id) : NULL;
	return ty && ty->id == id;
}

static const char *type_name(const struct galeed_handle_table *t, uint32_t type, char buf[16]) {
	if (registered(t, type))
		return type_place(t, type)->name;
	snprintf(buf, 16, "#%#x", type);
	return buf;
}

enum kind { FORGED, EXPIRED, TYPE_CONFUSED, TABLE_FULL };
static const char *const kind_names[] = {"forged", "expired", "type-confused", "table full"};

// Prints the report, ASan-style, and aborts. The caller holds the lock,
// which stays held: nothing may use the table after a failed check.
__attribute__((noreturn)) static void report(const struct galeed_handle_table *t, enum kind k, galeed_handle h,
                                             uint32_t type, const char *op) {
	char msg[1024], want[16], had[16];
	int n = snprintf(msg, sizeof msg,
	                 "=================================================================\n"
	                 "==%d==ERROR: galeed: %s handle 0x%016llx for type %s\n    in:       %s\n",
	                 getpid(), kind_names[k], (unsigned long long)h, type_name(t, type, want), op);
	uint32_t slot = GALEED_HANDLE_SLOT(h);
	if (k == TABLE_FULL) {
		n += snprintf(msg + n, sizeof msg - n, "    all %u slots hold live handles\n", GALEED_HANDLE_CAPACITY);
	} else if (slot == 0 || slot > t->used) {
		n += snprintf(msg + n, sizeof msg - n, "    slot %u was never handed out\n", slot);
	} else {
		const struct galeed_handle_entry *e = &t->entries[slot];
		n += snprintf(msg + n, sizeof msg - n,
		              "    slot %u: handle's generation %u, slot's generation %u, %s, type %s\n", slot,
		              GALEED_HANDLE_GEN(h), e->gen, live(e) ? "live" : "free", type_name(t, e->type, had));
	}
	snprintf(msg + n, sizeof msg - n,
	         "SUMMARY: galeed: %s handle in %s\n"
	         "=================================================================\n",
	         kind_names[k], op);
	galeed_die(msg);
}

// The live entry h stands for as a handle for type, or a report. Tags are
// checked before anything else about the entry: a handle that does not
// carry the tag of its (slot, generation, type) was not made here.
static struct galeed_handle_entry *check(struct galeed_handle_table *t, galeed_handle h, uint32_t type,
                                         const char *op) {
	uint32_t slot = GALEED_HANDLE_SLOT(h);
	uint8_t gen = GALEED_HANDLE_GEN(h);
	if (slot == 0 || slot > t->used)
		report(t, FORGED, h, type, op);
	struct galeed_handle_entry *e = &t->entries[slot];
	if (e->handle == h && e->type == type)
		return e; // the slot's live handle, made here: no need to hash again
	if (GALEED_HANDLE_TAG(h) != tag(t, slot, gen, type)) {
		if (live(e) && e->gen == gen && e->type != type && GALEED_HANDLE_TAG(h) == tag(t, slot, gen, e->type))
			report(t, TYPE_CONFUSED, h, type, op);
		report(t, FORGED, h, type, op);
	}
	// A right tag for (slot, gen, type) with the slot live at gen for
	// another type: a handle of an earlier incarnation of the slot, 256
	// generations back, for type.
	if (!live(e) || e->gen != gen || e->type != type)
		report(t, EXPIRED, h, type, op);
	return e;
}

// For release and reclaim, which get no type: a genuine handle's type is
// the one its slot recorded (kept while the slot is free, so a released
// handle still reads as expired rather than forged).
static struct galeed_handle_entry *check_any(struct galeed_handle_table *t, galeed_handle h, const char *op) {
	uint32_t slot = GALEED_HANDLE_SLOT(h);
	uint32_t type = slot != 0 && slot <= t->used ? t->entries[slot].type : 0;
	return check(t, h, type, op);
}

// Finds or makes the entry of (p, type) and counts one more reference to
// it, of the scope owned says: 1 owned, 0 call-scoped, -1 none (the caller
// links it as a child). The caller holds the lock.
static galeed_handle_error take(struct galeed_handle_table *t, uintptr_t p, uint32_t type, int owned,
                                galeed_handle *out) {
	if (!registered(t, type))
		return GALEED_HANDLE_UNREGISTERED_TYPE;
	uint32_t *head = bucket(t, p, type), slot;
	for (slot = *head; slot; slot = t->entries[slot].next)
		if (t->entries[slot].ptr == p && t->entries[slot].type == type)
			break;
	if (!slot) {
		if (t->free) {
			slot = t->free;
			t->free = t->entries[slot].next;
		} else if (t->used < GALEED_HANDLE_CAPACITY) {
			slot = ++t->used;
		} else {
			return GALEED_HANDLE_TABLE_FULL;
		}
		struct galeed_handle_entry *e = &t->entries[slot];
		publish(e, make(t, slot, e->gen, type), p, type);
		e->next = *head;
		*head = slot;
	}
	struct galeed_handle_entry *e = &t->entries[slot];
	if (owned == 1)
		e->shares++;
	else if (owned == 0)
		e->calls++;
	*out = e->handle;
	return GALEED_HANDLE_OK;
}

// Frees e's slot (dead: nothing refers to it): out of its hash chain, onto
// the free list, and a new generation so every copy of the old handle
// expires. Its child links are left for drop to follow.
static void free_slot(struct galeed_handle_table *t, struct galeed_handle_entry *e) {
	uint32_t slot = e - t->entries;
	uint32_t *link = bucket(t, e->ptr, e->type);
	while (*link != slot)
		link = &t->entries[*link].next;
	*link = e->next;
	publish(e, 0, e->ptr, e->type); // ptr and type stay, for reports
	e->gen++;
	e->next = t->free;
	t->free = slot;
}

// Frees e's slot once nothing refers to it, and with it its child links:
// a child whose last parent goes is freed too, and so on down. A work list
// of links (a freed entry's are spliced onto it) instead of recursion, as a
// chain of pointer fields (a list C walked) can be long.
static void drop(struct galeed_handle_table *t, struct galeed_handle_entry *e) {
	if (live(e))
		return;
	free_slot(t, e);
	uint32_t work = e->children;
	e->children = 0;
	while (work) {
		struct galeed_handle_edge *l = &t->edges[work];
		uint32_t done = work;
		work = l->next;
		struct galeed_handle_entry *c = &t->entries[l->child];
		l->next = t->edges_free;
		t->edges_free = done;
		if (--c->parents == 0 && !live(c)) {
			free_slot(t, c);
			if (c->children) { // splice c's links in front of the rest
				uint32_t last = c->children;
				while (t->edges[last].next)
					last = t->edges[last].next;
				t->edges[last].next = work;
				work = c->children;
				c->children = 0;
			}
		}
	}
}

// Whether slot to is reachable from slot from along child links (from
// itself included): linking a parent under one of its descendants would
// make a cycle that no release could free.
static int reaches(struct galeed_handle_table *t, uint32_t from, uint32_t to) {
	uint32_t mark = ++t->marks, n = 0;
	if (mark == 0) { // wrapped: clear the old marks
		for (uint32_t s = 1; s <= t->used; s++)
			t->entries[s].mark = 0;
		mark = t->marks = 1;
	}
	t->entries[from].mark = mark;
	t->stack[n++] = from;
	while (n) {
		uint32_t s = t->stack[--n];
		if (s == to)
			return 1;
		for (uint32_t l = t->entries[s].children; l; l = t->edges[l].next) {
			struct galeed_handle_entry *c = &t->entries[t->edges[l].child];
			if (c->mark != mark) { // each slot once: n stays below the capacity
				c->mark = mark;
				t->stack[n++] = t->edges[l].child;
			}
		}
	}
	return 0;
}

galeed_handle galeed_handle_acquire(const void *p, uint32_t type) {
	if (!p)
		return 0;
	struct galeed_handle_table *t = galeed_handle_table();
	galeed_handle h = 0;
	pthread_mutex_lock(&t->lock);
	switch (take(t, (uintptr_t)p, type, 0, &h)) {
	case GALEED_HANDLE_OK:
		break;
	case GALEED_HANDLE_TABLE_FULL:
		report(t, TABLE_FULL, 0, type, "galeed_handle_acquire");
	default: {
		char msg[120];
		snprintf(msg, sizeof msg, "galeed: galeed_handle_acquire: type id %u is not registered\n", type);
		galeed_die(msg);
	}
	}
	pthread_mutex_unlock(&t->lock);
	return h;
}

void galeed_handle_release(galeed_handle h) {
	if (!h)
		return;
	struct galeed_handle_table *t = galeed_handle_table();
	pthread_mutex_lock(&t->lock);
	struct galeed_handle_entry *e = check_any(t, h, "galeed_handle_release");
	if (!e->calls)
		report(t, EXPIRED, h, e->type, "galeed_handle_release (no call-scoped acquire left)");
	e->calls--;
	drop(t, e);
	pthread_mutex_unlock(&t->lock);
}

galeed_handle galeed_handle_acquire_child(galeed_handle parent, const void *p, uint32_t type) {
	struct galeed_handle_table *t = galeed_handle_table();
	pthread_mutex_lock(&t->lock);
	struct galeed_handle_entry *pe = check_any(t, parent, "galeed_handle_acquire_child (parent)");
	galeed_handle h = 0;
	if (p) {
		switch (take(t, (uintptr_t)p, type, -1, &h)) {
		case GALEED_HANDLE_OK:
			break;
		case GALEED_HANDLE_TABLE_FULL:
			report(t, TABLE_FULL, 0, type, "galeed_handle_acquire_child");
		default: {
			char msg[128];
			snprintf(msg, sizeof msg, "galeed: galeed_handle_acquire_child: type id %u is not registered\n",
			         type);
			galeed_die(msg);
		}
		}
		uint32_t pslot = pe - t->entries, cslot = GALEED_HANDLE_SLOT(h);
		struct galeed_handle_entry *ce = &t->entries[cslot];
		uint32_t l = pe->children;
		while (l && t->edges[l].child != cslot)
			l = t->edges[l].next;
		// No link yet, and the child is new (no references: take made it)
		// or not an ancestor of the parent (nor the parent itself).
		if (!l && (!live(ce) || !reaches(t, cslot, pslot))) {
			if (t->edges_free) {
				l = t->edges_free;
				t->edges_free = t->edges[l].next;
			} else if (t->edges_used < GALEED_HANDLE_CAPACITY) {
				l = ++t->edges_used;
			} else {
				if (!live(ce))
					drop(t, ce);
				report(t, TABLE_FULL, 0, type, "galeed_handle_acquire_child (child links)");
			}
			t->edges[l] = (struct galeed_handle_edge){cslot, pe->children};
			pe->children = l;
			ce->parents++;
		}
	}
	pthread_mutex_unlock(&t->lock);
	return h;
}

// Resolve's slow path: a bad handle (reported), or a read that raced with
// a change of the slot. Out of line, so that the fast path saves no
// registers.
__attribute__((noinline)) static void *resolve_locked(struct galeed_handle_table *t, galeed_handle h,
                                                      uint32_t type) {
	pthread_mutex_lock(&t->lock);
	void *p = (void *)check(t, h, type, "galeed_handle_resolve")->ptr;
	pthread_mutex_unlock(&t->lock);
	return p;
}

void *galeed_handle_resolve(galeed_handle h, uint32_t type) {
	struct galeed_handle_table *t = galeed_handle_table();
	uint32_t slot = GALEED_HANDLE_SLOT(h);
	if (slot - 1 < GALEED_HANDLE_CAPACITY) { // 1 .. capacity: inside the mapping
		// The fast path: the seqlock read of "Resolving" above.
		const struct galeed_handle_entry *e = &t->entries[slot];
		uint64_t s1 = __atomic_load_n(&e->seq, __ATOMIC_ACQUIRE);
		galeed_handle live_handle = __atomic_load_n(&e->handle, __ATOMIC_RELAXED);
		uint32_t live_type = __atomic_load_n(&e->type, __ATOMIC_RELAXED);
		uintptr_t p = __atomic_load_n(&e->ptr, __ATOMIC_RELAXED);
		__atomic_thread_fence(__ATOMIC_ACQUIRE);
		uint64_t s2 = __atomic_load_n(&e->seq, __ATOMIC_RELAXED);
		if (__builtin_expect(s1 == s2 && !(s1 & 1) && live_handle == h && live_type == type, 1))
			return (void *)p;
	}
	return resolve_locked(t, h, type);
}

// The C-mode entry points below bracket all their work with one
// galeed_enter_go/galeed_leave_go pair and no early return: a thread leaves
// them in the mode it came in, and galeed_leave_go aborts if that was not C
// mode (called from Go mode is a misuse, not a path to the wrong PKRU).

struct galeed_handle_shared galeed_handle_share(uintptr_t p, uint32_t type) {
	struct galeed_handle_shared r = {0, GALEED_HANDLE_OK};
	galeed_enter_go();
	struct galeed_handle_table *t = galeed_handle_table();
	pthread_mutex_lock(&t->lock);
	r.error = take(t, p, type, 1, &r.handle);
	pthread_mutex_unlock(&t->lock);
	galeed_leave_go();
	return r;
}

void galeed_handle_reclaim(galeed_handle h) {
	galeed_enter_go();
	struct galeed_handle_table *t = galeed_handle_table();
	pthread_mutex_lock(&t->lock);
	struct galeed_handle_entry *e = check_any(t, h, "galeed_handle_reclaim");
	if (!e->shares)
		report(t, EXPIRED, h, e->type, "galeed_handle_reclaim (no share left)");
	e->shares--;
	drop(t, e);
	pthread_mutex_unlock(&t->lock);
	galeed_leave_go();
}

galeed_handle_error galeed_handle_register_type(uint32_t id, const char *name, size_t size) {
	galeed_handle_error err = GALEED_HANDLE_BAD_TYPE;
	size_t len = strnlen(name, GALEED_HANDLE_NAME_MAX);
	galeed_enter_go();
	struct galeed_handle_table *t = galeed_handle_table();
	pthread_mutex_lock(&t->lock);
	struct galeed_handle_type *ty = id ? type_place(t, id) : NULL;
	if (ty && len > 0 && len < GALEED_HANDLE_NAME_MAX) {
		if (ty->id == 0) {
			ty->id = id;
			memcpy(ty->name, name, len + 1);
			ty->size = size;
		}
		if (strcmp(ty->name, name) == 0 && ty->size == size)
			err = GALEED_HANDLE_OK;
	}
	pthread_mutex_unlock(&t->lock);
	galeed_leave_go();
	return err;
}
