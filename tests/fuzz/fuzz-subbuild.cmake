# Included by tests/CMakeLists.txt. libFuzzer comes with clang, so the fuzz targets are a sub-build of this
# same source tree with clang (SRLLM_FUZZ=ON, see tests/fuzz/CMakeLists.txt) in BUILD/fuzz, built with
# everything else; each target then runs SRLLM_FUZZ_SECONDS under the ctest label "fuzz" (bench/fuzz runs
# them for longer). Without a clang that links -fsanitize=fuzzer the targets are left out, with a message.
option(SRLLM_FUZZ_TARGETS "Build the fuzz targets (a clang sub-build) and run them briefly under ctest" ON)
set(SRLLM_FUZZ_SECONDS 3 CACHE STRING "Seconds each fuzz target runs under ctest (label fuzz): a smoke run")
if(NOT SRLLM_FUZZ_TARGETS)
  return()
endif()
find_program(SRLLM_FUZZ_CXX NAMES clang++-14 clang++)
if(SRLLM_FUZZ_CXX)
  set(probe ${CMAKE_CURRENT_BINARY_DIR}/fuzz-probe.cpp)
  file(WRITE ${probe} "#include <cstddef>\n#include <cstdint>\nextern \"C\" int LLVMFuzzerTestOneInput(const uint8_t*, size_t) { return 0; }\n")
  execute_process(COMMAND ${SRLLM_FUZZ_CXX} -fsanitize=fuzzer,address,undefined ${probe} -o ${probe}.out
                  RESULT_VARIABLE probe_failed OUTPUT_QUIET ERROR_QUIET)
endif()
if(NOT SRLLM_FUZZ_CXX OR probe_failed)
  message(STATUS "fuzz: no clang++ with libFuzzer (Debian: clang-14, libclang-rt-14-dev); fuzz targets left out")
  return()
endif()

include(ExternalProject)
set(fuzz_build ${CMAKE_BINARY_DIR}/fuzz)
# -O1 -g without NDEBUG: asserts (nlohmann's among them) stay on, stack traces stay readable.
ExternalProject_Add(srllm_fuzz
  SOURCE_DIR ${PROJECT_SOURCE_DIR}
  BINARY_DIR ${fuzz_build}
  CMAKE_GENERATOR Ninja
  CMAKE_ARGS -DCMAKE_CXX_COMPILER=${SRLLM_FUZZ_CXX} -DCMAKE_BUILD_TYPE=RelWithDebInfo
             "-DCMAKE_CXX_FLAGS_RELWITHDEBINFO=-O1 -g" -DCMAKE_CXX_COMPILER_LAUNCHER=${CMAKE_CXX_COMPILER_LAUNCHER}
             -DSRLLM_FUZZ=ON -DSRLLM_ENGINE=OFF -DSRLLM_GUI=OFF -DSRLLM_TESTS=OFF -DSRLLM_BENCH=OFF
             -DSRLLM_WERROR=${SRLLM_WERROR}
  INSTALL_COMMAND ""
  BUILD_ALWAYS ON)

file(STRINGS ${CMAKE_CURRENT_LIST_DIR}/targets.txt fuzz_lines REGEX "^[a-z]")
foreach(line ${fuzz_lines})
  string(REGEX MATCH "^[^ ]+" name "${line}")
  add_test(NAME fuzz.${name}
           COMMAND bash ${CMAKE_CURRENT_LIST_DIR}/run-fuzz.sh ${name} ${SRLLM_FUZZ_SECONDS} ${fuzz_build}/tests/fuzz
                   ${CMAKE_BINARY_DIR}/fuzz-runs)
  math(EXPR limit "${SRLLM_FUZZ_SECONDS} * 4 + 60")
  set_tests_properties(fuzz.${name} PROPERTIES LABELS fuzz TIMEOUT ${limit})
endforeach()
