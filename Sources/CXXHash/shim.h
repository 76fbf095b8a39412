// xxHash (Debian: libxxhash-dev), for the digests of written files that let a build skip reading them again.
#include <xxhash.h>
