/* LAB(syscall.impl): getppid(2) goes here (labs/syscall/README.md). */
