/* A C program without cgo wrappers. */
int main(void) { return 0; }
