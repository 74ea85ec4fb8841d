// Exposes libcmark (Debian `libcmark-dev`) to Swift.
#include <cmark.h>
