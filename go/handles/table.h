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

struct galeed_handle_entry {
	uintptr_t ptr;
	uint32_t type; // kept when the slot is freed, so a stale handle reads as expired
	uint32_t next; // next slot in the hash chain while live, in the free list while free
	uint32_t calls;  // call-scoped acquires not yet released
	uint32_t shares; // owned shares not yet reclaimed
	uint8_t gen;
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
	struct galeed_handle_type types[GALEED_HANDLE_MAX_TYPES];
	uint32_t index[GALEED_HANDLE_CAPACITY]; // hash of (ptr, type) -> first slot of its chain
	struct galeed_handle_entry entries[GALEED_HANDLE_CAPACITY + 1]; // [0] unused: slots are 1-based
};

// SipHash-2-4 of len bytes at msg under key (k0, k1 little-endian).
uint64_t galeed_siphash(const uint64_t key[2], const void *msg, size_t len);

#endif
