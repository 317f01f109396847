# One INTERFACE target carries the language level, warnings and the strict Qt defines for
# every target of the project (qBittorrent's CommonConfig habit).
add_library(kessai_options INTERFACE)
target_compile_features(kessai_options INTERFACE cxx_std_20)
set(CMAKE_CXX_EXTENSIONS OFF)

target_compile_definitions(kessai_options INTERFACE
    QT_NO_CAST_FROM_ASCII
    QT_NO_CAST_TO_ASCII
    QT_NO_CAST_FROM_BYTEARRAY
    QT_USE_QSTRINGBUILDER
    QT_NO_NARROWING_CONVERSIONS_IN_CONNECT
    QT_NO_URL_CAST_FROM_STRING
    QT_NO_FOREACH
    QT_STRICT_ITERATORS
    QT_DISABLE_DEPRECATED_UP_TO=0x060400)
if(Qt6_VERSION VERSION_GREATER_EQUAL 6.7)
    target_compile_definitions(kessai_options INTERFACE QT_NO_CONTEXTLESS_CONNECT)
endif()

target_compile_options(kessai_options INTERFACE
    -Wall -Wextra -Wpedantic -Wshadow -Wnon-virtual-dtor -Wold-style-cast -Wcast-align
    -Woverloaded-virtual -Wimplicit-fallthrough
    $<$<BOOL:${KESSAI_WERROR}>:-Werror>)

if(KESSAI_SANITIZE)
    target_compile_options(kessai_options INTERFACE
        -fsanitize=address,undefined -fno-omit-frame-pointer -fno-sanitize-recover=undefined)
    target_link_options(kessai_options INTERFACE -fsanitize=address,undefined)
endif()

# libFuzzer: every library instrumented for coverage and checked by ASan and UBSan; only the
# fuzz targets (tests/fuzz) link the fuzzer's main().
if(KESSAI_FUZZ)
    if(NOT CMAKE_CXX_COMPILER_ID MATCHES "Clang")
        message(FATAL_ERROR "KESSAI_FUZZ needs clang (the fuzz preset uses clang++-14)")
    endif()
    target_compile_options(kessai_options INTERFACE
        -fsanitize=fuzzer-no-link,address,undefined -fno-omit-frame-pointer -fno-sanitize-recover=undefined)
    target_link_options(kessai_options INTERFACE -fsanitize=address,undefined)
endif()
