// Drives generated accessors of testdata/src/paper and kitchen over C
// copies of the structs (go/handles' stub registry stands in for Go). With
// no argument it checks every accessor and prints "ok"; with the name of a
// bad store it makes it, which must abort before entering Go mode. Buffers
// the accessors are given (copy's dst, copyin's src, the views) are, at the
// end, in stub_c_only memory: accessors must touch them in C mode only.
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "galeed.h"
#include "kitchen_galeed.h"
#include "paper_galeed.h"

extern int stub_in_go, stub_entries;
void *stub_c_only(size_t n);

#define CHECK(e)                                                         \
	do {                                                                 \
		if (!(e)) {                                                      \
			fprintf(stderr, "%s:%d: check failed: %s\n", __FILE__, __LINE__, #e); \
			exit(1);                                                     \
		}                                                                \
	} while (0)

// acquire takes a handle as the cgo wrapper would, in Go mode.
static galeed_handle acquire(const void *p, uint32_t type) {
	galeed_enter_go();
	galeed_handle h = galeed_handle_acquire(p, type);
	galeed_leave_go();
	return h;
}

static void on_abort(int sig) {
	(void)sig;
	char msg[64];
	int n = snprintf(msg, sizeof msg, "aborted after %d entries into Go mode\n", stub_entries);
	write(2, msg, (size_t)n);
	_exit(3);
}

static const char text[] = "hello world";
static float weights[] = {0.5f, 1.5f, 2.5f};
static uint8_t palette[] = {0, 1, 2, 0};

int main(int argc, char **argv) {
	// The paper's example: C adds 5 to a Go struct's int field.
	struct Counter c = {.N = 37};
	galeed_handle hc = acquire(&c, GALEED_TYPE_Counter);
	galeed_Counter_set_N(hc, galeed_Counter_get_N(hc) + 5);
	CHECK(c.N == 42);
	galeed_Counter_set_0(hc, galeed_Counter_get_0(hc) + 5);
	CHECK(c.N == 47);

	struct Shape next = {0};
	struct Point pt = {.X = 1, .Y = 2};
	struct Shape s = {
		.Name = {text, (intptr_t)strlen(text)},
		.Weights = {weights, 3, 3},
		.Next = &next,
		.Point = &pt,
		.Origin = {.X = 3, .Y = 4},
		.Corners = {1, 2, 3, 4},
		.Palette = {palette, 4, 4},
	};
	galeed_handle h = acquire(&s, GALEED_TYPE_Shape);
	stub_entries = 0;

	if (argc > 1) {
		signal(SIGABRT, on_abort);
		if (!strcmp(argv[1], "bool"))
			galeed_Shape_set_Visible(h, 2);
		else if (!strcmp(argv[1], "enum"))
			galeed_Shape_set_Color(h, 3);
		else if (!strcmp(argv[1], "signed-enum"))
			galeed_Shape_set_8(h, -2);
		else if (!strcmp(argv[1], "index"))
			galeed_Shape_get_Corners(h, 4);
		else if (!strcmp(argv[1], "bool-element"))
			galeed_Shape_set_Flags(h, 0, 7);
		else if (!strcmp(argv[1], "copyin-bool"))
			galeed_Shape_copyin_Flags(h, 0, (const uint8_t[]){1, 0, 2}, 3);
		else if (!strcmp(argv[1], "copyin-enum"))
			// The bad element is past the slice's end: never to be written,
			// still refused, and so is the good one before it.
			galeed_Shape_copyin_13(h, 3, (const uint8_t[]){2, 3}, 2);
		else if (!strcmp(argv[1], "write")) {
			struct Shape_view v = {.Step = 5};
			galeed_Shape_write(h, &v);
		}
		fprintf(stderr, "%s: no abort\n", argv[1]);
		return 1;
	}

	char buf[32];
	CHECK(galeed_Shape_len_Name(h) == 11);
	CHECK(galeed_Shape_copy_Name(h, 6, buf, sizeof buf) == 5 && !memcmp(buf, "world", 5));
	CHECK(galeed_Shape_copy_0(h, 0, buf, 4) == 4 && !memcmp(buf, "hell", 4));
	CHECK(galeed_Shape_copy_Name(h, 11, buf, sizeof buf) == 0);
	CHECK(galeed_Shape_copy_Name(h, 100, buf, sizeof buf) == 0);

	float w[8];
	CHECK(galeed_Shape_len_Weights(h) == 3);
	CHECK(galeed_Shape_copy_Weights(h, 1, w, 8) == 2 && w[0] == 1.5f && w[1] == 2.5f);

	galeed_Shape_set_Visible(h, 1);
	galeed_Shape_set_Color(h, 2);
	galeed_Shape_set_Step(h, -1);
	CHECK(s.Visible == 1 && s.Color == 2 && s.Step == -1);
	CHECK(galeed_Shape_get_1(h) == 1 && galeed_Shape_get_Color(h) == 2 && galeed_Shape_get_Step(h) == -1);

	galeed_Shape_set_Corners(h, 3, 40);
	CHECK(s.Corners[3] == 40 && galeed_Shape_get_4(h, 3) == 40);
	int16_t corners[4];
	CHECK(galeed_Shape_len_Corners(h) == 4);
	CHECK(galeed_Shape_copy_Corners(h, 2, corners, 4) == 2 && corners[0] == 3 && corners[1] == 40);
	galeed_Shape_set_Flags(h, 2, 1);
	CHECK(s.Flags[2] == 1 && galeed_Shape_get_Flags(h, 2) == 1);

	galeed_handle origin = galeed_Shape_get_Origin(h);
	CHECK(galeed_Point_get_X(origin) == 3 && galeed_Point_get_1(origin) == 4);
	galeed_Point_set_X(origin, 30);
	CHECK(s.Origin.X == 30);
	galeed_handle nh = galeed_Shape_get_Next(h);
	CHECK(nh != 0 && nh != h && nh == galeed_Shape_get_6(h));
	CHECK(galeed_Shape_get_Next(nh) == 0);
	CHECK(galeed_Point_get_Y(galeed_Shape_get_Point(h)) == 2);

	struct Shape_view v;
	galeed_Shape_read(h, &v);
	CHECK(v.Visible == 1 && v.Color == 2 && v.Step == -1);
	v.Color = 0;
	v.ID = 99;
	v.small = -3;
	v.Temp = 21.5f;
	galeed_Shape_write(h, &v);
	CHECK(s.Color == 0 && s.ID == 99 && s.small == -3 && s.Temp == 21.5f && s.Visible == 1);

	// copyin: within the Go length, never past it, one gate crossing each.
	int before = stub_entries;
	CHECK(galeed_Shape_copyin_Weights(h, 1, (const float[]){7.5f, 8.5f, 9.5f, 10.5f}, 4) == 2);
	CHECK(weights[0] == 0.5f && weights[1] == 7.5f && weights[2] == 8.5f);
	CHECK(galeed_Shape_copyin_5(h, 3, (const float[]){1.0f}, 1) == 0 && weights[2] == 8.5f);
	CHECK(galeed_Shape_copyin_Weights(h, 100, (const float[]){1.0f}, 1) == 0);
	CHECK(galeed_Shape_copyin_Weights(h, 0, NULL, 0) == 0);
	CHECK(galeed_Shape_len_Weights(h) == 3);
	CHECK(galeed_Shape_copyin_Corners(h, 1, (const int16_t[]){10, 20, 30, 40, 50}, 5) == 3);
	CHECK(s.Corners[0] == 1 && s.Corners[1] == 10 && s.Corners[2] == 20 && s.Corners[3] == 30);
	CHECK(galeed_Shape_copyin_4(h, 4, (const int16_t[]){9}, 1) == 0 && s.Corners[3] == 30);
	CHECK(galeed_Shape_copyin_Flags(h, 0, (const uint8_t[]){0, 1, 0}, 3) == 3);
	CHECK(s.Flags[0] == 0 && s.Flags[1] == 1 && s.Flags[2] == 0);
	CHECK(galeed_Shape_copyin_9(h, 2, (const uint8_t[]){1, 1}, 2) == 1 && s.Flags[2] == 1);
	CHECK(galeed_Shape_len_Palette(h) == 4);
	CHECK(galeed_Shape_copyin_Palette(h, 2, (const uint8_t[]){1, 2, 0}, 3) == 2);
	CHECK(palette[0] == 0 && palette[1] == 1 && palette[2] == 1 && palette[3] == 2);
	uint8_t colors[4];
	CHECK(galeed_Shape_copy_13(h, 0, colors, 4) == 4 && !memcmp(colors, palette, 4));
	CHECK(stub_entries - before == 12);

	// The caller's buffers are accessed in C mode only: stub_c_only memory
	// is inaccessible in Go mode. Longer than GALEED_GEN_BOUNCE bytes, they
	// go in chunks, one gate crossing each.
	static char long_name[600];
	static float long_weights[100];
	static uint8_t long_palette[600];
	for (int i = 0; i < 600; i++) {
		long_name[i] = (char)('a' + i % 26);
		long_palette[i] = (uint8_t)(i % 3);
	}
	for (int i = 0; i < 100; i++)
		long_weights[i] = (float)i;
	struct Shape big = {
		.Name = {long_name, 600},
		.Weights = {long_weights, 100, 100},
		.Palette = {long_palette, 600, 600},
	};
	galeed_handle hb = acquire(&big, GALEED_TYPE_Shape);
	char *cname = stub_c_only(700);
	float *cweights = stub_c_only(200 * sizeof(float));
	uint8_t *cpalette = stub_c_only(600);
	int16_t *ccorners = stub_c_only(4 * sizeof(int16_t));
	struct Shape_view *cview = stub_c_only(sizeof *cview);
#define CROSSINGS(e, n)                 \
	do {                                 \
		int entries0 = stub_entries;     \
		CHECK(e);                        \
		CHECK(stub_entries - entries0 == (n)); \
	} while (0)
	CROSSINGS(galeed_Shape_copy_Name(hb, 0, cname, 700) == 600, 3); // 256 + 256 + 88
	CHECK(!memcmp(cname, long_name, 600));
	CROSSINGS(galeed_Shape_copy_Name(hb, 100, cname, 256) == 256, 1);
	CHECK(!memcmp(cname, long_name + 100, 256));
	CROSSINGS(galeed_Shape_copy_Name(hb, 344, cname, 700) == 256, 1); // up to the end
	CROSSINGS(galeed_Shape_copy_Name(hb, 600, cname, 10) == 0, 1);
	CROSSINGS(galeed_Shape_copy_Name(hb, 0, cname, 0) == 0, 1);
	CROSSINGS(galeed_Shape_copy_Weights(hb, 0, cweights, 200) == 100, 2); // 64 + 36
	CHECK(cweights[0] == 0.0f && cweights[63] == 63.0f && cweights[64] == 64.0f && cweights[99] == 99.0f);
	for (int i = 0; i < 200; i++)
		cweights[i] = (float)(1000 + i);
	CROSSINGS(galeed_Shape_copyin_Weights(hb, 10, cweights, 200) == 90, 2); // 64 + 26
	CHECK(long_weights[9] == 9.0f && long_weights[10] == 1000.0f && long_weights[99] == 1089.0f);
	CROSSINGS(galeed_Shape_copyin_Weights(hb, 100, cweights, 200) == 0, 1);
	for (int i = 0; i < 600; i++)
		cpalette[i] = (uint8_t)(2 - i % 3);
	CROSSINGS(galeed_Shape_copyin_Palette(hb, 0, cpalette, 600) == 600, 3);
	CHECK(!memcmp(long_palette, cpalette, 600));
	memset(cpalette, 0, 600);
	CROSSINGS(galeed_Shape_copy_Palette(hb, 0, cpalette, 600) == 600, 3);
	CHECK(!memcmp(long_palette, cpalette, 600));
	CROSSINGS(galeed_Shape_copy_Corners(h, 0, ccorners, 4) == 4, 1);
	CHECK(ccorners[0] == 1 && ccorners[3] == 30);
	ccorners[0] = 5;
	CROSSINGS(galeed_Shape_copyin_Corners(h, 0, ccorners, 1) == 1, 1);
	CHECK(s.Corners[0] == 5);
	CROSSINGS((galeed_Shape_read(h, cview), 1), 1);
	CHECK(cview->ID == 99 && cview->small == -3 && cview->Visible == 1);
	cview->ID = 100;
	CROSSINGS((galeed_Shape_write(h, cview), 1), 1);
	CHECK(s.ID == 100);

	CHECK(!stub_in_go);
	printf("ok after %d entries into Go mode\n", stub_entries);
	return 0;
}
