// Scalar fields are plain accesses, which the pseudo-pointer pass turns into
// accessor calls; strings, arrays, slices and the nested struct go through
// the generated accessors (copy out, copy in), given the handle the
// parameter holds.
#include "cc/records/records.h"

#include <stdint.h>

extern "C" size_t records_summarize(struct Record *r, char *name, size_t n) {
	galeed_handle h = GALEED_HANDLE(r);
	size_t len = n ? galeed_Record_copy_Name(h, 0, name, n - 1) : 0;
	if (n)
		name[len] = '\0';

	int64_t total = 0;
	for (size_t i = 0; i < galeed_Record_len_Tags(h); i++)
		total += galeed_Record_get_Tags(h, i);

	int32_t scores[16];
	int32_t max = 0;
	for (size_t from = 0, got; (got = galeed_Record_copy_Scores(h, from, scores, 16)) > 0; from += got)
		for (size_t i = 0; i < got; i++) {
			total += scores[i];
			if (scores[i] > max)
				max = scores[i];
		}

	// Normalize the scores in place, to per mille of the highest, 16 at a
	// time. Copy-in is given the whole buffer: it writes only the elements
	// the slice has, never past its length (the last chunk is short).
	if (max > 0)
		for (size_t from = 0, got; (got = galeed_Record_copy_Scores(h, from, scores, 16)) > 0; from += got) {
			for (size_t i = 0; i < got; i++)
				scores[i] = scores[i] <= 0 ? 0 : int32_t(int64_t(scores[i]) * 1000 / max);
			if (galeed_Record_copyin_Scores(h, from, scores, 16) != got)
				break; // the slice changed meanwhile
		}

	total += galeed_Owner_get_Balance(galeed_Record_get_Owner(h));

	r->Total = total;
	r->Seen = true;
	galeed_Record_set_Tags(h, 0, galeed_Record_get_Tags(h, 0) + 1);
	return len;
}
