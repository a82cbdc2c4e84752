/* Entry point for the executable fixtures. */
int main(void) { return 0; }
