// SPDX-License-Identifier: GPL-3.0-or-later
// Linked as an object (never through an archive, which would drop it): fills the platform catalogue
// before main() for programs that do not call PlatformFactory::registerPlatforms() themselves (the tests).
#include "platformfactory.h"

namespace {
const bool registered = [] {
    PlatformFactory::registerPlatforms();
    return true;
}();
} // namespace
