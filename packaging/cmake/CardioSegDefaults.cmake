# Build defaults shared by every target: Release unless told otherwise, C++17, warnings.
if(NOT CMAKE_BUILD_TYPE AND NOT CMAKE_CONFIGURATION_TYPES)
    set(CMAKE_BUILD_TYPE Release CACHE STRING "Build type" FORCE)
endif()
set(CMAKE_CXX_STANDARD 17)
set(CMAKE_CXX_STANDARD_REQUIRED ON)
set(CMAKE_CXX_EXTENSIONS OFF)
set(CMAKE_EXPORT_COMPILE_COMMANDS ON)
set(CMAKE_POSITION_INDEPENDENT_CODE ON)

if(CARDIOSEG_LIBTORCH_PREFIX)
    list(PREPEND CMAKE_PREFIX_PATH "${CARDIOSEG_LIBTORCH_PREFIX}")
endif()

# Our own code builds clean with -Wall -Wextra; third-party headers come in as SYSTEM.
add_library(cardioseg_warnings INTERFACE)
target_compile_options(cardioseg_warnings INTERFACE
    $<$<CXX_COMPILER_ID:GNU,Clang>:-Wall -Wextra -Wpedantic>)
add_library(cardioseg::warnings ALIAS cardioseg_warnings)

# Sanitizers for the whole build (packaging/dev.sh sanitize): "address,undefined" and the like.
# Every target, our own and the tests, is instrumented; LibTorch, Qt and the other system
# libraries are not (see packaging/sanitizers/ for what their reports need).
option(CARDIOSEG_FUZZ "Build the fuzz targets with libFuzzer (clang; see packaging/fuzz.sh)" OFF)
set(CARDIOSEG_SANITIZE "" CACHE STRING "Sanitizers to build with (-fsanitize=…), e.g. address,undefined")
if(CARDIOSEG_SANITIZE)
    add_compile_options(-fsanitize=${CARDIOSEG_SANITIZE} -fno-omit-frame-pointer -fno-sanitize-recover=undefined)
    add_link_options(-fsanitize=${CARDIOSEG_SANITIZE})
endif()
# The fuzzer is guided by the coverage of the code it reaches: every library of ours is
# instrumented for it, not only the fuzz targets' own files.
if(CARDIOSEG_FUZZ)
    add_compile_options(-fsanitize=fuzzer-no-link)
endif()

# Hardening as Debian builds its own packages (dpkg-buildflags): fortified libc calls, a stack
# protector, full RELRO with immediate binding. Sanitizer and fuzzing builds bring their own.
option(CARDIOSEG_HARDENING "Build with Debian's hardening flags" ON)
if(CARDIOSEG_HARDENING AND NOT CARDIOSEG_SANITIZE AND NOT CARDIOSEG_FUZZ AND CMAKE_CXX_COMPILER_ID MATCHES "GNU|Clang")
    add_compile_options(-fstack-protector-strong $<$<NOT:$<CONFIG:Debug>>:-D_FORTIFY_SOURCE=2>)
    add_link_options(LINKER:-z,relro LINKER:-z,now)
endif()
