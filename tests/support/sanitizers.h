#pragma once
// Whether the test runs under AddressSanitizer (its shadow memory and quarantine change what a
// process's memory measures, so memory bounds are not checked there).

namespace cardioseg::testing {

constexpr bool underAddressSanitizer() {
#if defined(__SANITIZE_ADDRESS__)
    return true;
#elif defined(__has_feature)
#if __has_feature(address_sanitizer)
    return true;
#else
    return false;
#endif
#else
    return false;
#endif
}

}  // namespace cardioseg::testing
