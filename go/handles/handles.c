// The handle table (table.h) and its operations (galeed_handles.h). One
// mutex, in the table itself, guards everything: cgo calls come from many
// threads, and every operation is a few loads and one or two SipHashes.

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

static int live(const struct galeed_handle_entry *e) { return e->calls + e->shares > 0; }

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
	if (GALEED_HANDLE_TAG(h) != tag(t, slot, gen, type)) {
		if (live(e) && e->gen == gen && e->type != type && GALEED_HANDLE_TAG(h) == tag(t, slot, gen, e->type))
			report(t, TYPE_CONFUSED, h, type, op);
		report(t, FORGED, h, type, op);
	}
	if (!live(e) || e->gen != gen)
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
// it, of the scope owned says. The caller holds the lock.
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
		e->ptr = p;
		e->type = type;
		e->next = *head;
		*head = slot;
	}
	struct galeed_handle_entry *e = &t->entries[slot];
	if (owned)
		e->shares++;
	else
		e->calls++;
	*out = make(t, slot, e->gen, type);
	return GALEED_HANDLE_OK;
}

// Frees e's slot once nothing refers to it: out of its hash chain, onto the
// free list, and a new generation so every copy of the old handle expires.
static void drop(struct galeed_handle_table *t, struct galeed_handle_entry *e) {
	if (live(e))
		return;
	uint32_t slot = e - t->entries;
	uint32_t *link = bucket(t, e->ptr, e->type);
	while (*link != slot)
		link = &t->entries[*link].next;
	*link = e->next;
	e->gen++;
	e->next = t->free;
	t->free = slot;
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

void *galeed_handle_resolve(galeed_handle h, uint32_t type) {
	struct galeed_handle_table *t = galeed_handle_table();
	pthread_mutex_lock(&t->lock);
	void *p = (void *)check(t, h, type, "galeed_handle_resolve")->ptr;
	pthread_mutex_unlock(&t->lock);
	return p;
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
