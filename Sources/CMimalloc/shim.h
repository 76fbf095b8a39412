// mimalloc, Microsoft's allocator (Debian: libmimalloc-dev). Linking the kardes executable against its shared
// library puts its malloc and free in front of glibc's for the whole process, Swift runtime included.
#include <mimalloc.h>
