/* Ordinary code with no PKRU-writing instruction, aligned or hidden. */
#include <stddef.h>

struct entry {
	const char *key;
	double weight;
	unsigned hits;
};

static unsigned long hash(const char *s) {
	unsigned long h = 14695981039346656037ul;
	while (*s)
		h = (h ^ (unsigned char)*s++) * 1099511628211ul;
	return h;
}

double score(struct entry *e, size_t n, const char *want) {
	double total = 0;
	for (size_t i = 0; i < n; i++) {
		if (hash(e[i].key) == hash(want))
			e[i].hits++;
		switch (e[i].hits % 4) {
		case 0: total += e[i].weight; break;
		case 1: total -= e[i].weight / 3; break;
		case 2: total *= 1.5; break;
		default: total = -total;
		}
	}
	return total;
}

void sort(int *v, size_t n) {
	for (size_t i = 1; i < n; i++)
		for (size_t j = i; j > 0 && v[j - 1] > v[j]; j--) {
			int t = v[j];
			v[j] = v[j - 1];
			v[j - 1] = t;
		}
}
