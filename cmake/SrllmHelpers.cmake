# Warnings shared by every target of ours; -Werror only when SRLLM_WERROR is on (CI).
function(srllm_warnings target)
  target_compile_options(${target} PRIVATE -Wall -Wextra -Wno-unused-parameter $<$<CXX_COMPILER_ID:GNU>:-Wno-restrict>)
  if(SRLLM_WERROR)
    target_compile_options(${target} PRIVATE -Werror)
  endif()
endfunction()

# Adds every *.cpp under the given folders (relative to the current source dir) to a library, plus the
# single FILES, minus the EXCLUDE ones (torch-free files of an engine area that a torch-free library owns).
# Globbing keeps one folder's owner from editing a shared list; CONFIGURE_DEPENDS picks up new files.
function(srllm_library target)
  cmake_parse_arguments(ARG "" "" "DIRS;FILES;EXCLUDE" ${ARGN})
  set(sources)
  foreach(dir ${ARG_DIRS})
    file(GLOB_RECURSE found CONFIGURE_DEPENDS ${CMAKE_CURRENT_SOURCE_DIR}/${dir}/*.cpp)
    list(APPEND sources ${found})
  endforeach()
  foreach(file ${ARG_FILES})
    list(APPEND sources ${CMAKE_CURRENT_SOURCE_DIR}/${file})
  endforeach()
  foreach(file ${ARG_EXCLUDE})
    list(REMOVE_ITEM sources ${CMAKE_CURRENT_SOURCE_DIR}/${file})
  endforeach()
  if(NOT sources)
    # An area nobody has written yet: an empty library keeps the targets that link it building.
    set(sources ${PROJECT_SOURCE_DIR}/cmake/empty.cpp)
  endif()
  add_library(${target} STATIC ${sources})
  target_include_directories(${target} PUBLIC ${PROJECT_SOURCE_DIR})
  srllm_warnings(${target})
endfunction()

# Whether a source file works with tensors (names torch or includes an engine header). Only those reuse the
# engine's precompiled <torch/torch.h>: it costs a file that never sees a tensor 5–10 s of compiling.
function(srllm_uses_tensors source out)
  file(STRINGS ${source} hits REGEX "torch|at::|core/(io|model|lora|train|generate|kernels)/|tensor-compare\\.h")
  if(hits)
    set(${out} ON PARENT_SCOPE)
  else()
    set(${out} OFF PARENT_SCOPE)
  endif()
endfunction()

# One test executable per source file (tests mirror the tree). GoogleTest cases become one ctest test
# each, and GTEST_SKIP (used when ../shared/data or a model is absent) shows as skipped, never passed.
# QT marks a Qt Test executable (GUI tests); it runs offscreen and reports skips through exit code 77.
function(srllm_add_test source)
  cmake_parse_arguments(ARG "QT" "LABEL" "LIBS" ${ARGN})
  get_filename_component(name ${source} NAME_WE)
  add_executable(${name} ${source})
  target_link_libraries(${name} PRIVATE ${ARG_LIBS})
  target_include_directories(${name} PRIVATE ${PROJECT_SOURCE_DIR} ${PROJECT_SOURCE_DIR}/tests)
  srllm_warnings(${name})
  set(labels ${ARG_LABEL})
  if(NOT labels)
    set(labels unit)
  endif()
  set(env "SRLLM_SOURCE_DIR=${PROJECT_SOURCE_DIR}"
          "SRLLM_SHARED_DATA=${PROJECT_SOURCE_DIR}/../shared/data"
          "SRLLM_CLI=$<TARGET_FILE:srllm>"
          "QT_QPA_PLATFORM=offscreen" "OMP_NUM_THREADS=2")
  if(ARG_QT)
    set_target_properties(${name} PROPERTIES AUTOMOC ON)  # Qt Test classes declare their slots with Q_OBJECT
    add_test(NAME ${name} COMMAND ${name} WORKING_DIRECTORY ${CMAKE_CURRENT_BINARY_DIR})
    set_tests_properties(${name} PROPERTIES LABELS "${labels}" SKIP_RETURN_CODE 77 ENVIRONMENT "${env}")
  else()
    target_link_libraries(${name} PRIVATE GTest::gtest GTest::gtest_main GTest::gmock)
    # gtest_discover_tests (CMake 3.25) splits a list-valued ENVIRONMENT into stray properties, so only the
    # first variable arrived; `cmake -E env` as the test executor passes them all, to discovery and runs.
    set_target_properties(${name} PROPERTIES CROSSCOMPILING_EMULATOR "${CMAKE_COMMAND};-E;env;${env}")
    gtest_discover_tests(${name} TEST_PREFIX "${name}." DISCOVERY_MODE PRE_TEST
      WORKING_DIRECTORY ${CMAKE_CURRENT_BINARY_DIR}
      PROPERTIES LABELS "${labels}")
  endif()
endfunction()
