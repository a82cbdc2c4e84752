/* A cgo wrapper in a binary that does not link the gates. */
void void_f(void) {}

void _cgo_0123456789ab_Cfunc_void_f(void *v) { void_f(); }

int main(void) { return 0; }
