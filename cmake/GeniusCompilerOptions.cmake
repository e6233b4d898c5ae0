# Compiler warnings and hardening flags shared by every target of the project.
add_library(genius_compiler_options INTERFACE)
if(MSVC)
    target_compile_options(genius_compiler_options INTERFACE /W4 /permissive- /utf-8)
else()
    target_compile_options(genius_compiler_options INTERFACE
        -Wall -Wextra -Wpedantic -Wshadow -Wnon-virtual-dtor -Wold-style-cast
        -Wcast-align -Woverloaded-virtual
        -Wformat=2 -fstack-protector-strong)
    target_compile_definitions(genius_compiler_options INTERFACE
        $<$<NOT:$<CONFIG:Debug>>:_FORTIFY_SOURCE=2>)
endif()
target_compile_definitions(genius_compiler_options INTERFACE
    QT_NO_CAST_FROM_ASCII QT_NO_CAST_TO_ASCII QT_NO_URL_CAST_FROM_STRING
    QT_NO_CAST_FROM_BYTEARRAY QT_USE_QSTRINGBUILDER QT_NO_KEYWORDS
    QT_NO_FOREACH)

# genius_add_library(NAME SOURCES... ) creates one static library of the core or UI layer.
function(genius_add_library name)
    cmake_parse_arguments(arg "" "" "SOURCES;PUBLIC_LIBS;PRIVATE_LIBS" ${ARGN})
    add_library(${name} STATIC ${arg_SOURCES})
    target_include_directories(${name} PUBLIC "${PROJECT_SOURCE_DIR}")
    target_link_libraries(${name}
        PUBLIC ${arg_PUBLIC_LIBS}
        PRIVATE genius_compiler_options ${arg_PRIVATE_LIBS})
endfunction()
