# page_cache.sh: sourced by the benchmarks that read a corpus, so that every timed command
# starts from the same page-cache state whichever tool it runs.
#
# Why: on the development VM the kernel gives back the page cache of a folder within tens of
# seconds (32 MB of SpamAssassin went from fully cached to 12% cached in 30 s), and reading
# it from the virtual disk instead of memory adds about 0.45 s to `nmftopics fit`. Without
# this, the first tool of each round read from disk and the next one from memory.
#
#   BENCH_CACHE=warm (default)  read the corpus once just before each timed command, so all
#                               read it from memory: what a second run on a folder sees
#   BENCH_CACHE=cold            drop the page cache just before each timed command (needs
#                               write access to /proc/sys/vm/drop_caches, i.e. root): what a
#                               first run on a folder sees
BENCH_CACHE=${BENCH_CACHE:-warm}
case $BENCH_CACHE in
warm) ;;
cold) [ -w /proc/sys/vm/drop_caches ] || {
          echo "BENCH_CACHE=cold needs write access to /proc/sys/vm/drop_caches (root)" >&2
          exit 1; } ;;
*) echo "BENCH_CACHE must be warm or cold, not '$BENCH_CACHE'" >&2; exit 1 ;;
esac

# prepare_cache DIR: puts DIR's files in the state BENCH_CACHE asks for.
prepare_cache() {
    if [ "$BENCH_CACHE" = cold ]; then
        sync
        echo 1 > /proc/sys/vm/drop_caches
    else
        find "$1" -type f -exec cat {} + > /dev/null
    fi
}
