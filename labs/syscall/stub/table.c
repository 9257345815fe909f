	/* LAB(syscall.table): the entry for __NR_getppid (64) goes here. */
