// Drives generated accessors of testdata/src/paper and kitchen over C
// copies of the structs (go/handles' stub registry stands in for Go). With
// no argument it checks every accessor and prints "ok"; with the name of a
// bad store it makes it, which must abort before entering Go mode.
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "galeed.h"
#include "kitchen_galeed.h"
#include "paper_galeed.h"

extern int stub_in_go, stub_entries;

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

	CHECK(!stub_in_go);
	printf("ok after %d entries into Go mode\n", stub_entries);
	return 0;
}
