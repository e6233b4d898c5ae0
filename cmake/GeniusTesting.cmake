# genius_add_test(NAME SOURCES ... LIBS ... LABELS ...) adds one Qt Test executable and
# registers it with CTest. Every test runs headless and in the C locale; each test enables
# QStandardPaths test mode or passes its own temporary profile, so no real profile is touched.
function(genius_add_test name)
    cmake_parse_arguments(arg "" "TIMEOUT" "SOURCES;LIBS;LABELS;ENVIRONMENT;COMMAND_PREFIX" ${ARGN})
    add_executable(${name} ${arg_SOURCES})
    target_link_libraries(${name} PRIVATE Qt6::Test genius_compiler_options ${arg_LIBS})
    target_include_directories(${name} PRIVATE "${PROJECT_SOURCE_DIR}" "${PROJECT_SOURCE_DIR}/tests")
    add_test(NAME ${name} COMMAND ${arg_COMMAND_PREFIX} $<TARGET_FILE:${name}>)
    if(NOT arg_TIMEOUT)
        set(arg_TIMEOUT 120)
    endif()
    set_tests_properties(${name} PROPERTIES
        LABELS "${arg_LABELS}"
        TIMEOUT ${arg_TIMEOUT}
        ENVIRONMENT "QT_QPA_PLATFORM=offscreen;LC_ALL=C.UTF-8;LANGUAGE=;${arg_ENVIRONMENT}")
endfunction()
