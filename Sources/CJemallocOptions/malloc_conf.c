// jemalloc's compiled-in options, read once before main (MALLOC_CONF in the environment
// still overrides them). thp:always backs the heap with transparent huge pages where the
// kernel offers them (`madvise` mode, the Debian default): a 100,000-entry export takes
// ~1.5 GiB, and 4 KiB pages meant ~540,000 page faults and up to a third of the run in
// the kernel; with huge pages ~10,000 faults and the run is ~15 % faster (bench/NOTES.md).
const char *malloc_conf = "thp:always,metadata_thp:always";
