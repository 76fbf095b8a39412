#if canImport(CMimalloc)
import CMimalloc
#endif

/// The memory allocator the kardes executable runs on.
///
/// On Linux it is mimalloc: the executable links its shared library, which places mimalloc's `malloc` and `free`
/// ahead of glibc's for the whole process, the Swift runtime and Foundation included. A build allocates and frees
/// millions of small strings, arrays and boxes from several threads; with glibc's allocator about a fifth of loading
/// was spent inside `malloc` and `free`. Measured on the shared 10,000-partnership corpus: about 8 % less wall time;
/// at 100,000 partnerships 7 % less CPU and a peak of 743 MiB instead of 927 MiB (docs/performance.md). The output
/// does not depend on the allocator. Only the executable links it; the libraries and their tests use the platform's.
enum Allocator {
    /// Its name, as `KARDES_TIMING=1` prints it.
    static var name: String {
        #if canImport(CMimalloc)
        "mimalloc \(mi_version() / 100).\(mi_version() % 100 / 10).\(mi_version() % 10)"
        #else
        "the platform's malloc"
        #endif
    }
}
