// Stands in for go/mpk's galeed.h in galeedgen's tests: the gates generated
// accessors call, implemented by stub.c to check they are called in pairs.
#ifndef GALEED_H
#define GALEED_H

void galeed_enter_go(void);
void galeed_leave_go(void);

#endif
