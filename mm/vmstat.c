/* mm/vmstat.c: the memory counters of mm/vmstat.h and their names. */
#include "mm/vmstat.h"

uint32_t vmstat[VM_NR_ITEMS];

static const char *const names[VM_NR_ITEMS] = {
	[VM_FAULT_ANON] = "fault_anon",
	[VM_FAULT_FILE] = "fault_file",
	[VM_FAULT_FILE_COPY] = "fault_file_copy",
	[VM_FAULT_COW_COPY] = "fault_cow_copy",
	[VM_FAULT_COW_REUSE] = "fault_cow_reuse",
	[VM_FAULT_SHMEM] = "fault_shmem",
	[VM_FRAMES_ALLOC] = "frames_alloc",
	[VM_FRAMES_FREED] = "frames_freed",
	[VM_PAGES_COPIED] = "pages_copied",
	[VM_PAGES_SHARED] = "pages_shared",
	[VM_PGTABLES_MADE] = "pgtables_made",
	[VM_TLB_FLUSH_PAGE] = "tlb_flush_page",
	[VM_TLB_FLUSH_ALL] = "tlb_flush_all",
	[VM_ALLOCSTALL] = "allocstall",       /* Linux's allocstall_*, */
	[VM_PGSTEAL_DIRECT] = "pgsteal_direct",
	[VM_ALLOC_FAIL] = "alloc_fail",       /* pagoda's own */
	[VM_OOM_KILL] = "oom_kill",           /* and oom_kill */
};

const char *vmstat_name(enum vmstat_item i)
{
	return i < VM_NR_ITEMS ? names[i] : "?";
}
