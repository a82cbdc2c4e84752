// The layout of go/handles' table, for handles.c and the package's tests.
// The table is one mapping, tagged with the Go key when protection is on;
// its address is in go/mpk's read-only configuration, galeed_cfg.handle_table,
// which galeed_handle_table() returns.
#ifndef GALEED_HANDLES_TABLE_H
#define GALEED_HANDLES_TABLE_H

#include <pthread.h>
#include <stddef.h>
#include <stdint.h>

#include "go/mpk/mpk.h"

// Slots: at most 2^24 - 1 fit a handle. Pages are touched only as slots
// are first used, so the unused part costs address space only.
#define GALEED_HANDLE_CAPACITY (1u << 20)
#define GALEED_HANDLE_MAX_TYPES 1024
#define GALEED_HANDLE_NAME_MAX 64

#define GALEED_HANDLE_SLOT(h) ((uint32_t)((h)&0xffffff))
#define GALEED_HANDLE_GEN(h) ((uint8_t)((h) >> 24))
#define GALEED_HANDLE_TAG(h) ((uint32_t)((h) >> 32))

// An entry. The fields resolve's lock-free fast path reads (seq, handle,
// ptr, type) are written only under the table's lock, with __atomic stores,
// between two increments of seq (a seqlock: see handles.c, "Resolving");
// everything else is read and written under the lock only.
struct galeed_handle_entry {
	uint64_t seq;         // odd while handle/ptr/type are being changed; 64 bits: never wraps
	uint64_t handle;      // the slot's live handle, tag included (made once, at acquire); 0 while free
	uintptr_t ptr;
	uint32_t type;        // kept when the slot is freed, so a stale handle reads as expired
	uint32_t next;        // next slot in the hash chain while live, in the free list while free
	uint32_t calls;       // call-scoped acquires not yet released
	uint32_t shares;      // owned shares not yet reclaimed
	uint32_t parents;     // child links to this entry (galeed_handle_acquire_child), one per parent
	uint32_t children;    // first of this entry's child links (edges[]), 0 if none
	uint32_t mark;        // cycle search's visit mark (table's marks)
	uint8_t gen;
} __attribute__((aligned(64))); // one cache line: the fast path touches one line

// A child link: its parent holds one reference (parents) on entry child.
struct galeed_handle_edge {
	uint32_t child; // slot
	uint32_t next;  // next link of the same parent, or in the free list
};

// Types are keyed by their ID, any nonzero 32 bits (galeedgen derives it
// from the Go type's import path and name), in an open-addressed array.
struct galeed_handle_type {
	uint32_t id; // 0 while the place is free
	uint64_t size;
	char name[GALEED_HANDLE_NAME_MAX];
};

struct galeed_handle_table {
	uint64_t key[2]; // SipHash key, from getrandom
	pthread_mutex_t lock;
	uint32_t used; // slots 1..used have been handed out at least once
	uint32_t free; // first free slot among them, 0 if none
	uint32_t edges_used; // links 1..edges_used have been handed out at least once
	uint32_t edges_free; // first free link among them, 0 if none
	uint32_t marks;      // the last cycle search's mark
	struct galeed_handle_type types[GALEED_HANDLE_MAX_TYPES];
	uint32_t index[GALEED_HANDLE_CAPACITY]; // hash of (ptr, type) -> first slot of its chain
	struct galeed_handle_entry entries[GALEED_HANDLE_CAPACITY + 1]; // [0] unused: slots are 1-based
	struct galeed_handle_edge edges[GALEED_HANDLE_CAPACITY + 1];    // [0] unused: 0 ends a list
	uint32_t stack[GALEED_HANDLE_CAPACITY]; // the cycle search's work list
};

// SipHash-2-4 of len bytes at msg under key (k0, k1 little-endian).
uint64_t galeed_siphash(const uint64_t key[2], const void *msg, size_t len);

#endif
