// Whether this CPU is QEMU's TCG emulation: nonzero if so.
int galeed_under_tcg(void);
