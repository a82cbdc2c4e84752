// A library with nothing that can write PKRU.
int clean_add(int a, int b) { return a + b; }
